"""The portal's legal pages from the portal page roles, linked in the footer: Impressum,
Datenschutzerklärung and the Barrierefreiheitserklärung, which carries the electronic feedback
form BITV NRW requires (posting to ``POST /api/v1/feedback/``, same form pattern as
Mitmachen: works without JavaScript, enhanced by ``static/portal_home/forms.js``)."""

from sites.engine.i18n import N_, Catalog
from sites.engine.plugins import PageSpec, Plugin
from sites.portal.pages import fetch_page, page_ref, site_path

catalog = Catalog(__name__)
# The feedback form's fields, for answers the CMS renders (``Plugin.form_labels``).
FIELD_LABELS = {
    "message": N_("Ihre Nachricht"),
    "page_url": N_("Betroffene Seite"),
    "name": N_("Ihr Name"),
    "email": N_("Ihre E-Mail-Adresse"),
    "consent": N_(
        "Ich bin einverstanden, dass meine E-Mail-Adresse für die Antwort gespeichert wird."
    ),
}

ROLES = ("impressum", "datenschutz", "barrierefreiheit")
FEEDBACK_ROLE = "barrierefreiheit"
THANKS = "danke"


def pages(view):
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
                title=view.gettext("Vielen Dank für Ihre Rückmeldung"),
                in_sitemap=False,
                context={
                    "message": view.gettext(
                        "Ihre Rückmeldung ist eingegangen. Wir kümmern uns darum."
                    ),
                    "back": path,
                    "back_label": page["title"],
                },
            )


plugin = Plugin(
    name="portal_legal",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Rechtliches"),
    needs=("portal",),
    form_labels=FIELD_LABELS,
    pages=pages,
)
