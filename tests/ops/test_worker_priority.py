"""The task worker runs at a lower CPU priority than the web server (``WORKER_NICE``), so an
editor's publish request gets a core first while builds run."""

import os
import time

from django.conf import settings

from cms.ops.management.commands import db_worker, start

DEFAULT_NICE = 10  # cms/settings/base.py (the test settings leave the priority alone)


def test_a_started_worker_runs_nicer_than_the_server(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'worker.sqlite3'}")
    # The settings ``manage.py start`` runs with (the test settings' task backend is immediate).
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    monkeypatch.delenv("WORKER_NICE", raising=False)
    own = os.getpriority(os.PRIO_PROCESS, 0)
    expected = min(19, own + DEFAULT_NICE)
    worker = start.start_worker()
    try:
        deadline = time.monotonic() + 60
        priority = own
        while time.monotonic() < deadline and worker.poll() is None:
            priority = os.getpriority(os.PRIO_PROCESS, worker.pid)
            if priority != own:
                break
            time.sleep(0.1)
        assert priority == expected
    finally:
        start.stop_worker(worker)


def test_no_increment_leaves_the_priority_alone(monkeypatch):
    calls = []
    monkeypatch.setattr(os, "nice", calls.append)
    db_worker.lower_priority(0)
    db_worker.lower_priority(-3)
    assert calls == []
    db_worker.lower_priority(4)
    assert calls == [4]


def test_a_refused_priority_change_is_logged_not_fatal(monkeypatch, caplog):
    def refuse(increment):
        raise PermissionError("not allowed here")

    monkeypatch.setattr(os, "nice", refuse)
    db_worker.lower_priority(10)
    assert "Could not lower the worker's priority" in caplog.text


def test_the_setting_is_read_from_the_environment():
    import subprocess
    import sys

    value = "15"

    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.WORKER_NICE)",
        ],
        env={**os.environ, "WORKER_NICE": value, "DJANGO_SETTINGS_MODULE": "cms.settings.base"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    assert out.stdout.strip() == value
