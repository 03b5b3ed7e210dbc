"""The admin's "Kooperationen" area and dashboard panel: club and partner editors see what
waits for them and decide with one click; nobody decides for someone else."""

import pytest
from django.urls import reverse

from cms.partners.models import CooperationLink, CooperationPage, Decision, Mentoring
from tests.factories import AgencyUserFactory, ClubFactory, PartnerFactory, cooperation, mentoring

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending():
    partner = PartnerFactory("THW Ortsverband Düren")
    club = ClubFactory("Anadolu Kulturverein e. V.")
    page = cooperation(partner, [club], title="Gemeinsame Übung im Herbst")
    return partner, club, CooperationLink.objects.get(cooperation=page)


def test_dashboard_panel_shows_the_club_what_waits_for_it(client, pending):
    partner, club, link = pending
    client.force_login(club.editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Kooperationen: Ihre Entscheidung" in html
    assert "Gemeinsame Übung im Herbst" in html
    assert reverse("cooperations:decide_link", args=[link.pk, "bestaetigen"]) in html


def test_the_partners_panel_has_nothing_to_decide(client, pending):
    partner, _club, _link = pending
    client.force_login(partner.editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Keine Kooperation wartet auf Ihre Bestätigung." in html
    add = reverse("wagtailadmin_pages:add", args=["partners", "cooperationpage", partner.pk])
    assert add in html
    assert "Ihr Verein" not in html  # the club panel (homepage links) is not for partners


def test_club_editor_confirms_and_declines_by_post(client, pending):
    _partner, club, link = pending
    client.force_login(club.editor)
    url = reverse("cooperations:decide_link", args=[link.pk, "bestaetigen"])

    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("cooperations:index")
    link.refresh_from_db()
    assert link.club_status == Decision.CONFIRMED

    client.post(reverse("cooperations:decide_link", args=[link.pk, "ablehnen"]))
    link.refresh_from_db()
    assert link.club_status == Decision.DECLINED
    assert (
        client.post(reverse("cooperations:decide_link", args=[link.pk, "egal"])).status_code == 404
    )


@pytest.mark.parametrize("who", ["other_club", "agency"])
def test_others_cannot_decide_for_the_club(client, pending, who):
    _partner, _club, link = pending
    user = ClubFactory().editor if who == "other_club" else AgencyUserFactory()
    client.force_login(user)
    response = client.post(reverse("cooperations:decide_link", args=[link.pk, "bestaetigen"]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    link.refresh_from_db()
    assert link.club_status == Decision.PENDING


def test_index_lists_the_users_links_and_the_agency_sees_all(client, pending):
    _partner, club, _link = pending
    other = ClubFactory("Baobab e. V.")
    client.force_login(other.editor)
    html = client.get(reverse("cooperations:index")).content.decode()
    assert "Gemeinsame Übung im Herbst" not in html and "Nichts zu entscheiden." in html

    client.force_login(AgencyUserFactory())
    html = client.get(reverse("cooperations:index")).content.decode()
    assert "Gemeinsame Übung im Herbst" in html
    assert "Kooperation vorschlagen" not in html  # the agency proposes nothing


def test_club_proposes_a_cooperation_through_the_form(client, pending):
    partner, club, _link = pending
    client.force_login(club.editor)
    url = reverse("cooperations:propose")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "club": club.pk,
            "partner": partner.pk,
            "title": "Helferausbildung",
            "kind": "training",
            "start_date": "2026-02-01",
            "end_date": "2026-01-01",
            "description": "",
        },
    )
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    response = client.post(
        url,
        {
            "club": club.pk,
            "partner": partner.pk,
            "title": "Helferausbildung",
            "kind": "training",
            "start_date": "2026-02-01",
            "description": "Sechs Abende.",
        },
    )
    assert response.status_code == 302
    page = CooperationPage.objects.get(title="Helferausbildung")
    assert page.get_parent().pk == partner.pk
    assert CooperationLink.objects.get(cooperation=page).partner_status == Decision.PENDING


def test_a_club_cannot_propose_in_another_clubs_name(client, pending):
    partner, club, _link = pending
    other = ClubFactory()
    client.force_login(other.editor)
    response = client.post(
        reverse("cooperations:propose"),
        {"club": club.pk, "partner": partner.pk, "title": "Fremd", "kind": "event"},
    )
    assert response.status_code == 200
    assert "club" in response.context["form"].errors
    assert not CooperationPage.objects.filter(title="Fremd").exists()


def test_partner_editor_gets_no_proposal_form(client, pending):
    partner, _club, _link = pending
    client.force_login(partner.editor)
    response = client.get(reverse("cooperations:propose"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_club_records_a_mentoring_through_the_form(client):
    mentor = ClubFactory("Alter Verein e. V.", founding_year=1990)
    mentee = ClubFactory("Junger Verein e. V.", founding_year=2025)
    client.force_login(mentor.editor)
    response = client.post(
        reverse("cooperations:add_mentoring"),
        {
            "club": mentor.pk,
            "role": "mentor",
            "other": mentee.pk,
            "start_date": "2025-09-01",
            "funding_reference": "UF-2025-3",
        },
    )
    assert response.status_code == 302
    mentoring = Mentoring.objects.get()
    assert (mentoring.mentor, mentoring.mentee) == (mentor, mentee)
    assert mentoring.mentee_status == Decision.PENDING

    client.force_login(mentee.editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mentoring: Alter Verein e. V. begleitet Junger Verein e. V." in html
    client.post(reverse("cooperations:decide_mentoring", args=[mentoring.pk, "bestaetigen"]))
    mentoring.refresh_from_db()
    assert mentoring.is_confirmed


def test_partner_editor_edits_cooperations_in_its_own_tree(client, pending):
    partner, club, link = pending
    client.force_login(partner.editor)
    page = link.cooperation
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["partners", "cooperationpage", partner.pk])
    assert client.get(add).status_code == 200


def test_the_dashboard_panel_forms_carry_a_csrf_token(pending):
    """Issue 17, 1: the panel rendered its forms without the request, so the token was empty
    and „Bestätigen“ on the dashboard ended in "403 CSRF verification failed"."""
    import re

    from django.test import Client

    _partner, club, link = pending
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(club.editor)
    html = browser.get(reverse("wagtailadmin_home")).content.decode()
    url = reverse("cooperations:decide_link", args=[link.pk, "bestaetigen"])
    form = re.search(rf'<form[^>]*action="{re.escape(url)}".*?</form>', html, re.S)
    assert form, "the dashboard offers no form to confirm"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(0))
    assert token, "the dashboard's form carries no CSRF token"

    response = browser.post(url, {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.club_status == Decision.CONFIRMED


@pytest.mark.parametrize("who", ["agency", "club", "partner"])
def test_the_cooperations_page_costs_no_query_per_cooperation(
    client, who, django_assert_max_num_queries
):
    """Whose side each row is and each cooperation's partner are read once for the page (they
    were two queries per row: 95 on the demo district's agency view)."""
    partner = PartnerFactory("DRK Kreisverband Düren")
    club = ClubFactory("Anadolu Kulturverein e. V.")
    others = [ClubFactory(f"Verein {number} e. V.") for number in range(2)]
    cooperation(partner, [club, *others], title="Erste Hilfe für Vereine")
    mentoring(club, others[0], confirmed=False)
    user = {"agency": AgencyUserFactory(), "club": club.editor, "partner": partner.editor}[who]
    client.force_login(user)
    url = reverse("cooperations:index")
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    second = PartnerFactory("THW Ortsverband Düren")
    for number in range(4):
        cooperation(second, [club, *others], title=f"Übung {number}")
        cooperation(partner, [club, others[1]], title=f"Kurs {number}")
        mentoring(others[1], club, confirmed=False)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert "Kurs 3" in html
    assert ("Übung 3" in html) == (who != "partner")  # another partner's cooperation
