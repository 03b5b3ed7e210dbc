"""Serving built homepages: ``/vereine/<slug>/…`` on the main host, ``/`` of a club's own
domain, and the whole site as a ZIP for the club to take away."""

import io
import os
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import quote

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.static import serve

from cms.clubs.models import ClubPage
from cms.hardening.csp import with_site_policy
from sites.engine.plugins import installed

from .builds import build_root


def site_root(slug: str) -> Path:
    root = build_root() / "vereine" / slug / "current"
    if not root.is_dir():
        raise Http404("Diese Homepage ist (noch) nicht gebaut.")
    return root.resolve()


def serve_file(request, root: Path, path: str):
    asked = path
    if path == "" or path.endswith("/"):
        path += "index.html"
    try:
        return with_site_policy(serve(request, path, document_root=str(root)))
    except Http404:
        folder, prefix = not_found_page(root, asked)
        if folder is not None:
            page = from_root(
                (folder / "404.html").read_bytes(), site_prefix(request.path, asked) + prefix
            )
            return with_site_policy(
                HttpResponse(page, status=404, content_type="text/html; charset=utf-8")
            )
        raise


def not_found_page(root: Path, path: str) -> tuple[Path | None, str]:
    """The folder whose ``404.html`` answers the missing ``path``, and its place below the
    site's root: the locale's own (``ar/404.html`` for ``ar/…``, in the visitor's language),
    else the site's (in its default locale)."""
    locale = path.split("/", 1)[0]
    if locale and "." not in locale and (root / locale / "404.html").is_file():
        return root / locale, f"{locale}/"
    if (root / "404.html").is_file():
        return root, ""
    return None, ""


def site_prefix(requested: str, path: str) -> str:
    """The address of the site's root folder: the requested path without the part below the
    root (``/vereine/<slug>/`` under the main host, ``/`` on a club's own domain and for the
    portal)."""
    prefix = requested[: len(requested) - len(path)] if requested.endswith(path) else "/"
    return quote(prefix if prefix.endswith("/") else f"{prefix}/")


# A link or source in a page the builder wrote, and which of them are absolute already (a
# scheme, the host's root, an anchor).
_LINK = re.compile(rb'(\s(?:href|src)=")([^"]*)(")')
_ABSOLUTE = re.compile(rb"[A-Za-z][A-Za-z0-9+.-]*:|/|#")
_QUERY = re.compile(rb"[?#]")


def from_root(page: bytes, folder: str) -> bytes:
    """A 404 page with its relative links resolved from ``folder`` (the address of the folder
    it was written for). It answers any missing path: at ``/de/gibt-es-nicht/`` its relative
    links (the style sheet, the logo, the menu) would point below that folder, and the page
    showed unstyled with a broken logo."""

    def resolved(match: re.Match) -> bytes:
        link = match.group(2)
        if not link or _ABSOLUTE.match(link):
            return match.group(0)
        query = _QUERY.search(link)
        cut = query.start() if query else len(link)
        path, rest = link[:cut], link[cut:]
        joined = posixpath.normpath(folder.encode() + path)
        if path.endswith(b"/") and not joined.endswith(b"/"):
            joined += b"/"
        return match.group(1) + joined + rest + match.group(3)

    return _LINK.sub(resolved, page)


def club_site(request, slug, path=""):
    return serve_file(request, site_root(slug), path)


def club_site_zip(request, page_id):
    """The built homepage as a ZIP (for the club's editors and the agency)."""
    club = get_object_or_404(ClubPage, pk=page_id)
    if not club.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    root = site_root(club.slug)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for directory, _dirs, files in os.walk(root):
            for name in sorted(files):
                if name.startswith("."):
                    continue
                file = Path(directory) / name
                archive.write(file, arcname=f"{club.slug}/{file.relative_to(root).as_posix()}")
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"homepage-{slugify(club.slug)}.zip")


def preview_static(request, path):
    """Static assets of the installed plugins, for the admin preview (staff only)."""

    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    plugin_name, _sep, rest = path.partition("/")
    plugin = installed().get(plugin_name)
    if plugin is None or not rest:
        raise Http404
    return serve(request, rest, document_root=str(plugin.static_dir))
