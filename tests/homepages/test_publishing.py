"""Publishing only enqueues: the admin's publish, the agency's *Freigeben*, unpublishing, moving
and deleting request builds after commit and build nothing themselves; a burst of publishes is
one build per site; the editor is told how far the sites are."""

import subprocess

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import WorkflowState

from cms.homepages import builds, status
from cms.homepages.models import BuildState, SiteBuild
from sites.engine.builder import BuildReport
from tests.factories import AgencyUserFactory, ClubFactory, news_index, news_page
from tests.tenancy.admin_forms import page_form

pytestmark = pytest.mark.django_db

CLUB_TASK = "cms.homepages.builds.rebuild_club_site"
PORTAL_TASK = "cms.homepages.builds.rebuild_portal_site"


@pytest.fixture
def queue(settings, monkeypatch):
    """The database queue with no worker: what a request enqueues stays in the table, and
    any build run in the test process fails the test."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HOMEPAGE_AUTO_REBUILD = True
    settings.PORTAL_AUTO_REBUILD = True

    def no_building(*args, **kwargs):
        raise AssertionError("a site was built inside the request")

    monkeypatch.setattr(builds, "build_club", no_building)
    monkeypatch.setattr(builds, "build_portal", no_building)


def build_tasks() -> list[tuple[str, list]]:
    return sorted(
        (task.task_path, task.args_kwargs["args"])
        for task in DBTaskResult.objects.filter(task_path__in=[CLUB_TASK, PORTAL_TASK])
    )


def forget_tasks():
    DBTaskResult.objects.all().delete()
    SiteBuild.objects.update(queued=False)


@pytest.fixture
def trusted_club(db, django_capture_on_commit_callbacks):
    # Run the callbacks now: a rebuild request left waiting would absorb the test's own ones
    # (one request per site and transaction, cms/homepages/builds.py).
    with django_capture_on_commit_callbacks(execute=True):
        club = ClubFactory("Kulturverein Anatolien e. V.")
        club.tenant.direct_publishing = True
        club.tenant.save()
    return club


def test_a_publish_request_enqueues_one_build_per_site_and_builds_nothing(
    queue, trusted_club, client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = news_page(news_index(trusted_club), "Sommerfest", publish=False)
    forget_tasks()
    client.force_login(trusted_club.editor)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = page_form(trusted_club.editor, url, title="Sommerfest am Rursee")
    data["action-publish"] = "action-publish"
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(url, data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.title == "Sommerfest am Rursee"
    assert build_tasks() == [(CLUB_TASK, [trusted_club.slug]), (PORTAL_TASK, [])]
    assert not (settings.SITE_BUILD_DIR / "portal").exists()
    # What the request adds to Wagtail's publish: per site, lock the build row, raise its
    # version, insert the task.
    build_queries = [
        q["sql"]
        for q in queries.captured_queries
        if "homepages_sitebuild" in q["sql"] or "homepages.builds.rebuild_" in q["sql"]
    ]
    assert len(build_queries) == 2 * 3, "\n".join(q[:150] for q in build_queries)
    page = client.get(response.url).content.decode()
    assert "in wenigen Sekunden online" in page
    assert "Homepage: wird aktualisiert" in page and "Kreisportal: wird aktualisiert" in page


def test_the_editor_is_told_in_the_admin_language_of_the_account(
    queue, trusted_club, client, django_capture_on_commit_callbacks
):
    """The messages are made after Wagtail's view, which speaks the account's language only
    inside: an editor whose admin speaks Arabic was told in German."""
    from wagtail.users.models import UserProfile

    with django_capture_on_commit_callbacks(execute=True):
        draft = news_page(news_index(trusted_club), "Sommerfest", publish=False)
    forget_tasks()
    profile = UserProfile.get_for_user(trusted_club.editor)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(trusted_club.editor)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = page_form(trusted_club.editor, url, title="Sommerfest am Rursee")
    data["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    page = client.get(response.url).content.decode()
    assert "سيظهر التغيير على الإنترنت خلال ثوانٍ" in page
    assert "in wenigen Sekunden online" not in page


def test_a_burst_of_publishes_is_one_build_per_site(
    queue, trusted_club, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        index = news_index(trusted_club)
    forget_tasks()
    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            news_page(index, f"Nachricht {number}")
    assert build_tasks() == [(CLUB_TASK, [trusted_club.slug]), (PORTAL_TASK, [])]
    portal = SiteBuild.objects.get(site="portal")
    assert portal.queued and portal.requested_version >= 5


def test_the_portal_waits_for_the_burst_then_goes_before_the_homepages_and_wagtails_tasks(
    queue, trusted_club, settings, django_capture_on_commit_callbacks
):
    """The portal build waits ``PORTAL_BUILD_SETTLE`` seconds for the rest of a burst (so it
    takes all of its publishes in one build), in which the workers build the homepages. Once
    due it is the next task a worker takes, before the homepages still waiting: it is the
    longest build, and everybody's change waits for it."""
    import datetime

    from django.utils import timezone

    settings.PORTAL_BUILD_SETTLE = 30  # a slow test machine does not outlast the wait
    with django_capture_on_commit_callbacks(execute=True):
        index = news_index(trusted_club)
    forget_tasks()
    with django_capture_on_commit_callbacks(execute=True):
        news_page(index, "Sommerfest")
    ready = [task.task_path for task in DBTaskResult.objects.ready()]  # the workers' order
    assert ready[0] == CLUB_TASK
    assert PORTAL_TASK not in ready, "the portal waits for the rest of a burst"
    assert len(ready) > 1, "Wagtail's own tasks are queued too"
    portal = DBTaskResult.objects.get(task_path=PORTAL_TASK, status="READY")
    assert portal.run_after > portal.enqueued_at

    # The settle is over and no worker has taken the homepage's build yet.
    DBTaskResult.objects.filter(pk=portal.pk).update(
        run_after=timezone.now() - datetime.timedelta(seconds=1)
    )
    ready = [task.task_path for task in DBTaskResult.objects.ready()]
    assert ready[0] == PORTAL_TASK
    assert ready[1] == CLUB_TASK
    assert ready[2:] and PORTAL_TASK not in ready[2:] and CLUB_TASK not in ready[2:], (
        "Wagtail's tasks come last"
    )


