import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.board import services
from cms.board.models import BoardAnswer
from tests.factories import PartnerFactory, board_post

pytestmark = pytest.mark.django_db

ANSWER = {
    "name": "Selam Tesfay",
    "email": "selam@example.org",
    "message": "Wir können am Samstag zu zweit helfen.",
    "privacy_consent": True,
}


def denied(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def request_post(club):
    return board_post(
        club.tenant, "Zwei Ehrenamtliche mit Tigrinya für Samstag", languages=["ti", "de"]
    )


def test_the_list_shows_active_posts_without_contact_details(client, club, request_post):
    board_post(club.tenant, "Ausgeblendet", hidden=True)
    board_post(club.tenant, "Abgelaufen", expires_on=timezone.localdate() - datetime.timedelta(1))
    services.answer(request_post, name="X", email="geheim@example.org", message="Hallo")
    response = client.get(reverse("api-board-list"))
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["results"]]
    assert titles == ["Zwei Ehrenamtliche mit Tigrinya für Samstag"]
    body = response.content.decode()
    assert "@" not in body  # neither the editors' nor an answerer's address
    item = response.json()["results"][0]
    assert (item["organisation"], item["languages"]) == (club.tenant.name, ["de", "ti"])


def test_the_list_filters_and_refuses_unknown_values(client, club, request_post):
    board_post(club.tenant, "Beamer zu verleihen", direction="offer", kind="equipment")
    url = reverse("api-board-list")
    assert [i["title"] for i in client.get(url, {"kind": "equipment"}).json()["results"]] == [
        "Beamer zu verleihen"
    ]
    assert len(client.get(url, {"language": "ti"}).json()["results"]) == 1
    assert client.get(url, {"municipality": "juelich"}).json()["results"] == []
    assert client.get(url, {"kind": "alles"}).status_code == 400
    assert client.get(url, {"direction": "x"}).status_code == 400


def test_filters_combine_and_errors_speak_the_requested_language(client, club, request_post):
    board_post(
        club.tenant,
        "Dolmetschen in Jülich",
        kind="interpreting",
        languages=["ar"],
        municipality_name="Jülich",
    )
    board_post(
        club.tenant, "Raum in Jülich", direction="offer", kind="rooms", municipality_name="Jülich"
    )
    url = reverse("api-board-list")

    def titles(**params):
        return [i["title"] for i in client.get(url, params).json()["results"]]

    assert titles(municipality="juelich", direction="request") == ["Dolmetschen in Jülich"]
    assert titles(language=["AR", "ti"], municipality="dueren") == [request_post.title]
    assert titles(kind=["rooms", "volunteers"], direction="offer") == ["Raum in Jülich"]
    body = client.get(url, {"municipality": "atlantis", "locale": "ar"}).json()
    assert body["status"] == 400 and body["parameter"] == "municipality"
    assert body["errors"]["municipality"] == ["بلدية غير معروفة: atlantis."]
    assert body["detail"] == "عامل تصفية غير صالح: municipality"
    body = client.get(url, {"language": "xx", "locale": "ti"}).json()
    assert body["errors"]["language"] == ["ዘይፍለጥ ቋንቋ: xx."]
    assert client.get(url, {"kind": "alles"}).json()["errors"]["kind"] == ["Unbekannte Art: alles."]
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/board/"]["get"]["parameters"]}
    assert {"kind", "direction", "municipality", "language", "locale"} <= parameters


