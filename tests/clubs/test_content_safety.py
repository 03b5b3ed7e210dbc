"""One club's bad data never breaks shared endpoints (issue 15, item 10): control characters
and rich-text entities without a numeric id are refused by every page form, and rendered
defensively where they got in some other way."""

import json

import pytest
from django.test import Client
from wagtail.rich_text import RichText, features

from cms.clubs.content_checks import CONTROL, content_errors
from tests.factories import ClubFactory, news_index, news_page

pytestmark = pytest.mark.django_db

CONTROL_CHARACTERS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ufffe"]
ENTITY_TYPES = ["page", "document"]


def rich_text_entities() -> list[str]:
    links = [
        f'<p><a linktype="{name}" id="abc">Link</a></p>'
        for name in features.get_link_types()
        if name not in ("external", "email", "anchor")
    ]
    embeds = [
        f'<embed embedtype="{name}" id="abc" format="fullwidth" alt="x"/>'
        for name in features.get_embed_types()
        if name != "media"
    ]
    return links + embeds


def test_every_id_based_entity_type_is_covered():
    html = " ".join(rich_text_entities())
    for name in ENTITY_TYPES:
        assert f'linktype="{name}"' in html
    assert 'embedtype="image"' in html


@pytest.mark.parametrize("character", CONTROL_CHARACTERS)
def test_control_characters_are_refused_in_text_rich_text_and_streams(character):
    for value in [f"Teaser{character}", RichText(f"<p>a{character}</p>"), [{"a": character}]]:
        assert content_errors(value), (character, value)
    assert not content_errors("Zeile eins\nZeile zwei\tmit Tab\r\n")


def test_entities_without_a_numeric_id_are_refused():
    for html in rich_text_entities():
        assert content_errors(RichText(html)), html
    assert not content_errors(RichText('<p><a linktype="page" id="12">ok</a></p>'))
    assert not content_errors(RichText('<p><a href="https://example.org">ok</a></p>'))


def test_stored_bad_data_does_not_break_the_shared_endpoints():
    """As if stored past the forms (import, shell): the feed and the v2 API still answer."""
    club = ClubFactory()
    index = news_index(club)
    body = "".join(rich_text_entities())
    news = news_page(index, "Neuigkeit", teaser="Kaputt\x0b\x1b hier")
    type(news).objects.filter(pk=news.pk).update(teaser="Kaputt\x0b\x1b hier")
    stream = [{"type": "text", "value": body, "id": "0c3f0e5e-0000-4000-8000-000000000001"}]
    type(news).objects.filter(pk=news.pk).update(body=json.dumps(stream))
    client = Client()
    feed = client.get("/api/v1/news.atom")
    assert feed.status_code == 200
    assert not CONTROL.search(feed.content.decode())
    assert "Kaputt hier" in feed.content.decode()
    response = client.get("/api/v2/pages/", {"type": "clubs.NewsPage", "fields": "body"})
    assert response.status_code == 200, response.content[:500]
    assert "Link" in response.content.decode()
    bundle = client.get(f"/api/v1/clubs/{club.slug}/bundle/")
    assert bundle.status_code == 200


def page_of_every_type(club):
    from cms.clubs.models import ContentPage, GalleryPage, ProjectPage
    from tests.factories import add_child, event_index, event_page

    news_parent = news_index(club)
    events_parent = event_index(club)
    return [
        club,
        news_parent,
        news_page(news_parent, "Neuigkeit"),
        events_parent,
        event_page(events_parent, "Treffen"),
        add_child(club, ContentPage(title="Über uns", slug="ueber-uns")),
        add_child(club, GalleryPage(title="Bilder", slug="bilder")),
        add_child(club, ProjectPage(title="Projekt", slug="projekt")),
    ]


PLAIN_VALIDATORS = {"MaxLengthValidator", "ProhibitNullCharactersValidator"}


def free_text_fields(page, form_fields) -> list[str]:
    """The page's plain text fields an editor types into (no choices, no format rules)."""
    from django.db.models import CharField, TextField
    from wagtail.fields import RichTextField

    names = []
    for field in type(page)._meta.get_fields():
        if (
            isinstance(field, CharField | TextField)
            and not isinstance(field, RichTextField)  # Draftail JSON: checked as rich text
            and field.name in form_fields
            and not field.choices
            and all(type(v).__name__ in PLAIN_VALIDATORS for v in field.validators)
            and field.name not in ("slug", "recurrence", "own_domain")
        ):
            names.append(field.name)
    return names


def test_every_page_form_refuses_control_characters_in_every_text_field(client):
    from django.urls import reverse

    from cms.clubs.content_checks import CONTROL_MESSAGE
    from tests.tenancy.admin_forms import page_form

    club = ClubFactory()
    client.force_login(club.editor)
    checked = 0
    for page in page_of_every_type(club):
        page = page.specific
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = page_form(club.editor, url)
        fields = free_text_fields(page, data)
        assert "title" in fields, type(page)
        changes = {name: f"Text mit Steuerzeichen\x0b{name}" for name in fields}
        response = client.post(url, {**data, **changes})
        assert response.status_code == 200, (type(page), response.status_code)
        errors = response.context["form"].errors
        for name in fields:
            assert str(CONTROL_MESSAGE) in errors.get(name, []), (type(page), name, errors)
            checked += 1
    assert checked >= 20
