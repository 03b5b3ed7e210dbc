"""What the development media route hands out: renditions, nothing else.

The route used to be ``^media/(?!documents/)``, which ``/media//documents/<file>``,
``/media/./documents/…`` and ``/media/images/../documents/…`` passed: Django's static ``serve``
normalises the path *after* the pattern matched, so a document of an unpublished club
downloaded with 200 where Wagtail's document view answers 404. Now the route matches only an
allow-list — one file directly in ``images/`` (Wagtail's renditions), the folder production
serves too (docs/deploy.md) — and the view checks the path again, segment by segment: no
empty, ``.`` or ``..`` segment, no backslash, no NUL, no hidden file. Everything else falls
through to the portal's catch-all (which serves the built portal's own ``/media/`` assets
and never reads ``MEDIA_ROOT``) and ends as a 404. Originals (``original_images/``) and
documents never leave through this route.
"""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Folders of MEDIA_ROOT anyone may read files from.
PUBLIC_MEDIA_FOLDERS = ("images",)
ROUTE = r"(?P<path>(?:" + "|".join(PUBLIC_MEDIA_FOLDERS) + r")/[^/\\]+)"


def is_public_media_path(path: str) -> bool:
    parts = path.split("/")
    if len(parts) != 2 or parts[0] not in PUBLIC_MEDIA_FOLDERS:
        return False
    name = parts[1]
    return bool(name) and not name.startswith(".") and "\\" not in name and "\x00" not in name


def serve_media(request, path: str):
    if not is_public_media_path(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
