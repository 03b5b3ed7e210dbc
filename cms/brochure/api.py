"""``GET /api/v1/brochure.pdf``: the printable directory of all published clubs."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from cms.core.views import FirstRendererNegotiation, PublicReadMixin

from .pdf import build_brochure

FILENAME = "vereinsnetz-broschuere.pdf"


class BrochureView(PublicReadMixin, APIView):
    # Its title page says "Stand: <date>": the cache's content version turns at midnight.
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        tags=["brochure"],
        operation_id="brochure_pdf",
        summary="Broschüre aller Vereine (PDF)",
        description=(
            "Alle veröffentlichten Vereine nach Gemeinde, mit Logo, Kurzbeschreibung, "
            "Schwerpunkten, Sprachen, Treffen und – nur mit Einwilligung – Kontakt; "
            "Inhaltsverzeichnis und Verzeichnis nach Herkunftsland."
        ),
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="PDF."),
            (400, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="Ungültiger Parameter."
            ),
        },
    )
    def get(self, request):
        return HttpResponse(
            build_brochure(),
            content_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="{FILENAME}"'},
        )
