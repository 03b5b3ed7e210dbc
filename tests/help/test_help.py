"""The German help in the admin (/admin/hilfe/): every admin user reaches it from the menu,
every question has an answer, and every screenshot it shows exists (they are taken by
``manage.py help_screenshots``, docs/help.md)."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from cms.help.topics import SCREEN_DIR, TOPICS
from tests.factories import PASSWORD, ClubFactory

pytestmark = pytest.mark.django_db

QUESTIONS = [
    "Wie melden wir unseren Verein an?",
    "Wie erstellen wir Artikel und stellen sie online?",
    "Wie erstellen wir eine Seite?",
    "Wie aktualisieren wir den Inhalt?",
    "Wie binden wir Fotos ein?",
    "Wie nutzen wir das Vereinsnetz für die Netzwerkarbeit?",
    "Wie bauen wir eine eigene Homepage auf?",
]


@pytest.fixture
def editor_client(client):
    club = ClubFactory("Hilfeverein")
    assert client.login(username=club.editor.email, password=PASSWORD)
    return client


def test_a_club_editor_finds_help_in_the_menu_and_every_answer(editor_client):
    url = reverse("vereinsnetz_help")
    assert url == "/admin/hilfe/"
    dashboard = editor_client.get("/admin/").content.decode()
    # the sidebar menu comes as JSON for Wagtail's script: ours in, Wagtail's English one out
    assert '"name": "hilfe", "label": "Hilfe"' in dashboard
    assert '"url": "/admin/hilfe/"' in dashboard
    assert '"name": "help"' not in dashboard

    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html or 'lang="de"' in html
    for question in QUESTIONS:
        section = html.split(f"{question}</h2>", 1)
        assert len(section) == 2, f"no answer to {question!r}"
        answer = section[1].split("</section>", 1)[0]
        steps = re.findall(r"<li>(.+?)</li>", answer, flags=re.S)
        assert len(steps) >= 2 and all(len(step) > 40 for step in steps), question
        images = re.findall(r'<img src="([^"]+)" alt="([^"]+)"', answer)
        assert images, f"no screenshot for {question!r}"
    assert [str(topic.question) for topic in TOPICS] == QUESTIONS


def test_every_screenshot_exists_and_is_a_small_phone_picture():
    from PIL import Image

    for topic in TOPICS:
        for screen in topic.screens:
            found = finders.find(f"{SCREEN_DIR}/{screen.file}")
            assert found, f"{screen.file} is missing: run manage.py help_screenshots"
            with Image.open(found) as image:
                assert image.width == 390, screen.file
            assert Path(found).stat().st_size < 60_000, screen.file


def test_logged_out_visitors_are_sent_to_the_login(client):
    response = client.get("/admin/hilfe/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
