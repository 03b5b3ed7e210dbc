"""The portal home page's German introduction and the club index's intro."""

from wagtail.models import Locale

from cms.clubs.models import ClubIndexPage
from cms.portal.models import PortalHomePage

from .. import data


def fill_portal_home(context) -> None:
    home = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        raise RuntimeError("Die Portal-Startseite fehlt; bitte zuerst „migrate“ ausführen.")
    if home.intro != data.PORTAL_INTRO:
        home.intro = data.PORTAL_INTRO
        home.body = [
            {"type": "text", "value": data.PORTAL_BODY_HTML},
            {"type": "call_to_action", "value": data.PORTAL_CALL_TO_ACTION},
        ]
        home.save_revision(user=context.users["agency"]).publish(user=context.users["agency"])
        context.created["Seiten geändert"] += 1

    index = ClubIndexPage.objects.child_of(home).first()
    if index is not None and index.intro != data.CLUB_INDEX_INTRO:
        index.intro = data.CLUB_INDEX_INTRO
        index.save_revision(user=context.users["agency"]).publish(user=context.users["agency"])
        context.created["Seiten geändert"] += 1
