"""``python -m bench``: generate a scaled district, measure, write results.

    python -m bench [--clubs 72] [--quick] [--out bench/results] [--work DIR]
                    [--database-url postgres://…] [--compare] [--build-sample N]

Writes ``<out>/<date>-<clubs>.json`` and ``.md``; ``--compare`` adds a table of how the
figures grow across the latest result of each size found in ``<out>``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--clubs", type=int, default=72, help="Clubs to generate (default 72)")
    parser.add_argument("--quick", action="store_true", help="Short runs (a smoke test)")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results", help="Results dir")
    parser.add_argument(
        "--work", type=Path, help="Database, media and builds (default bench/work/<clubs>)"
    )
    parser.add_argument("--database-url", help="PostgreSQL instead of a SQLite file")
    parser.add_argument("--compare", action="store_true", help="Growth table over results")
    parser.add_argument("--load-seconds", type=float, help="Duration of each load run")
    parser.add_argument(
        "--build-sample",
        type=int,
        help="Sites built by the builder measurement (default 250; 0: every site)",
    )
    parser.add_argument(
        "--only",
        type=lambda text: set(text.split(",")),
        help="Some measurements only: directory,lists,bundle,builder,load",
    )
    return parser.parse_args(argv)


def set_up(clubs: int, work: Path | None, database_url: str | None) -> Path:
    """Django with the benchmark's settings on its work directory (``bench/work/<clubs>``
    unless given) and database (its SQLite file unless ``database_url``)."""
    work = (work or BENCH_DIR / "work" / str(clubs)).resolve()
    work.mkdir(parents=True, exist_ok=True)
    os.environ["BENCH_WORK_DIR"] = str(work)
    os.environ["BENCH_FLOOR_DIR"] = str(work / "floor")
    if database_url:
        os.environ["BENCH_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    return work


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    work = set_up(args.clubs, args.work, args.database_url)
    from .run import Run

    run = Run(args, work)
    results = run.all()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "-quick" if args.quick else ("-" + "-".join(sorted(args.only)) if args.only else "")
    stem = f"{results['meta']['date']}-{args.clubs}{suffix}"
    json_path = args.out / f"{stem}.json"
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    from .report import comparison, markdown

    text = markdown(results)
    if args.compare:
        text += "\n" + comparison(args.out)
    (args.out / f"{stem}.md").write_text(text)
    print(text)
    print(f"Results: {json_path}")
    return 0


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": memory,
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "python": platform.python_version(),
        "system": platform.platform(),
        "host": socket.gethostname(),
    }


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def now() -> float:
    return time.perf_counter()


def python() -> str:
    return sys.executable
