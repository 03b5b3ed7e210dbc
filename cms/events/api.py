"""The events endpoint of the domain API: occurrences of public events across all clubs.

:class:`EventSearch` reads the query parameters shared by the JSON list and the calendars
(window, filters, locale) and yields the public events they select, in a constant number of
queries; :class:`EventListView` expands their recurrences inside the window.
"""

import datetime
import functools
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.db.models.functions import Left, Length
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import generics, serializers
from wagtail.models import Locale, Page

from cms.clubs.homepage_links import page_homepage_url
from cms.clubs.models import ClubPage
from cms.clubs.pages import attach_clubs, item_club_key
from cms.clubs.serializers import ClubRefSerializer, club_ref, v2_page_url
from cms.core.caching import cache_timeout, content_version
from cms.core.errors import InvalidParameter
from cms.core.filters import canonical_bcp47
from cms.core.locales import LOCALE_PARAMETER, direction, localized
from cms.core.params import datetime_param, query_params
from cms.core.privacy import public_pages
from cms.core.schema import LOCALE_PARAMETER as LOCALE_SCHEMA_PARAMETER
from cms.core.views import PublicReadMixin
from cms.taxonomy.models import FocusArea, Language, Municipality

from . import recurrence
from .models import EventCategory, EventPage

# An event page sits two levels below its club: ClubPage → EventIndexPage → EventPage.
CLUB_PATH_LENGTH = Length("path") - 2 * Page.steplen
DEFAULT_LIST_WINDOW = datetime.timedelta(days=90)
FILTER_PARAMETERS = ("club", "municipality", "focus", "category", "language", LOCALE_PARAMETER)
WINDOW_PARAMETERS = ("from", "to")


@dataclass(frozen=True, slots=True)
class EventTimes:
    """The fields of an event that :mod:`.recurrence` and the ordering of occurrences read."""

    FIELDS = ("pk", "title", "start", "end", "all_day", "recurrence", "exdates")

    pk: int
    title: str
    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool
    recurrence: str
    exdates: str


@dataclass
class Window:
    start: datetime.datetime
    end: datetime.datetime


def window_from(request, default_start: datetime.date, default_length: datetime.timedelta):
    """The ``[from, to)`` window: ISO dates (local midnight) or date-times; ``to`` defaults to
    ``from`` plus ``default_length``. Longer than ``recurrence.MAX_WINDOW`` is a 400."""
    start = datetime_param(request, "from", recurrence.local_midnight(default_start))
    end = datetime_param(request, "to", start + default_length)
    return checked_window(start, end, "to")


def checked_window(start, end, parameter: str) -> Window:
    """``[start, end)``, or a 400 naming ``parameter`` (the window's end) when it is empty,
    reversed or longer than ``recurrence.MAX_WINDOW``."""
    try:
        recurrence.check_window(start, end)
    except recurrence.WindowError:
        raise InvalidParameter(
            parameter,
            _("„to“ muss nach „from“ liegen, höchstens %(days)s Tage später.")
            % {"days": recurrence.MAX_WINDOW.days},
        ) from None
    return Window(start, end)


def public_club(slug: str) -> ClubPage | None:
    """The public club with this slug (its translations share the slug and the events)."""
    return public_pages(ClubPage.objects.filter(slug=slug)).order_by("pk").first()


