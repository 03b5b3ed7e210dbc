"""The README's first command ends here: migrate, load the demo district if the database has
no clubs yet, then serve on 127.0.0.1:8000 with task workers beside the server (site builds
and e-mails run there, never in the request). Two workers, so that a club's homepage is not
held up while the other builds the portal; they stop with the server."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.clubs.models import ClubPage
from cms.ops.statistics import refresh_planner_statistics

WORKERS = 2
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _exit_on_signal(number, frame):
    raise SystemExit(128 + number)


def start_worker() -> subprocess.Popen:
    """``manage.py db_worker`` in its own process, with this process' settings module."""
    return subprocess.Popen(
        [sys.executable, "-m", "django", "db_worker", "--no-reload"],
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.dev", **os.environ},
    )


def stop_worker(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()  # the worker finishes the task it runs, then ends
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


class Command(BaseCommand):
    help = "Migrate, load the demo district if empty, and run the development server and worker."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Set up only, do not serve.")

    def handle(self, *args, addrport, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Datenbank ist aktuell.")
        if not ClubPage.objects.exists():
            self.stdout.write("Lade den Demo-Kreis (einmalig, dauert etwas) …")
        # load_demo is idempotent; on a filled database it only prints the logins.
        call_command("load_demo")
        refresh_planner_statistics()
        self.stdout.write(
            "Baue die Homepages und das Portal (nur geänderte Dateien werden geschrieben) …"
        )
        call_command("build_sites", all=True, portal=True, incremental=True)
        if no_serve:
            return
        workers = [start_worker() for _ in range(WORKERS)]
        pids = ", ".join(str(worker.pid) for worker in workers)
        self.stdout.write(
            self.style.SUCCESS(
                f"Vereinsnetz läuft auf http://{addrport}/ (Portal; Admin: /admin/); "
                f"die Task-Worker bauen die Websites nach dem Veröffentlichen (PID {pids})."
            )
        )
        # Stopped by a signal (``kill``, a closed terminal, a service manager) rather than
        # Ctrl+C, Python would end without ``finally`` and leave the workers running.
        previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
        for number in STOP_SIGNALS:
            signal.signal(number, _exit_on_signal)
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            for worker in workers:
                stop_worker(worker)
            for number, handler in previous.items():
                signal.signal(number, handler)
