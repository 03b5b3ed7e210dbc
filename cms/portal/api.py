"""Read endpoints of the portal: the home page with its sections resolved, and the curated
portal pages (Mitmachen, legal texts, Einfache Sprache) by role."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    PolymorphicProxySerializer,
    extend_schema,
    inline_serializer,
)
from rest_framework import generics, serializers
from rest_framework.response import Response
from wagtail.models import Page

from cms.clubs.models import ClubPage
from cms.clubs.serializers import ClubSummarySerializer, NewsSerializer, v2_page_url
from cms.core.locales import direction, localized
from cms.core.schema import LOCALE_PARAMETER
from cms.core.streams import linked_page_ids, resolve_streams
from cms.core.views import PublicReadMixin
from cms.events.api import OccurrenceSerializer

from .models import PageRole, PortalHomePage, PortalPage
from .resource_keys import club_slug_of, portal_changes
from .sections import SectionResolver, portal_path


def portal_home(locale) -> PortalHomePage:
    home = localized(PortalHomePage.objects.all(), locale).select_related("locale").first()
    if home is None:
        raise Http404
    return home


def portal_pages(locale):
    return localized(PortalPage.objects.all(), locale).select_related("locale").order_by("path")


def page_fields(page, request) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "path": portal_path(page),
        "locale": page.locale.language_code,
        "direction": direction(page.locale),
        "last_updated": page.last_published_at,
        "api_url": v2_page_url(request, page),
    }


# The keys (``sites/engine/deps.py``) of what an answer shows, for the portal's incremental
# builds: a build reads it again only after a change of one of them (a club's news item
# changes ``news:<club>`` and ``news:*``, a club's own page ``club:<club>`` and the lists that
# show it; ``resource_keys.portal_changes``). Besides the portal's pages themselves
# (``portal:*``), the answer depends on the lists its sections show and on the club pages,
# news items and events its texts link to (their addresses are resolved into the text).
RESOURCE_KEYS_HEADER = "X-Resource-Keys"
SECTION_KEYS = {
    "featured_clubs": {"clubs:*"},
    "upcoming_events": {"events:*"},
    "latest_news": {"news:*"},
    "cafe_series": {"rooms:*", "taxonomy:*"},
}


def link_keys(page_ids) -> set[str]:
    """The keys under which the pages ``page_ids`` (any translation of them) change without
    everything changing: ``news:<club>`` for a club's news item, ``events:<club>`` for its
    event (``resource_keys.portal_changes``, without the lists of all of them), and
    ``club:<club>`` for a club's own page (a link shows its address and name, which change
    only with the club's own page)."""
    found: set[str] = set()
    for page in Page.objects.filter(pk__in=page_ids).specific(defer=True):
        slug = club_slug_of(page)
        if isinstance(page, ClubPage) and slug:
            found.add(f"club:{slug}")
            continue
        found |= {key for key in portal_changes(page, slug) or () if not key.endswith(":*")}
    return found


def section_keys(raw_sections) -> set[str]:
    """The keys of what the home page's sections (their stored data) show."""
    found, page_ids = {"portal:*"}, set()
    for item in raw_sections:
        kind, value = item.get("type"), item.get("value") or {}
        found |= SECTION_KEYS.get(kind, set())
        if kind == "text":
            page_ids |= linked_page_ids(value if isinstance(value, str) else "")
        elif kind == "call_to_action" and value.get("page"):
            page_ids.add(int(value["page"]))
        elif kind == "cafe_series":
            page_ids |= linked_page_ids(value.get("description") or "")
    return found | (link_keys(page_ids) if page_ids else set())


KEYS_HEADER_SCHEMA = OpenApiParameter(
    RESOURCE_KEYS_HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=True,
    description=(
        "Wovon die Antwort abhängt, für die schrittweisen Builds des Portals, durch "
        "Leerzeichen getrennt: portal:*, die Listen der Abschnitte (clubs:*, events:*, news:*, "
        "rooms:*, taxonomy:*) und club:<verein> / news:<verein> / events:<verein> der "
        "verlinkten Seiten."
    ),
)