class EventSearch:
    """Public events selected by the shared filters, in one locale.

    Each filter may be given several times (= or); a value that names nothing is a 400. A club
    given in the path (``club``) narrows like the ``club`` parameter."""

    def __init__(self, request, window: Window, locale: Locale, club: ClubPage | None = None):
        self.window = window
        self.params = query_params(request)
        self.locale = locale
        self.club = club

    def events(self) -> QuerySet:
        return (
            self.matching().select_related("locale", "location_room").prefetch_related("languages")
        )

    def times(self) -> list["EventTimes"]:
        """What the recurrence of each matching event needs, and nothing else: expanding the
        recurrences of thousands of events before paginating reads no bodies, rooms or
        languages (those are loaded for the page only)."""
        return [EventTimes(*row) for row in self.matching().values_list(*EventTimes.FIELDS)]

    def matching(self) -> QuerySet:
        events = localized(EventPage.objects.all(), self.locale).filter(self._window_condition())
        clubs = self._clubs()
        if clubs is not None:
            events = events.annotate(club_path=Left("path", CLUB_PATH_LENGTH)).filter(
                club_path__in=clubs.values("path")
            )
        categories = self._values("category")
        if categories:
            unknown = set(categories) - set(EventCategory.values)
            if unknown:
                raise InvalidParameter(
                    "category",
                    _("Unbekannte Art. Möglich: %(values)s")
                    % {"values": ", ".join(EventCategory.values)},
                )
            events = events.filter(category__in=categories)
        tags = [canonical_bcp47(tag) for tag in self._values("language")]
        if tags:
            languages = self._existing(
                Language.objects.filter(tag__in=tags),
                "tag",
                tags,
                "language",
                _("Unbekannte Sprache (BCP-47-Tag erwartet, z. B. tr oder ku-Arab)."),
            )
            spoken = EventPage.languages.through.objects.filter(language__in=languages)
            events = events.filter(pk__in=spoken.values("eventpage_id"))
        return events

    def _values(self, name: str) -> list[str]:
        return [value.strip() for value in self.params.getlist(name) if value.strip()]

    @staticmethod
    def _existing(queryset, field: str, values: list[str], parameter: str, message: str):
        found = list(queryset)
        if {getattr(obj, field) for obj in found} != set(values):
            raise InvalidParameter(parameter, message)
        return found

    def _window_condition(self) -> Q:
        # A coarse pre-selection with a day of slack for all-day events (which cover whole
        # local days); recurrence.occurrences() decides exactly.
        slack = datetime.timedelta(days=1)
        start, end = self.window.start - slack, self.window.end + slack
        one_off_overlaps = Q(end__gte=start) | Q(end__isnull=True, start__gte=start)
        return Q(start__lt=end) & (~Q(recurrence="") | one_off_overlaps)

    def _clubs(self) -> QuerySet | None:
        """The clubs (in every locale of their tree) the events must belong to, or None."""
        clubs = ClubPage.objects.all()
        narrowed = False
        if self.club is not None:
            clubs, narrowed = clubs.filter(translation_key=self.club.translation_key), True
        slugs = self._values("club")
        if slugs:
            keys = []
            for slug in slugs:
                club = public_club(slug)
                if club is None:
                    raise InvalidParameter(
                        "club", _("Kein öffentlicher Verein mit diesem Kurznamen.")
                    )
                keys.append(club.translation_key)
            clubs, narrowed = clubs.filter(translation_key__in=keys), True
        slugs = self._values("municipality")
        if slugs:
            municipalities = self._existing(
                Municipality.objects.filter(slug__in=slugs),
                "slug",
                slugs,
                "municipality",
                _("Unbekannte Gemeinde."),
            )
            clubs, narrowed = clubs.filter(municipality__in=municipalities), True
        slugs = self._values("focus")
        if slugs:
            focus_areas = self._existing(
                FocusArea.objects.filter(slug__in=slugs),
                "slug",
                slugs,
                "focus",
                _("Unbekannter Schwerpunkt."),
            )
            clubs, narrowed = clubs.filter(focus_areas__in=focus_areas), True
        return clubs if narrowed else None


def location_data(event: EventPage) -> dict | None:
    if event.location_room is not None:
        return {"name": event.location_room.name, "address": event.location_room.location}
    if event.location_address:
        return {"name": None, "address": event.location_address}
    return None


class LocationSerializer(serializers.Serializer):
    name = serializers.CharField(allow_null=True, help_text="Raum der Integrationsagentur.")
    address = serializers.CharField()


