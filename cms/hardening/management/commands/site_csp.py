from django.core.management.base import BaseCommand

from cms.hardening.csp import site_policy


class Command(BaseCommand):
    help = "Gibt die Content-Security-Policy der gebauten Websites für den Webserver aus."

    def handle(self, *args, **options):
        self.stdout.write(site_policy())
