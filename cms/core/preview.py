"""The preview mixin for the page types the built sites show.

Wagtail asks a page for its preview; the page types of the domain answer through the renderer
that the app building the sites registers in its ``ready()`` (``cms.homepages``: the draft
serialised like the bundle, rendered by the site engine). So neither the page models nor this
module import the site engine or the apps above the domain.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

_renderer: Callable[[object, HttpRequest], HttpResponse] | None = None


def register_preview_renderer(render: Callable[[object, HttpRequest], HttpResponse]) -> None:
    global _renderer
    _renderer = render


class EnginePreviewMixin:
    """For the page types of the built sites: the admin preview shows the page as the site
    will."""

    def serve_preview(self, request, mode_name):
        if _renderer is None:
            raise ImproperlyConfigured("No preview renderer is registered (cms.homepages).")
        return _renderer(self, request)
