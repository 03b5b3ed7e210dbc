"""The agency's *Website-Builds* page: every built site's last build, failed ones first, with
a button to build a site again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.tenancy.provisioning import is_agency

from .builds import enqueuer
from .models import BuildState, SiteBuild
from .status import request_build


@require_http_methods(["GET", "POST"])
def builds_report(request):
    if not is_agency(request.user):
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
    builds = SiteBuild.objects.all()
    return TemplateResponse(
        request,
        "homepages/admin/builds.html",
        {
            "builds": builds,
            "failed": [b for b in builds if b.state == BuildState.FAILED],
        },
    )
