"""The agency's own events: an events index directly below the portal home page (the
exchange meetings, workshops and information evenings of the agency), shown on the portal's
own event pages, where visitors sign up. ``GET /api/v1/portal/events/`` gives the index and
its public events in the bundle's page form, so the events plugin renders them like a club's.

The agency edits them like any portal page; clubs' page permissions end at their own tree, so
they cannot (and the sign-up lists of these events are the agency's, ``cms.signups.access``).
"""

from django.db.models import Q
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.response import Response

from cms.clubs.api_fields import BundleFields
from cms.core.locales import localized
from cms.core.page_entries import page_entry
from cms.core.schema import LOCALE_PARAMETER
from cms.core.streams import StreamResolver
from cms.core.views import PublicReadMixin
from cms.events.models import EventIndexPage, EventPage

from .api import KEYS_HEADER_SCHEMA, link_keys, with_keys
from .sections import portal_path

# Root (1) → portal home (2) → the agency's events index (3) → its events (4); a club's
# events index lies deeper (portal home → clubs → club → index).
AGENCY_INDEX_DEPTH = 3
AGENCY_EVENT_DEPTH = 4


def is_agency_event(page) -> bool:
    return isinstance(page, EventPage) and page.depth == AGENCY_EVENT_DEPTH


def page_data(page) -> dict:
    return {**page_entry(page, portal_path(page)), "last_updated": page.last_published_at}


def agency_events(locale, request, page_ids: set | None = None) -> dict:
    """The agency's first public events index in ``locale`` (German fallback) and its public
    events, earliest first; ``index`` is None when the portal has none. ``page_ids`` (a set),
    if given, receives the ids of the pages the events' texts link to."""
    index = (
        localized(EventIndexPage.objects.filter(depth=AGENCY_INDEX_DEPTH), locale)
        .select_related("locale")
        .order_by("path")
        .first()
    )
    if index is None:
        return {"index": None, "events": []}
    events = list(
        localized(EventPage.objects.filter(depth=AGENCY_EVENT_DEPTH), locale)
        .filter(translation_key__in=_event_keys(index))
        .select_related("locale", "location_room")
        .prefetch_related("languages")
        .order_by("start", "title", "pk")
    )
    streams = StreamResolver(request)
    for event in events:
        streams.add(event.body)
    streams.load()
    if page_ids is not None:
        page_ids |= streams.page_ids
    declared = BundleFields({"request": request, "streams": streams})
    return {
        "index": {**page_data(index), "fields": {"intro": index.intro}},
        "events": [{**page_data(event), "fields": declared(event)} for event in events],
    }


def _event_keys(index):
    """The translation keys of the index's events in every locale (a translated index may
    list German events that have no translation yet)."""
    indexes = EventIndexPage.objects.filter(translation_key=index.translation_key)
    paths = list(indexes.values_list("path", flat=True))
    children = EventPage.objects.filter(depth=AGENCY_EVENT_DEPTH)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return children.filter(condition).values("translation_key")


PAGE_SCHEMA = {
    "id": serializers.IntegerField(),
    "type": serializers.CharField(),
    "slug": serializers.CharField(),
    "title": serializers.CharField(),
    "locale": serializers.CharField(),
    "direction": serializers.ChoiceField(choices=["ltr", "rtl"]),
    "url_path": serializers.CharField(
        help_text="Pfad unterhalb der Portal-Startseite (ohne Sprachpräfix)."
    ),
    "parent_path": serializers.CharField(),
    "last_updated": serializers.DateTimeField(allow_null=True),
    "fields": serializers.DictField(
        help_text="Die Felder wie im Bundle eines Vereins (Beginn, Ort, Text, Flyer …)."
    ),
}


@extend_schema(
    tags=["portal"],
    summary="Veranstaltungen der Integrationsagentur",
    description=(
        "Die Übersicht der eigenen Veranstaltungen der Integrationsagentur (Austauschtreffen, "
        "Workshops, Abende im Café) und ihre öffentlichen Veranstaltungen in der gewünschten "
        "Sprache (sonst Deutsch), mit denselben Feldern wie im Bundle eines Vereins. Ohne "
        "Übersicht: index ist null. Die Anmeldung: /api/v1/events/{id}/signup/."
    ),
    parameters=[LOCALE_PARAMETER, KEYS_HEADER_SCHEMA],
    responses={
        200: inline_serializer(
            "AgencyEvents",
            {
                "index": inline_serializer("AgencyEventIndex", PAGE_SCHEMA, allow_null=True),
                "events": inline_serializer("AgencyEvent", PAGE_SCHEMA, many=True),
            },
        )
    },
)
class AgencyEventsView(PublicReadMixin, generics.GenericAPIView):
    pagination_class = None
    filter_backends = []

    def get(self, request, *args, **kwargs):
        # The answer shows the agency's own pages and, of the clubs, only the news items and
        # events its texts link to: a club's news item changes it only when linked.
        page_ids: set[int] = set()
        data = agency_events(self.locale, request, page_ids)
        keys = {"portal:*"} | (link_keys(page_ids) if page_ids else set())
        return with_keys(Response(data), keys)
