"""The API's JSON parser: bounded in size and depth, so a hostile body is a 413 or a 400, never
a 500 (Python's JSON decoder raises ``RecursionError`` on deep nesting, and DRF reads the
stream without Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE``)."""

import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers, status


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"


def max_body_bytes() -> int:
    return getattr(settings, "API_MAX_JSON_BYTES", 1024 * 1024)


def max_depth() -> int:
    return getattr(settings, "API_MAX_JSON_DEPTH", 20)


def depth(value, limit: int) -> int:
    """Nesting depth of ``value``, counted without recursion, stopping past ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > limit:
            return level
        deepest = max(deepest, level)
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            stack.extend((child, level + 1) for child in children)
    return deepest


class BoundedJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = max_body_bytes()
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        too_large = PayloadTooLarge(
            _("Die Anfrage ist zu groß (höchstens %(kb)s KB).") % {"kb": limit // 1024}
        )
        if declared and declared.isdigit() and int(declared) > limit:
            raise too_large
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise too_large
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(raw.decode(encoding), parse_constant=_no_constant)
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(_("Kein gültiges JSON.")) from exc
        if depth(data, max_depth()) > max_depth():
            raise exceptions.ParseError(
                _("Das JSON ist zu tief verschachtelt (höchstens %(depth)s Ebenen).")
                % {"depth": max_depth()}
            )
        return data


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")
