"""Mitmachen: the agency's page for clubs that want to join (portal page role ``mitmachen``)
with the registration form that posts to ``POST /api/v1/registrations/``.

The form is a plain HTML form: without JavaScript the browser posts it form-encoded and the
API answers with a thank-you redirect or a page listing the errors (see
``cms/core/submissions.py``); with JavaScript, ``static/portal_home/forms.js`` posts JSON
and shows the errors next to the fields. The choices come from
``GET /api/v1/registrations/options/?locale=…``, named in the visitor's language (countries
and languages from CLDR, focus areas as the agency translated them)."""

from sites.engine.i18n import N_, Catalog
from sites.engine.plugins import PageSpec, Plugin
from sites.portal.pages import fetch_page, page_ref, site_path

catalog = Catalog(__name__)
# The registration form's fields, for answers the CMS renders (``Plugin.form_labels``).
FIELD_LABELS = {
    "club_name": N_("Name des Vereins oder der Initiative"),
    "legal_form": N_("Rechtsform"),
    "municipality": N_("Gemeinde"),
    "founding_year": N_("Gründungsjahr"),
    "countries": N_("Herkunftsländer"),
    "languages": N_("Sprachen"),
    "focus_areas": N_("Schwerpunkte"),
    "short_description": N_("Kurzbeschreibung"),
    "applicant_name": N_("Ihr Name"),
    "applicant_email": N_("Ihre E-Mail-Adresse"),
    "applicant_phone": N_("Telefon"),
    "message": N_("Nachricht an die Integrationsagentur"),
    "privacy_consent": N_(
        "Ich bin einverstanden, dass die Integrationsagentur meine Angaben zur Bearbeitung der"
        " Anmeldung speichert und mich kontaktiert."
    ),
}
# The API's legal forms (``/api/v1/registrations/options/``) by their German names.
LEGAL_FORMS = {
    "ev": N_("eingetragener Verein (e. V.)"),
    "verein": N_("nicht eingetragener Verein"),
    "ggmbh": N_("gemeinnützige GmbH (gGmbH)"),
    "stiftung": N_("Stiftung"),
    "initiative": N_("Initiative ohne Rechtsform"),
}

THANKS = "danke"


def localized_options(options: dict, code: str) -> dict:
    _ = catalog.locale(code).gettext
    return {
        "legal_forms": [
            {
                "value": o["value"],
                "label": _(LEGAL_FORMS[o["value"]]) if o["value"] in LEGAL_FORMS else o["label"],
            }
            for o in options["legal_forms"]
        ],
        "municipalities": options["municipalities"],
        "countries": sorted(
            ({"value": o["value"], "label": o["label"]} for o in options["countries"]),
            key=lambda o: o["label"],
        ),
        "languages": sorted(
            ({"value": o["value"], "label": language_label(o)} for o in options["languages"]),
            key=lambda o: o["label"],
        ),
        "focus_areas": [{"value": o["value"], "label": o["label"]} for o in options["focus_areas"]],
    }


def language_label(option: dict) -> str:
    name = option["label"]
    native = option.get("native_name") or ""
    return f"{name} ({native})" if native and native != name else name


def menu_label(view, page: dict) -> str:
    """The page's own title where the agency translated it; otherwise the plugin's name in
    the visitor's language rather than a German title in a translated menu."""
    if page.get("locale", view.locale.code) == view.locale.code:
        return page["title"]
    return catalog.gettext(view.locale.code, "Mitmachen")


def pages(view):
    ref = page_ref(view, "mitmachen")
    if ref is None:
        return
    page = fetch_page(view, "mitmachen")
    path = site_path(page)
    options = localized_options(
        view.site.fetch("/api/v1/registrations/options/", {"locale": view.locale.code}),
        view.locale.code,
    )
    privacy = page_ref(view, "datenschutz")
    yield PageSpec(
        path=path,
        template="mitmachen/index.html",
        title=page["title"],
        menu="main",
        label=menu_label(view, page),
        context={
            "page": page,
            "options": options,
            "thanks": f"/{view.locale.code}/{path}/{THANKS}/",
            "privacy": site_path(privacy) if privacy else "",
        },
    )
    yield PageSpec(
        path=f"{path}/{THANKS}",
        template="portal/thanks.html",
        title=view.gettext("Vielen Dank für Ihre Anmeldung"),
        in_sitemap=False,
        context={
            "message": view.gettext(
                "Ihre Anmeldung ist eingegangen. Wir haben Ihnen eine E-Mail geschickt; die "
                "Integrationsagentur meldet sich bei Ihnen."
            ),
            "back": "",
            "back_label": view.gettext("Zur Startseite des Portals"),
        },
    )


plugin = Plugin(
    name="mitmachen",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Mitmachen"),
    needs=("portal",),
    form_labels=FIELD_LABELS,
    pages=pages,
)
