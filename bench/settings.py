"""Settings of a benchmark run: the project's own settings, with the database, media and site
build directories of the benchmark's work directory (never the demo's ``db.sqlite3``), and the
bench URLconf that adds the floor view. Set ``BENCH_WORK_DIR`` (and ``BENCH_DATABASE_URL`` for
PostgreSQL) before Django starts; ``bench.cli`` does."""

import os
from pathlib import Path

WORK_DIR = Path(os.environ.get("BENCH_WORK_DIR", Path(__file__).resolve().parent / "work"))
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or (
    f"sqlite:///{WORK_DIR / 'db.sqlite3'}"
)
os.environ["MEDIA_ROOT"] = str(WORK_DIR / "media")
os.environ["SITE_BUILD_DIR"] = str(WORK_DIR / "site-build")
# One process' local-memory cache per worker: the load is read-only, so workers need not
# share invalidations; and no run depends on a Redis someone else is using.
os.environ.pop("REDIS_URL", None)

from cms.settings.base import *  # noqa: E402, F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["*"]
# Publishing in the incremental-rebuild measurement rebuilds through the task backend; the
# benchmark runs that rebuild itself, timed.
HOMEPAGE_AUTO_REBUILD = False
# Likewise the portal: with the immediate task backend (the default without TASKS_BACKEND) a
# publish would rebuild the whole portal inside ``publish()`` and the figure would measure that,
# not Wagtail's publish (docs/deploy.md: production runs builds in a task worker).
PORTAL_AUTO_REBUILD = False
# The admin server of the publishing measurement (``bench.run``: gunicorn, as in production)
# requests the builds a publish needs, as a deployment does.
if os.environ.get("BENCH_AUTO_REBUILD") == "1":
    HOMEPAGE_AUTO_REBUILD = PORTAL_AUTO_REBUILD = True
# The publishing measurement's web server times each admin POST (bench/timing.py).
if os.environ.get("BENCH_TIMING_LOG"):
    MIDDLEWARE = ["bench.timing.AdminPostTiming", *MIDDLEWARE]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
# The task workers' builds are logged (cms.homepages: each portal build, incremental or full,
# with its time), into the run's worker logs (``bench.run``: ``work/worker-<n>.log``).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"timed": {"format": "%(asctime)s %(process)d %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "timed"}},
    "root": {"level": "WARNING", "handlers": ["stderr"]},
    "loggers": {"cms.homepages": {"level": "INFO"}},
}
