"""``manage.py load_demo`` against a real database: the whole district, twice.

The loader runs once per module (inside a transaction rolled back at the end), so the demo
data never leaks into other tests.
"""

import io
import time

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, WorkflowState

from cms import locales
from cms.board.models import BoardPost
from cms.clubs.models import ClubPage, GalleryImage, NewsPage, ProjectPage
from cms.events.models import EventPage
from cms.portal.models import UNIQUE_ROLES, PortalHomePage, PortalPage
from cms.rooms.models import Booking, Room
from cms.signups import services
from cms.signups.models import SignupOptions, SignupStatus
from cms.taxonomy.models import Country, Language, Municipality, UmbrellaOrganisation
from cms.tenancy.models import RegistrationRequest, Tenant
from cms.tenancy.platform import AGENCY_GROUP_NAME

COUNTED = [
    Page,
    Revision,
    Image,
    get_user_model(),
    Tenant,
    Room,
    Booking,
    RegistrationRequest,
    UmbrellaOrganisation,
    WorkflowState,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        first_out, second_out = io.StringIO(), io.StringIO()
        started = time.monotonic()
        call_command("load_demo", stdout=first_out)
        first_seconds = time.monotonic() - started
        after_first = counts()
        latest_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
        started = time.monotonic()
        call_command("load_demo", stdout=second_out)
        second_seconds = time.monotonic() - started
        yield {
            "first": first_out.getvalue(),
            "second": second_out.getvalue(),
            "after_first": after_first,
            "after_second": counts(),
            "latest_revision": latest_revision,
            "seconds": (first_seconds, second_seconds),
        }
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_a_second_run_creates_and_changes_nothing(demo):
    assert demo["after_second"] == demo["after_first"]
    assert (
        Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
        == (demo["latest_revision"])
    )
    assert "nichts geändert" in demo["second"]
    # The second run only looks; it must stay fast.
    assert demo["seconds"][1] < 10


def test_72_clubs_in_all_15_municipalities(demo):
    clubs = ClubPage.objects.filter(locale__language_code="de")
    assert clubs.count() == 72
    assert clubs.values("municipality").distinct().count() == 15 == Municipality.objects.count()
    assert clubs.filter(municipality__name="Düren").count() == 20


def test_30_countries_and_right_to_left_languages(demo):
    assert Country.objects.filter(clubs__isnull=False).distinct().count() >= 30
    spoken = set(Language.objects.filter(clubs__isnull=False).values_list("tag", flat=True))
    assert {"ar", "fa", "ckb", "ps"} <= spoken


def test_every_club_is_a_tenant_with_its_own_editor(demo):
    assert Tenant.objects.filter(kind="club").count() == 72
    for tenant in Tenant.objects.filter(kind="club").select_related("root_page"):
        slug = tenant.root_page.slug
        editor = get_user_model().objects.get(email=f"redaktion@{slug}.vereinsnetz.example")
        assert editor.groups.filter(pk=tenant.group_id).exists()
    assert Tenant.objects.filter(kind="club", direct_publishing=True).count() >= 15


def test_the_demo_passwords_work(demo):
    agency = authenticate(username="agentur@vereinsnetz.example", password="demo-agentur")
    assert agency is not None
    assert agency.groups.filter(name=AGENCY_GROUP_NAME).exists()
    admin = authenticate(username="admin", password="demo-admin")
    assert admin is not None and admin.is_superuser
    club = ClubPage.objects.filter(live=True).order_by("path").first()
    editor = authenticate(
        username=f"redaktion@{club.slug}.vereinsnetz.example", password="demo-verein"
    )
    assert editor is not None and not editor.is_superuser


def test_clubs_have_published_trees_and_a_few_drafts(demo):
    assert ClubPage.objects.filter(live=False).count() == 3
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() >= 3
    live_club = ClubPage.objects.filter(live=True).first()
    child_types = {page.specific_class.__name__ for page in live_club.get_children()}
    assert {"ContentPage", "NewsIndexPage", "EventIndexPage", "GalleryPage"} <= child_types
    assert NewsPage.objects.filter(live=False).exists()
    assert EventPage.objects.exclude(recurrence="").exists()
    assert EventPage.objects.filter(location_room__name="Café International").exists()
    assert ProjectPage.objects.filter(partner_clubs__isnull=False).exists()
    images = Image.objects.filter(collection__tenant__isnull=False)
    assert images.count() >= 3 * 72
    assert GalleryImage.objects.filter(photo_consent=False).exists()


def test_rooms_registrations_and_umbrella(demo):
    assert set(Room.objects.values_list("name", flat=True)) >= {"Café International"}
    assert Room.objects.count() == 3
    assert RegistrationRequest.objects.filter(status="pending", privacy_consent=True).count() == 3
    umbrella = UmbrellaOrganisation.objects.get(
        name="Dachverband der Migrantenorganisationen im Kreis Düren e. V."
    )
    assert umbrella.clubs.count() >= 20


def test_rooms_have_tariffs_hours_and_bookings_in_every_state(demo):
    cafe = Room.objects.get(name="Café International")
    assert cafe.hourly_fee > 0 and cafe.daily_fee > 0 and cafe.opening_hours.count() == 6
    assert cafe.blocked_periods.filter(reason__startswith="Abende im Café").exists()
    assert set(Booking.objects.values_list("status", flat=True)) == {
        "requested",
        "confirmed",
        "declined",
        "cancelled",
    }
    assert Booking.objects.values("room").distinct().count() == 3
    confirmed = list(Booking.objects.filter(status="confirmed"))
    assert not [
        (a.pk, b.pk)
        for a in confirmed
        for b in confirmed
        if a.pk < b.pk and a.room_id == b.room_id and a.start < b.end and b.start < a.end
    ]
    assert all(b.transitions.exists() for b in Booking.objects.all())


def test_the_command_prints_the_logins(demo):
    for output in (demo["first"], demo["second"]):
        assert "agentur@vereinsnetz.example" in output
        assert "demo-agentur" in output
        assert "admin" in output and "demo-admin" in output
        assert output.count(".vereinsnetz.example") >= 4
        assert "demo-verein" in output


def test_the_logins_name_a_club_that_publishes_directly(demo):
    """The README's journey (publish, and see it live within seconds) needs a club whose
    editor publishes directly; the printed logins say which one does."""
    line = next(
        line for line in demo["first"].splitlines() if line.strip().startswith("Verein (direkt)")
    )
    email = line.split()[2]
    slug = email.split("@")[1].split(".")[0]
    club = ClubPage.objects.get(slug=slug, locale__language_code="de")
    assert Tenant.objects.get(root_page=club).direct_publishing
    assert "Verein (mit Freigabe)" in demo["first"]


def test_partners_cooperations_and_mentoring(demo):
    from cms.partners.models import CooperationLink, CooperationPage, Decision, Mentoring

    partners = Tenant.objects.filter(kind="partner").select_related("root_page")
    assert {tenant.name for tenant in partners} == {
        "DRK Kreisverband Düren",
        "THW Ortsverband Düren",
        "Malteser Hilfsdienst Düren",
        "Freiwillige Feuerwehr Jülich",
    }
    for tenant in partners:
        assert tenant.root_page.live
        editor = authenticate(
            username=f"redaktion@{tenant.root_page.slug}.vereinsnetz.example",
            password="demo-partner",
        )
        assert editor is not None and editor.groups.filter(pk=tenant.group_id).exists()
    assert CooperationPage.objects.live().count() == 13
    links = CooperationLink.objects.all()
    assert links.confirmed().count() >= 10
    assert links.filter(club_status=Decision.PENDING).count() >= 3
    assert links.filter(club_status=Decision.DECLINED).exists()
    assert links.filter(partner_status=Decision.PENDING, proposed_by="club").count() == 1
    assert Mentoring.objects.confirmed().count() >= 2
    assert Mentoring.objects.filter(mentee_status=Decision.PENDING).count() == 1
    assert ProjectPage.objects.filter(partner_organisations__isnull=False).exists()


def test_the_agency_meeting_and_workshops_take_sign_ups(demo):
    options = {o.event.slug: o for o in SignupOptions.objects.select_related("event")}
    assert set(options) == {
        "austauschtreffen-vereine",
        "workshop-foerderantraege",
        "workshop-oeffentlichkeitsarbeit",
    }
    full = options["workshop-foerderantraege"]
    assert services.state(full)["state"] == "waitlist"
    assert full.signups.filter(status=SignupStatus.WAITING).count() == 4
    assert services.places_held(full) == full.capacity
    assert services.state(options["workshop-oeffentlichkeitsarbeit"])["state"] == "open"
    # The agency's own events, below the portal home: no club organises them.
    for option in options.values():
        assert option.event.get_parent().specific_class.__name__ == "EventIndexPage"
        assert option.event.get_parent().get_parent().specific_class is PortalHomePage


def test_a_dozen_board_posts_with_answers(demo):
    assert BoardPost.objects.count() == 12
    assert BoardPost.objects.filter(answers__isnull=False).distinct().count() == 7
    assert BoardPost.objects.filter(tenant__kind="partner").exists()


def test_the_portal_and_a_dozen_clubs_speak_other_languages(demo):
    """Issue 18, item 6: the portal's own pages in every complete locale, and clubs with
    translated profiles, news and events, so the Arabic and Farsi club sites are real."""
    complete = set(locales.codes()) - {locales.DEFAULT}
    homes = PortalHomePage.objects.live().values_list("locale__language_code", flat=True)
    assert complete | {"de"} <= set(homes)
    for code in complete:
        roles = PortalPage.objects.live().filter(locale__language_code=code)
        assert set(roles.values_list("page_role", flat=True)) == set(UNIQUE_ROLES)
    arabic_home = PortalHomePage.objects.get(locale__language_code="ar")
    assert "مقاطعة دورن" in arabic_home.intro
    assert all(
        block.block_type != "text" or "<h2>" in str(block.value) for block in arabic_home.body
    )

    translated = ClubPage.objects.live().exclude(locale__language_code="de")
    assert translated.values("translation_key").distinct().count() >= 10
    assert {"ar", "tr", "uk", "fa", "ru"} <= set(
        translated.values_list("locale__language_code", flat=True)
    )
    for club in translated:
        assert (
            club.short_description != club.get_translation(Locale.get_default()).short_description
        )
        assert NewsPage.objects.live().descendant_of(club).exists(), club.slug
        assert EventPage.objects.live().descendant_of(club).exists(), club.slug
    assert "Übersetzte Vereine" in demo["first"]
