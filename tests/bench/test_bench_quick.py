"""``python -m bench --quick`` as a smoke test: it runs end to end and every measurement yields
numbers. No time is asserted (times on a shared machine are noise); query counts are asserted
in tests/api/test_queries.py and tests/events."""

import json
import numbers

import pytest

from tests.bench.commands import on_sqlite_run, run

SECTIONS = ("meta", "directory", "lists", "bundle", "builder", "load", "targets")


def measurements(node, path=""):
    """Every timing/statistics dict in the results: (path, dict)."""
    if isinstance(node, dict):
        if "median_ms" in node or "rps" in node or "pages_per_s" in node:
            yield path, node
        for key, value in node.items():
            yield from measurements(value, f"{path}.{key}")


@pytest.mark.bench
@on_sqlite_run
def test_quick_run_writes_complete_results(tmp_path):
    out = tmp_path / "results"
    # Minutes on a loaded machine; about one when idle.
    completed = run(
        "bench",
        *("--quick", "--clubs", "4", "--load-seconds", "1", "--out", str(out)),
        *("--work", str(tmp_path / "work"), "--compare"),
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    [result_file] = out.glob("*-4-quick.json")
    assert result_file.with_suffix(".md").is_file()
    results = json.loads(result_file.read_text())
    assert set(SECTIONS) <= set(results)
    assert results["meta"]["clubs"] == 4 and results["meta"]["quick"] is True
    # 20 pages per club below the portal's own pages
    assert results["meta"]["pages"] >= 4 * 20

    found = dict(measurements(results))
    for name in ("uncached", "cached", "not_modified", "stock_v2_uncached", "floor"):
        assert f".directory.{name}" in found
    for name in ("all", "single_process", "floor"):
        assert f".builder.{name}" in found
    assert ".load.app_cached" in found and ".load.floor" in found
    for path, stat in found.items():
        if path.endswith((".waits", ".other")):  # parts of a request that may take nothing
            continue
        for key, value in stat.items():
            if key.endswith(("_ms", "rps", "pages_per_s", "_mb")):
                assert isinstance(value, numbers.Number) and value > 0, (path, key, value)
    for name in ("uncached", "cached", "not_modified", "stock_v2_uncached", "floor"):
        assert isinstance(results["directory"]["queries"][name], int)
    assert results["directory"]["queries"]["cached"] == 0
    assert results["load"]["app_cached"]["requests"] > 0
    assert results["load"]["floor"]["requests"] > 0
    assert results["builder"]["incremental"]["files_written"] > 0
    # Every admin POST the editors sent was timed by the server too (bench/timing.py).
    server = results["publishing"]["server_side"]
    assert set(server) == {"together", "alone", "alone-live"}
    assert server["together"]["wall"]["n"] == results["publishing"]["publish_request"]["n"]
    assert server["alone"]["wall"]["n"] == results["publishing"]["publish_request_one_editor"]["n"]
    assert all(phase["statements"] > 0 for phase in server.values())
    assert results["builder"]["all"]["peak_process_mb"] > 0
    assert {row["target"] for row in results["targets"]} and all(
        isinstance(row["met"], bool) for row in results["targets"]
    )
    # the demo database is untouched: the run used its own
    assert (tmp_path / "work" / "db.sqlite3").is_file()
