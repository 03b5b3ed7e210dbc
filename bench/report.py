"""The Markdown tables of a run, the issue's targets checked against it, and the growth
across runs of different sizes."""

from __future__ import annotations

import json
from pathlib import Path

QUERY_LIMIT = 10
SECTIONS = ("directory", "lists", "bundle", "builder", "load")


def targets(results: dict) -> list[dict]:
    if any(name not in results for name in SECTIONS):
        return []
    directory, lists, bundle = results["directory"], results["lists"], results["bundle"]
    builder, load = results["builder"], results["load"]
    queries = {
        "directory": directory["queries"]["uncached"],
        "events": lists["events"]["queries"],
        "news": lists["news"]["queries"],
        "bundle": bundle["queries"]["bundle"],
    }
    rows = [
        {
            "target": f"Queries per directory, events, news, bundle request ≤ {QUERY_LIMIT}",
            "value": ", ".join(f"{name} {count}" for name, count in queries.items()),
            "met": max(queries.values()) <= QUERY_LIMIT,
        },
        {
            "target": "Cached directory ≤ 1.5 × the floor",
            "value": f"{directory['ratio_to_floor']['cached']} ×",
            "met": directory["ratio_to_floor"]["cached"] <= 1.5,
        },
        {
            "target": "Uncached directory ≥ 5 × faster than stock /api/v2/",
            "value": f"{directory['stock_v2_over_uncached']} ×",
            "met": directory["stock_v2_over_uncached"] >= 5,
        },
        {
            "target": "build --all ≥ 300 pages/s (2 cores)",
            "value": f"{builder['all']['pages_per_s']} pages/s",
            "met": builder["all"]["pages_per_s"] >= 300,
        },
        {
            "target": "Incremental rebuild after one publish < 0.5 s",
            "value": f"{builder['incremental']['publish_to_swap_s']} s publish → swap "
            f"(publish {builder['incremental']['publish_s']} s, rebuild "
            f"{builder['incremental']['rebuild_s']} s; "
            f"{builder['incremental']['files_written']} files written)",
            "met": builder["incremental"]["publish_to_swap_s"] < 0.5,
        },
        {
            "target": "build --all peak RSS ≤ 300 MB (per process)",
            "value": f"{builder['all']['peak_process_mb']} MB",
            "met": builder["all"]["peak_process_mb"] <= 300,
        },
        {
            "target": "Under load ≥ 50 % of the floor's requests/s, 0 errors",
            "value": f"{round(load['app_over_floor_rps'] * 100)} %, "
            f"{load['app_cached']['errors']} errors",
            "met": load["app_over_floor_rps"] >= 0.5 and load["app_cached"]["errors"] == 0,
        },
    ]
    return rows


def _ms(stat: dict) -> str:
    return f"{stat['median_ms']:.1f} / {stat['p95_ms']:.1f}"


