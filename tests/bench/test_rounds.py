"""``python -m bench.rounds``: a full build first, then incremental builds of the portal after
each round's news, and the rounds' items removed at the end."""

import re

import pytest

from tests.bench.commands import on_sqlite_run, run


@pytest.mark.bench
@on_sqlite_run
def test_rounds_build_incrementally_after_each_rounds_news(tmp_path):
    options = ("--clubs", "3", "--locales", "de", "--work", str(tmp_path / "work"))
    completed = run("bench.rounds", *options, "--rounds", "3", timeout=1800)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    rounds = re.findall(
        r"round (\d): (full|incremental) build .* (\d+) pages rendered", completed.stdout
    )
    assert [kind for _n, kind, _pages in rounds] == ["full", "incremental", "incremental"]
    # The news item: its club's profile, the newsroom's front page and month, the home.
    assert all(0 < int(pages) < 10 for _n, kind, pages in rounds if kind == "incremental")
    assert "incremental builds after the first: median" in completed.stdout
    # A second run starts from the live portal of the first: no full build.
    again = run("bench.rounds", *options, "--rounds", "1", timeout=1800)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "round 1: incremental build" in again.stdout
