"""The club secretary's journey (issue 17): log in with the e-mail address, edit the profile,
post news with a photo (the alt text is asked for), add a weekly event through the repetition
form with a cancelled date (a wrong one first), publish, see both on the homepage in German
and Arabic (the cancelled date named: "fällt aus am …"), download the ZIP."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from cms.tenancy.provisioning import apply_publishing_mode
from tests.browser.tools import new_page
from tests.factories import PASSWORD, ClubFactory, event_index, image_file, news_index

from .walk import Walk

# The district's municipalities and languages come from data migrations: restored after
# each journey's flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def secretary_club(journey_settings):
    club = ClubFactory("Kulturbrücke Düren e. V.")
    club.tenant.direct_publishing = True
    club.tenant.save()
    apply_publishing_mode(club.tenant)
    news_index(club)
    event_index(club)
    return club


def test_club_secretary(
    request, journey_browser, live_server, journey_report, viewport, secretary_club, tmp_path
):
    name, size = viewport
    club = secretary_club
    photo = tmp_path / "teestube.png"
    photo.write_bytes(image_file("teestube.png", size=(640, 480)).read())
    with new_page(journey_browser, viewport=size, locale="de-DE") as page:
        walk = Walk(
            page,
            journey="sekretaerin",
            viewport=name,
            report=journey_report,
            origin=live_server.url,
        )
        request.node.journey_walk = walk
        walk.login(club.editor.email, PASSWORD)

        # The profile: a new short description, published.
        page.get_by_role("link", name="Profil bearbeiten").first.click()
        walk.arrived("Profil bearbeiten")
        page.get_by_role("textbox", name="Kurzbeschreibung").fill(
            "Wir treffen uns jeden Freitag zum Teetrinken."
        )
        walk.publish("Profil veröffentlicht")
        page.locator(".messages").get_by_text(re.compile("veröffentlicht")).first.wait_for()

        # News with a photo uploaded from the chooser; the alt text is asked for.
        page.goto(walk.url("/admin/"))
        page.get_by_role("link", name="Neuigkeit schreiben").click()
        walk.arrived("Neuigkeit schreiben")
        page.locator("#id_title").fill("Teestube eröffnet")
        page.get_by_role("textbox", name="Anrisstext").fill("Ab sofort jeden Freitag offen.")
        page.get_by_role("button", name="Bild auswählen").click()
        modal = page.locator(".modal-dialog, [role='dialog']").last
        modal.get_by_role("tab", name="Hochladen").click()
        modal.locator("input[type='file']").set_input_files(str(photo))
        modal.get_by_label("Titel").fill("Teestube")
        modal.get_by_role("button", name="Hochladen").click()
        # Without an alt text the photo is refused, with the reason at the field.
        modal.get_by_text(
            re.compile("Dieses Feld ist erforderlich|Bitte beschreiben")
        ).first.wait_for()
        modal.locator("input[type='file']").set_input_files(str(photo))
        modal.get_by_label("Alternativtext").fill("Zwei Frauen schenken Tee aus einem Samowar aus")
        modal.get_by_role("button", name="Hochladen").click()
        page.locator(".modal-dialog").wait_for(state="detached")
        walk.publish("Neuigkeit veröffentlicht")
        page.locator(".messages").get_by_text(re.compile("veröffentlicht")).first.wait_for()
        assert_messages_clear_of_the_menu_button(page)

        # A weekly event, chosen in the repetition form instead of typed as RRULE.
        page.goto(walk.url("/admin/"))
        page.get_by_role("link", name="Veranstaltung eintragen").click()
        walk.arrived("Veranstaltung eintragen")
        page.locator("#id_title").fill("Teeabend")
        page.locator("#id_start").fill("2027-01-08 18:00")
        page.keyboard.press("Escape")
        page.get_by_label("Wie oft?").select_option(label="Jede Woche")
        page.get_by_label("Freitag").check()
        page.get_by_label("bis einschließlich").fill("2027-06-25")
        # A cancelled date that is not a Friday is named in the error; the form keeps it.
        page.get_by_label("Ausfallender Termin 1").fill("2027-01-16")
        walk.publish("Ausfall am falschen Tag")
        page.get_by_text(
            "An diesen Tagen hat die Wiederholung keinen Termin: 16.01.2027"
        ).wait_for()
        page.locator("[data-vn-exdates]").scroll_into_view_if_needed()
        page.screenshot(path=str(walk.shot_path("ausfall-fehler-am-feld")))
        page.get_by_label("Ausfallender Termin 1").fill("2027-01-15")
        walk.publish("Veranstaltung veröffentlicht")
        page.locator(".messages").get_by_text(re.compile("veröffentlicht")).first.wait_for()

        # The homepage, built at once, shows all of it.
        walk.goto(f"/vereine/{club.slug}/de/", "Homepage")
        page.get_by_text("Wir treffen uns jeden Freitag").first.wait_for()
        page.get_by_text("Teestube eröffnet").first.wait_for()
        page.get_by_text("Teeabend").first.wait_for()
        # The next dates leave the cancelled Friday out.
        assert page.locator("time[datetime^='2027-01-08T']").count() >= 1
        assert page.locator("time[datetime^='2027-01-15T']").count() == 0
        alt = page.locator("img[alt='Zwei Frauen schenken Tee aus einem Samowar aus']")
        assert alt.count() >= 1 and page.locator("img[alt='Teestube']").count() == 0
        # Visitors are told of the cancelled Friday: at the series' first date on the home
        # page, and on the event's own page.
        cancelled = "fällt aus am Freitag, 15. Januar 2027"
        page.locator(".event-cancelled", has_text=cancelled).first.wait_for()
        page.get_by_role("link", name="Teeabend").first.click()
        walk.arrived("Veranstaltung auf der Homepage")
        page.locator(".event-cancelled", has_text=cancelled).wait_for()

        # The ZIP of the homepage, from the dashboard.
        walk.goto("/admin/", "Dashboard")
        with page.expect_download() as download:
            page.get_by_role("link", name="Homepage als ZIP herunterladen").click()
        archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
        assert any(n.endswith("de/index.html") for n in archive.namelist())
        walk.assert_clean()


def assert_messages_clear_of_the_menu_button(page):
    """On a phone, Wagtail's menu button sits over the page's top-left corner, moved down by
    one message when there are messages: after publishing (two messages, the first wrapping)
    it covered the first words of the second. No line of the messages' text may lie under
    it."""
    toggle = page.locator(".sidebar-nav-toggle--mobile")
    if not toggle.is_visible():
        return
    page.wait_for_timeout(700)  # the messages slide in (Wagtail: 0.5 s)
    button = toggle.bounding_box()
    lines = page.locator(".messages li").evaluate_all(
        """items => items.flatMap(item => {
            const range = document.createRange();
            range.selectNodeContents(item);
            return Array.from(range.getClientRects()).map(r => [r.left, r.top, r.right, r.bottom]);
        })"""
    )
    assert len(lines) >= 2, lines
    right, bottom = button["x"] + button["width"], button["y"] + button["height"]
    covered = [
        line
        for line in lines
        if line[0] < right and line[2] > button["x"] and line[1] < bottom and line[3] > button["y"]
    ]
    assert not covered, (button, covered)
