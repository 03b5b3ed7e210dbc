"""What a visitor gets when the server fails: JSON under /api/, a short German page elsewhere.

A database that is down or restarting is not a bug in the request: such requests answer
``503 Service Unavailable`` with ``Retry-After`` at once (the connection attempt is bounded by
``DATABASE_CONNECT_TIMEOUT``), and the next request opens a fresh connection, so the site
recovers by itself when the database is back. Everything else is a ``500``.
"""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

from cms.core.errors import error_response

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10
# Errors that mean "the database cannot be reached", not "this query is wrong".
UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, UNAVAILABLE):
            return True
        if isinstance(exc, DatabaseError):
            return False
        exc = exc.__cause__ or exc.__context__
    return False


def _page(status: int, title: str, text: str) -> HttpResponse:
    html = loader.render_to_string("ops/error.html", {"title": title, "text": text})
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def server_error(request, *args, **kwargs):
    """``handler500``: Django calls it inside the ``except`` block of the failed request, so
    the exception is still at hand."""
    exc = sys.exc_info()[1]
    api = request.path.startswith("/api/")
    if database_unavailable(exc):
        logger.error("Database unavailable while answering %s: %s", request.path, exc)
        detail = _(
            "Der Dienst ist kurz nicht erreichbar. Bitte versuchen Sie es gleich noch einmal."
        )
        if api:
            response = error_response(503, "service_unavailable", detail)
        else:
            response = _page(503, _("Kurz nicht erreichbar"), detail)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    detail = _("Ein Fehler ist aufgetreten. Die Betreiber wurden benachrichtigt.")
    if api:
        return error_response(500, "server_error", detail)
    return _page(500, _("Fehler"), detail)
