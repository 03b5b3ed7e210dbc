"""The admin as club editors and the agency meet it (issue 17): the Vereinsnetz login asking
for the e-mail address, our own help, reports only for the agency, the review queue naming the
club, the approval mail with a real address, the alt text asked for."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from cms.clubs.models import NewsPage
from cms.tenancy import platform
from tests.factories import PASSWORD, AgencyUserFactory, ClubFactory, add_child, news_index

pytestmark = pytest.mark.django_db


def test_the_login_page_is_vereinsnetz_in_german_and_asks_for_the_email(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Bei Vereinsnetz anmelden" in html and "Bei Wagtail anmelden" not in html
    assert re.search(r'<label[^>]*for="id_username"[^>]*>\s*E-Mail-Adresse', html)
    assert re.search(r'<label[^>]*for="id_password"[^>]*>\s*Passwort', html)
    assert 'type="email"' in html and "Benutzername" not in html
    assert '"Password"' not in html and ">Password<" not in html


def test_logging_in_with_the_email_address(client):
    club = ClubFactory()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": club.editor.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    wrong = client.post(reverse("wagtailadmin_login"), {"username": "x@y.de", "password": "z"})
    assert "E-Mail-Adresse oder Passwort stimmen nicht" in wrong.content.decode()


def sidebar(html: str) -> str:
    return html[html.index('id="wagtail-sidebar-props"') :]


def test_help_opens_our_german_help_not_wagtails_guide(client):
    club = ClubFactory()
    client.force_login(club.editor)
    menu = sidebar(client.get(reverse("wagtailadmin_home")).content.decode())
    assert '"name": "hilfe", "label": "Hilfe"' in menu and reverse("vereinsnetz_help") in menu
    assert "guide.wagtail.org" not in menu and "docs.wagtail.org" not in menu


def test_reports_are_for_the_agency_only(client):
    club = ClubFactory()
    client.force_login(club.editor)
    assert reverse("wagtailadmin_reports:locked_pages") not in sidebar(
        client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(AgencyUserFactory())
    assert reverse("wagtailadmin_reports:locked_pages") in sidebar(
        client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.fixture
def submitted():
    """The same title submitted for review by two clubs."""
    pages = []
    for name in ("Anadolu Kulturverein e. V.", "Kulturbrücke Jülich e. V."):
        club = ClubFactory(name)
        news = add_child(
            news_index(club),
            NewsPage(title="Einladung zum Neujahrsempfang", slug="neujahr"),
            publish=False,
        )
        platform.approval_workflow().start(news, club.editor)
        pages.append((club, news))
    return pages


def test_the_review_queue_names_the_club_of_each_item(client, submitted):
    client.force_login(AgencyUserFactory())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    queue = html[html.index("awaiting-review") :]
    assert queue.count("Einladung zum Neujahrsempfang") >= 2
    assert "von Anadolu Kulturverein e. V." in queue
    assert "von Kulturbrücke Jülich e. V." in queue


def test_the_club_names_in_the_review_queue_cost_no_query_per_item(client, submitted):
    """The clubs of all queued pages are read in one query (it was one per item: 9 on the
    demo district's dashboard)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(AgencyUserFactory())

    def tenant_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "von Anadolu Kulturverein e. V." in html
        return sum("tenancy_tenant" in query["sql"] for query in captured.captured_queries)

    few = tenant_queries()
    for number in range(4):
        club = ClubFactory(f"Warteverein {number} e. V.")
        news = add_child(news_index(club), NewsPage(title="Sommerfest", slug="fest"), False)
        platform.approval_workflow().start(news, club.editor)
    assert tenant_queries() == few


def test_the_approval_mail_links_the_page_on_the_club_homepage(
    client, submitted, django_capture_on_commit_callbacks, settings
):
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = "https://vereinsnetz.example"
    club, news = submitted[0]
    agency = AgencyUserFactory()
    client.force_login(agency)
    state = news.current_workflow_state
    task_state = state.current_task_state
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[news.pk, "approve", task_state.pk],
            ),
            {"comment": "Schön geschrieben, danke!"},
        )
    assert response.status_code in (200, 302)
    news.refresh_from_db()
    assert news.live
    approved = [m for m in mail.outbox if club.editor.email in m.to]
    assert approved, [m.subject for m in mail.outbox]
    body = approved[0].body
    assert "None" not in body
    expected = (
        f"https://vereinsnetz.example/vereine/{club.slug}/de/{news.get_parent().slug}/neujahr/"
    )
    assert expected in body
    assert "127.0.0.1" not in body


def test_the_alt_text_is_asked_for_and_never_the_file_name(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.models import Image

    from cms.core.media import image_data
    from tests.factories import image, image_file

    club = ClubFactory()
    client.force_login(club.editor)
    photo = image_file("teestube.png").read()
    form = {
        "title": "teestube",
        "description": "",  # the browser sends the empty field
        "collection": club.tenant.collection.pk,
        "file": SimpleUploadedFile("teestube.png", photo, content_type="image/png"),
    }
    response = client.post(reverse("wagtailimages:add"), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alternativtext" in html and "Blinde Menschen" in html
    assert "Bitte beschreiben Sie, was auf dem Foto zu sehen ist" in html
    assert not Image.objects.exists()

    form["file"] = SimpleUploadedFile("teestube.png", photo, content_type="image/png")
    form["description"] = "Gäste trinken Tee im Vereinsraum"
    assert client.post(reverse("wagtailimages:add"), form).status_code == 302
    assert Image.objects.get().description == "Gäste trinken Tee im Vereinsraum"

    assert image_data(image(title="teestube"))["alt"] == ""
