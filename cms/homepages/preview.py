"""Admin preview through the site engine: the draft is serialised exactly as the bundle would
serialise it once published, put into the club's live bundle, and rendered by the same
templates as the built homepage. Draft content never passes through the public API.

``HomepagesConfig.ready`` registers :func:`render_page_preview` with ``cms.core.preview``,
whose mixin the page types use."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from cms.api.bundle import BundleBuilder
from cms.clubs.models import ClubPage
from cms.clubs.serializers import ClubDetailSerializer
from sites.client import ApiClient
from sites.club import render_preview


def draft_bundle(page, request) -> tuple[dict, str]:
    """The bundle of ``page``'s club with ``page`` as drafted; and the page's path in it."""
    is_club = isinstance(page, ClubPage)
    club = page if is_club else ClubPage.objects.ancestor_of(page).first()
    if club is None:
        raise LookupError(_("Diese Seite gehört zu keinem Verein."))
    live_club = ClubPage.objects.get(pk=club.pk) if club.pk else club
    builder = BundleBuilder(live_club, page.locale, request)
    bundle = builder.build()
    if is_club:
        builder.club = page
        bundle["club"] = ClubDetailSerializer(page, context={"request": request}).data
        bundle["homepage"] = builder.homepage()
        url_path = ""
    else:
        if hasattr(page, "body"):
            builder.streams.add(page.body)
        draft = builder.page(page)
        bundle["pages"] = [item for item in bundle["pages"] if item["id"] != page.pk] + [draft]
        url_path = draft["url_path"]
    bundle["club"].setdefault("slug", club.slug)
    return json.loads(json.dumps(bundle, cls=DjangoJSONEncoder)), url_path


def render_page_preview(page, request) -> HttpResponse:
    """The admin preview of a club's page as its homepage will show it."""
    try:
        bundle, url_path = draft_bundle(page, request)
        with ApiClient() as client:
            html = render_preview(
                bundle,
                url_path,
                static_base=reverse("homepages_preview_static", args=("-",))[:-1],
                fetch=client.json,
            )
    except LookupError as exc:
        message = _("Für diese Seite gibt es keine Vorschau: %(reason)s") % {"reason": exc}
        return HttpResponse(f"<p>{escape(message)}</p>", status=200)
    return HttpResponse(html)
