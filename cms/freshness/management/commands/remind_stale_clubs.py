"""Mail every club whose profile is stale; meant for a weekly cron job:

0 7 * * 1  cd /srv/vereinsnetz && .venv/bin/python manage.py remind_stale_clubs
"""

from django.core.management.base import BaseCommand

from cms.freshness.tasks import remind_stale_clubs


class Command(BaseCommand):
    help = "E-Mail an jeden Verein, dessen Profil seit STALE_AFTER_DAYS Tagen unverändert ist."

    def handle(self, *args, **options):
        result = remind_stale_clubs.enqueue()
        if result.is_finished:
            value = result.return_value
            self.stdout.write(
                f"{len(value['sent'])} Erinnerungen verschickt, "
                f"{len(value['without_address'])} Vereine ohne Adresse."
            )
        else:
            self.stdout.write(f"Aufgabe eingereiht: {result.id}")
