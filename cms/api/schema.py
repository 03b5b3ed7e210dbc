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
