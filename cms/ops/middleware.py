"""Refusing input no database can store: a NUL character in a query parameter is a 400 with
the API's error shape (PostgreSQL text cannot hold it, so it would otherwise surface as a 500
wherever a view passes the parameter to a query)."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from cms.core.errors import error_response


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                detail = _("Ungültiges Zeichen (NUL) im Parameter %(name)s.") % {
                    "name": key.replace("\x00", "")
                }
                if request.path.startswith("/api/"):
                    return error_response(
                        400, "invalid_parameter", detail, {key.replace("\x00", ""): [detail]}
                    )
                return HttpResponseBadRequest(detail)
        return self.get_response(request)
