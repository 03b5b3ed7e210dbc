"""The portal's legal pages from the portal page roles, linked in the footer: Impressum,
Datenschutzerklärung and the Barrierefreiheitserklärung, which carries the electronic feedback
form BITV NRW requires (posting to ``POST /api/v1/feedback/``, same form pattern as
Mitmachen: works without JavaScript, enhanced by ``static/portal_home/forms.js``)."""

from sites.engine.plugins import PageSpec, Plugin
from sites.portal.pages import fetch_page, page_ref, site_path

from .strings import STRINGS

ROLES = ("impressum", "datenschutz", "barrierefreiheit")
FEEDBACK_ROLE = "barrierefreiheit"
THANKS = "danke"


def pages(view):
    strings = {**STRINGS["de"], **STRINGS.get(view.locale.code, {})}
    for role in ROLES:
        if page_ref(view, role) is None:
            continue
        page = fetch_page(view, role)
        path = site_path(page)
        feedback = role == FEEDBACK_ROLE
        yield PageSpec(
            path=path,
            template="portal_legal/page.html",
            title=page["title"],
            menu="footer",
            label=page["title"],
            context={
                "page": page,
                "feedback": feedback,
                "thanks": f"/{view.locale.code}/{path}/{THANKS}/",
            },
        )
        if feedback:
            yield PageSpec(
                path=f"{path}/{THANKS}",
                template="portal/thanks.html",
                title=strings["legal.thanks_title"],
                in_sitemap=False,
                context={
                    "message": strings["legal.thanks"],
                    "back": path,
                    "back_label": page["title"],
                },
            )


plugin = Plugin(
    name="portal_legal",
    kinds=frozenset({"portal"}),
    package=__name__,
    label={"de": "Rechtliches", "en": "Legal"},
    needs=("portal",),
    strings=STRINGS,
    pages=pages,
)
