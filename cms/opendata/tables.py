"""The club directory as CSV: HSDS's ``organizations.csv`` and a plain table with one row per
club. Every cell that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is prefixed with an apostrophe (OWASP's advice against CSV
injection): club names and descriptions are typed by the clubs."""

import io

from cms.hardening.spreadsheets import csv_writer

from .hsds import organization

HSDS_COLUMNS = (
    "id",
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "uri",
    "parent_organization_id",
)

PLAIN_COLUMNS = (
    "id",
    "name",
    "municipality",
    "municipality_key",
    "legal_form",
    "founding_year",
    "short_description",
    "focus_areas",
    "countries_of_origin",
    "languages",
    "street",
    "postal_code",
    "city",
    "email",
    "phone",
    "website",
    "homepage_url",
    "api_url",
)


def _write(columns, rows) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(column) is None else row.get(column) for column in columns])
    return buffer.getvalue()


def hsds_organizations_csv(records, state: str) -> str:
    return _write(HSDS_COLUMNS, (organization(record, state) for record in records))


def plain_row(record: dict) -> dict:
    address = record["address"] or {}
    return {
        "id": record["id"],
        "name": record["name"],
        "municipality": record["municipality"],
        "municipality_key": record["municipality_key"],
        "legal_form": record["legal_form_label"],
        "founding_year": record["founding_year"],
        "short_description": record["description"],
        "focus_areas": "; ".join(name for _slug, name in record["focus_areas"]),
        "countries_of_origin": "; ".join(code for code, _name in record["countries"]),
        "languages": "; ".join(tag for tag, _name in record["languages"]),
        "street": address.get("street", ""),
        "postal_code": address.get("postal_code", ""),
        "city": address.get("city", ""),
        "email": record["email"],
        "phone": record["phone"],
        "website": record["website"],
        "homepage_url": record["homepage_url"],
        "api_url": record["profile_url"],
    }


def plain_csv(records) -> str:
    return _write(PLAIN_COLUMNS, (plain_row(record) for record in records))