def test_each_publish_of_a_burst_puts_the_waiting_portal_build_off_up_to_a_limit(
    queue, trusted_club, settings, django_capture_on_commit_callbacks
):
    """The portal's build starts ``PORTAL_BUILD_SETTLE`` seconds after the last request of a
    burst, not the first (an editor publishing alone waits that long, not a fixed half
    second; five at once are one build), and never later than ``PORTAL_BUILD_SETTLE_LIMIT``
    after it was queued. A build a worker took already is left alone."""
    import datetime

    from django.utils import timezone

    settings.PORTAL_BUILD_SETTLE = 0.2
    settings.PORTAL_BUILD_SETTLE_LIMIT = 1.0
    settle = datetime.timedelta(seconds=0.2)
    with django_capture_on_commit_callbacks(execute=True):
        index = news_index(trusted_club)
    forget_tasks()

    def publish(title):
        with django_capture_on_commit_callbacks(execute=True):
            news_page(index, title)
        return DBTaskResult.objects.get(task_path=PORTAL_TASK)

    first = publish("Erste")
    assert first.run_after - first.enqueued_at <= settle + datetime.timedelta(seconds=0.1)
    before = timezone.now()
    second = publish("Zweite")
    assert second.pk == first.pk, "one build for the burst"
    assert second.run_after >= before + settle > first.run_after

    # Queued long ago (an import publishing page after page): no later than the limit.
    DBTaskResult.objects.filter(pk=first.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(seconds=5)
    )
    third = publish("Dritte")
    assert third.run_after == second.run_after

    # Taken by a worker: not touched.
    DBTaskResult.objects.filter(pk=first.pk).update(
        status="RUNNING", enqueued_at=timezone.now(), run_after=timezone.now()
    )
    running = DBTaskResult.objects.get(pk=first.pk)
    assert publish("Vierte").run_after == running.run_after