def with_keys(response: Response, keys) -> Response:
    response[RESOURCE_KEYS_HEADER] = " ".join(sorted(keys))
    return response


def portal_page_data(page, request) -> dict:
    return {"role": page.page_role, **page_fields(page, request)}


# --- Schema ---------------------------------------------------------------------------------


class PortalPageRefSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=PageRole.choices)
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    path = serializers.CharField(
        help_text="Pfad unterhalb der Portal-Startseite, z. B. /impressum/ (ohne Sprachpräfix)."
    )
    locale = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])
    last_updated = serializers.DateTimeField(allow_null=True)
    api_url = serializers.URLField(help_text="Die Seite in Wagtails v2-API.")


class LinkedPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    type = serializers.CharField(help_text="Seitentyp, z. B. portal.PortalPage, clubs.ClubPage.")
    slug = serializers.CharField()
    path = serializers.CharField()
    locale = serializers.CharField()
    role = serializers.CharField(
        allow_null=True, help_text="Aufgabe, wenn es eine Portalseite ist."
    )
    club = serializers.CharField(allow_null=True, help_text="Kurzname, wenn es ein Verein ist.")


class LanguageRefSerializer(serializers.Serializer):
    tag = serializers.CharField()
    name = serializers.CharField()
    native_name = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])


class RoomSerializer(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    municipality = inline_serializer(
        "PortalRoomMunicipality", {"slug": serializers.CharField(), "name": serializers.CharField()}
    )
    capacity = serializers.IntegerField()
    step_free = serializers.BooleanField()
    accessible_toilet = serializers.BooleanField()


def section_serializer(kind: str, name: str, value) -> type[serializers.Serializer]:
    return type(
        f"Portal{name}Section",
        (serializers.Serializer,),
        {
            "type": serializers.ChoiceField(choices=[kind]),
            "id": serializers.CharField(allow_null=True),
            "value": value,
            "Meta": type("Meta", (), {"ref_name": None}),
        },
    )


SECTION_SERIALIZERS = {
    "featured_clubs": section_serializer(
        "featured_clubs",
        "FeaturedClubs",
        inline_serializer(
            "PortalFeaturedClubs",
            {
                "title": serializers.CharField(),
                "selection": serializers.ChoiceField(choices=["manual", "recent"]),
                "clubs": ClubSummarySerializer(many=True),
            },
        ),
    ),
    "upcoming_events": section_serializer(
        "upcoming_events",
        "UpcomingEvents",
        inline_serializer(
            "PortalUpcomingEvents",
            {
                "title": serializers.CharField(),
                "filters": inline_serializer(
                    "PortalEventFilters",
                    {
                        "category": serializers.CharField(),
                        "municipality": serializers.CharField(),
                    },
                ),
                "events": OccurrenceSerializer(many=True),
                "events_url": serializers.URLField(
                    help_text="/api/v1/events/ mit denselben Filtern, für „alle Termine“."
                ),
            },
        ),
    ),
    "latest_news": section_serializer(
        "latest_news",
        "LatestNews",
        inline_serializer(
            "PortalLatestNews",
            {
                "title": serializers.CharField(),
                "count": serializers.IntegerField(
                    help_text="Wie viele Neuigkeiten der Abschnitt zeigt (die neuesten von "
                    "/api/v1/news/ in derselben Sprache; news hat weniger, wenn es weniger gibt)."
                ),
                "news": NewsSerializer(many=True),
            },
        ),
    ),
    "text": section_serializer("text", "Text", serializers.CharField(help_text="HTML.")),
    "call_to_action": section_serializer(
        "call_to_action",
        "CallToAction",
        inline_serializer(
            "PortalCallToAction",
            {
                "title": serializers.CharField(),
                "text": serializers.CharField(),
                "button_label": serializers.CharField(),
                "page": LinkedPageSerializer(allow_null=True),
                "url": serializers.CharField(
                    allow_null=True,
                    help_text="Externer Link oder Pfad der Portalseite; null, wenn die "
                    "verlinkte Seite nicht öffentlich ist.",
                ),
                "external": serializers.BooleanField(),
            },
        ),
    ),
    "cafe_series": section_serializer(
        "cafe_series",
        "CafeSeries",
        inline_serializer(
            "PortalCafeSeries",
            {
                "title": serializers.CharField(),
                "description": serializers.CharField(help_text="HTML."),
                "room": RoomSerializer(allow_null=True),
                "evenings": inline_serializer(
                    "PortalCafeEvening",
                    {
                        "date": serializers.DateField(),
                        "start_time": serializers.CharField(help_text="HH:MM"),
                        "end_time": serializers.CharField(allow_null=True),
                        "topic": serializers.CharField(),
                        "language": LanguageRefSerializer(allow_null=True),
                    },
                    many=True,
                ),
            },
        ),
    ),
}

SECTION_SCHEMA = PolymorphicProxySerializer(
    component_name="PortalSection",
    serializers=list(SECTION_SERIALIZERS.values()),
    resource_type_field_name=None,
    many=True,
)


class PortalHomeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    locale = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])
    last_updated = serializers.DateTimeField(allow_null=True)
    intro = serializers.CharField()
    sections = SECTION_SCHEMA
    pages = PortalPageRefSerializer(many=True)


