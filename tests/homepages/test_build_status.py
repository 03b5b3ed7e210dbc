"""A failing homepage build is retried, recorded and shown to the agency, which can start it
again; the live site stays as it was."""

import pytest
from django.urls import reverse

from cms.homepages import builds
from cms.homepages.builds import rebuild_club_site
from cms.homepages.models import BuildState, SiteBuild
from sites.engine.builder import BuildReport
from tests.factories import ClubFactory


@pytest.fixture
def club(db):
    return ClubFactory("Anadolu Kulturverein e. V.")


def flaky(monkeypatch, failures: int):
    """Make the next ``failures`` builds raise, then build for real."""
    real = builds.build_club
    calls = {"n": 0}

    def build(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] <= failures:
            raise OSError("Kein Platz mehr auf dem Gerät")
        return real(*args, **kwargs)

    monkeypatch.setattr(builds, "build_club", build)
    return calls


def test_a_build_that_fails_twice_is_retried_and_succeeds(club, monkeypatch, settings):
    flaky(monkeypatch, failures=2)
    rebuild_club_site.enqueue(club.slug)
    build = SiteBuild.objects.get(site=f"vereine/{club.slug}")
    assert build.state == BuildState.OK
    assert build.attempts == 3
    assert build.last_success_at is not None
    assert (settings.SITE_BUILD_DIR / "vereine" / club.slug / "current/de/index.html").is_file()


def test_a_build_that_keeps_failing_is_reported_and_the_live_site_stays(
    club, monkeypatch, settings, client, agency_user
):
    rebuild_club_site.enqueue(club.slug)
    live = settings.SITE_BUILD_DIR / "vereine" / club.slug / "current"
    before = live.resolve()

    calls = flaky(monkeypatch, failures=99)
    rebuild_club_site.enqueue(club.slug)
    assert calls["n"] == 1 + len(settings.SITE_BUILD_RETRY_DELAYS)
    build = SiteBuild.objects.get(site=f"vereine/{club.slug}")
    assert build.state == BuildState.FAILED
    assert "Kein Platz" in build.error
    assert live.resolve() == before and (live / "de/index.html").is_file()

    client.force_login(agency_user)
    page = client.get(reverse("homepages_builds")).content.decode()
    assert f"vereine/{club.slug}" in page and "Kein Platz" in page
    assert "Website-Builds (1)" in client.get(reverse("wagtailadmin_home")).content.decode()

    monkeypatch.undo()  # the disk has been cleared: the agency builds again
    response = client.post(reverse("homepages_builds"), {"site": f"vereine/{club.slug}"})
    assert response.status_code == 302
    build.refresh_from_db()
    assert build.state == BuildState.OK and not build.error


def test_only_the_agency_sees_the_builds(club, client):
    client.force_login(club.editor)
    response = client.get(reverse("homepages_builds"))
    # Wagtail's permission denial: back to the dashboard with a message.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert client.post(reverse("homepages_builds"), {"site": f"vereine/{club.slug}"}).url == (
        reverse("wagtailadmin_home")
    )
    assert not SiteBuild.objects.exists()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("homepages_builds") not in home


def test_an_unknown_site_is_refused_without_error(club, client, agency_user):
    client.force_login(agency_user)
    response = client.post(reverse("homepages_builds"), {"site": "../../etc"}, follow=True)
    assert response.status_code == 200
    assert "Diese Website gibt es nicht." in response.content.decode()


def test_the_changes_of_a_build_are_kept_until_a_build_covering_them_succeeds(db, monkeypatch):
    """Incremental builds (sites/engine/deps.py) learn what changed from the row: a failed
    build leaves the keys for its retry; a success removes only those of the versions it
    covered; a request without keys means everything."""
    from cms.homepages import status

    monkeypatch.setattr(status, "queue_in_database", lambda: True)  # enqueue, don't build
    queued = []
    status.request_build("portal", queued.append, {"news:*", "news:a"})
    status.request_build("portal", queued.append, {"events:*", "events:b"})
    assert len(queued) == 1, "coalesced"
    assert status.pending_changes("portal") == {"news:*", "news:a", "events:*", "events:b"}

    claim = status.claim_build("portal", queued.append)
    status.failed(claim, OSError("voll"), 1, queued.append)
    assert status.pending_changes("portal") == {"news:*", "news:a", "events:*", "events:b"}

    claim = status.claim_build("portal", queued.append)
    status.request_build("portal", queued.append, {"news:*", "news:c"})  # during the build
    status.succeeded(claim, BuildReport("portal"), 1, queued.append)
    assert status.pending_changes("portal") == {"news:*", "news:c"}

    status.request_build("portal", queued.append)
    assert status.pending_changes("portal") is None, "a change of anything: a full build"


def test_a_portal_build_waits_a_moment_for_the_rest_of_a_burst(
    db, monkeypatch, settings, django_capture_on_commit_callbacks
):
    """Five editors clicking at once commit within half a second of each other: a worker free
    at the first commit would build the portal for that one and then again for the other four.
    The portal's task waits ``PORTAL_BUILD_SETTLE`` seconds (in the database queue), so the
    publishes meanwhile join it; a homepage's build starts at once."""
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from cms.homepages import status

    monkeypatch.setattr(status, "queue_in_database", lambda: True)
    requested = []
    monkeypatch.setattr(
        builds, "enqueue_build", lambda site, run_after: requested.append((site, run_after))
    )
    settings.PORTAL_BUILD_SETTLE = 0.5
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        builds.queue_portal_rebuild({"news:*", "news:a"})
        builds.queue_club_rebuild("a")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        builds.queue_portal_rebuild({"news:*", "news:b"})  # the next editor: joins the wait
    after = timezone.now()
    assert [site for site, _when in requested] == ["portal", "vereine/a"]
    portal, club = (when for _site, when in requested)
    assert club is None
    settle = datetime.timedelta(seconds=0.5)
    assert before + settle <= portal <= after + settle
    assert status.pending_changes("portal") == {"news:*", "news:a", "news:b"}