@extend_schema_serializer(component_name="EventOccurrence")
class OccurrenceSerializer(serializers.Serializer):
    """One occurrence of an event (a recurring event yields one item per date)."""

    id = serializers.IntegerField(source="event.pk", help_text="Seiten-ID der Veranstaltung.")
    title = serializers.CharField(source="event.title")
    club = serializers.SerializerMethodField()
    start = serializers.DateTimeField(help_text="Beginn dieses Termins (Europe/Berlin).")
    end = serializers.DateTimeField(
        allow_null=True,
        help_text="Ende dieses Termins; bei ganztägigen Terminen Mitternacht nach dem Tag.",
    )
    all_day = serializers.BooleanField()
    recurring = serializers.SerializerMethodField()
    cancelled_dates = serializers.SerializerMethodField(
        help_text="Ausfallende Termine der Reihe (EXDATE) als lokale Tage (ISO-Daten), "
        "frühestes zuerst; an ihnen steht kein Eintrag in der Liste."
    )
    location = serializers.SerializerMethodField()
    category = serializers.ChoiceField(source="event.category", choices=EventCategory.choices)
    cost = serializers.DecimalField(
        source="event.cost",
        max_digits=7,
        decimal_places=2,
        allow_null=True,
        help_text="In Euro; null = kostenlos.",
    )
    languages = serializers.SerializerMethodField(help_text="BCP-47-Tags.")
    registration_url = serializers.CharField(source="event.registration_url")
    summary = serializers.CharField(source="event.summary")
    url = serializers.SerializerMethodField(help_text="Die Veranstaltung in Wagtails v2-API.")
    homepage_url = serializers.SerializerMethodField(
        help_text="Die Veranstaltung auf der Homepage des Vereins (absolut)."
    )
    locale = serializers.SerializerMethodField()
    direction = serializers.SerializerMethodField()

    @extend_schema_field(ClubRefSerializer(allow_null=True))
    def get_club(self, occurrence):
        club = getattr(occurrence.event, "club", None)
        return club_ref(club)

    def get_recurring(self, occurrence) -> bool:
        return bool(occurrence.event.recurrence.strip())

    @extend_schema_field({"type": "array", "items": {"type": "string", "format": "date"}})
    def get_cancelled_dates(self, occurrence) -> list[str]:
        if not occurrence.event.recurrence.strip():
            return []
        return [day.isoformat() for day in sorted(recurrence.cancelled_dates(occurrence.event))]

    @extend_schema_field(LocationSerializer(allow_null=True))
    def get_location(self, occurrence):
        return location_data(occurrence.event)

    def get_languages(self, occurrence) -> list[str]:
        return [language.tag for language in occurrence.event.languages.all()]

    def get_url(self, occurrence) -> str:
        return v2_page_url(self.context.get("request"), occurrence.event)

    def get_homepage_url(self, occurrence) -> str | None:
        return page_homepage_url(occurrence.event)

    def get_locale(self, occurrence) -> str:
        return occurrence.event.locale.language_code

    @extend_schema_field({"type": "string", "enum": ["ltr", "rtl"]})
    def get_direction(self, occurrence) -> str:
        return direction(occurrence.event.locale)


def filter_parameters(in_path_club: bool = False) -> list[OpenApiParameter]:
    """The query parameters shared by the event list and the calendars, for the schema."""

    def repeatable(name: str, description: str, **kwargs) -> OpenApiParameter:
        return OpenApiParameter(
            name,
            OpenApiTypes.STR,
            many=True,
            description=f"{description} Mehrfach = oder.",
            **kwargs,
        )

    parameters = [
        OpenApiParameter(
            "from",
            OpenApiTypes.STR,
            description="Beginn des Zeitraums: ISO-Datum (JJJJ-MM-TT, Mitternacht in "
            "Europe/Berlin) oder ISO-Zeitpunkt.",
        ),
        OpenApiParameter(
            "to",
            OpenApiTypes.STR,
            description="Ende des Zeitraums (ausschließlich), höchstens "
            f"{recurrence.MAX_WINDOW.days} Tage nach „from“.",
        ),
        repeatable("club", "Kurzname (slug) des Vereins."),
        repeatable("municipality", "Kurzname der Gemeinde des Vereins."),
        repeatable("focus", "Kurzname eines Schwerpunkts des Vereins."),
        repeatable("category", "Art der Veranstaltung.", enum=EventCategory.values),
        repeatable("language", "Sprache der Veranstaltung als BCP-47-Tag, z. B. tr oder ku-Arab."),
        LOCALE_SCHEMA_PARAMETER,
    ]
    if in_path_club:
        return [parameter for parameter in parameters if parameter.name != "club"]
    return parameters


