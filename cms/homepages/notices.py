"""Telling the person who published what happens next.

While an admin request runs, :class:`PublishingNoticeMiddleware` collects the sites whose build
it requested and the pages it published. Afterwards it adds one message: what was approved
(the agency's *Freigeben*, which Wagtail answers with no message of its own) and the state of
the sites concerned, *wird aktualisiert* (the worker builds them within seconds; the dashboard's
*Ihre Websites* shows when they are live)."""

from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib import messages
from django.utils import translation
from django.utils.translation import gettext as _


@dataclass
class Collected:
    sites: list[str] = field(default_factory=list)
    published: list[tuple[str, str | None]] = field(default_factory=list)  # page, club


_collected: ContextVar[Collected | None] = ContextVar("publishing_notices", default=None)


def collecting() -> bool:
    return _collected.get() is not None


def note_build_requested(site: str) -> None:
    collected = _collected.get()
    if collected is not None and site not in collected.sites:
        collected.sites.append(site)


def note_published(title: str, club: str | None) -> None:
    collected = _collected.get()
    if collected is not None and (title, club) not in collected.published:
        collected.published.append((title, club))


def approved(request) -> bool:
    match = request.resolver_match
    return bool(
        match and match.namespace == "wagtailadmin_pages" and match.url_name == "workflow_action"
    )


def site_name(site: str) -> str:
    if site == "portal":
        return _("Kreisportal")
    return _("Homepage")


class PublishingNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.path.startswith("/admin/"):
            return self.get_response(request)
        token = _collected.set(Collected())
        try:
            response = self.get_response(request)
            collected = _collected.get()
        finally:
            _collected.reset(token)
        with translation.override(admin_language(request.user)):
            add_messages(request, collected)
        return response


def admin_language(user) -> str:
    """The language the admin speaks to ``user``: Wagtail's account setting, as its views
    apply it (``wagtail.admin.localization``). The messages are made after the view, when
    Wagtail has restored the request's language (an Arabic-speaking editor was told in German
    that the change is online in a few seconds)."""
    if hasattr(user, "wagtail_userprofile"):
        return user.wagtail_userprofile.get_preferred_language()
    return translation.get_language()


def add_messages(request, collected: Collected) -> None:
    """The messages of what the request published: what was approved, and the sites' state."""
    if approved(request):
        for title, club in collected.published:
            if club:
                text = _("„%(page)s“ von %(club)s ist freigegeben und veröffentlicht.")
            else:
                text = _("„%(page)s“ ist freigegeben und veröffentlicht.")
            messages.success(request, text % {"page": title, "club": club})
    if collected.sites:
        # The builds were requested by this very request: whatever the sites showed before,
        # they are being updated now (the dashboard follows them until they are live).
        states = [
            _("%(site)s: wird aktualisiert") % {"site": site_name(site)} for site in collected.sites
        ]
        messages.info(
            request,
            _("Die Änderung ist in wenigen Sekunden online. %(states)s.")
            % {"states": "; ".join(states)},
        )
