"""Each page type declares its public fields once (``public_fields``); Wagtail's v2 API and the
club bundle are both built from that declaration (issue 19, item 3)."""

import json

import pytest
from wagtail.models import get_page_models

from cms.api.bundle import specific_types
from tests.factories import ClubFactory

from .test_queries import add_pages


def declared(model) -> list[str]:
    return [field.name for field in model.public_fields]


def test_every_page_type_declares_its_v2_fields():
    for model in get_page_models():
        if model._meta.label == "wagtailcore.Page":
            continue
        names = [getattr(field, "name", field) for field in model.api_fields]
        assert names == ["direction", *declared(model)], model._meta.label


@pytest.fixture
def bundle_and_v2(client, db):
    club, partner = ClubFactory(), ClubFactory()
    add_pages(club, range(1), club.tenant.collection, partner)
    bundle = client.get(f"/api/v1/clubs/{club.slug}/bundle/").json()
    v2 = {page["id"]: client.get(f"/api/v2/pages/{page['id']}/").json() for page in bundle["pages"]}
    return bundle["pages"], v2


def test_v2_and_bundle_serve_the_same_declared_fields(bundle_and_v2):
    pages, v2 = bundle_and_v2
    by_type = {page["type"]: page for page in pages}
    assert set(by_type) == {model._meta.label for model in specific_types()}
    for model in specific_types():
        page = by_type[model._meta.label]
        names = declared(model)
        assert list(page["fields"]) == names, model._meta.label
        detail = v2[page["id"]]
        assert set(names) <= set(detail), model._meta.label
        for field in model.public_fields:
            # Where the declaration gives the bundle no shape of its own, both serve one value.
            if field.serializer is not None and field.bundle is None:
                bundled = json.loads(json.dumps(page["fields"][field.name], default=str))
                assert bundled == detail[field.name], (model._meta.label, field.name)
