"""An idle worker looks at the queue every ``WORKER_POLL_INTERVAL`` seconds (0.1), not every
second as django-tasks-db does by default: a publish's builds wait that long for a worker,
twice (the homepage's, then the portal's). ``manage.py start``, the systemd unit of
docs/deploy.md and the benchmark run the worker with that default."""

import re

from django.conf import settings

from cms.ops.management.commands import start
from cms.ops.management.commands.db_worker import Command


def parsed(*args):
    return Command().create_parser("manage.py", "db_worker").parse_args(list(args))


def test_the_worker_looks_at_the_queue_as_often_as_the_setting_says(settings):
    # The worker serves the database queue (the test settings run tasks at once).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert parsed().interval == 0.1
    settings.WORKER_POLL_INTERVAL = 0.25
    assert parsed().interval == 0.25
    assert parsed("--interval", "2").interval == 2.0  # the option still overrides it


def test_start_and_the_deployed_unit_use_the_default(monkeypatch):
    started = []

    class Process:
        def __init__(self, args, **kwargs):
            started.append(args)

    monkeypatch.setattr(start.subprocess, "Popen", Process)
    start.start_worker()
    assert "db_worker" in started[0] and "--interval" not in started[0]
    deploy = (settings.BASE_DIR / "docs" / "deploy.md").read_text()
    unit = re.search(r"ExecStart=.*db_worker.*", deploy).group(0)
    assert "--interval" not in unit
