"""Consent of both sides: links follow the published cooperation page, only the club's own
editors decide for the club and the partner's for the partner, decisions rebuild what they
change, clubs propose cooperations and record mentoring the same way."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.homepages import builds
from cms.partners import links
from cms.partners.models import CooperationLink, CooperationPage, Decision, Mentoring, Side
from tests.factories import AgencyUserFactory, ClubFactory, PartnerFactory, cooperation

pytestmark = pytest.mark.django_db


@pytest.fixture
def rebuilt(monkeypatch, settings):
    """The club homepages whose rebuild was queued."""
    settings.HOMEPAGE_AUTO_REBUILD = True
    queued = []
    monkeypatch.setattr(builds, "queue_club_rebuild", queued.append)
    return queued


def test_publishing_names_clubs_who_are_mailed_and_must_confirm(
    django_capture_on_commit_callbacks,
):
    partner = PartnerFactory("THW Ortsverband Düren")
    club_a, club_b = ClubFactory(), ClubFactory()
    with django_capture_on_commit_callbacks(execute=True):
        page = cooperation(partner, [club_a, club_b], title="Gemeinsame Übung")

    link_rows = CooperationLink.objects.filter(cooperation=page).order_by("club__title")
    assert [(link.club, link.club_status, link.partner_status) for link in link_rows] == [
        (club_a, Decision.PENDING, Decision.CONFIRMED),
        (club_b, Decision.PENDING, Decision.CONFIRMED),
    ]
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([club_a.editor.email, club_b.editor.email])
    assert "Gemeinsame Übung" in mail.outbox[0].body
    assert "/admin/kooperationen/" in mail.outbox[0].body


def test_republishing_keeps_decisions_and_drops_clubs_no_longer_named():
    partner = PartnerFactory()
    club_a, club_b = ClubFactory(), ClubFactory()
    page = cooperation(partner, [club_a, club_b])
    links.decide_link(club_a.editor, CooperationLink.objects.get(club=club_a), confirm=True)

    page.clubs = [club_a]
    page.save_revision().publish()

    assert list(CooperationLink.objects.values_list("club", "club_status")) == [
        (club_a.pk, Decision.CONFIRMED)
    ]


def test_only_the_clubs_own_editors_decide_for_the_club(rebuilt):
    partner = PartnerFactory()
    club, other = ClubFactory(), ClubFactory()
    page = cooperation(partner, [club])
    link = CooperationLink.objects.get(cooperation=page)

    for outsider in (other.editor, AgencyUserFactory()):
        with pytest.raises(links.NotAllowed):
            links.decide_link(outsider, link, confirm=True)
    # The partner's editor speaks for the partner's side only.
    links.decide_link(partner.editor, link, confirm=True)
    link.refresh_from_db()
    assert link.club_status == Decision.PENDING
    assert rebuilt == []

    links.decide_link(club.editor, link, confirm=True)
    link.refresh_from_db()
    assert link.is_confirmed
    assert rebuilt == [club.slug]


def test_declining_after_confirming_rebuilds_again(rebuilt):
    partner = PartnerFactory()
    club = ClubFactory()
    link = CooperationLink.objects.get(cooperation=cooperation(partner, [club]))
    links.decide_link(club.editor, link, confirm=True)
    links.decide_link(club.editor, link, confirm=False)

    link.refresh_from_db()
    assert link.club_status == Decision.DECLINED and not link.is_confirmed
    assert rebuilt == [club.slug, club.slug]


def test_unpublishing_the_partner_rebuilds_the_clubs_that_showed_it(rebuilt):
    partner = PartnerFactory()
    club = ClubFactory()
    link = CooperationLink.objects.get(cooperation=cooperation(partner, [club]))
    links.decide_link(club.editor, link, confirm=True)
    rebuilt.clear()

    partner.unpublish()

    assert rebuilt == [club.slug]


def test_a_club_proposes_and_the_partner_decides(django_capture_on_commit_callbacks):
    partner = PartnerFactory("DRK Kreisverband Düren")
    club = ClubFactory()
    with django_capture_on_commit_callbacks(execute=True):
        link = links.propose_cooperation(
            club.editor,
            club,
            partner,
            title="Erste Hilfe auf Arabisch",
            kind="first_aid",
            start_date=datetime.date(2026, 3, 1),
            end_date=None,
            description="Ein Kurs in unseren Räumen.",
        )

    page = link.cooperation
    assert page.get_parent().pk == partner.pk and page.live
    assert (link.proposed_by, link.club_status, link.partner_status) == (
        Side.CLUB,
        Decision.CONFIRMED,
        Decision.PENDING,
    )
    assert [message.to for message in mail.outbox] == [[partner.editor.email]]
    with pytest.raises(links.NotAllowed):
        links.decide_link(ClubFactory().editor, link, confirm=True)
    links.decide_link(partner.editor, link, confirm=True)
    link.refresh_from_db()
    assert link.is_confirmed


def test_only_a_clubs_editor_proposes_for_it():
    partner, club = PartnerFactory(), ClubFactory()
    with pytest.raises(links.NotAllowed):
        links.propose_cooperation(
            partner.editor,
            club,
            partner,
            title="Übung",
            kind="exercise",
            start_date=None,
            end_date=None,
            description="",
        )
    assert not CooperationPage.objects.exists()


def test_a_proposal_with_an_end_before_its_start_is_refused():
    partner, club = PartnerFactory(), ClubFactory()
    with pytest.raises(ValidationError):
        links.propose_cooperation(
            club.editor,
            club,
            partner,
            title="Übung",
            kind="exercise",
            start_date=datetime.date(2026, 5, 1),
            end_date=datetime.date(2026, 4, 1),
            description="",
        )
    assert not CooperationPage.objects.exists()


def test_mentoring_needs_both_clubs(django_capture_on_commit_callbacks):
    mentor = ClubFactory(founding_year=1995)
    mentee = ClubFactory(founding_year=2025)
    with django_capture_on_commit_callbacks(execute=True):
        mentoring = links.record_mentoring(
            mentor.editor,
            mentor=mentor,
            mentee=mentee,
            start_date=datetime.date(2025, 9, 1),
            end_date=None,
            funding_reference="UF-2025-17",
            description="",
        )
    assert (mentoring.mentor_status, mentoring.mentee_status) == (
        Decision.CONFIRMED,
        Decision.PENDING,
    )
    assert [message.to for message in mail.outbox] == [[mentee.editor.email]]
    with pytest.raises(links.NotAllowed):
        links.decide_mentoring(ClubFactory().editor, mentoring, confirm=True)
    links.decide_mentoring(mentee.editor, mentoring, confirm=True)
    mentoring.refresh_from_db()
    assert mentoring.is_confirmed


def test_mentoring_is_refused_for_itself_a_new_mentor_or_an_outsider():
    old, new = ClubFactory(founding_year=1995), ClubFactory(founding_year=2025)
    with pytest.raises(ValidationError, match="selbst"):
        links.record_mentoring(old.editor, mentor=old, mentee=old)
    with pytest.raises(ValidationError, match="neu gegründet"):
        links.record_mentoring(new.editor, mentor=new, mentee=old)
    with pytest.raises(links.NotAllowed):
        links.record_mentoring(ClubFactory().editor, mentor=old, mentee=new)
    assert not Mentoring.objects.exists()


def _sections(club):
    from cms.clubs.models import ClubPage

    live = ClubPage.objects.get(pk=club.pk)
    latest = live.get_latest_revision_as_object()
    return (
        [s.section for s in live.homepage_sections.all()],
        [s.section for s in latest.homepage_sections.all()],
    )


def test_confirming_switches_the_cooperations_section_on(client):
    """Issue 17, 3: a confirmed cooperation stayed off the homepage of a club whose sections
    lacked „Kooperationen“, while the admin said it was rebuilt."""
    from cms.clubs.models import HomepageSection

    partner = PartnerFactory("THW Ortsverband Düren")
    club = ClubFactory()
    club.homepage_sections.filter(section="cooperations").delete()
    if not club.homepage_sections.exists():
        club.homepage_sections.add(HomepageSection(section="news", sort_order=0))
        club.save_revision(user=club.editor).publish()
    page = cooperation(partner, [club], title="Gemeinsame Übung")
    link = CooperationLink.objects.get(cooperation=page)

    client.force_login(club.editor)
    response = client.post(
        reverse("cooperations:decide_link", args=[link.pk, "bestaetigen"]), follow=True
    )
    assert "Abschnitt „Kooperationen“" in response.content.decode()
    live, latest = _sections(club)
    assert live[-1] == "cooperations" and live.count("cooperations") == 1
    assert latest == live

    # Declining and confirming again adds nothing twice.
    link.refresh_from_db()
    links.decide_link(club.editor, link, False)
    links.decide_link(club.editor, link, True)
    assert _sections(club)[0].count("cooperations") == 1


def test_the_section_goes_into_a_pending_draft_too():
    from cms.clubs.models import ClubPage

    partner = PartnerFactory()
    club = ClubFactory()
    club.homepage_sections.filter(section="cooperations").delete()
    club.save_revision(user=club.editor).publish()
    draft = ClubPage.objects.get(pk=club.pk)
    draft.short_description = "Ein Entwurf, noch nicht veröffentlicht"
    draft.save_revision(user=club.editor)
    link = CooperationLink.objects.get(cooperation=cooperation(partner, [club]))

    confirmed = links.decide_link(club.editor, link, True)

    assert confirmed.section_added
    live, latest = _sections(club)
    assert "cooperations" in live and "cooperations" in latest
    club = ClubPage.objects.get(pk=club.pk)
    assert club.has_unpublished_changes
    assert club.get_latest_revision_as_object().short_description.startswith("Ein Entwurf")
