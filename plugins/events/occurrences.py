"""The dates a club site shows: the API's occurrences (recurrences expanded by the server),
or, when that read fails, the bundle's events at their stored dates.

Every occurrence is a plain dict the templates read: the bundle page of its event (``event``),
``start``/``end`` as ISO date-times, ``all_day`` and the local days it covers.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any

from sites.engine.kit.dates import parse, span, today
from sites.engine.rendering import TIME_ZONE

logger = logging.getLogger(__name__)

EVENT = "events.EventPage"
PAGE_SIZE = 100  # the API's largest page
MAX_OCCURRENCES = 300  # a daily event over three months stays complete
ERROR_KEY = "events (occurrences)"


def event_span(event: Mapping[str, Any]) -> dict[str, Any]:
    fields = event["fields"]
    return span(fields["start"], fields["end"], fields["all_day"])


def occurrences(
    view, start: datetime.date, end: datetime.date, limit: int = MAX_OCCURRENCES
) -> list[dict]:
    """Occurrences of the club's events in ``[start, end)`` (local days), earliest first."""
    events = {page["id"]: page for page in view.data["by_type"].get(EVENT, [])}
    if not events:
        return []
    site = view.site
    if site.fetch is None:  # a preview without API access
        return from_bundle(events.values(), start, end)[:limit]
    try:
        items = _read(site, view.locale.code, start, end, limit)
    except Exception as exc:  # noqa: BLE001 - any failed read falls back to the bundle
        message = f"{type(exc).__name__}: {exc}"
        logger.warning("Event occurrences of %s unavailable, using the bundle: %s", site.name, exc)
        site.errors[ERROR_KEY] = message
        return from_bundle(events.values(), start, end)[:limit]
    found = []
    for item in items:
        event = events.get(item["id"])
        if event is not None:  # only events that have a page in this site
            found.append({"event": event, **span(item["start"], item["end"], item["all_day"])})
    return found


def local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=TIME_ZONE)


def overlaps(item: Mapping[str, Any], start: datetime.datetime, end: datetime.datetime) -> bool:
    """Whether an occurrence overlaps ``[start, end)``, as the API decides it (an occurrence
    without duration is in the window if it begins in it)."""
    begins, ends = parse(item["start"]), parse(item["end"])
    if ends is None or ends == begins:
        return start <= begins < end
    return begins < end and ends > start


def shared(
    view,
    start: datetime.date,
    end: datetime.date,
    limit: int,
    covering: tuple[datetime.date, datetime.date],
) -> list[dict]:
    """Occurrences in ``[start, end)`` like :func:`occurrences`, taken from one read of the
    ``covering`` window per site and locale, which every caller passes the same and which
    contains ``[start, end)``: the event pages and the home-page section need one request, not
    one each. The API sorts occurrences in an order that does not depend on the window, so
    filtering the covering read gives what a read of ``[start, end)`` gives — unless it was
    cut off at ``MAX_OCCURRENCES``; then the window is read on its own."""
    site = view.site
    if site.fetch is None:  # a preview without API access: nothing to save
        return occurrences(view, start, end, limit)
    key = ("events.occurrences", view.locale.code, covering)
    if key not in site.memo:
        site.memo[key] = occurrences(view, *covering, limit=MAX_OCCURRENCES)
    found = site.memo[key]
    if any(item.get("from_bundle") for item in found):
        # The read failed and was reported: the bundle stands in, for this window.
        events = {page["id"]: page for page in view.data["by_type"].get(EVENT, [])}
        return from_bundle(events.values(), start, end)[:limit]
    if len(found) >= MAX_OCCURRENCES:
        return occurrences(view, start, end, limit)
    lower, upper = local_midnight(start), local_midnight(end)
    return [item for item in found if overlaps(item, lower, upper)][:limit]


STATE = "events"  # the plugin's entry in what a build keeps for the next one


def inputs_key(site) -> str:
    """What the API's occurrences and calendar of a club are computed from, as far as the
    builder sees it: the event pages of every locale in the bundle (dates, rules, places,
    publication times, …), the club's name and the day. The same key as the previous build's
    means the same answers, so they are taken from it instead of asked again."""
    if "events.key" not in site.memo:
        events = [
            sorted(site.data[code]["by_type"].get(EVENT, []), key=lambda page: page["id"])
            for code in sorted(site.data)
        ]
        text = json.dumps(
            [today().isoformat(), site.title, site.settings.get("slug"), events],
            sort_keys=True,
            default=str,
        )
        site.memo["events.key"] = hashlib.sha256(text.encode()).hexdigest()
    return site.memo["events.key"]