def markdown(results: dict) -> str:
    if any(name not in results for name in SECTIONS):
        return partial_markdown(results)
    meta, directory, lists = results["meta"], results["directory"], results["lists"]
    bundle, builder, load = results["bundle"], results["builder"], results["load"]
    machine = meta["machine"]
    ratio = directory["ratio_to_floor"]
    queries = directory["queries"]
    lines = [
        f"## Benchmark: {meta['clubs']} clubs, {meta['pages']} pages"
        f"{' (quick)' if meta['quick'] else ''}",
        "",
        f"{meta['date']} {meta['time_utc']} UTC, commit {meta['commit']}, {meta['database']}; "
        f"{machine['cpu']}, {machine['cores']} cores, {machine['memory_mb']} MB, "
        f"Python {machine['python']}; load average at start {machine['load_average']}. "
        f"{meta['note']}",
        "",
        "### API (in-process, through the full middleware stack; median / p95 ms)",
        "",
        "| Request | median / p95 ms | × floor | queries |",
        "|---|---|---|---|",
        f"| Directory uncached | {_ms(directory['uncached'])} | {ratio['uncached']} "
        f"| {queries['uncached']} |",
        f"| Directory cached | {_ms(directory['cached'])} | {ratio['cached']} "
        f"| {queries['cached']} |",
        f"| Directory 304 | {_ms(directory['not_modified'])} | {ratio['not_modified']} "
        f"| {queries['not_modified']} |",
        f"| Stock v2 `type=ClubPage&fields=*` uncached | {_ms(directory['stock_v2_uncached'])} "
        f"| {ratio['stock_v2_uncached']} | {queries['stock_v2_uncached']} |",
        f"| Floor (same bytes from memory) | {_ms(directory['floor'])} | 1.0 "
        f"| {queries['floor']} |",
    ]
    for name, item in lists.items():
        lines.append(
            f"| {name.capitalize()} `{item['url']}` uncached | {_ms(item['uncached'])} | "
            f"| {item['queries']} |"
        )
    lines += [
        f"| Bundle uncached ({len(bundle['clubs'])} clubs) | {_ms(bundle['bundle_uncached'])} "
        f"| | {bundle['queries']['bundle']} |",
        f"| Same via /api/v2/ page by page ({bundle['v2_requests_per_club']} requests) "
        f"| {_ms(bundle['v2_page_by_page_uncached'])} | "
        f"| {bundle['queries']['v2_page_by_page']} |",
        "",
        f"Stock v2 takes {directory['stock_v2_over_uncached']} × the uncached directory; "
        f"page by page through v2 takes {bundle['v2_over_bundle']} × the bundle.",
        "",
        *builder_lines(builder),
        "",
        f"### Under load ({load['server']}; {load['distinct_paths']} distinct paths, "
        f"{load['mix']}; {load['app_cached']['concurrency']} connections, "
        f"{load['app_cached']['seconds']} s)",
        "",
        "| Target | req/s | p50 / p95 / p99 ms | errors |",
        "|---|---|---|---|",
    ]
    for name, label in (("app_cached", "App (cached mixed load)"), ("floor", "Floor")):
        run = load[name]
        lines.append(
            f"| {label} | {run['rps']} | {run['p50_ms']} / {run['p95_ms']} / {run['p99_ms']} "
            f"| {run['errors']} |"
        )
    lines += [
        "",
        f"App at {round(load['app_over_floor_rps'] * 100)} % of the floor's requests/s. "
        f"Peak RSS of the API workers: {load['worker_memory']['peak_process_mb']} MB per worker.",
        "",
        "### Targets",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
    ]
    for row in results["targets"]:
        lines.append(f"| {row['target']} | {row['value']} | {'yes' if row['met'] else 'NO'} |")
    if results.get("portal"):
        lines += ["", *portal_lines(results["portal"])]
    if results.get("publishing"):
        lines += ["", *publishing_lines(results["publishing"])]
    return "\n".join(lines) + "\n"


def portal_lines(portal: dict) -> list[str]:
    """The portal built in full and incrementally (bench/run.py: ``portal``)."""
    processes = portal.get("processes", 1)
    shared = (
        f"its locales shared between {processes} processes (`SITE_BUILD_JOBS`, as the worker "
        "builds it)"
        if processes > 1
        else "in one process"
    )
    total = (
        f" (all {processes} processes: {portal['peak_rss_total_mb']} MB, shared pages counted "
        "in each)"
        if processes > 1 and "peak_rss_total_mb" in portal
        else ""
    )
    return [
        f"Portal build (every locale), warm, {shared}:",
        "",
        "| | |",
        "|---|---|",
        f"| Full build | {portal['full_s']} s, {portal['full_pages']} pages "
        f"({portal['full_pages_per_s']} pages/s), peak RSS {portal['peak_rss_mb']} MB{total} |",
        f"| Incremental after one news item (median of {portal['rounds']}) | "
        f"{portal['incremental_s']} s (max {portal['incremental_max_s']} s), "
        f"{portal['incremental_rendered']} pages rendered, "
        f"{portal['incremental_written']} files written |",
        f"| Full / incremental | {portal['ratio_full_to_incremental']} × |",
        *(
            [
                f"| Incremental after the club's profile edited (median of {portal['rounds']})"
                f" | {portal['profile_s']} s (max {portal['profile_max_s']} s), "
                f"{portal['profile_rendered']} pages rendered |"
            ]
            if "profile_s" in portal
            else []
        ),
    ]


