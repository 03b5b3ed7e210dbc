"""The agency's *Website-Builds* page: every site's build state, failed ones first, the task
queue, with a button to build a site again; and the editors' *Ihre Websites* status list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .builds import enqueuer
from .models import BuildState, SiteBuild
from .progress import describe, progress, sites_of
from .status import request_build

BUILD_TASKS = ("cms.homepages.builds.rebuild_club_site", "cms.homepages.builds.rebuild_portal_site")


def site_status_context(user) -> dict:
    entries = progress(sites_of(user))
    return {"entries": entries, "pending": any(entry.pending for entry in entries)}


def site_status(request):
    """The *Ihre Websites* list as an HTML fragment, polled by the dashboard panel."""
    html = render_to_string(
        "homepages/admin/site_status_list.html", site_status_context(request.user), request
    )
    return HttpResponse(html)


def task_queue() -> dict:
    """The build tasks waiting, running and recently failed in the database queue."""
    tasks = DBTaskResult.objects.filter(task_path__in=BUILD_TASKS)
    return {
        "waiting": tasks.filter(status=TaskResultStatus.READY).order_by("run_after")[:50],
        "running": tasks.filter(status=TaskResultStatus.RUNNING).order_by("started_at")[:50],
        "failed": tasks.filter(status=TaskResultStatus.FAILED).order_by("-finished_at")[:20],
    }


@require_http_methods(["GET", "POST"])
def builds_report(request):
    if not request.user.has_perm("homepages.view_sitebuild"):
        raise PermissionDenied
    if request.method == "POST":
        site = request.POST.get("site", "")
        if SiteBuild.objects.filter(site=site).exists():
            request_build(site, enqueuer(site))
            build = SiteBuild.objects.get(site=site)
            if build.queued or build.building:
                messages.success(request, _("%(site)s wird neu gebaut.") % {"site": site})
            elif build.state == BuildState.OK:
                messages.success(request, _("%(site)s wurde neu gebaut.") % {"site": site})
            else:
                messages.error(
                    request,
                    _("%(site)s ließ sich wieder nicht bauen: %(error)s")
                    % {"site": site, "error": build.error},
                )
        else:
            messages.error(request, _("Diese Website gibt es nicht."))
        return redirect("homepages_builds")
    builds = list(SiteBuild.objects.all())
    for build in builds:
        build.progress, build.pending, _failed = describe(build)
    return TemplateResponse(
        request,
        "homepages/admin/builds.html",
        {
            "builds": builds,
            "failed": [b for b in builds if b.state == BuildState.FAILED],
            "queue": task_queue(),
        },
    )
