"""``manage.py process_signups``: the periodic work of sign-ups, safe to run as often as
wanted (every 15 minutes in production): lapsed place offers go to the next person on the
waiting list, confirmed people are reminded the day before, and personal data is deleted
``SIGNUP_RETENTION_DAYS`` after the event."""

from django.core.management.base import BaseCommand

from cms.signups.tasks import process


class Command(BaseCommand):
    help = "Verfallene Platzangebote weitergeben, an morgen erinnern, alte Anmeldedaten löschen."

    def handle(self, *args, **options):
        expired, reminded, deleted = process()
        self.stdout.write(
            f"{expired} Angebote verfallen, {reminded} Erinnerungen, {deleted} Anmeldungen gelöscht"
        )
