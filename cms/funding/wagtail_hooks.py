from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.access import club_tenants_of

from .dashboard import MatchingProgrammesPanel
from .models import FundingProgramme


def choosable(request, programmes):
    """Editors may open the chooser (Wagtail lets every admin user), but see what the API shows:
    active programmes only. Inactive ones are the agency's drafts."""
    return (
        programmes
        if request.user.has_perm("funding.change_fundingprogramme")
        else programmes.filter(active=True)
    )


class ChooseView(chooser.ChooseView):
    def get_object_list(self):
        return choosable(self.request, super().get_object_list())


class ChooseResultsView(chooser.ChooseResultsView):
    def get_object_list(self):
        return choosable(self.request, super().get_object_list())


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return choosable(self.request, FundingProgramme.objects.all()).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable(self.request, super().get_objects(pks))


class FundingProgrammeChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    chooser_viewset_class = FundingProgrammeChooserViewSet
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
        panels.append(MatchingProgrammesPanel(request))
