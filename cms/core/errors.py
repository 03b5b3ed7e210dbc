"""How the API reports errors: always JSON, never an HTML page, never a 500 for bad input.

Every error body has the same shape::

    {"status": 400, "code": "invalid_parameter", "detail": "…",
     "parameter": "limit", "errors": {"limit": ["…"]}}

``parameter`` and ``errors`` are present for 400s caused by query parameters. DRF views get
this through :func:`exception_handler` (configured in ``REST_FRAMEWORK``); plain Django views
(feeds, calendars) raise :class:`InvalidParameter` or ``Http404`` inside a view wrapped with
:func:`api_errors`, or return :func:`error_response` themselves.
"""

import functools

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler


class InvalidParameter(exceptions.ValidationError):
    """A query parameter has a value the endpoint cannot use."""

    def __init__(self, parameter: str, message: str):
        super().__init__({parameter: [message]}, code="invalid_parameter")
        self.parameter = parameter
        self.message = message


def error_body(status_code: int, code: str, detail: str, errors: dict | None = None) -> dict:
    body = {"status": status_code, "code": code, "detail": detail}
    if errors:
        body["parameter"] = next(iter(errors))
        body["errors"] = errors
    return body


def error_response(
    status_code: int, code: str, detail: str, errors: dict | None = None
) -> JsonResponse:
    return JsonResponse(error_body(status_code, code, detail, errors), status=status_code)


def invalid_parameter_response(parameter: str, message: str) -> JsonResponse:
    return error_response(
        400, "invalid_parameter", _invalid_detail(parameter), {parameter: [message]}
    )


def not_found_response(detail: str | None = None) -> JsonResponse:
    return error_response(404, "not_found", detail or _("Nicht gefunden."))


def _invalid_detail(parameter: str) -> str:
    return _("Ungültiger Parameter: %(parameter)s") % {"parameter": parameter}


def _flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _flatten(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in _flatten(value)]
    return [str(detail)]


def exception_handler(exc, context):
    """DRF's handler, with every error body brought into the API's shape."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        errors = {name: _flatten(value) for name, value in exc.detail.items()}
        response.data = error_body(
            response.status_code, "invalid_parameter", _invalid_detail(next(iter(errors))), errors
        )
    elif isinstance(exc, exceptions.ValidationError):
        response.data = error_body(response.status_code, "invalid", " ".join(_flatten(exc.detail)))
    else:
        code = getattr(exc, "default_code", "error")
        if isinstance(exc, Http404 | exceptions.NotFound):
            code = "not_found"
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        response.data = error_body(response.status_code, code, str(detail or _("Fehler.")), None)
    return response


def api_errors(view):
    """Decorator for plain Django views: InvalidParameter → 400 JSON, Http404 → 404 JSON."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except InvalidParameter as exc:
            return invalid_parameter_response(exc.parameter, exc.message)
        except Http404:
            return not_found_response()
        except PermissionDenied:
            return error_response(403, "permission_denied", _("Keine Berechtigung."))

    return wrapped


def not_found(request, *args, **kwargs):
    """Catch-all for unknown paths under /api/."""
    return error_response(status.HTTP_404_NOT_FOUND, "not_found", _("Unbekannter Pfad."))
