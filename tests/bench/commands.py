"""Running the benchmark's commands from a test: in a process of their own, on their own
SQLite database whatever database the suite runs on."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The benchmark builds its own SQLite database: the suite's SQLite run covers it.
on_sqlite_run = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="the benchmark builds its own SQLite database whatever the suite runs on; "
    "the suite's SQLite run covers it",
)


def run(module: str, *arguments: str, timeout: int = 3600) -> subprocess.CompletedProcess:
    """``python -m <module> <arguments>`` from the repository's root, without the suite's
    settings and database."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "BENCH_DATABASE_URL")
    }
    return subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
