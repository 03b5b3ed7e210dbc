"""OpenAPI pieces shared by the domain API's views."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

LOCALE_PARAMETER = OpenApiParameter(
    "locale",
    OpenApiTypes.STR,
    enum=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
    description=(
        "Sprache der Inhalte. Übersetzte Seiten kommen in dieser Sprache, sonst auf Deutsch; "
        "jedes Objekt nennt seine locale und direction."
    ),
)


def only_domain_api(endpoints):
    """The schema documents /api/v1/ only (Wagtail's v2 and admin APIs document themselves)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
