"""The task backend holds background work back (``BACKGROUND_TASK_DELAY``): what a publish
queues for Wagtail's search and reference index waits until the builds that bring the change
online have had the cores; the builds, and anything that names its own start, do not wait."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.tasks import update_reference_index_task

from cms.homepages.builds import rebuild_club_site
from cms.homepages.models import SiteBuild
from cms.ops.tasks import DatabaseBackend
from tests.factories import ClubFactory, news_index, news_page
from tests.tenancy.admin_forms import page_form

pytestmark = pytest.mark.django_db

BUILDS = ("cms.homepages.builds.rebuild_club_site", "cms.homepages.builds.rebuild_portal_site")


@pytest.fixture
def queue(settings):
    """The installation's default queue, with no worker: enqueued tasks stay in the table."""
    settings.TASKS = {"default": {"BACKEND": "cms.ops.tasks.DatabaseBackend"}}
    settings.BACKGROUND_TASK_DELAY = 2
    assert isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def start(row: DBTaskResult) -> datetime.datetime | None:
    """When the task may run (None: as soon as a worker is free; django-tasks-db stores that
    as the largest date)."""
    return None if row.run_after == get_date_max() else row.run_after


def waits(row: DBTaskResult, before: datetime.datetime) -> datetime.timedelta | None:
    return None if start(row) is None else start(row) - before


def test_background_work_waits_and_builds_do_not(queue):
    before = timezone.now()
    held = update_reference_index_task.enqueue("wagtailcore", "page", 1)
    build = rebuild_club_site.enqueue("kulturverein")
    held_row = DBTaskResult.objects.get(pk=held.id)
    assert datetime.timedelta(seconds=2) <= waits(held_row, before) < datetime.timedelta(seconds=3)
    assert held_row.status == "READY" and held_row.priority == 0
    assert start(DBTaskResult.objects.get(pk=build.id)) is None


def test_a_task_with_its_own_start_keeps_it(queue):
    later = timezone.now() + datetime.timedelta(minutes=10)
    result = update_reference_index_task.using(run_after=later).enqueue("wagtailcore", "page", 1)
    assert start(DBTaskResult.objects.get(pk=result.id)) == later


def test_a_delay_of_zero_queues_everything_at_once(queue, settings):
    settings.BACKGROUND_TASK_DELAY = 0
    result = update_reference_index_task.enqueue("wagtailcore", "page", 1)
    assert start(DBTaskResult.objects.get(pk=result.id)) is None


def test_a_publish_in_the_admin_queues_its_builds_now_and_wagtails_bookkeeping_later(
    queue, settings, client, django_capture_on_commit_callbacks
):
    settings.HOMEPAGE_AUTO_REBUILD = settings.PORTAL_AUTO_REBUILD = True
    with django_capture_on_commit_callbacks(execute=True):
        club = ClubFactory("Kulturverein Anatolien e. V.")
        club.tenant.direct_publishing = True
        club.tenant.save()
        draft = news_page(news_index(club), "Sommerfest", publish=False)
    # The club's first builds, queued when it was made, are forgotten: the publish's own
    # requests are what is looked at.
    DBTaskResult.objects.all().delete()
    SiteBuild.objects.update(queued=False)
    client.force_login(club.editor)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = page_form(club.editor, url, title="Sommerfest am Rursee")
    data["action-publish"] = "action-publish"
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    rows = list(DBTaskResult.objects.all())
    builds = [row for row in rows if row.task_path in BUILDS]
    background = [row for row in rows if row.task_path not in BUILDS]
    assert {row.task_path for row in builds} == set(BUILDS)
    # The homepage's build is ready at once, the portal's after its short settle
    # (``PORTAL_BUILD_SETTLE``): both before any of the background work.
    build_starts = [start(row) or before for row in builds]
    # Wagtail's search and reference index, each held back by the delay.
    assert {row.task_path for row in background} >= {
        "wagtail.tasks.update_reference_index_task",
        "modelsearch.tasks.insert_or_update_object_task",
    }
    assert all(waits(row, before) >= datetime.timedelta(seconds=2) for row in background)
    assert max(build_starts) < min(start(row) for row in background)
