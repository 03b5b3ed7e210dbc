"""``/api/v1/open-data/``: the directory of published clubs as an open dataset.

- ``open-data/`` — what the dataset is, its licence and its files (JSON);
- ``open-data/hsds/organizations.json`` — Open Referral HSDS 3.0 organizations;
- ``open-data/hsds/organizations.csv`` — the same as HSDS's tabular ``organizations.csv``;
- ``open-data/vereine.csv`` — one plain row per club.

Every answer names the licence in a ``Link: <…>; rel="license"`` header; the index says it
in words. Reads are public and cached like the rest of the API (invalidated on publish). The
index's texts follow ``?locale=`` (catalogue ``cms/opendata/locale/``; German without it)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.locales import requested_language
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import FirstRendererNegotiation, PublicReadMixin

from .data import club_record, licence, open_data_clubs
from .hsds import organizations_page
from .tables import hsds_organizations_csv, plain_csv

HSDS_VERSION = "3.0"


def licence_link() -> str:
    return f'<{settings.OPEN_DATA_LICENSE_URL}>; rel="license"'


class OpenDataView(PublicReadMixin, APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response["Link"] = licence_link()
        return response


def csv_response(text: str, filename: str) -> HttpResponse:
    return HttpResponse(
        text,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


class OpenDataIndexView(OpenDataView):
    @extend_schema(
        tags=["open-data"],
        summary="Offene Daten: Vereinsverzeichnis",
        description="Beschreibung, Lizenz und Dateien des offenen Datensatzes aller "
        "veröffentlichten Vereine.",
        parameters=[LOCALE_PARAMETER],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        with translation.override(requested_language(request)):
            return Response(self.index())

    def index(self) -> dict:
        def url(name):
            # The public address (also when the portal builder asks in-process).
            return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name)

        return {
            "title": _("Vereinsverzeichnis – Migrantenorganisationen"),
            "description": _(
                "Alle im Vereinsnetz veröffentlichten Vereine mit den Angaben, die sie "
                "selbst veröffentlichen. Kontaktangaben nur mit Einwilligung, keine Namen "
                "von Personen."
            ),
            "publisher": settings.OPEN_DATA_PUBLISHER,
            "license": licence(),
            "attribution": f"{settings.OPEN_DATA_PUBLISHER}, Vereinsnetz "
            f"({settings.OPEN_DATA_LICENSE_NAME})",
            "modified": timezone.now().date().isoformat(),
            "standard": {
                "name": "Open Referral Human Services Data Specification (HSDS)",
                "version": HSDS_VERSION,
                "url": "https://docs.openreferral.org/en/3.0/",
            },
            "distributions": [
                {
                    "title": "HSDS organizations (JSON)",
                    "media_type": "application/json",
                    "url": url("api-open-data-hsds-json"),
                },
                {
                    "title": "HSDS organizations.csv",
                    "media_type": "text/csv",
                    "url": url("api-open-data-hsds-csv"),
                },
                {
                    "title": _("Vereine (CSV)"),
                    "media_type": "text/csv",
                    "url": url("api-open-data-csv"),
                },
            ],
        }


class HsdsOrganizationsView(OpenDataView):
    @extend_schema(
        tags=["open-data"],
        operation_id="open_data_hsds_organizations",
        summary="Offene Daten: Vereine als HSDS-Organisationen (JSON)",
        description="Open Referral HSDS 3.0, Form der HSDS-API-Antwort GET /organizations "
        "(alle auf einer Seite).",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        state = settings.OPEN_DATA_STATE_PROVINCE
        return Response(organizations_page(open_data_clubs(), request, state))


class HsdsOrganizationsCsvView(OpenDataView):
    @extend_schema(
        tags=["open-data"],
        operation_id="open_data_hsds_organizations_csv",
        summary="Offene Daten: HSDS organizations.csv",
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV (UTF-8).")
        },
    )
    def get(self, request):
        records = [club_record(club, request) for club in open_data_clubs()]
        state = settings.OPEN_DATA_STATE_PROVINCE
        return csv_response(hsds_organizations_csv(records, state), "organizations.csv")


class ClubsCsvView(OpenDataView):
    @extend_schema(
        tags=["open-data"],
        operation_id="open_data_clubs_csv",
        summary="Offene Daten: Vereine (CSV)",
        description="Eine Zeile je veröffentlichtem Verein; mehrere Werte durch „; “ getrennt.",
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV (UTF-8).")
        },
    )
    def get(self, request):
        records = [club_record(club, request) for club in open_data_clubs()]
        return csv_response(plain_csv(records), "vereinsnetz-vereine.csv")
