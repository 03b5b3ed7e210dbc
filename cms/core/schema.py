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


ERROR_SCHEMA = {
    "type": "object",
    "description": "Fehlerantwort, bei jedem Fehler gleich aufgebaut (cms/core/errors.py).",
    "properties": {
        "status": {"type": "integer"},
        "code": {"type": "string"},
        "detail": {"type": "string"},
        "parameter": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["status", "code", "detail"],
}
ERROR_DESCRIPTIONS = {
    "400": "Ungültige Parameter oder Eingaben, je Feld erklärt.",
    "403": "Keine Berechtigung (oder CSRF-Token fehlt).",
    "404": "Nicht gefunden (oder nicht öffentlich).",
    "413": "Anfrage zu groß (JSON höchstens 1 MB).",
    "429": "Zu viele Anfragen; Retry-After nennt die Wartezeit.",
    "503": "Datenbank kurz nicht erreichbar; Retry-After nennt die Wartezeit.",
}


def document_errors(result, generator, request, public):
    """Every operation documents the error answers it can give, all in the shape of
    ``cms/core/errors.py``; an operation's own documentation of a status code wins."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            codes = ["400", "503"]
            if "{" in path:
                codes.append("404")
            if method != "get":
                codes += ["403", "413", "429"]
            elif {} not in operation.get("security", [{}]):
                codes.append("403")  # reads that need a login (e.g. one's own bookings)
            for code in codes:
                operation["responses"].setdefault(
                    code,
                    {
                        "description": ERROR_DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": reference}},
                    },
                )
    return result
