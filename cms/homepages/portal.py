"""Serving the built district portal at ``/`` of the main host.

The portal is a static site in ``SITE_BUILD_DIR/portal/current`` with one folder per locale
(``/de/``, ``/ar/`` …) and its assets under ``/static/<plugin>/``. ``/`` sends the visitor to
the locale their browser prefers (``Accept-Language``), else to German. Until the portal is
built, ``/`` explains that in a short German page instead of failing.
"""

from pathlib import Path, PurePosixPath

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from cms import locales
from sites.portal import DIRECTORY_NAME

from .builds import build_root
from .views import serve_file

DEFAULT_LOCALE = locales.DEFAULT


def portal_root() -> Path | None:
    root = build_root() / DIRECTORY_NAME / "current"
    return root.resolve() if root.is_dir() else None


def preferred_locale(request, available: list[str]) -> str:
    """The first language of ``Accept-Language`` the portal is built in (``de-AT`` counts as
    ``de``), else German."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        code = code.lower()
        for candidate in (code, code.split("-")[0]):
            if candidate in available:
                return candidate
    return DEFAULT_LOCALE if DEFAULT_LOCALE in available else (available or [DEFAULT_LOCALE])[0]


def not_built(request):
    return render(request, "homepages/portal_not_built.html", status=503)


def portal(request, path: str = ""):
    root = portal_root()
    if root is None:
        if path == "":
            return not_built(request)
        raise Http404("Das Portal ist noch nicht gebaut.")
    if path == "":
        available = [code for code in locales.codes() if (root / code / "index.html").is_file()]
        response = HttpResponseRedirect(f"/{preferred_locale(request, available)}/")
        patch_vary_headers(response, ["Accept-Language"])
        return response
    if ".." in PurePosixPath(path).parts or path.startswith("/"):
        raise Http404("Diese Seite gibt es nicht.")
    if not path.endswith("/") and (root / path).is_dir():
        return HttpResponseRedirect(f"/{path}/")
    if not path.endswith("/") and claimed_elsewhere(f"/{path}/"):
        # What APPEND_SLASH would do if this catch-all did not match (/admin → /admin/).
        return HttpResponseRedirect(f"/{path}/")
    return serve_file(request, root, path)


def claimed_elsewhere(path: str) -> bool:
    try:
        return resolve(path).func is not portal
    except Resolver404:
        return False
