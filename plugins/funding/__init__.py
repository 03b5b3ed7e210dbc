"""Funding: the programmes the agency curates (``/api/v1/funding-programmes/``) as a portal page
``foerderprogramme/`` with amounts, eligibility, the coming deadlines and required documents,
and the deadlines as an iCalendar subscription written into the site
(``foerderfristen.ics``).
"""

from __future__ import annotations

import logging
from decimal import Decimal

from babel.numbers import format_decimal

from sites.engine.plugins import PageSpec, Plugin

from .strings import STRINGS

logger = logging.getLogger(__name__)

PATH = "foerderprogramme"
ICS_FILE = "foerderfristen.ics"
CALENDAR_URL = "/api/v1/funding-programmes.ics"


def t(code: str, key: str) -> str:
    return STRINGS.get(code, {}).get(key) or STRINGS["de"][key]


def amount(programme: dict, code: str) -> str:
    """ "5.000 bis 15.000 €" in the locale's number format, or "" without amounts."""
    low, high = programme["min_amount"], programme["max_amount"]

    def number(value) -> str:
        return format_decimal(Decimal(value).quantize(Decimal(1)), locale=code)

    if low and high:
        return t(code, "funding.range").format(low=number(low), high=number(high))
    if high:
        return t(code, "funding.up_to").format(high=number(high))
    if low:
        return t(code, "funding.from").format(low=number(low))
    return ""


def pages(view):
    if view.site.fetch is None:
        return
    programmes = view.site.fetch("/api/v1/funding-programmes/", None)
    title = t(view.locale.code, "funding.title")
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
    label={code: strings["funding.title"] for code, strings in STRINGS.items()},
    strings=STRINGS,
    pages=pages,
    files=files,
)
