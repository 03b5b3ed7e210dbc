from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.tenancy.provisioning import club_tenants_of

from .dashboard import MatchingProgrammesPanel
from .models import FundingProgramme


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "tasks"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "funder", "max_amount", "active", "updated_at"]
    list_filter = ["active", "focus_areas", "municipalities"]
    search_fields = ["title", "funder", "summary"]


register_snippet(FundingProgrammeViewSet)


@hooks.register("construct_homepage_panels")
def add_matching_programmes_panel(request, panels):
    if club_tenants_of(request.user).exists():
        panels.append(MatchingProgrammesPanel(request.user))