def test_an_answer_is_relayed_by_mail_with_a_reply_to(
    client, club, request_post, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("api-board-answer", args=[request_post.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, json.dumps(ANSWER), content_type="application/json")
    assert response.status_code == 201
    (mail,) = mailoutbox
    assert mail.to == [club.editor.email]
    assert mail.reply_to == ["selam@example.org"]
    assert "Wir können am Samstag zu zweit helfen." in mail.body
    assert BoardAnswer.objects.get().post == request_post


def test_an_answer_in_tigrinya_is_thanked_in_tigrinya_and_relayed_in_german(
    client, club, request_post, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("api-board-answer", args=[request_post.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, json.dumps({**ANSWER, "locale": "ti"}), content_type="application/json"
        )
    assert response.status_code == 201
    assert response.json()["message"] == "የቐንየልና! መልእኽትኹም ናብቲ ውድብ ተሰዲዱ ኣሎ።"
    (mail,) = mailoutbox
    assert "Wir können am Samstag zu zweit helfen." in mail.body
    assert "ተሰዲዱ" not in mail.subject + mail.body  # the organisation reads German


def test_answers_are_validated_and_need_an_active_post(client, club, request_post):
    url = reverse("api-board-answer", args=[request_post.pk])
    response = client.post(
        url, json.dumps({"name": "", "email": "x"}), content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"name", "email", "message", "privacy_consent"}
    request_post.hidden = True
    request_post.save()
    assert client.post(url, json.dumps(ANSWER), content_type="application/json").status_code == 404
    assert not BoardAnswer.objects.exists()


def test_the_feed_is_atom_without_addresses(client, club, request_post):
    response = client.get(reverse("api-board-feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Gesucht: Zwei Ehrenamtliche mit Tigrinya für Samstag" in body
    assert club.editor.email not in body


def test_a_partner_answers_in_the_admin_and_both_sides_see_it(client, club, request_post):
    partner = PartnerFactory("DRK Ortsverein")
    client.force_login(partner.editor)
    page = client.get(reverse("board_admin:post", args=[request_post.pk]))
    assert page.status_code == 200
    client.post(
        reverse("board_admin:post", args=[request_post.pk]),
        {"tenant": partner.tenant.pk, "message": "Zwei Helferinnen sprechen Tigrinya."},
    )
    answer = BoardAnswer.objects.get()
    assert answer.sender_tenant == partner.tenant
    # The editor has no full name: the organisation signs, never the login address.
    assert answer.sender_name == "DRK Ortsverein"
    partner_view = client.get(reverse("board_admin:post", args=[request_post.pk])).content.decode()
    assert "Zwei Helferinnen sprechen Tigrinya." in partner_view
    client.force_login(club.editor)
    club_view = client.get(reverse("board_admin:post", args=[request_post.pk])).content.decode()
    assert "Zwei Helferinnen sprechen Tigrinya." in club_view and "DRK Ortsverein" in club_view
    assert "DRK Ortsverein</bdi></strong> (" not in club_view  # signed once, not twice


def test_another_club_cannot_edit_nor_read_answers_of_others(
    client, club, other_club, request_post
):
    services.answer(request_post, name="Dritte", email="d@example.org", message="Vertraulich")
    client.force_login(other_club.editor)
    assert denied(client.get(reverse("board_admin:edit", args=[request_post.pk])))
    page = client.get(reverse("board_admin:post", args=[request_post.pk])).content.decode()
    assert "Vertraulich" not in page and "d@example.org" not in page
    index = client.get(reverse("board_admin:index")).content.decode()
    assert "Zwei Ehrenamtliche" in index  # among the others' posts, to answer


def test_a_club_posts_for_itself_only(client, club, other_club):
    client.force_login(club.editor)
    # Its own organisation is chosen already (the journey found an empty choice there).
    field = client.get(reverse("board_admin:add")).context["form"]["tenant"]
    assert field.value() == club.tenant.pk
    assert [str(label) for _value, label in field.field.choices] == [club.tenant.name]
    form = {
        "tenant": other_club.tenant.pk,
        "direction": "offer",
        "kind": "rooms",
        "title": "Raum frei",
        "description": "Dienstags",
        "municipality": club.municipality.pk,
        "expires_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
    }
    response = client.post(reverse("board_admin:add"), form)
    assert response.status_code == 200 and "tenant" in response.context["form"].errors
    response = client.post(reverse("board_admin:add"), {**form, "tenant": club.tenant.pk})
    assert response.status_code == 302
    assert club.tenant.board_posts.get().title == "Raum frei"


def test_matches_by_kind_and_language_or_municipality(club, other_club, request_post):
    partner = PartnerFactory("THW Ortsverband")
    tigrinya = board_post(
        other_club.tenant,
        "Helfer mit Tigrinya",
        direction="offer",
        languages=["ti"],
        municipality_name="Jülich",
    )
    nearby = board_post(partner.tenant, "Helfer in Düren", direction="offer")
    board_post(partner.tenant, "Falsche Art", direction="offer", kind="rooms")
    board_post(
        other_club.tenant,
        "Anderswo, andere Sprache",
        direction="offer",
        languages=["pl"],
        municipality_name="Jülich",
    )
    board_post(club.tenant, "Eigenes Angebot", direction="offer")
    assert set(services.matches(request_post)) == {tigrinya, nearby}


def test_authors_are_reminded_once_before_expiry(
    club, mailoutbox, django_capture_on_commit_callbacks
):
    board_post(
        club.tenant, "Bald weg", expires_on=timezone.localdate() + datetime.timedelta(days=3)
    )
    board_post(
        club.tenant, "Noch lange", expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_expiring() == 1
        assert services.remind_expiring() == 0
    assert [m.subject for m in mailoutbox] == ["Ihr Eintrag „Bald weg“ läuft bald ab"]


def test_the_agency_sees_figures_and_hides_a_post(client, agency_user, club, request_post):
    services.answer(request_post, name="A", email="a@example.org", message="m")
    client.force_login(agency_user)
    page = client.get(reverse("board_admin:index"))
    assert page.context["figures"] == [
        {
            "kind": "volunteers",
            "label": "Ehrenamtliche",
            "offer": 0,
            "request": 1,
            "answers": 1,
            "answered": 1,
        }
    ]
    # On a phone every table becomes one labelled card per row (a 390 px walk found the
    # figures and the list wider than the screen).
    html = page.content.decode()
    assert html.count('class="listing vn-stack"') == 2
    assert 'data-label="Einträge mit Antwort"' in html and 'data-label="sichtbar bis"' in html
    form = {
        "tenant": club.tenant.pk,
        "direction": "request",
        "kind": "volunteers",
        "title": request_post.title,
        "description": "bearbeitet",
        "municipality": request_post.municipality_id,
        "expires_on": request_post.expires_on.isoformat(),
        "hidden": "on",
    }
    client.post(reverse("board_admin:edit", args=[request_post.pk]), form)
    request_post.refresh_from_db()
    assert request_post.hidden and request_post.description == "bearbeitet"


def test_the_feed_refuses_writes(client, club, request_post):
    assert client.post(reverse("api-board-feed")).status_code == 405