def kept(site) -> dict:
    """This build's state for the next, started with the inputs key."""
    return site.keep.setdefault(STATE, {"key": inputs_key(site), "reads": {}})


def previous(site) -> dict:
    """The previous build's state if its inputs were the same, else an empty one."""
    state = site.previous.get(STATE) or {}
    return state if state.get("key") == inputs_key(site) else {}


def _read(site, locale: str, start: datetime.date, end: datetime.date, limit: int) -> list:
    """The API's occurrence items of a window (id, start, end, all_day), or the previous
    build's for the same window when the events did not change since."""
    name = f"{locale} {start.isoformat()} {end.isoformat()} {limit}"
    items = previous(site).get("reads", {}).get(name)
    if items is None:
        items = bundled(site, locale, start, end)
        items = items[:limit] if items is not None else None
    if items is None:
        items = [
            {key: item[key] for key in ("id", "start", "end", "all_day")}
            for item in _fetch(site, locale, start, end, limit)
        ]
    kept(site)["reads"][name] = items
    return items


def bundle_window(start: datetime.date, end: datetime.date) -> dict[str, str]:
    """The bundle parameters that make it carry the occurrences of ``[start, end)``."""
    return {"occurrences_from": start.isoformat(), "occurrences_to": end.isoformat()}


def bundled(site, locale: str, start: datetime.date, end: datetime.date) -> list | None:
    """The occurrence items of ``[start, end)`` that the locale's bundle carries (asked for
    with :func:`bundle_window`; the same as the read of ``/api/v1/events/``), or None when it
    carries none or those of another window."""
    carried = site.data.get(locale, {}).get("occurrences")
    if not carried:
        return None
    window = (parse(carried["from"]), parse(carried["to"]))
    if window != (local_midnight(start), local_midnight(end)):
        return None
    return [
        {key: item[key] for key in ("id", "start", "end", "all_day")} for item in carried["results"]
    ]


def _fetch(site, locale: str, start: datetime.date, end: datetime.date, limit: int):
    params = {
        "club": site.settings["slug"],
        "from": start.isoformat(),
        "to": end.isoformat(),
        "locale": locale,
        "limit": min(PAGE_SIZE, limit),
        "offset": 0,
    }
    while params["offset"] < limit:
        page = site.fetch("/api/v1/events/", params)
        yield from page["results"][: limit - params["offset"]]
        if not page.get("next"):
            return
        params = {**params, "offset": params["offset"] + params["limit"]}


def from_bundle(events: Iterable[Mapping], start: datetime.date, end: datetime.date) -> list:
    """Each event once, at its stored dates: one-off events that touch the window, and
    recurring ones (whose later dates only the API can expand) if they began before its end."""
    found = []
    for event in events:
        when = event_span(event)
        first = datetime.date.fromisoformat(when["first_day"])
        last = datetime.date.fromisoformat(when["last_day"])
        recurring = bool(event["fields"].get("recurrence"))
        if first < end and (recurring or last >= start):
            found.append({"event": event, **when, "from_bundle": True})
    return sorted(found, key=lambda item: (item["start"], item["event"]["title"]))


def is_over(item: dict, now: datetime.datetime | None = None) -> bool:
    return parse(item["end"] or item["start"]) < (now or datetime.datetime.now(TIME_ZONE))


def upcoming(items: list[dict], now: datetime.datetime | None = None) -> list[dict]:
    """The occurrences not yet over (a recurring event taken from the bundle stays: its next
    date is unknown, its rule is shown instead)."""
    return [
        item
        for item in items
        if not is_over(item, now)
        or (item.get("from_bundle") and item["event"]["fields"].get("recurrence"))
    ]


def of_event(items: list[dict], event: Mapping) -> list[dict]:
    return [item for item in items if item["event"]["id"] == event["id"]]


def cancelled_days(event: Mapping, since: datetime.date | None = None) -> list[str]:
    """The cancelled dates (EXDATE, the bundle's ``exdates``: ISO dates) of a recurring event
    from ``since`` (today) on, earliest first; none for a one-off event."""
    fields = event["fields"]
    if not (fields.get("recurrence") or "").strip():
        return []
    first = (since or today()).isoformat()
    return sorted(day for day in fields.get("exdates") or [] if day >= first)
