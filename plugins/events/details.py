"""What an event page states besides its dates: place, cost, languages, and the same facts as
schema.org ``Event`` JSON-LD for search engines and calendar tools."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import babel
import babel.numbers

from sites.engine.i18n import cldr_name, language_display_name

# "Markt 1, 52349 Düren": street, German postal code and town, as editors usually write it.
ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<code>\d{5})\s+(?P<town>[^,]+)$")


def place_lines(fields: Mapping[str, Any]) -> list[str]:
    room = fields.get("location_room")
    if room:
        return [line for line in (room.get("name"), room.get("location")) if line]
    return [fields["location_address"]] if fields.get("location_address") else []


def price(fields: Mapping[str, Any]) -> Decimal | None:
    """The cost in euro, None when taking part is free."""
    try:
        cost = Decimal(fields.get("cost") or 0)
    except InvalidOperation:
        return None
    return cost if cost > 0 else None


def cost_text(fields: Mapping[str, Any], locale: str) -> str | None:
    cost = price(fields)
    return babel.numbers.format_currency(cost, "EUR", locale=cldr_name(locale)) if cost else None


def language_names(tags: list[str], locale: str) -> list[dict[str, str]]:
    """Languages of an event named in the page's language (the tag itself when Babel does
    not know it)."""
    return [{"tag": tag, "name": language_display_name(tag, locale)} for tag in tags]


def postal_address(text: str) -> dict[str, str]:
    match = ADDRESS.match(text.strip())
    if match is None:
        return {"@type": "PostalAddress", "streetAddress": text, "addressCountry": "DE"}
    return {
        "@type": "PostalAddress",
        "streetAddress": match["street"],
        "postalCode": match["code"],
        "addressLocality": match["town"],
        "addressCountry": "DE",
    }


def place(fields: Mapping[str, Any]) -> dict | None:
    room = fields.get("location_room")
    if room:
        address = room.get("location")
        data = {"@type": "Place", "name": room["name"]}
        if address:
            data["address"] = postal_address(address)
        return data
    address = fields.get("location_address")
    if address:
        return {"@type": "Place", "name": address, "address": postal_address(address)}
    return None


def json_ld(
    event: Mapping,
    when: Mapping,
    *,
    organizer: str,
    locale: str,
    url: str = "",
    organizer_url: str = "",
) -> dict[str, Any]:
    """schema.org ``Event`` of the next date (or the only one) of an event."""
    fields = event["fields"]
    cost = price(fields)
    all_day = when["all_day"]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event["title"],
        "description": fields.get("summary") or None,
        "startDate": when["first_day"] if all_day else when["start"],
        "endDate": (when["last_day"] if all_day else when["end"]) or None,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place(fields),
        "organizer": {"@type": "Organization", "name": organizer, "url": organizer_url}
        if organizer_url
        else {"@type": "Organization", "name": organizer},
        "inLanguage": fields.get("languages") or [locale],
        "isAccessibleForFree": cost is None,
        "url": url or None,
    }
    if cost is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": str(cost),
            "priceCurrency": "EUR",
            "url": fields.get("registration_url") or url or None,
        }
        data["offers"] = {k: v for k, v in data["offers"].items() if v is not None}
    return {key: value for key, value in data.items() if value is not None}
