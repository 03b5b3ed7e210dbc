"""``GET /api/v1/events/{id}/flyer.pdf`` and ``GET /api/v1/clubs/{slug}/flyer.pdf``: a flyer
for a public event or a club's homepage, ``?format=a4`` (poster, default) or ``a6`` (handout),
``?locale=`` for a translation (else the page's own language; a club falls back to German)."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from cms.clubs.models import ClubPage
from cms.core.errors import InvalidParameter
from cms.core.locales import localized
from cms.core.privacy import public_pages
from cms.core.views import FirstRendererNegotiation, PublicReadMixin
from cms.events.models import EventPage

from .content import club_flyer, event_flyer
from .pdf import FORMATS, render_flyer

LARGEST_ID = 2**31 - 1

PARAMETERS = [
    OpenApiParameter("format", OpenApiTypes.STR, enum=list(FORMATS), description="a4 oder a6"),
    OpenApiParameter("locale", OpenApiTypes.STR, description="Sprache (BCP 47)"),
]
RESPONSES = {
    (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="PDF."),
    (400, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT, description="Ungültig."),
    (404, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT, description="Unbekannt."),
}


class FlyerView(PublicReadMixin, APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    def allowed_parameters(self):
        return ["format", "locale"]

    def paper(self, request) -> str:
        value = request.query_params.get("format", "a4").lower()
        if value not in FORMATS:
            raise InvalidParameter("format", _("Möglich sind a4 (Plakat) und a6 (Handzettel)."))
        return value

    def answer(self, flyer, paper: str, name: str) -> HttpResponse:
        return HttpResponse(
            render_flyer(flyer, paper),
            content_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="flyer-{name}-{paper}.pdf"'},
        )


class EventFlyerView(FlyerView):
    @extend_schema(
        tags=["flyers"],
        operation_id="event_flyer_pdf",
        summary="Flyer einer Veranstaltung (PDF)",
        parameters=PARAMETERS,
        responses=RESPONSES,
    )
    def get(self, request, pk: int):
        paper = self.paper(request)
        # An id no page can have (the databases' integer columns end at 2**31 - 1 on
        # PostgreSQL) is simply not found, instead of overflowing the query.
        if pk > LARGEST_ID:
            raise Http404
        event = public_pages(EventPage.objects.filter(pk=pk)).first()
        if event is None:
            raise Http404
        if request.query_params.get("locale"):
            translated = public_pages(
                EventPage.objects.filter(translation_key=event.translation_key, locale=self.locale)
            ).first()
            event = translated or event
        event = EventPage.objects.select_related("locale", "location_room").get(pk=event.pk)
        return self.answer(event_flyer(event), paper, event.slug)


class ClubFlyerView(FlyerView):
    @extend_schema(
        tags=["flyers"],
        operation_id="club_flyer_pdf",
        summary="Flyer der Homepage eines Vereins (PDF)",
        parameters=PARAMETERS,
        responses=RESPONSES,
    )
    def get(self, request, slug: str):
        paper = self.paper(request)
        keys = public_pages(ClubPage.objects.filter(slug=slug)).values("translation_key")
        club = (
            localized(ClubPage.objects.filter(translation_key__in=keys), self.locale)
            .select_related("locale", "municipality", "logo")
            .prefetch_related("meeting_times")
            .first()
        )
        if club is None:
            raise Http404
        return self.answer(club_flyer(club), paper, club.slug)
