"""The portal home's sections resolved for API clients: chosen or recently updated clubs as
club summaries, upcoming events as occurrences, the latest news, the café series with its room,
calls to action with their links. Everything goes through the privacy layer and the requested
locale (German fallback); the number of queries depends on the sections, not on the results."""

from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.clubs.models import ClubPage, NewsPage
from cms.clubs.pages import attach_clubs
from cms.clubs.serializers import ClubSummarySerializer, NewsSerializer
from cms.core.errors import InvalidParameter
from cms.core.locales import localized
from cms.core.media import absolute, prefetch_image
from cms.events import recurrence
from cms.events.api import (
    DEFAULT_LIST_WINDOW,
    EventSearch,
    OccurrenceSerializer,
    Window,
    sorted_occurrences,
)
from cms.rooms.models import Room
from cms.taxonomy.models import Language

from .blocks import DEFAULT_RECENT_CLUBS, FEATURED_CLUBS_MANUAL


def list_items(raw) -> list:
    """ListBlock values are stored as ``[{"type": "item", "value": …}]`` or as bare values."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in raw or []
    ]


def portal_path(page) -> str:
    """The page's path below the portal home of its locale (``/mitmachen/``,
    ``/vereine/<slug>/``); the portal site builder puts its locale prefix in front."""
    below_home = page.url_path.strip("/").split("/")[1:]
    return "/" + "".join(f"{part}/" for part in below_home)


def page_ref(page) -> dict:
    """A linked page (specific instance) described so the portal can place it."""
    model = type(page)
    return {
        "id": page.pk,
        "title": page.title,
        "type": f"{model._meta.app_label}.{model.__name__}",
        "slug": page.slug,
        "path": portal_path(page),
        "locale": page.locale.language_code,
        "role": getattr(page, "page_role", None),
        "club": page.slug if isinstance(page, ClubPage) else None,
    }


def translations_in(queryset, ids, locale):
    """The public versions in ``locale`` (German fallback) of the pages with ``ids``, keyed by
    the id that was chosen."""
    chosen = dict(queryset.model.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    found = {
        page.translation_key: page
        for page in localized(queryset.filter(translation_key__in=chosen.values()), locale)
    }
    return {pk: found[key] for pk, key in chosen.items() if key in found}


def club_queryset():
    return ClubPage.objects.select_related("locale", "municipality").prefetch_related(
        prefetch_image("logo"), "countries", "languages", "focus_areas", "tags"
    )


class ParameterValues:
    """Stands in for a request where ``EventSearch`` reads its filters, so a section filters
    events exactly as ``/api/v1/events/`` does with the same parameters."""

    def __init__(self, values: dict):
        self.GET = self.query_params = QueryDict(mutable=True)
        for name, value in values.items():
            if value:
                self.query_params[name] = value


class SectionResolver:
    def __init__(self, request, locale):
        self.request = request
        self.locale = locale
        self.context = {"request": request}

    def resolve(self, stream_value) -> list[dict]:
        raw = list(stream_value.raw_data)
        self._prepare(raw)
        sections = []
        for item in raw:
            method = getattr(self, f"_{item.get('type')}", None)
            if method is None:
                continue
            value = method(item.get("value") or {})
            if value is not None:
                sections.append({"type": item["type"], "id": item.get("id"), "value": value})
        return sections

    def _prepare(self, raw) -> None:
        """Load what the sections refer to by id in a few queries for all sections at once."""
        club_ids, page_ids, room_ids, tags = set(), set(), set(), set()
        for item in raw:
            value = item.get("value") or {}
            if item.get("type") == "featured_clubs":
                club_ids.update(int(pk) for pk in list_items(value.get("clubs")) if pk)
            elif item.get("type") == "call_to_action" and value.get("page"):
                page_ids.add(int(value["page"]))
            elif item.get("type") == "cafe_series":
                if value.get("room"):
                    room_ids.add(int(value["room"]))
                tags.update(
                    evening.get("language")
                    for evening in list_items(value.get("evenings"))
                    if evening.get("language")
                )
        self.clubs = translations_in(club_queryset(), club_ids, self.locale) if club_ids else {}
        self.pages = self._linked_pages(page_ids) if page_ids else {}
        self.rooms = Room.objects.select_related("municipality").in_bulk(room_ids)
        self.languages = {
            language.tag: language for language in Language.objects.filter(tag__in=tags)
        }

    def _linked_pages(self, ids) -> dict:
        pages = translations_in(Page.objects.select_related("locale"), ids, self.locale)
        loaded = Page.objects.filter(pk__in=[page.pk for page in pages.values()])
        specific = {page.pk: page for page in loaded.select_related("locale").specific()}
        return {chosen: specific[page.pk] for chosen, page in pages.items() if page.pk in specific}

    def _clubs_data(self, clubs) -> list:
        return ClubSummarySerializer(clubs, many=True, context=self.context).data

    def _featured_clubs(self, value):
        if value.get("selection") == FEATURED_CLUBS_MANUAL:
            chosen = [int(pk) for pk in list_items(value.get("clubs")) if pk]
            clubs = [self.clubs[pk] for pk in chosen if pk in self.clubs]
        else:
            count = value.get("count") or DEFAULT_RECENT_CLUBS
            clubs = list(
                localized(club_queryset(), self.locale).order_by("-last_published_at", "pk")[:count]
            )
        return {
            "title": value.get("title") or "",
            "selection": value.get("selection") or "",
            "clubs": self._clubs_data(clubs),
        }

    def _upcoming_events(self, value):
        filters = {
            "category": value.get("category") or "",
            "municipality": value.get("municipality") or "",
        }
        start = recurrence.local_midnight(timezone.localdate())
        window = Window(start, start + DEFAULT_LIST_WINDOW)
        try:
            search = EventSearch(ParameterValues(filters), window, self.locale)
            # The recurrences expanded from the few fields they need (as the events list
            # does); only the events shown are loaded whole.
            shown = sorted_occurrences(search.times(), window)[: value.get("count") or 5]
            events = search.events().in_bulk({occurrence.event.pk for occurrence in shown})
        except InvalidParameter:
            # The municipality or category was deleted since the section was saved.
            shown, events = [], {}
        occurrences = [
            recurrence.Occurrence(events[occurrence.event.pk], occurrence.start, occurrence.end)
            for occurrence in shown
            if occurrence.event.pk in events
        ]
        attach_clubs([occurrence.event for occurrence in occurrences])
        query = urlencode({name: item for name, item in filters.items() if item})
        url = reverse("api-event-list") + (f"?{query}" if query else "")
        return {
            "title": value.get("title") or "",
            "filters": filters,
            "events": OccurrenceSerializer(occurrences, many=True, context=self.context).data,
            "events_url": absolute(self.request, url),
        }

    def _latest_news(self, value):
        # The first ``count`` items of ``/api/v1/news/`` in this locale (the portal's build
        # fills the section from that list after a news item, ``sites/portal``).
        count = value.get("count") or 3
        news = list(
            localized(NewsPage.objects.all(), self.locale)
            .select_related("locale")
            .prefetch_related(prefetch_image("image"), "tags")
            .order_by("-date", "-pk")[:count]
        )
        attach_clubs(news)
        return {
            "title": value.get("title") or "",
            "count": count,
            "news": NewsSerializer(news, many=True, context=self.context).data,
        }

    def _text(self, value):
        return expand_db_html(value or "")

    def _call_to_action(self, value):
        page = self.pages.get(int(value["page"])) if value.get("page") else None
        link = value.get("link") or ""
        ref = page_ref(page) if page is not None else None
        return {
            "title": value.get("title") or "",
            "text": value.get("text") or "",
            "button_label": value.get("button_label") or "",
            "page": ref,
            "url": link or (ref["path"] if ref else None),
            "external": bool(link),
        }

    def _cafe_series(self, value):
        room = self.rooms.get(int(value["room"])) if value.get("room") else None
        evenings = sorted(
            list_items(value.get("evenings")),
            key=lambda evening: (evening.get("date") or "", evening.get("start_time") or ""),
        )
        return {
            "title": value.get("title") or "",
            "description": expand_db_html(value.get("description") or ""),
            "room": room_data(room),
            "evenings": [self._evening(evening) for evening in evenings],
        }

    def _evening(self, evening) -> dict:
        language = self.languages.get(evening.get("language") or "")
        return {
            "date": evening.get("date"),
            "start_time": short_time(evening.get("start_time")),
            "end_time": short_time(evening.get("end_time")),
            "topic": evening.get("topic") or "",
            "language": language_data(language),
        }


def short_time(value) -> str | None:
    """Stored times look like ``18:30:00``; the API gives ``18:30`` like the meeting times."""
    return value[:5] if value else None


def room_data(room) -> dict | None:
    if room is None:
        return None
    return {
        "name": room.name,
        "address": room.location,
        "municipality": {"slug": room.municipality.slug, "name": room.municipality.name},
        "capacity": room.capacity,
        "step_free": room.step_free,
        "accessible_toilet": room.accessible_toilet,
    }


def language_data(language) -> dict | None:
    if language is None:
        return None
    return {
        "tag": language.tag,
        "name": language.name,
        "native_name": language.native_name,
        "direction": language.direction,
    }