def publishing_lines(publishing: dict) -> list[str]:
    """Publish to live with a real task worker (bench/run.py: ``publishing``)."""
    return [
        f"Publish → live, {publishing['editors']} editors publishing at once, "
        f"{publishing['publishes']} publishes, each the club editor's admin form POST "
        "(`action-publish`; the editors' requests: "
        f"{publishing.get('server', 'threads of the benchmark process')}; "
        "two real `db_worker` processes build; live = the new title in the "
        "club homepage, the portal profile and the newsroom files):",
        "",
        "| | median / p95 ms |",
        "|---|---|",
        f"| Admin publish request ({publishing['editors']} at once) "
        f"| {_ms(publishing['publish_request'])} |",
        f"| Admin publish request (one editor alone, builds running) "
        f"| {_ms(publishing['publish_request_one_editor'])} |",
        f"| Publish → live ({publishing['editors']} at once) "
        f"| {_ms(publishing['publish_to_live'])} |",
        *(
            [
                "| Publish → live (one editor alone, a new item each time, the sites up to "
                f"date) | {_ms(publishing['publish_to_live_one_editor'])} |"
            ]
            if publishing.get("publish_to_live_one_editor")
            else []
        ),
        *server_side_lines(publishing.get("server_side") or {}, publishing["editors"]),
        "",
        f"Queue length (tasks ready or running; at most {publishing['queue_max']}; in "
        "brackets the background tasks held back for later, cms/ops/tasks.py), per round, "
        "seconds after the click: length:",
        "",
        *(
            f"- round {number + 1}: "
            + ", ".join(
                f"{t} s: {n}" + (f" (+{rest[0]})" if rest and rest[0] else "")
                for t, n, *rest in samples
            )
            for number, samples in enumerate(publishing["queue_length_over_time"])
        ),
    ]


PHASES = {
    "together": "{editors} editors at once",
    "alone": "one editor alone, builds running",
    "alone-live": "one editor alone, the sites up to date",
}


def _phase_order(phase: str) -> int:
    return list(PHASES).index(phase) if phase in PHASES else len(PHASES)


def server_side_lines(phases: dict, editors: int) -> list[str]:
    """The admin POSTs as the web server timed them (bench/timing.py): what of the request
    is the worker's processor time outside the database, database statements (of them,
    statements over 5 ms: on SQLite the wait for the write lock) and the rest (waiting for
    a core)."""
    if not phases:
        return []
    rows = [
        f"| {PHASES.get(phase, phase).format(editors=editors)} | {parts['wall']['n']} "
        f"| {_ms(parts['wall'])} | {_ms(parts['cpu'])} | {_ms(parts['db'])} "
        f"| {_ms(parts['waits'])} | {_ms(parts['other'])} | {parts['statements']:g} |"
        for phase, parts in sorted(phases.items(), key=lambda item: _phase_order(item[0]))
    ]
    return [
        "",
        "The admin request on the server (`bench/timing.py`; median / p95 ms; the client's "
        "figure above also holds the wait for a free web worker and the transport):",
        "",
        "| Publishing | requests | server wall | worker CPU outside the database | database "
        "statements | of them over 5 ms | rest (waiting for a core) | statements |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
    ]


def builder_lines(builder: dict) -> list[str]:
    return [
        "### Site builder",
        "",
        "| Measurement | Figure |",
        "|---|---|",
        f"| `build --all --jobs {builder['all']['jobs']}` ({builder['all']['sites']} sites, "
        f"{builder['all']['pages']} pages) | {builder['all']['pages_per_s']} pages/s "
        f"({builder['all']['seconds_building']} s; {builder['all']['pages_per_s_wall']} pages/s "
        f"with start-up) |",
        f"| Peak RSS of `build --all` | {builder['all']['peak_process_mb']} MB per process, "
        f"{builder['all']['peak_total_mb']} MB all processes |",
        f"| Single process ({builder['single_process']['sites']} sites) "
        f"| {builder['single_process']['pages_per_s']} pages/s |",
        f"| Floor: same templates from in-memory bundles, single process "
        f"| {builder['floor']['pages_per_s']} pages/s "
        f"({builder['single_over_floor']} × the builder) |",
        f"| Incremental: publish → swapped files (median of "
        f"{builder['incremental'].get('rounds', 1)}) | "
        f"{builder['incremental']['publish_to_swap_s']} s "
        f"(Wagtail publish {builder['incremental']['publish_s']} s, rebuild "
        f"{builder['incremental']['rebuild_s']} s; {builder['incremental']['files_written']} "
        f"files written, {builder['incremental']['files_reused']} reused) |",
        f"| Incremental: the rebuild alone | {builder['incremental']['rebuild_s']} s |",
        f"| Incremental, nothing changed | {builder['incremental']['unchanged_check_s']} s |",
    ]


