"""``python -m bench.rounds``: a full build first, then incremental builds of the portal after
each round's news, and the rounds' items removed at the end."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench
@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="the benchmark builds its own SQLite database whatever the suite runs on; "
    "the suite's SQLite run covers it",
)
def test_rounds_build_incrementally_after_each_rounds_news(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "BENCH_DATABASE_URL")
    }
    command = [sys.executable, "-m", "bench.rounds", "--clubs", "3", "--locales", "de"]
    command += ["--work", str(tmp_path / "work")]
    completed = subprocess.run(
        [*command, "--rounds", "3"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    rounds = re.findall(
        r"round (\d): (full|incremental) build .* (\d+) pages rendered", completed.stdout
    )
    assert [kind for _n, kind, _pages in rounds] == ["full", "incremental", "incremental"]
    # The news item: its club's profile, the newsroom's front page and month, the home.
    assert all(0 < int(pages) < 10 for _n, kind, pages in rounds if kind == "incremental")
    assert "incremental builds: median" in completed.stdout
    # A second run starts from the live portal of the first: no full build.
    again = subprocess.run(
        [*command, "--rounds", "1"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert "round 1: incremental build" in again.stdout
