"""A due portal build waits while an admin request that may publish still runs
(cms/homepages/inflight.py), so that five editors clicking at once are one build without a
long fixed wait after the last commit."""

import datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.signals import page_published

from cms.homepages import inflight
from cms.homepages.models import RunningEdit, SiteBuild
from tests.factories import ClubFactory, news_index, news_page
from tests.tenancy.admin_forms import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    """The database queue, as deployed; the builds a request queues stay in the table."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HOMEPAGE_AUTO_REBUILD = True
    settings.PORTAL_AUTO_REBUILD = True


def running() -> int:
    return RunningEdit.objects.count()


def test_a_publish_through_the_admin_form_is_noted_while_it_runs(
    queue, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        club = ClubFactory("Kulturverein Anatolien e. V.")
        club.tenant.direct_publishing = True
        club.tenant.save()
        draft = news_page(news_index(club), "Sommerfest", publish=False)
    client.force_login(club.editor)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = page_form(club.editor, url, title="Sommerfest am Rursee")
    data["action-publish"] = "action-publish"
    seen = []

    def published(**kwargs):
        seen.append(running())

    page_published.connect(published)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
    finally:
        page_published.disconnect(published)
    assert response.status_code == 302
    assert seen == [1], "noted while Wagtail publishes"
    assert running() == 0, "forgotten when the request has ended"


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/admin/pages/"), ("post", "/api/v1/contact/"), ("post", "/vereine/")],
)
def test_only_admin_posts_are_noted(queue, method, path):
    seen = []
    middleware = inflight.RunningEditMiddleware(lambda request: seen.append(running()))
    middleware(getattr(RequestFactory(), method)(path))
    assert seen == [0]


def test_nothing_is_noted_when_no_worker_builds(settings):
    """The immediate backend (the tests' default) builds in the request: nobody waits."""
    settings.PORTAL_AUTO_REBUILD = True
    seen = []
    middleware = inflight.RunningEditMiddleware(lambda request: seen.append(running()))
    middleware(RequestFactory().post("/admin/pages/1/edit/"))
    assert seen == [0]


def test_a_request_that_fails_is_forgotten_too(queue):
    def fails(request):
        assert running() == 1
        raise RuntimeError("the view failed")

    with pytest.raises(RuntimeError):
        inflight.RunningEditMiddleware(fails)(RequestFactory().post("/admin/pages/1/edit/"))
    assert running() == 0


def test_a_database_error_while_noting_does_not_fail_the_request(queue, monkeypatch, caplog):
    from django.db import DatabaseError

    def locked(**kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(RunningEdit.objects, "create", locked)
    response = inflight.RunningEditMiddleware(lambda request: HttpResponse("ok"))(
        RequestFactory().post("/admin/pages/1/edit/")
    )
    assert response.content == b"ok"
    assert "Could not note a running admin request" in caplog.text


def test_the_worker_waits_while_an_admin_request_runs(queue, settings, monkeypatch):
    settings.PORTAL_BUILD_SETTLE = 0
    settings.PORTAL_BUILD_SETTLE_LIMIT = 60
    RunningEdit.objects.create(started_at=timezone.now())
    sleeps = []

    def request_ends(seconds):
        sleeps.append(seconds)
        RunningEdit.objects.all().delete()

    monkeypatch.setattr(inflight.time, "sleep", request_ends)
    inflight.wait_for_running_edits("portal", timezone.now())
    assert sleeps == [inflight.POLL], "waited until the request had ended, then built"


def test_the_wait_ends_at_the_limit_after_the_build_was_queued(queue, settings, monkeypatch):
    """An editor uploading a large photo, or a request whose worker hangs, delays the portal
    by ``PORTAL_BUILD_SETTLE_LIMIT`` at most, counted from when the build was queued."""
    settings.PORTAL_BUILD_SETTLE_LIMIT = 1.0
    RunningEdit.objects.create(started_at=timezone.now())
    monkeypatch.setattr(inflight.time, "sleep", lambda seconds: pytest.fail("waited"))
    queued = timezone.now() - datetime.timedelta(seconds=1.5)
    inflight.wait_for_running_edits("portal", queued)
    assert running() == 1, "the request still runs; the build goes ahead"


def test_a_request_left_behind_by_a_killed_process_does_not_count(queue, settings, monkeypatch):
    settings.PORTAL_BUILD_SETTLE = 0
    settings.PORTAL_BUILD_SETTLE_LIMIT = 60
    RunningEdit.objects.create(started_at=timezone.now() - inflight.STALE * 2)
    monkeypatch.setattr(inflight.time, "sleep", lambda seconds: pytest.fail("waited"))
    inflight.wait_for_running_edits("portal", timezone.now())
    assert running() == 0, "removed by the waiting worker"


def test_after_the_last_request_the_worker_waits_the_quiet_period(queue, settings, monkeypatch):
    """A publish that committed a moment ago: the build waits until ``PORTAL_BUILD_SETTLE``
    seconds have passed since, for a click that comes right after it."""
    settings.PORTAL_BUILD_SETTLE = 0.5
    settings.PORTAL_BUILD_SETTLE_LIMIT = 60
    now = timezone.now()
    SiteBuild.objects.create(site="portal", requested_at=now - datetime.timedelta(seconds=0.2))
    sleeps = []

    def quiet_period_over(seconds):
        sleeps.append(seconds)
        SiteBuild.objects.filter(site="portal").update(
            requested_at=timezone.now() - datetime.timedelta(seconds=1)
        )

    monkeypatch.setattr(inflight.time, "sleep", quiet_period_over)
    inflight.wait_for_running_edits("portal", now)
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 0.3
