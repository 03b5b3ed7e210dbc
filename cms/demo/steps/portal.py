"""The portal home's German introduction and the club index's intro.

The portal app ships the home page's sections (featured clubs, events, news, call to action);
the demo only fills what is still empty and never replaces what an editor or the portal's own
defaults put there."""

from wagtail.models import Locale

from cms.clubs.models import ClubIndexPage
from cms.portal.models import PortalHomePage

from .. import data


def fill_portal_home(context) -> None:
    home = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        raise RuntimeError("Die Portal-Startseite fehlt; bitte zuerst „migrate“ ausführen.")
    agency = context.users["agency"]
    if not home.intro or not home.body:
        home.intro = home.intro or data.PORTAL_INTRO
        if not home.body:
            home.body = [{"type": "text", "value": data.PORTAL_BODY_HTML}]
        home.save_revision(user=agency).publish(user=agency)
        context.created["Seiten geändert"] += 1

    index = ClubIndexPage.objects.child_of(home).first()
    if index is not None and not index.intro:
        index.intro = data.CLUB_INDEX_INTRO
        index.save_revision(user=agency).publish(user=agency)
        context.created["Seiten geändert"] += 1
