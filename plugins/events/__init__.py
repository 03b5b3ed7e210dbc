"""Events: the club's upcoming dates as a list and as month calendars, a page per event with
schema.org ``Event`` JSON-LD, a home-page section with the next dates, and the club's
iCalendar subscription written into the site (``events.ics``).

Dates come from the API's occurrences, where recurring events are already expanded; if that
read fails the bundle's events stand in, and the build report says so.
"""

from __future__ import annotations

import datetime
import logging

from sites.engine.i18n import Catalog, cldr_name
from sites.engine.kit import months
from sites.engine.plugins import PageSpec, Plugin
from sites.engine.site import LocaleView

from . import details, occurrences, rules, signups

catalog = Catalog(__name__)

logger = logging.getLogger(__name__)

INDEX = "events.EventIndexPage"
EVENT = occurrences.EVENT
CALENDAR_SLUGS = ("kalender", "monatsuebersicht")
ICS_FILE = "events.ics"
ICS_ERROR_KEY = "events (events.ics)"  # not the plugin's name: its pages stay in the site
LIST_LIMIT = 50  # the list shows this many; the month calendars show every date
LATER_DATES = 5  # further dates listed on the page of a recurring event
LISTED_CANCELLATIONS = 3  # cancelled dates named in a list, at the event's first date
SECTION_HORIZON = datetime.timedelta(days=92)


def translator(code: str):
    """The plugin's messages in one locale: ``_ = translator(code)``, then ``_("…")``."""
    return catalog.locale(code).gettext


def rule_text(event: dict, code: str) -> str | None:
    rule = event["fields"].get("recurrence") or ""
    if not rule.strip():
        return None
    start = occurrences.parse(event["fields"]["start"])
    return rules.describe(rule, start, code, catalog.locale(code))


def cancellations(events, limit: int | None = LISTED_CANCELLATIONS) -> dict[int, list[str]]:
    """The coming cancelled dates of the events (pages or occurrences' events) by event id,
    the nearest ``limit`` of each (every one for ``None``); events without any are left out."""
    found = {}
    for event in events:
        days = occurrences.cancelled_days(event)[:limit]
        if days:
            found[event["id"]] = days
    return found


def calendar_path(index: dict, data) -> str:
    base = index["url_path"].strip("/")
    for slug in CALENDAR_SLUGS:
        if f"{base}/{slug}/" not in data["by_path"]:
            return f"{base}/{slug}"
    return f"{base}/{CALENDAR_SLUGS[0]}-{index['id']}"