class PortalPageDetailSerializer(PortalPageRefSerializer):
    body = serializers.ListField(
        child=serializers.DictField(),
        help_text="Inhaltsblöcke wie bei Vereinsseiten: {type, id, value}, Bilder als "
        "Renditions, Dokumente als Download-Links, Rich Text mit echten Links.",
    )


# --- Views ----------------------------------------------------------------------------------


@extend_schema(
    tags=["portal"],
    summary="Portal-Startseite",
    description=(
        "Die Startseite des Kreisportals in der gewünschten Sprache (sonst Deutsch) mit "
        "aufgelösten Abschnitten (Vereine im Porträt, nächste Veranstaltungen, Neuigkeiten, "
        "Text, Aufruf zum Mitmachen, Abende im Café) und der Liste der Portalseiten."
    ),
    parameters=[LOCALE_PARAMETER, KEYS_HEADER_SCHEMA],
    responses={200: PortalHomeSerializer},
)
class PortalHomeView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = PortalHomeSerializer
    pagination_class = None
    filter_backends = []

    def get(self, request, *args, **kwargs):
        home = portal_home(self.locale)
        data = {
            "id": home.pk,
            "title": home.title,
            "slug": home.slug,
            "locale": home.locale.language_code,
            "direction": direction(home.locale),
            "last_updated": home.last_published_at,
            "intro": home.intro,
            "sections": SectionResolver(request, self.locale).resolve(home.body),
            "pages": [portal_page_data(page, request) for page in portal_pages(self.locale)],
        }
        return with_keys(Response(data), section_keys(home.body.raw_data))


@extend_schema(
    tags=["portal"],
    summary="Portalseite",
    description=(
        "Eine Portalseite mit aufgelösten Inhaltsblöcken. Adressiert über ihre Aufgabe "
        "(mitmachen, impressum, datenschutz, barrierefreiheit, einfache_sprache) oder, bei "
        "weiteren Seiten (Aufgabe other), über ihren Kurznamen."
    ),
    parameters=[
        LOCALE_PARAMETER,
        KEYS_HEADER_SCHEMA,
        OpenApiParameter(
            "key",
            OpenApiTypes.STR,
            OpenApiParameter.PATH,
            description="Aufgabe der Seite oder Kurzname einer weiteren Seite.",
        ),
    ],
    responses={200: PortalPageDetailSerializer},
)
class PortalPageView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = PortalPageDetailSerializer
    pagination_class = None
    filter_backends = []

    def get(self, request, key, *args, **kwargs):
        pages = portal_pages(self.locale)
        if key in PageRole.values and key != PageRole.OTHER:
            page = pages.filter(page_role=key).first()
        else:
            page = pages.filter(page_role=PageRole.OTHER, slug=key).first()
        if page is None:
            raise Http404
        page_ids: set[int] = set()
        (body,) = resolve_streams([page.body], request, page_ids)
        keys = {"portal:*"} | (link_keys(page_ids) if page_ids else set())
        return with_keys(Response({**portal_page_data(page, request), "body": body}), keys)
