"""``manage.py start`` serves with task workers beside the server and stops them with it."""

import os
import signal

import pytest
from django.core.management import call_command

from cms.ops.management.commands import start

pytestmark = pytest.mark.django_db


def test_start_runs_workers_beside_the_server_and_stops_them_with_it(monkeypatch, tmp_path):
    started, steps = [], []
    real_start_worker = start.start_worker

    def start_worker():
        started.append(real_start_worker())
        return started[-1]

    def command(name, *args, **kwargs):
        steps.append(name)
        if name == "runserver":
            assert len(started) == start.WORKERS
            assert all(worker.poll() is None for worker in started), "workers run meanwhile"
            raise KeyboardInterrupt  # Ctrl+C in the terminal

    monkeypatch.setattr(start, "call_command", command)
    monkeypatch.setattr(start, "refresh_planner_statistics", lambda: None)
    monkeypatch.setattr(start, "start_worker", start_worker)
    # The workers get a database of their own: they only have to run, not find work.
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'worker.sqlite3'}")
    with pytest.raises(KeyboardInterrupt):
        call_command("start", "127.0.0.1:8199")
    assert steps == ["migrate", "load_demo", "build_sites", "runserver"]
    assert all(worker.poll() is not None for worker in started), "stopped with the server"
    assert "db_worker" in started[0].args


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_to_start_stops_the_workers_too(monkeypatch, tmp_path, number):
    """``kill <pid>`` (or a closed terminal) ended the command without its ``finally``: the
    two workers ran on, orphaned, after the server had gone."""
    started = []
    real_start_worker = start.start_worker

    def start_worker():
        started.append(real_start_worker())
        return started[-1]

    def command(name, *args, **kwargs):
        if name == "runserver":
            os.kill(os.getpid(), number)

    monkeypatch.setattr(start, "call_command", command)
    monkeypatch.setattr(start, "refresh_planner_statistics", lambda: None)
    monkeypatch.setattr(start, "start_worker", start_worker)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'worker.sqlite3'}")
    before = signal.getsignal(number)
    with pytest.raises(SystemExit):
        call_command("start", "127.0.0.1:8199")
    assert started and all(worker.poll() is not None for worker in started)
    assert signal.getsignal(number) == before
