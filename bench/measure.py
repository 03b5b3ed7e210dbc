"""Measuring tools: repeated timings with medians and percentiles, the peak memory of a process
tree, and a small asyncio load generator."""

from __future__ import annotations

import asyncio
import os
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path


def percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of ``samples``."""
    ordered = sorted(samples)
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def stats(seconds: list[float]) -> dict:
    """Median, p95 and mean in milliseconds."""
    return {
        "n": len(seconds),
        "median_ms": round(statistics.median(seconds) * 1000, 3),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 3),
        "mean_ms": round(statistics.fmean(seconds) * 1000, 3),
    }


SLOW_SECONDS = 1.0
SLOW_REPEAT = 5


def timed(call: Callable[[], object], *, repeat: int, warmup: int, before=None) -> dict:
    """Run ``call`` ``warmup`` times untimed, then ``repeat`` times timed (``before`` runs
    untimed ahead of each call, e.g. to invalidate a cache). A call slower than a second in
    the warm-up is timed ``SLOW_REPEAT`` times only (the median needs fewer samples there)."""
    for _ in range(max(1, warmup)):
        if before:
            before()
        started = time.perf_counter()
        call()
        if time.perf_counter() - started > SLOW_SECONDS:
            repeat = min(repeat, SLOW_REPEAT)
    samples = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return stats(samples)


def interleaved(calls: dict[str, Callable[[], object]], *, rounds: int, warmup: int) -> dict:
    """Time several fast calls in turn, one of each per round, so that each sees the same
    machine: on a shared machine the load changes within seconds, and a sub-millisecond call
    timed in a block of its own against another's block measures the load, not the call."""
    for _ in range(max(1, warmup)):
        for call in calls.values():
            call()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - started)
    return {name: stats(seconds) for name, seconds in samples.items()}


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


class PeakMemory:
    """Samples the resident memory of a process tree in a thread: the peak of the largest
    single process and of the whole tree, in MB. Use as a context manager."""

    def __init__(self, pid: int, interval: float = 0.1, skip_root: bool = False):
        self.pid = pid
        self.interval = interval
        self.skip_root = skip_root
        self.peak_process_kb = 0
        self.peak_total_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        pids = descendants(self.pid)
        if self.skip_root:
            pids = [pid for pid in pids if pid != self.pid]
        sizes = [rss_kb(pid) for pid in pids]
        if sizes:
            self.peak_process_kb = max(self.peak_process_kb, max(sizes))
            self.peak_total_kb = max(self.peak_total_kb, sum(sizes))

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def result(self) -> dict:
        return {
            "peak_process_mb": round(self.peak_process_kb / 1024, 1),
            "peak_total_mb": round(self.peak_total_kb / 1024, 1),
        }


async def _load(base_url: str, paths: list[str], seconds: float, concurrency: int) -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    statuses: dict[int, int] = {}
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30.0) as client:

        async def worker(offset: int) -> None:
            nonlocal errors
            position = offset
            while time.perf_counter() < deadline:
                path = paths[position % len(paths)]
                position += concurrency
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker(number) for number in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "errors": errors,
        "statuses": {str(code): count for code, count in sorted(statuses.items())},
        "concurrency": concurrency,
    }


def load(base_url: str, paths: list[str], seconds: float, concurrency: int = 16) -> dict:
    """Requests ``paths`` in turn from ``concurrency`` connections for ``seconds``."""
    return asyncio.run(_load(base_url, paths, seconds, concurrency))
