"""Funding: the programmes the agency curates (``/api/v1/funding-programmes/``) as a portal page
``foerderprogramme/`` with amounts, eligibility, the coming deadlines and required documents,
and the deadlines as an iCalendar subscription written into the site
(``foerderfristen.ics``).
"""

from __future__ import annotations

import logging
from decimal import Decimal

from babel.numbers import format_decimal

from sites.engine.i18n import Catalog, cldr_name
from sites.engine.plugins import PageSpec, Plugin

logger = logging.getLogger(__name__)

PATH = "foerderprogramme"
ICS_FILE = "foerderfristen.ics"
CALENDAR_URL = "/api/v1/funding-programmes.ics"


catalog = Catalog(__name__)


def amount(programme: dict, code: str) -> str:
    """ "5.000 bis 15.000 €" in the locale's number format, or "" without amounts."""
    low, high = programme["min_amount"], programme["max_amount"]
    _ = catalog.locale(code).gettext

    def number(value) -> str:
        return format_decimal(Decimal(value).quantize(Decimal(1)), locale=cldr_name(code))

    if low and high:
        return _("%(low)s bis %(high)s €", low=number(low), high=number(high))
    if high:
        return _("bis %(high)s €", high=number(high))
    if low:
        return _("ab %(low)s €", low=number(low))
    return ""


def pages(view):
    if view.site.fetch is None:
        return
    programmes = view.site.fetch("/api/v1/funding-programmes/", None)
    title = view.gettext("Förderprogramme")
    yield PageSpec(
        path=PATH,
        template="funding/index.html",
        title=title,
        menu="main",
        label=title,
        context={
            "programmes": programmes,
            "amounts": {p["slug"]: amount(p, view.locale.code) for p in programmes},
            "ics_file": ICS_FILE,
        },
    )


def files(site) -> dict[str, bytes]:
    if site.download is None:
        return {}
    return {ICS_FILE: site.download(CALENDAR_URL)}


plugin = Plugin(
    name="funding",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Förderprogramme"),
    pages=pages,
    files=files,
)
