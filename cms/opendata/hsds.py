"""The club directory in the Open Referral Human Services Data Specification (HSDS 3.0).

Each club is an ``organization``: its translation key (a UUID, stable across renames and
locales) is the id; the ids of the objects inside it are UUIDs derived from it (uuid5), so they
stay the same from one export to the next. Mapping:

- ``name``, ``description`` (the short description), ``year_incorporated`` (founding year),
  ``legal_status`` (the legal form's German label), ``website`` (own website, else the club's
  homepage in the Vereinsnetz), ``uri`` (that homepage), ``logo``;
- ``email`` and ``phones`` only from a contact who consented to publication;
- ``organization_identifiers``: the entry in the register of associations (court and number);
- ``locations``: one physical location in the club's municipality (with the official
  municipality key as external identifier), its published address if any, and the languages
  the club works in (HSDS puts languages on locations and services);
- ``attributes``: focus areas and countries of origin as taxonomy terms.

The list has the shape of the HSDS API's ``GET /organizations`` (a ``Page`` with
``contents``), all organizations on one page.
"""

import uuid

from .data import club_record

TAXONOMY_FOCUS = "vereinsnetz-schwerpunkt"
TAXONOMY_COUNTRY = "ISO 3166-1 alpha-2"
COUNTRY_NAME = "Deutschland"


def derived_id(base: str, *parts: str) -> str:
    return str(uuid.uuid5(uuid.UUID(base), "/".join(parts)))


def _attribute(org_id: str, kind: str, taxonomy: str, code: str, name: str) -> dict:
    term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"vereinsnetz:{taxonomy}:{code}"))
    return {
        "id": derived_id(org_id, "attribute", kind, code),
        "link_id": org_id,
        "link_type": kind,
        "link_entity": "organization",
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": name,
            "description": name,
            "taxonomy": taxonomy,
        },
    }


def _location(record: dict, state: str) -> dict:
    org_id = record["id"]
    location_id = derived_id(org_id, "location")
    location = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": org_id,
        "name": record["municipality"] or record["name"],
        "languages": [
            {"id": derived_id(org_id, "language", tag), "name": name, "code": tag}
            for tag, name in record["languages"]
        ],
        "addresses": [],
    }
    if record["municipality_key"]:
        location["external_identifier"] = record["municipality_key"]
        location["external_identifier_type"] = "AGS"
    address = record["address"]
    if address:
        location["addresses"].append(
            {
                "id": derived_id(org_id, "address"),
                "location_id": location_id,
                "address_1": address["street"],
                "city": address["city"],
                "state_province": state,
                "postal_code": address["postal_code"],
                "country": "DE",
                "address_type": "physical",
            }
        )
    return location


def organization(record: dict, state: str) -> dict:
    org_id = record["id"]
    data = {
        "id": org_id,
        "name": record["name"],
        "description": record["description"],
        "website": record["website"] or record["homepage_url"],
        "uri": record["homepage_url"],
        "legal_status": record["legal_form_label"],
        "organization_identifiers": [],
        "phones": [],
        "locations": [_location(record, state)],
        "attributes": [
            _attribute(org_id, "focus_area", TAXONOMY_FOCUS, slug, name)
            for slug, name in record["focus_areas"]
        ]
        + [
            _attribute(org_id, "country_of_origin", TAXONOMY_COUNTRY, code, name)
            for code, name in record["countries"]
        ],
    }
    if record["email"]:
        data["email"] = record["email"]
    if record["founding_year"]:
        data["year_incorporated"] = record["founding_year"]
    if record["logo_url"]:
        data["logo"] = record["logo_url"]
    if record["phone"]:
        data["phones"].append(
            {
                "id": derived_id(org_id, "phone"),
                "organization_id": org_id,
                "number": record["phone"],
            }
        )
    if record["register_number"]:
        data["organization_identifiers"].append(
            {
                "id": derived_id(org_id, "register"),
                "organization_id": org_id,
                "identifier_scheme": "DE-VR",
                "identifier_type": f"Vereinsregister {record['register_court']}".strip(),
                "identifier": record["register_number"],
            }
        )
    return data


def organizations_page(clubs, request, state: str) -> dict:
    contents = [organization(club_record(club, request), state) for club in clubs]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }
