"""``manage.py process_board``: remind the authors of posts that expire within a week (once
per post; daily from cron). Expired posts leave the board by themselves (``active()``)."""

from django.core.management.base import BaseCommand

from cms.board import services


class Command(BaseCommand):
    help = "Erinnert an Einträge bei „Gesucht & Geboten“, die bald ablaufen."

    def handle(self, *args, **options):
        self.stdout.write(f"{services.remind_expiring()} Erinnerungen")
