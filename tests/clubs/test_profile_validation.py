"""Validation through the real admin edit forms, as the club's editor: a bad value re-renders
the form with a clear German message on the field, and nothing is saved."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from cms.clubs.models import ClubPage, GalleryPage, ProjectPage
from cms.events.models import EventPage
from cms.rooms.models import Room
from tests.factories import add_child, event_index, event_page, image, municipality
from tests.tenancy.admin_forms import admin_form, page_form

pytestmark = pytest.mark.django_db

NOT_SAVED = "Aufgrund von Fehlern bei der Validierung konnte die Seite nicht gespeichert werden."
INVALID_CHOICE = "Bitte eine gültige Auswahl treffen. 999999 ist keine gültige Auswahl."
NEXT_YEAR = timezone.localdate().year + 1
FOUNDING_YEAR_RANGE = f"Das Gründungsjahr muss zwischen 1900 und {NEXT_YEAR - 1} liegen."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def revisions_of(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def post_edit(client, editor, page, form=admin_form, **changes):
    url = edit_url(page)
    client.force_login(editor)
    return client.post(url, form(editor, url, **changes))


def assert_refused(response, field, message):
    """The form came back with ``message`` in the errors of ``field``."""
    assert response.status_code == 200, "the form should have been shown again"
    errors = response.context["form"].errors
    assert any(message in error for error in errors.get(field, [])), errors
    assert NOT_SAVED in response.content.decode()


# --- the club profile -----------------------------------------------------------------------

PROFILE_ERRORS = {
    "founding year 1800": ({"founding_year": "1800"}, "founding_year", FOUNDING_YEAR_RANGE),
    "founding year next year": (
        {"founding_year": str(NEXT_YEAR)},
        "founding_year",
        FOUNDING_YEAR_RANGE,
    ),
    "contact e-mail": (
        {"contact_email": "vorstand(at)verein.de"},
        "contact_email",
        "Gib eine gültige E-Mail Adresse an.",
    ),
    "register number": (
        {"register_court": "Amtsgericht Düren", "register_number": "12345"},
        "register_number",
        "Im Format „VR 1234“.",
    ),
    "register number without court": (
        {"register_court": "", "register_number": "VR 1234"},
        "register_court",
        "Zur Registernummer gehört ein Registergericht.",
    ),
    "colour not hex": (
        {"primary_colour": "blau"},
        "primary_colour",
        "Eine Farbe im Format #RRGGBB.",
    ),
    "colour too light": (
        {"accent_colour": "#ffff00"},
        "accent_colour",
        "Zu wenig Kontrast zu Weiß",
    ),
    # A pasted URL ("https://mein-verein.de/start") is normalised to its host
    # (tests/homepages/test_own_domain_takeover.py); what is no host name is refused.
    "own domain that is no host name": (
        {"own_domain": "mein_verein.de"},
        "own_domain",
        "Ein Domainname wie „mein-verein.de“, ohne http:// und ohne Pfad.",
    ),
    "unknown country": (
        {"countries": ["999999"]},
        "countries",
        INVALID_CHOICE,
    ),
    "unknown municipality": (
        {"municipality": "999999"},
        "municipality",
        "Bitte eine gültige Auswahl treffen. Dies ist keine gültige Auswahl.",
    ),
    "postal code": ({"postal_code": "5234"}, "postal_code", "Fünf Ziffern."),
    "phone": (
        {"contact_phone": "ruf mich an"},
        "contact_phone",
        "Eine Telefonnummer, z. B. 02421 12345.",
    ),
    "address published without address": (
        {"publish_address": ["on"], "street": "", "postal_code": "", "city": ""},
        "publish_address",
        "Um die Adresse zu veröffentlichen, bitte Straße, Postleitzahl und Ort angeben.",
    ),
    "contact consent without contact": (
        {"contact_consent": ["on"], "contact_name": ""},
        "contact_name",
        "Bitte den Namen der Ansprechperson angeben.",
    ),
    "short description too long": (
        {"short_description": "x" * 301},
        "short_description",
        "Bitte sicherstellen, dass der Wert aus höchstens 300 Zeichen besteht.",
    ),
}


@pytest.mark.parametrize("case", PROFILE_ERRORS)
def test_a_bad_profile_value_is_refused_with_a_german_message(case, client, club):
    changes, field, message = PROFILE_ERRORS[case]
    before = revisions_of(club)

    response = post_edit(client, club.editor, club, **changes)

    assert_refused(response, field, message)
    assert revisions_of(club) == before
    fresh = ClubPage.objects.get(pk=club.pk)
    assert fresh.founding_year == 2010
    assert fresh.get_latest_revision_as_object().founding_year == 2010


def test_a_good_profile_change_is_saved(client, club):
    before = revisions_of(club)
    response = post_edit(
        client,
        club.editor,
        club,
        founding_year="2005",
        contact_email="vorstand@verein.example",
        register_court="Amtsgericht Düren",
        register_number="VR 1234",
        primary_colour="#1d4e89",
        own_domain="mein-verein.de",
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert revisions_of(club) == before + 1
    draft = ClubPage.objects.get(pk=club.pk).get_latest_revision_as_object()
    assert (draft.founding_year, draft.register_number, draft.own_domain) == (
        2005,
        "VR 1234",
        "mein-verein.de",
    )


def test_an_own_domain_in_capitals_is_normalised(client, club):
    response = post_edit(client, club.editor, club, own_domain="Mein-Verein.de")
    assert response.status_code == 302, response.context["form"].errors
    draft = ClubPage.objects.get(pk=club.pk).get_latest_revision_as_object()
    assert draft.own_domain == "mein-verein.de"


def test_a_meeting_that_ends_before_it_starts_is_refused(client, club):
    before = revisions_of(club)
    response = post_edit(
        client,
        club.editor,
        club,
        **{
            "meeting_times-TOTAL_FORMS": "1",
            "meeting_times-INITIAL_FORMS": "0",
            "meeting_times-MIN_NUM_FORMS": "0",
            "meeting_times-MAX_NUM_FORMS": "1000",
            "meeting_times-0-weekday": "2",
            "meeting_times-0-start_time": "19:00",
            "meeting_times-0-end_time": "18:00",
            "meeting_times-0-place": "Vereinsheim",
            "meeting_times-0-ORDER": "1",
        },
    )
    assert response.status_code == 200
    formset = response.context["form"].formsets["meeting_times"]
    assert formset.errors[0]["end_time"] == ["Das Ende muss nach dem Beginn liegen."]
    assert revisions_of(club) == before


# --- events ---------------------------------------------------------------------------------


@pytest.fixture
def event(club):
    return event_page(event_index(club), title="Teestunde")


EVENT_ERRORS = {
    "end before start": (
        {"start": "2026-12-01 18:00", "end": "2026-12-01 17:00"},
        "end",
        "Das Ende darf nicht vor dem Beginn liegen.",
    ),
    "hourly recurrence": (
        {"recurrence": "FREQ=HOURLY"},
        "recurrence",
        "Die Wiederholung braucht FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY.",
    ),
    "broken recurrence": (
        {"recurrence": "FREQ=WEEKLY;BYDAY=XY"},
        "recurrence",
        "Keine gültige Wiederholungsregel (RFC 5545)",
    ),
    "negative cost": ({"cost": "-5"}, "cost", "Die Kosten dürfen nicht negativ sein."),
    "unknown language": (
        {"languages": ["999999"]},
        "languages",
        INVALID_CHOICE,
    ),
}


@pytest.mark.parametrize("case", EVENT_ERRORS)
def test_a_bad_event_is_refused_with_a_german_message(case, client, club, event):
    changes, field, message = EVENT_ERRORS[case]
    before = revisions_of(event)

    response = post_edit(client, club.editor, event, form=page_form, **changes)

    assert_refused(response, field, message)
    assert revisions_of(event) == before


def test_an_event_at_an_address_and_in_a_room_is_refused(client, club, event):
    room = Room.objects.create(
        name="Café International",
        location="Kaiserplatz 1, 52349 Düren",
        municipality=municipality("Düren"),
        capacity=30,
    )
    response = post_edit(
        client,
        club.editor,
        event,
        form=page_form,
        location_address="Kaiserplatz 1, Düren",
        location_room=str(room.pk),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["location_room"] == [
        "Bitte entweder eine Adresse oder einen Raum angeben."
    ]


def test_a_good_recurring_event_is_saved(client, club, event):
    response = post_edit(
        client,
        club.editor,
        event,
        form=page_form,
        start="2026-12-01 18:00",
        end="2026-12-01 20:00",
        recurrence="FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231",
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert draft.recurrence == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231"
    assert draft.end - draft.start == datetime.timedelta(hours=2)


# --- galleries and projects -----------------------------------------------------------------


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def gallery_images(*rows):
    data = {
        "gallery_images-TOTAL_FORMS": str(len(rows)),
        "gallery_images-INITIAL_FORMS": "0",
        "gallery_images-MIN_NUM_FORMS": "1",
        "gallery_images-MAX_NUM_FORMS": "1000",
    }
    for number, (image_id, caption) in enumerate(rows):
        data |= {
            f"gallery_images-{number}-image": str(image_id),
            f"gallery_images-{number}-caption": caption,
            f"gallery_images-{number}-ORDER": str(number + 1),
        }
    return data


def test_a_gallery_submitted_for_approval_needs_at_least_one_image(client, club):
    """A draft may be incomplete (Wagtail defers required fields when saving); what goes to
    the agency for approval may not."""
    url = add_url(GalleryPage, club)
    client.force_login(club.editor)
    data = admin_form(club.editor, url, title="Sommerfest", slug="sommerfest")
    data |= gallery_images() | {"action-submit": "action-submit"}

    response = client.post(url, data)

    assert response.status_code == 200
    formset = response.context["form"].formsets["gallery_images"]
    assert any("1 Formular abschicken" in error for error in formset.non_form_errors())
    assert not GalleryPage.objects.exists()


def test_a_gallery_with_an_image_of_the_club_is_created(client, club):
    photo = image(club.tenant.collection, title="Grillen")
    url = add_url(GalleryPage, club)
    client.force_login(club.editor)
    data = admin_form(club.editor, url, title="Sommerfest", slug="sommerfest")
    data |= gallery_images((photo.pk, "Am Grill"))

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["form"].errors
    gallery = GalleryPage.objects.child_of(club).get()
    assert [
        (item.image, item.caption, item.photo_consent) for item in gallery.gallery_images.all()
    ] == [(photo, "Am Grill", False)]


def test_a_project_that_ends_before_it_starts_is_refused(client, club):
    project = add_child(club, ProjectPage(title="Sprachcafé", slug="sprachcafe"))
    before = revisions_of(project)
    response = post_edit(
        client,
        club.editor,
        project,
        form=page_form,
        start_date="2026-09-01",
        end_date="2026-08-01",
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == [
        "Das Ende darf nicht vor dem Beginn liegen."
    ]
    assert revisions_of(project) == before


def test_the_theme_is_one_of_the_installed_themes(client, club):
    before = revisions_of(club)
    response = post_edit(client, club.editor, club, theme="gibt-es-nicht")
    assert response.status_code == 200
    assert revisions_of(club) == before
    page = client.get(reverse("wagtailadmin_pages:edit", args=(club.pk,))).content.decode()
    assert 'value="theme_contrast"' in page and 'value="theme_default"' in page
    response = post_edit(client, club.editor, club, theme="theme_contrast")
    assert response.status_code == 302
    assert (
        ClubPage.objects.get(pk=club.pk).get_latest_revision_as_object().theme == "theme_contrast"
    )


def test_colours_are_chosen_with_a_colour_picker_and_still_checked(client, club):
    """Issue 17, 10: colours were typed as hex codes."""
    import re

    client.force_login(club.editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=(club.pk,)))
    html = page.content.decode()
    for field in ("primary_colour", "accent_colour"):
        assert re.search(rf'<input type="color" name="{field}" value="#[0-9a-f]{{6}}"', html)
    before = revisions_of(club)
    response = post_edit(client, club.editor, club, accent_colour="#ffff00")
    assert response.status_code == 200 and "accent_colour" in response.context["form"].errors
    assert revisions_of(club) == before
