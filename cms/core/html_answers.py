"""Answers for the portal's forms posted without JavaScript.

A browser submitting a plain HTML form sends it form-encoded and accepts ``text/html``; it
would show the API's JSON as a wall of text. Such a post gets a human answer instead: a
``303`` redirect to the thank-you page the form names in ``return_to`` (a path of the portal
on this host), or an HTML page in the visitor's language that lists what to correct, field by
field, with the field labels of the portal form (the plugin's ``form_labels``, from its
catalogues), and a way back to the entries. Posts with JSON (the forms' script, other
clients) are answered with JSON as before.
"""

import re

from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from sites.engine.i18n import Catalog
from sites.engine.plugins import installed

# The portal's own messages (``sites/portal/locale``).
PORTAL_CATALOG = Catalog("sites.portal")

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Where a form may send the visitor after success: a path of the portal on this host.
RETURN_TO = re.compile(r"^/[a-z]{2}(-[a-z]+)?/[\w\-/]*$")


def wants_html(request) -> bool:
    content_type = (request.content_type or "").split(";")[0].strip().lower()
    accept = request.headers.get("Accept", "")
    return content_type in FORM_TYPES and "text/html" in accept


def return_to(request) -> str | None:
    value = request.POST.get("return_to", "") if hasattr(request, "POST") else ""
    return value if RETURN_TO.match(value) else None


def labels(plugin_name: str, language: str) -> dict[str, str]:
    """The form's field labels in ``language`` (German where missing), keyed by field name."""
    plugin = installed().get(plugin_name)
    if plugin is None:
        return {}
    tr = Catalog(plugin.package).locale(language)
    return {name: tr.gettext(message) for name, message in plugin.form_labels.items()}


def success(request, message: str):
    target = return_to(request)
    if target:
        return HttpResponseRedirect(target, status=303)
    return page(request, message, {}, status=201)


def form_url(request) -> str:
    """The page the form was on (the browser's Referer), if it is on this host."""
    referer = request.META.get("HTTP_REFERER", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if referer and allowed else ""


def page(request, detail: str, errors: dict, status: int, field_labels=None):
    language = translation.get_language() or "de"
    tr = PORTAL_CATALOG.locale(language)
    field_labels = field_labels or {}
    items = [
        {"label": field_labels.get(name, ""), "messages": messages}
        for name, messages in errors.items()
        if name not in {"website", "return_to"}
    ]
    html = render_to_string(
        "portal/form_answer.html",
        {
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "detail": detail,
            "items": items,
            "ok": status < 400,
            "back": tr.gettext("Zurück zum Formular"),
            "back_hint": tr.gettext(
                "Mit der Zurück-Funktion Ihres Browsers kehren Sie zu Ihren Eingaben zurück und "
                "können sie korrigieren."
            ),
            "form_url": form_url(request) if status >= 400 else "",
        },
        request=None,
    )
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    return response