def sorted_occurrences(events, window: Window) -> list[recurrence.Occurrence]:
    found = [
        recurrence.Occurrence(event, start, end)
        for event in events
        for start, end in occurrence_times(event, window)
    ]
    found.sort(key=lambda o: (o.start, o.event.title, o.event.pk))
    return found


def occurrence_times(event, window: Window) -> tuple:
    """The (start, end) of the occurrences of ``event`` in ``window``: the expansion depends on
    the event's times alone, so the translations of an event (the same times in every locale)
    and the same window in the next request or build are expanded once per process."""
    times = ExpansionKey(
        event.start, event.end, event.all_day, event.recurrence, event.exdates, pk=event.pk
    )
    return _expanded_times(times, window.start, window.end)


@dataclass(frozen=True)
class ExpansionKey:
    """The fields an expansion reads; the id (named in warnings about unreadable rules) is
    not part of the key."""

    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool
    recurrence: str
    exdates: str
    pk: int | None = field(default=None, compare=False)


@functools.lru_cache(maxsize=8192)
def _expanded_times(times: ExpansionKey, window_start, window_end) -> tuple:
    return tuple(
        (occurrence.start, occurrence.end)
        for occurrence in recurrence.occurrences(times, window_start, window_end)
    )


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)


def to_micros(moment: datetime.datetime | None) -> int | None:
    return None if moment is None else (moment - EPOCH) // MICROSECOND


def from_micros(micros: int | None) -> datetime.datetime | None:
    """The local time :mod:`.recurrence` gives (through UTC, one tzinfo object)."""
    if micros is None:
        return None
    return (EPOCH + micros * MICROSECOND).astimezone(recurrence.EVENT_TIME_ZONE)


def occurrence_index_key(request, search: EventSearch, window: Window) -> str:
    params = sorted(
        (name, values)
        for name, values in query_params(request).lists()
        if name not in ("limit", "offset")
    )
    raw = repr(
        (
            content_version()["token"],
            search.locale.pk,
            to_micros(window.start),
            to_micros(window.end),
            params,
        )
    )
    return "api:event-occurrences:" + hashlib.sha256(raw.encode()).hexdigest()


def occurrence_index(request, search: EventSearch, window: Window) -> list[tuple]:
    """Every occurrence in the window as ``(event id, start, end)`` (microseconds since the
    epoch), in the list's order; expanded once per content version, window and filter set.

    Expanding the recurrences is the list's expensive part (thousands of weekly meetings), and
    a client reading the whole list (the portal's calendar, 100 per page) would otherwise pay
    it again for every page. Plain integers keep the cached list small (a few bytes per
    occurrence, also at 100,000 occurrences)."""
    key = occurrence_index_key(request, search, window)
    index = cache.get(key)
    if index is None:
        index = [
            (occurrence.event.pk, to_micros(occurrence.start), to_micros(occurrence.end))
            for occurrence in sorted_occurrences(search.times(), window)
        ]
        most = per_club_param(request)
        if most is not None:
            index = first_per_club(index, search, most)
        cache.set(key, index, cache_timeout())
    return index


# ``per_club``: the portal's directory shows the next few events of every club; more is the
# club's own calendar.
MAX_PER_CLUB = 20