def covering(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The one window of occurrences read per site and locale: the month calendars' and the
    home-page section's together."""
    first, end = months.window(today)
    return first, max(end, today + SECTION_HORIZON)


def portal_pages(view):
    """The agency's own events on the portal (``/api/v1/portal/events/``): their index,
    without a menu entry (the portal's calendar is the menu's „Veranstaltungen“ and lists
    them), and a page per event with its sign-up form."""
    found = view.site.fetch("/api/v1/portal/events/", {"locale": view.locale.code})
    index = found["index"]
    if index is None:
        return
    code = view.locale.code
    events = found["events"]
    texts = {event["id"]: rule_text(event, code) for event in events}
    spans = {event["id"]: occurrences.event_span(event) for event in events}
    coming = [
        {**spans[event["id"]], "event": event}
        for event in events
        if event["fields"]["recurrence"] or not occurrences.is_over(spans[event["id"]])
    ]
    states = signups.portal_states(view) if events else {}
    yield PageSpec(
        path=index["url_path"],
        template="events/agency.html",
        title=index["title"],
        context={
            "index": index,
            "items": coming,
            "rules": texts,
            "signups": states,
            "cancelled": cancellations(events),
        },
    )
    for event in events:
        yield event_page(view, event, index, spans[event["id"]], texts, states)


def pages(view):
    if view.site.kind == "portal":
        yield from portal_pages(view)
        return
    indexes = view.data["by_type"].get(INDEX, [])
    if not indexes:
        return
    index = indexes[0]
    code = view.locale.code
    _ = translator(code)
    today = occurrences.today()
    first, end = months.window(today)
    found = occurrences.shared(view, first, end, occurrences.MAX_OCCURRENCES, covering(today))
    coming = occurrences.upcoming(found)
    events = sorted(
        view.data["by_type"].get(EVENT, []), key=lambda e: (e["fields"]["start"], e["title"])
    )
    texts = {event["id"]: rule_text(event, code) for event in events}
    calendar = calendar_path(index, view.data)
    yield PageSpec(
        path=index["url_path"],
        template="events/index.html",
        title=index["title"],
        menu="main",
        label=index["title"],
        context={
            "index": index,
            "items": coming[:LIST_LIMIT],
            "more": len(coming) > LIST_LIMIT,
            "rules": texts,
            "cancelled": cancellations(events),
            "calendar_path": calendar,
        },
    )
    yield PageSpec(
        path=calendar,
        template="events/calendar.html",
        title=_("Monatsübersicht"),
        context={
            "index": index,
            "months": months.months(found, today, code),
            "weekdays": months.weekdays(code),
        },
    )
    signup_states = signups.states(view) if events else {}
    for event in events:
        own = occurrences.of_event(coming, event)
        when = own[0] if own else occurrences.event_span(event)
        yield event_page(view, event, index, when, texts, signup_states, own=own)


def event_page(view, event, index, when, texts, signup_states, own=None) -> PageSpec:
    """One event's page, on a club site or (the agency's own events) on the portal. ``own``:
    the event's dates in the listed window (None where no window is listed: the portal)."""
    code = view.locale.code
    base = view.site.base_url.rstrip("/")
    page_url = f"{base}/{code}/{event['url_path'].strip('/')}/index.html" if base else ""
    fields = event["fields"]
    return PageSpec(
        path=event["url_path"],
        template="events/event.html",
        title=event["title"],
        context={
            "event": event,
            "index": index,
            "when": when,
            "is_next": bool(own),
            # a series without dates in the window may go on later: only one-offs end
            "past": not own and not fields["recurrence"] and occurrences.is_over(when),
            "later": own[1 : 1 + LATER_DATES] if own else [],
            "rule": texts[event["id"]],
            "cancelled": occurrences.cancelled_days(event),
            "place": details.place_lines(fields),
            "cost": details.cost_text(fields, code),
            "languages": details.language_names(fields["languages"], code),
            "signup": signup_states.get(event["id"]),
            "json_ld": details.json_ld(
                event,
                when,
                organizer=view.site.title,
                organizer_url=view.site.base_url,
                locale=cldr_name(code),
                url=page_url,
            ),
        },
    )


def calendar_file(site) -> dict[str, bytes]:
    """The club's iCalendar subscription (recurring events as series, stable UIDs), as the
    API serves it, at the site root; the previous build's file when the events, the club's
    name and the day are the same (a news item published needs no new calendar)."""
    if site.kind != "club":
        return {}
    data = site.data[site.default_locale]
    if site.download is None or not data["by_type"].get(INDEX):
        return {}
    if occurrences.previous(site).get("calendar") and site.read_previous is not None:
        content = site.read_previous(ICS_FILE)  # the events did not change since: the same file
        if content is not None:
            occurrences.kept(site)["calendar"] = True
            return {ICS_FILE: content}
    carried = data.get("calendar")  # the same body, if the bundle carries it
    if isinstance(carried, str):
        occurrences.kept(site)["calendar"] = True
        return {ICS_FILE: carried.encode()}
    url = f"/api/v1/clubs/{site.settings['slug']}/{ICS_FILE}"
    try:
        content = site.download(url)
        occurrences.kept(site)["calendar"] = True
        return {ICS_FILE: content}
    except Exception as exc:  # noqa: BLE001 - the pages stand without it; the report says so
        logger.warning("No %s for %s: %s", ICS_FILE, site.name, exc)
        site.errors[ICS_ERROR_KEY] = f"{type(exc).__name__}: {exc}"
        return {}


def bundle_params(first: bool) -> dict[str, str]:
    """The bundle of every locale carries the occurrences of the window the pages read (one
    read per locale, not two), the default locale's also the calendar file."""
    params = occurrences.bundle_window(*covering(occurrences.today()))
    return {**params, "calendar": "1"} if first else params


class EventsPlugin(Plugin):
    """The events plugin; its home-page section asks it for the next dates."""

    def upcoming(self, site, locale, count: int = 3) -> list[dict]:
        today = occurrences.today()
        found = occurrences.shared(
            LocaleView(site, locale), today, today + SECTION_HORIZON, count + 10, covering(today)
        )
        return occurrences.upcoming(found)[:count]

    def rules(self, items: list[dict], code: str) -> dict[int, str | None]:
        """The recurrence rules of the occurrences' events in words."""
        return {item["event"]["id"]: rule_text(item["event"], code) for item in items}

    def cancelled(self, items: list[dict]) -> dict[int, list[str]]:
        """The coming cancelled dates of the occurrences' events, for the home-page section."""
        return cancellations(item["event"] for item in items)


plugin = EventsPlugin(
    name="events",
    kinds=frozenset({"club", "portal"}),
    package=__name__,
    label=catalog.labels("Veranstaltungen"),
    needs=("bundle",),
    pages=pages,
    section="events/section.html",
    files=calendar_file,
    bundle_params=bundle_params,
)
