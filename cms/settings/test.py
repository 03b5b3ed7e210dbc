import os
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# A worker started by a test (tests/homepages/test_worker.py) is given the test's directories.
SITE_BUILD_DIR = Path(os.environ.get("SITE_BUILD_DIR", BASE_DIR / ".test-site-build"))  # noqa: F405
# Publishing in tests does not rebuild homepages unless a test asks for it.
HOMEPAGE_AUTO_REBUILD = False
# Failed builds are retried at once in tests.
SITE_BUILD_RETRY_DELAYS = [0, 0]
PORTAL_AUTO_REBUILD = False
# Nor lay out the brochure (seconds of PDF layout per club published in a test whose commits
# run their tasks at once, journeys and live servers); tests/brochure asks for it.
BROCHURE_AUTO_LAYOUT = False
# Tasks run at once in the test process; the tests of the worker itself (tests/homepages/
# test_worker.py) start a real ``db_worker`` with ``TASKS_BACKEND`` set to the database queue.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
WORKER_HOUSEKEEPING_INTERVAL = 0.2
WORKER_MAX_BACKOFF = 1
# A worker a test starts (tests/homepages/test_worker.py) keeps the test run's priority: the
# test waits for it, and on a busy CI machine a nicer worker only makes the test slower.
# tests/ops/test_worker_priority.py starts one with the default settings.
WORKER_NICE = int(os.environ.get("WORKER_NICE", "0"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A test database is thrown away: its commits (journeys, live servers, the worker tests)
    # need not wait for the disk.
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"  # noqa: F405
