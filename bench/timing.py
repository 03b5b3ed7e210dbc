"""Where an admin ``POST`` spends its time on the server, for the publishing measurement.

The client's figure (``bench.run``: the editor's POST until the answer) is what the editor
waits for. This splits the server's part of it, per request, into

- ``cpu``: the gunicorn worker's own processor time outside database statements (a sync
  worker runs one request at a time, so the process' time is the request's);
- ``db``: wall time inside database statements (on PostgreSQL the round trips and the
  server's work; on SQLite, which runs in the worker's process, its work and the wait for
  the file's write lock); ``waits``: the part of it in statements over 5 ms;
- ``other``: the rest of the wall time: waiting for a core (two cores, three web workers, two
  task workers and the database) outside statements.

What the client waited beyond the server's wall time is the wait for a free web worker and
the transport. With five editors and three sync workers, two requests wait for one.

Only the benchmark's settings install it, and only when ``BENCH_TIMING_LOG`` names a file:
each timed request appends one JSON line there (``O_APPEND``: the workers' lines do not
interleave). The ``X-Bench-Phase`` header the bench sends names the request's phase.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

from django.db import connection

HEADER = "HTTP_X_BENCH_PHASE"
# A statement that took longer than this waited, for a lock or for the server (counted
# apart, as ``waits``).
WAIT_SECONDS = 0.005


class AdminPostTiming:
    def __init__(self, get_response):
        self.get_response = get_response
        self.log = os.environ.get("BENCH_TIMING_LOG", "")

    def __call__(self, request):
        if not self.log or request.method != "POST" or not request.path.startswith("/admin/"):
            return self.get_response(request)
        db = {"seconds": 0.0, "cpu": 0.0, "statements": 0, "waits": 0.0}

        def timed(execute, sql, params, many, context):
            started, cpu = time.perf_counter(), time.process_time()
            try:
                return execute(sql, params, many, context)
            finally:
                took = time.perf_counter() - started
                db["cpu"] += time.process_time() - cpu
                db["seconds"] += took
                db["statements"] += 1
                if took > WAIT_SECONDS:
                    db["waits"] += took

        wall, cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(timed):
            response = self.get_response(request)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu - db["cpu"]
        line = {
            "phase": request.META.get(HEADER, ""),
            "status": response.status_code,
            "wall": wall,
            "cpu": cpu,
            "db": db["seconds"],
            "waits": db["waits"],
            "other": max(0.0, wall - cpu - db["seconds"]),
            "statements": db["statements"],
        }
        descriptor = os.open(self.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(descriptor, (json.dumps(line) + "\n").encode())
        finally:
            os.close(descriptor)
        return response


def summary(log: Path) -> dict[str, dict]:
    """Per phase: median and p95 (ms) of each part, and the median number of statements."""
    from .measure import stats

    lines = [json.loads(text) for text in log.read_text().splitlines() if text.strip()]
    phases: dict[str, dict] = {}
    for phase in sorted({line["phase"] for line in lines}):
        chosen = [line for line in lines if line["phase"] == phase]
        phases[phase or "other"] = {
            **{
                part: stats([line[part] for line in chosen])
                for part in ("wall", "cpu", "db", "waits", "other")
            },
            "statements": statistics.median(line["statements"] for line in chosen),
        }
    return phases
