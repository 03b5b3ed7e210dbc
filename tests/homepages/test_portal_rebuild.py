"""The portal is rebuilt after what it shows is published (once per transaction), and a
rebuild rewrites only the files that changed."""

import pytest
from django.core.management import call_command
from django.db import transaction

from cms.homepages import signals
from cms.homepages.builds import QueuedPortalRebuild
from cms.homepages.models import BuildState, SiteBuild
from cms.portal.models import PortalPage
from cms.taxonomy.models import Municipality
from sites.client import ApiClient
from sites.portal import build_portal
from tests.factories import (
    ClubFactory,
    agency_event_index,
    board_post,
    event_page,
    news_index,
    news_page,
)
from tests.locales import LOCALES

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal_auto_rebuild(settings):
    settings.PORTAL_AUTO_REBUILD = True


def queued_portal_rebuilds(callbacks) -> int:
    return sum(isinstance(callback, QueuedPortalRebuild) for callback in callbacks)


def test_publishing_a_club_and_its_news_queues_one_portal_rebuild(
    portal_auto_rebuild, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        club = ClubFactory("Elternverein Regenbogen e. V.")
        news_page(news_index(club), "Neues Spielangebot")
    assert queued_portal_rebuilds(callbacks) == 1


def test_no_portal_rebuild_when_switched_off(settings, django_capture_on_commit_callbacks):
    settings.PORTAL_AUTO_REBUILD = False
    with django_capture_on_commit_callbacks() as callbacks:
        ClubFactory()
    assert queued_portal_rebuilds(callbacks) == 0


def test_publishing_a_portal_page_rebuilds_the_portal(
    settings, portal_auto_rebuild, django_capture_on_commit_callbacks
):
    page = PortalPage.objects.get(page_role="impressum", locale__language_code="de")
    page.title = "Impressum des Kreisportals"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page.save_revision().publish()
    assert queued_portal_rebuilds(callbacks) == 1
    imprint = settings.SITE_BUILD_DIR / "portal" / "current" / "de" / "impressum" / "index.html"
    assert "Impressum des Kreisportals" in imprint.read_text()


def test_agency_events_and_board_posts_queue_portal_rebuilds(portal_auto_rebuild, monkeypatch):
    club = ClubFactory()
    index = agency_event_index()
    queued = []
    monkeypatch.setattr(
        signals, "queue_portal_rebuild", lambda changes=None: queued.append(changes)
    )
    event_page(index, "Austauschtreffen")
    assert queued == [None], "an agency event: every page"
    post = board_post(club.tenant, "Zwei Ehrenamtliche gesucht")
    post.hidden = True
    post.save()
    assert queued[1:] == [{"board:*"}, {"board:*"}], "a board post: the pages that read them"


def test_a_club_page_published_queues_its_profile_and_lists_not_every_page(
    portal_auto_rebuild, monkeypatch
):
    club = ClubFactory("Elternverein Regenbogen e. V.")
    queued = []
    monkeypatch.setattr(signals, "queue_portal_rebuild", lambda changes: queued.append(changes))
    club.short_description = "Spielgruppe und Elterncafé"
    club.save_revision().publish()
    slug = club.slug
    assert queued == [{f"club:{slug}", "clubs:*"}], "its profile and the list of all clubs"
    # A new name: its news items, events, projects, board posts and cooperations name it.
    everything = {f"club:{slug}", f"news:{slug}", f"events:{slug}", f"projects:{slug}"} | {
        "clubs:*",
        "news:*",
        "events:*",
        "projects:*",
        "board:*",
        "partners:*",
        "listing:*",
    }
    club.title = "Elternverein Regenbogen Düren e. V."
    club.save_revision().publish()
    assert queued[-1] == everything
    club.own_domain = "regenbogen-dueren.de"
    club.save_revision().publish()
    assert queued[-1] == everything, "a new address"
    club.municipality = Municipality.objects.get(name="Jülich")
    club.save_revision().publish()
    assert queued[-1] == everything, "its dates in the calendar's pages of another municipality"
    club.unpublish()
    assert queued[-1] == everything, "unpublished: its items leave the lists"


def test_moving_and_deleting_pages_the_portal_shows_queue_portal_rebuilds(
    portal_auto_rebuild, monkeypatch
):
    club = ClubFactory()
    other = ClubFactory()
    item = news_page(news_index(club), "Umzug")
    target = news_index(other)
    queued = []
    monkeypatch.setattr(signals, "queue_portal_rebuild", lambda changes: queued.append(changes))
    item.move(target, pos="last-child")
    assert queued == [None], "a move between clubs rebuilds every page"
    # Deleting a live page also unpublishes it: two signals, one rebuild per transaction
    # (the queue keeps one callback, see the first test).
    item.delete()
    after_delete = len(queued)
    assert after_delete > 1
    assert queued[-1] == {"news:*", f"news:{other.slug}"}, "a news item: its club's share"
    PortalPage.objects.get(page_role="impressum", locale__language_code="de").delete()
    assert len(queued) > after_delete


def test_one_club_changing_rewrites_only_the_pages_that_show_it(settings):
    locales = [LOCALES[0], LOCALES[3]]  # de, ar
    changed = ClubFactory("Kulturverein Anatolien e. V.", short_description="Wir tanzen.")
    ClubFactory("Sportverein Jülich e. V.", municipality_name="Jülich")
    root = settings.SITE_BUILD_DIR
    with ApiClient() as client:
        first = build_portal(client, root, locales=locales)
        again = build_portal(client, root, locales=locales)
        assert again.written == [], "an unchanged portal writes nothing"

        changed.short_description = "Wir tanzen und kochen zusammen."
        changed.save_revision().publish()
        report = build_portal(client, root, locales=locales)
    assert not report.errors, report.errors
    live = root / "portal" / "current"
    showing = {
        path.relative_to(live).as_posix()
        for path in live.rglob("*.html")
        if "Wir tanzen und kochen zusammen." in path.read_text()
    }
    written = {path for path in report.written if path.endswith(".html")}
    # Exactly the pages that show the new text are written, the home pages among them.
    assert {"de/index.html", "ar/index.html"} <= showing
    assert written == showing
    assert len(written) < len([p for p in first.written if p.endswith(".html")])
    # Besides pages, only the API reads kept for the next incremental build (.api/).
    assert not [p for p in report.written if not p.endswith(".html") and not p.startswith(".api/")]


def test_build_sites_command_builds_the_portal(settings, capsys):
    call_command("build_sites", portal=True)
    assert (settings.SITE_BUILD_DIR / "portal" / "current" / "ar" / "index.html").is_file()
    assert "portal:" in capsys.readouterr().out
    # The dashboard then says the portal is current, not "noch nicht gebaut".
    build = SiteBuild.objects.get(site="portal")
    assert build.state == BuildState.OK and build.up_to_date and build.last_success_at


def test_the_domain_names_the_listing_key_as_the_site_engine_does():
    from cms.portal import resource_keys
    from sites.engine import deps

    assert resource_keys.LISTING == deps.LISTING
