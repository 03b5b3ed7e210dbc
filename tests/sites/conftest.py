"""Fixtures of the site builder's tests."""

import pytest

from sites.engine import parallel


@pytest.fixture
def forks(monkeypatch):
    """The processes forked (the parent's count; each child counts in its own copy)."""
    made = []
    fork = parallel._fork

    def counting():
        pid = fork()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(parallel, "_fork", counting)
    return made