def per_club_param(request) -> int | None:
    raw = query_params(request).get("per_club", "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PER_CLUB:
        raise InvalidParameter(
            "per_club",
            _("„per_club“ muss eine ganze Zahl von 1 bis %(most)s sein.") % {"most": MAX_PER_CLUB},
        )
    return int(raw)


def first_per_club(index: list[tuple], search: EventSearch, most: int) -> list[tuple]:
    """The first ``most`` events of each club in ``index``, each at its first occurrence, in
    the index's order. A club's events are those of its translation key (a locale's list
    mixes a club's translated events with German ones); the agency's own events, outside any
    club, count together as one."""
    club_key = item_club_key()
    clubs = dict(search.matching().annotate(club_key=club_key).values_list("pk", "club_key"))
    seen: set[int] = set()
    counts: dict = {}
    kept = []
    for entry in index:
        pk = entry[0]
        club = clubs.get(pk)
        if pk in seen or counts.get(club, 0) >= most:
            continue
        seen.add(pk)
        counts[club] = counts.get(club, 0) + 1
        kept.append(entry)
    return kept


def club_occurrence_times(
    request, club: ClubPage, locale: Locale, window: Window, club_events=None
) -> list[dict]:
    """The club's occurrences in the window as ``/api/v1/events/?club=…`` lists them (same
    selection, order and times), with only what a calendar of the club needs: event id,
    ``start``, ``end`` and ``all_day``. The club's bundle carries them on request.

    ``club_events``: every public event of ``club`` in ``locale``, as the bundle has them
    already; the window's occurrences are expanded from them instead of a query of their own
    (the query's window condition only pre-selects, the expansion decides)."""
    if club_events is None:
        club_events = EventSearch(request, window, locale, club=club).times()
    moment = serializers.DateTimeField()
    found = []
    for occurrence in sorted_occurrences(club_events, window):
        # Through the list's index representation, so the times are the very same values.
        start = from_micros(to_micros(occurrence.start))
        end = from_micros(to_micros(occurrence.end))
        found.append(
            {
                "id": occurrence.event.pk,
                "start": moment.to_representation(start),
                "end": None if end is None else moment.to_representation(end),
                "all_day": bool(occurrence.all_day),
            }
        )
    return found


@extend_schema(
    tags=["events"],
    operation_id="events_list",
    summary="Termine aller Vereine",
    description=(
        "Öffentliche Veranstaltungen aller Vereine, Wiederholungen im Zeitraum ausgerollt "
        "(ein Eintrag je Termin), nach Beginn sortiert. Standard-Zeitraum: heute plus 90 Tage."
    ),
    parameters=[
        *filter_parameters(),
        OpenApiParameter(
            "per_club",
            OpenApiTypes.INT,
            description="Höchstens so viele Veranstaltungen je Verein (1–20), jede nur mit "
            "ihrem nächsten Termin im Zeitraum; die Veranstaltungen der Agentur zählen "
            "zusammen wie ein Verein.",
        ),
    ],
)
class EventListView(PublicReadMixin, generics.ListAPIView):
    serializer_class = OccurrenceSerializer
    filter_backends = []
    queryset = EventPage.objects.none()

    def allowed_parameters(self):
        return [*FILTER_PARAMETERS, *WINDOW_PARAMETERS, "per_club", "limit", "offset"]

    def list(self, request, *args, **kwargs):
        window = window_from(request, timezone.localdate(), DEFAULT_LIST_WINDOW)
        search = EventSearch(request, window, self.locale)
        page = self.paginate_queryset(occurrence_index(request, search, window))
        wanted = {pk for pk, _start, _end in page}
        events = {event.pk: event for event in search.events().filter(pk__in=wanted)}
        page = [
            recurrence.Occurrence(events[pk], from_micros(start), from_micros(end))
            for pk, start, end in page
            if pk in events
        ]
        attach_clubs([occurrence.event for occurrence in page])
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)
