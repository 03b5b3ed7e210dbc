"""The part of the Open Referral HSDS 3.0 schema the export uses, as JSON Schema.

Written from the specification's schema files (github.com/openreferral/specification, branch
3.0: ``schema/organization.json``, ``location.json``, ``address.json``, ``language.json``,
``phone.json``, ``organization_identifier.json``, ``attribute.json``, ``taxonomy_term.json``,
and the ``Page`` of ``schema/openapi.json``): the same types, formats, enumerations and
required fields; descriptions and the objects the export never uses are left out. HSDS allows
further properties, so this schema does too, except where a typo would hide a field."""

UUID = {"type": "string", "format": "uuid"}
STRING = {"type": "string"}
URI = {"type": "string", "format": "uri"}
LOCATION_TYPE = {"type": "string", "enum": ["physical", "postal", "virtual"]}

TAXONOMY_TERM = {
    "type": "object",
    "properties": {
        "id": UUID,
        "code": STRING,
        "name": STRING,
        "description": STRING,
        "parent_id": UUID,
        "taxonomy": STRING,
        "language": STRING,
        "taxonomy_id": UUID,
        "term_uri": URI,
    },
    "required": ["id", "name", "description"],
}

ATTRIBUTE = {
    "type": "object",
    "properties": {
        "id": UUID,
        "link_id": UUID,
        "taxonomy_term_id": UUID,
        "link_type": STRING,
        "link_entity": STRING,
        "value": STRING,
        "taxonomy_term": TAXONOMY_TERM,
    },
    "required": ["id"],
}

LANGUAGE = {
    "type": "object",
    "properties": {
        "id": UUID,
        "service_id": UUID,
        "location_id": UUID,
        "phone_id": UUID,
        "name": STRING,
        "code": STRING,
        "note": STRING,
    },
    "required": ["id"],
}

PHONE = {
    "type": "object",
    "properties": {
        "id": UUID,
        "location_id": UUID,
        "service_id": UUID,
        "organization_id": UUID,
        "contact_id": UUID,
        "number": STRING,
        "extension": {"type": "number"},
        "type": STRING,
        "description": STRING,
        "languages": {"type": "array", "items": LANGUAGE},
    },
    "required": ["id", "number"],
}

ADDRESS = {
    "type": "object",
    "properties": {
        "id": UUID,
        "location_id": UUID,
        "attention": STRING,
        "address_1": STRING,
        "address_2": STRING,
        "city": STRING,
        "region": STRING,
        "state_province": STRING,
        "postal_code": STRING,
        "country": STRING,
        "address_type": LOCATION_TYPE,
    },
    "required": [
        "id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
}

LOCATION = {
    "type": "object",
    "properties": {
        "id": UUID,
        "location_type": LOCATION_TYPE,
        "url": URI,
        "organization_id": UUID,
        "name": STRING,
        "alternate_name": STRING,
        "description": STRING,
        "transportation": STRING,
        "latitude": {"type": "number"},
        "longitude": {"type": "number"},
        "external_identifier": STRING,
        "external_identifier_type": STRING,
        "languages": {"type": "array", "items": LANGUAGE},
        "addresses": {"type": "array", "items": ADDRESS},
        "phones": {"type": "array", "items": PHONE},
        "attributes": {"type": "array", "items": ATTRIBUTE},
    },
    "required": ["id", "location_type"],
}

ORGANIZATION_IDENTIFIER = {
    "type": "object",
    "properties": {
        "id": UUID,
        "organization_id": UUID,
        "identifier_scheme": STRING,
        "identifier_type": STRING,
        "identifier": STRING,
    },
    "required": ["id", "identifier_type", "identifier"],
}

ORGANIZATION = {
    "type": "object",
    "properties": {
        "id": UUID,
        "name": STRING,
        "alternate_name": STRING,
        "description": STRING,
        "email": {"type": "string", "format": "email"},
        "website": URI,
        "tax_status": STRING,
        "tax_id": STRING,
        "year_incorporated": {"type": "number"},
        "legal_status": STRING,
        "logo": STRING,
        "uri": URI,
        "parent_organization_id": UUID,
        "phones": {"type": "array", "items": PHONE},
        "locations": {"type": "array", "items": LOCATION},
        "organization_identifiers": {"type": "array", "items": ORGANIZATION_IDENTIFIER},
        "attributes": {"type": "array", "items": ATTRIBUTE},
    },
    "required": ["id", "name", "description"],
}

ORGANIZATION_PAGE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array", "items": ORGANIZATION},
    },
    "required": ["contents"],
}

# The columns of HSDS 3.0's tabular organizations.csv (schema/organization.json, the
# properties that are not arrays), in the specification's order.
ORGANIZATION_CSV_COLUMNS = [
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
]