def test_unpublish_move_and_delete_only_enqueue(queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        club, other = ClubFactory(), ClubFactory()
        item = news_page(news_index(club), "Umzug")
        target = news_index(other)
    for change in (
        item.unpublish,
        lambda: item.move(target, pos="last-child"),
        item.delete,
    ):
        forget_tasks()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        sites = {path for path, _args in build_tasks()}
        assert sites == {CLUB_TASK, PORTAL_TASK}, change


def test_the_agencys_approval_names_page_and_club_and_only_enqueues(
    queue, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        club = ClubFactory("Elternverein Regenbogen e. V.")  # not trusted: needs approval
        draft = news_page(news_index(club), "Laternenumzug", publish=False)
        client.force_login(club.editor)
        url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
        data = page_form(club.editor, url)
        data["action-submit"] = "action-submit"
        assert client.post(url, data).status_code == 302
    task_state = WorkflowState.objects.active().get(object_id=str(draft.pk)).current_task_state
    forget_tasks()

    client.force_login(AgencyUserFactory())
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve, {"next": reverse("wagtailadmin_home")})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert build_tasks() == [(CLUB_TASK, [club.slug]), (PORTAL_TASK, [])]
    home = client.get(response.url).content.decode()
    assert "„Laternenumzug“ von Elternverein Regenbogen e. V. ist freigegeben" in home
    assert "in wenigen Sekunden online" in home


def test_a_build_of_a_site_another_worker_builds_waits_its_turn(queue):
    """A second worker that finds the site building leaves it to the running build, which
    queues the next build the moment it ends (not a task that looks again a second later)."""
    enqueued = []
    status.request_build("portal", enqueued.append)
    running = status.claim_build("portal", enqueued.append)
    status.SiteBuild.objects.filter(site="portal").update(builder="anderer-rechner:4242")
    status.request_build("portal", enqueued.append)  # published while building
    assert len(enqueued) == 2
    assert status.claim_build("portal", enqueued.append) is None  # the second worker
    assert len(enqueued) == 2 and not SiteBuild.objects.get(site="portal").queued
    status.succeeded(running, BuildReport(site="portal"), 1, enqueued.append)
    assert enqueued[2:] == [None]  # at once
    row = SiteBuild.objects.get(site="portal")
    assert row.queued and row.built_version == 1 and row.requested_version == 2


def test_a_change_during_a_build_queues_one_more_build(queue):
    enqueued = []
    status.request_build("portal", enqueued.append)
    claim = status.claim_build("portal", enqueued.append)
    status.request_build("portal", enqueued.append)  # published while building
    status.request_build("portal", enqueued.append)
    assert len(enqueued) == 2, "one build runs, one waits"
    status.succeeded(claim, BuildReport(site="portal"), 1, enqueued.append)
    row = SiteBuild.objects.get(site="portal")
    assert row.built_version == 1 and row.requested_version == 3
    assert row.queued and not row.building and len(enqueued) == 2


def test_a_build_whose_worker_died_is_queued_again(queue):
    finished = subprocess.Popen(["true"])  # noqa: S607 - a process that has ended
    finished.wait()
    dead = f"{status.socket.gethostname()}:{finished.pid}"
    SiteBuild.objects.create(
        site="portal", started_at=status.timezone.now(), builder=dead, requested_version=2
    )
    assert builds.recover_builds() == ["portal"]
    row = SiteBuild.objects.get(site="portal")
    assert row.queued and not row.building and row.state == BuildState.FAILED
    assert build_tasks() == [(PORTAL_TASK, [])]
    assert builds.recover_builds() == []


def test_a_requested_build_whose_task_is_gone_is_queued_again(
    queue, trusted_club, django_capture_on_commit_callbacks
):
    """Task rows deleted by hand (or a restored database): the rows still say a build
    waits, so no later publish would enqueue one; the housekeeping does, once the request is
    older than a minute, and only for the sites without a waiting task."""
    import datetime

    with django_capture_on_commit_callbacks(execute=True):
        news_page(news_index(trusted_club), "Sommerfest")
    forget_tasks()
    SiteBuild.objects.update(queued=True)  # what the rows said before the tasks were deleted
    assert builds.recover_builds() == []  # a request of seconds ago: its task may be coming
    earlier = status.timezone.now() - status.LOST_AFTER - datetime.timedelta(seconds=1)
    SiteBuild.objects.update(requested_at=earlier)
    club_site = f"vereine/{trusted_club.slug}"
    builds.enqueue_build(club_site)  # this one still has its task
    assert builds.recover_builds() == ["portal"]
    assert build_tasks() == [(CLUB_TASK, [trusted_club.slug]), (PORTAL_TASK, [])]
    assert builds.recover_builds() == []  # the task waits now
    # A build that runs is not requeued: it queues the next one itself when it ends.
    forget_tasks()
    SiteBuild.objects.update(queued=True, started_at=earlier, builder=status.this_builder())
    assert status.requeue_lost_requests(builds.enqueue_build, builds.sites_with_waiting_tasks) == []


def test_the_dashboard_shows_each_sites_state(trusted_club, client):
    site = f"vereine/{trusted_club.slug}"
    SiteBuild.objects.create(
        site=site, state=BuildState.OK, built_version=1, requested_version=2, queued=True
    )
    SiteBuild.objects.create(
        site="portal",
        state=BuildState.FAILED,
        next_attempt_at=status.timezone.now().replace(hour=21, minute=5),
    )
    client.force_login(trusted_club.editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ihre Websites" in home
    assert "Homepage von Kulturverein Anatolien e. V.:</strong> wird aktualisiert" in home
    assert "Kreisportal:</strong> <span" in home and "Fehler – neuer Versuch um" in home

    SiteBuild.objects.filter(site=site).update(built_version=2, queued=False)
    SiteBuild.objects.filter(site=site).update(last_success_at=status.timezone.now())
    fragment = client.get(reverse("homepages_status")).content.decode()
    assert "aktuell (seit" in fragment and "wird aktualisiert" not in fragment


def test_the_site_list_keeps_its_list_role_inside_a_lasting_live_region(trusted_club, client):
    """axe (listitem): a ``<ul role="status">`` is no list any more, its items are orphans.
    The live region is the panel's content, which stays while the polling swaps the list."""
    client.force_login(trusted_club.editor)
    home = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    site_list = home.select_one("[data-site-status] ul.site-status")
    assert site_list is not None and not site_list.has_attr("role")
    region = site_list.find_parent(attrs={"role": "status"})
    assert region is not None and "w-panel__content" in region["class"]
    assert region["aria-live"] == "polite"
    fragment = BeautifulSoup(client.get(reverse("homepages_status")).content, "html.parser")
    assert fragment.select("ul.site-status > li") and not fragment.select("[role]")


def test_the_default_task_backend_is_the_database_queue(monkeypatch):
    import importlib

    import cms.settings.base

    monkeypatch.delenv("TASKS_BACKEND", raising=False)
    base = importlib.reload(cms.settings.base)
    assert base.TASKS["default"]["BACKEND"] == "cms.ops.tasks.DatabaseBackend"
    if base.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        options = base.DATABASES["default"]["OPTIONS"]
        assert "journal_mode=WAL" in options["init_command"] and options["timeout"] >= 5