def partial_markdown(results: dict) -> str:
    """A run with ``--only``: the API figures it has."""
    meta = results["meta"]
    lines = [
        f"## Benchmark: {meta['clubs']} clubs, {meta['pages']} pages (only: "
        f"{', '.join(meta.get('only', []))})",
        "",
        f"{meta['date']} {meta['time_utc']} UTC, commit {meta['commit']}, {meta['database']}; "
        f"load average at start {meta['machine']['load_average']}. {meta['note']}",
        "",
        "| Request | median / p95 ms | × floor | queries |",
        "|---|---|---|---|",
    ]
    directory = results.get("directory")
    if directory:
        for name in ("uncached", "cached", "not_modified", "stock_v2_uncached"):
            lines.append(
                f"| Directory {name} | {_ms(directory[name])} | "
                f"{directory['ratio_to_floor'][name]} | {directory['queries'][name]} |"
            )
        lines.append(f"| Floor | {_ms(directory['floor'])} | 1.0 | 0 |")
    for name, item in results.get("lists", {}).items():
        lines.append(f"| {name} uncached | {_ms(item['uncached'])} | | {item['queries']} |")
    bundle = results.get("bundle")
    if bundle:
        lines.append(
            f"| Bundle uncached | {_ms(bundle['bundle_uncached'])} | | "
            f"{bundle['queries']['bundle']} |"
        )
        lines.append(
            f"| Same via /api/v2/ page by page | {_ms(bundle['v2_page_by_page_uncached'])} | | "
            f"{bundle['queries']['v2_page_by_page']} |"
        )
    if lines[-1] == "|---|---|---|---|":  # no API figures in this run
        del lines[-3:]
    if results.get("builder"):
        lines += ["", *builder_lines(results["builder"])]
    if results.get("portal"):
        lines += ["", *portal_lines(results["portal"])]
    if results.get("publishing"):
        lines += ["", *publishing_lines(results["publishing"])]
    return "\n".join(lines) + "\n"


GROWTH = [
    ("Directory uncached p50 (ms)", lambda r: r["directory"]["uncached"]["median_ms"]),
    (
        "Directory uncached × floor (same run)",
        lambda r: r["directory"]["ratio_to_floor"]["uncached"],
    ),
    ("Directory cached p50 (ms)", lambda r: r["directory"]["cached"]["median_ms"]),
    ("Directory cached × floor (same run)", lambda r: r["directory"]["ratio_to_floor"]["cached"]),
    ("Directory queries", lambda r: r["directory"]["queries"]["uncached"]),
    ("Stock v2 p50 (ms)", lambda r: r["directory"]["stock_v2_uncached"]["median_ms"]),
    ("Events queries", lambda r: r["lists"]["events"]["queries"]),
    ("News queries", lambda r: r["lists"]["news"]["queries"]),
    ("Bundle p50 (ms)", lambda r: r["bundle"]["bundle_uncached"]["median_ms"]),
    ("Bundle queries", lambda r: r["bundle"]["queries"]["bundle"]),
    ("build --all pages/s", lambda r: r["builder"]["all"]["pages_per_s"]),
    ("build --all peak RSS (MB)", lambda r: r["builder"]["all"]["peak_process_mb"]),
    ("Incremental publish → swap (s)", lambda r: r["builder"]["incremental"]["publish_to_swap_s"]),
    ("Load req/s (app)", lambda r: r["load"]["app_cached"]["rps"]),
    ("Load app / floor", lambda r: r["load"]["app_over_floor_rps"]),
    ("API worker peak RSS (MB)", lambda r: r["load"]["worker_memory"]["peak_process_mb"]),
]


def comparison(directory: Path) -> str:
    """Growth across the latest full (not quick) result of each size in ``directory``."""
    latest: dict[int, dict] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            results = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if results.get("meta", {}).get("quick"):
            continue
        if results["meta"]["clubs"] in latest and results["meta"].get("only"):
            continue  # a partial run does not replace a full one of the same size
        latest[results["meta"]["clubs"]] = results
    if not latest:
        return ""
    sizes = sorted(latest)
    lines = [
        "### Growth with the number of clubs",
        "",
        "| Figure | " + " | ".join(f"{size} clubs" for size in sizes) + " | growth |",
        "|---|" + "---|" * (len(sizes) + 1),
    ]
    for label, figure in GROWTH:
        values = []
        for size in sizes:
            try:
                values.append(figure(latest[size]))
            except (KeyError, TypeError):
                values.append(None)
        known = [value for value in values if value is not None]
        growth = f"{known[-1] / known[0]:.2f} ×" if len(known) > 1 and known[0] else "–"
        lines.append(
            f"| {label} | "
            + " | ".join("–" if value is None else f"{value}" for value in values)
            + f" | {growth} |"
        )
    return "\n".join(lines) + "\n"
