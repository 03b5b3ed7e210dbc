"""Admin wiring of the portal: the agency's "Rückmeldungen" (accessibility feedback), where it
reads what visitors reported and marks it done."""

import copy

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from .languages import ClubLanguagesView, PlatformLocalesView
from .models import Feedback


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "comment"
    menu_label = _("Rückmeldungen")
    menu_order = 215
    add_to_admin_menu = True
    url_prefix = "rueckmeldungen"
    name = "feedback"
    inspect_view_enabled = True
    list_filter = ["done"]
    search_fields = ["message", "name", "email", "page_url"]
    list_display = [
        "__str__",
        Column("page_url", label=_("Betroffene Seite")),
        "created_at",
        BooleanColumn("done", label=_("Erledigt")),
    ]
    # Visitors' words stay as sent; the agency only records its handling.
    panels = [
        FieldPanel("message", read_only=True),
        FieldPanel("page_url", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("locale", read_only=True),
        FieldPanel("done"),
        FieldPanel("note"),
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [FeedbackViewSet()]


@hooks.register("construct_main_menu")
def show_open_feedback_count(request, menu_items):
    # Menu items are named after their (German) label, so ours is found by its URL; they are
    # shared by all requests, so the counted label goes on a copy.
    open_count = Feedback.objects.filter(done=False).count()
    index_url = reverse("feedback:index")
    for position, item in enumerate(menu_items):
        if item.url == index_url and open_count:
            counted = copy.copy(item)
            counted.label = f"{item.label} ({open_count})"
            menu_items[position] = counted


class AgencyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("tenancy.view_reports")


@hooks.register("register_admin_urls")
def language_report_urls():
    return [
        path("sprachen/", PlatformLocalesView.as_view(), name="portal_locales"),
        path(
            "sprachen/results/",
            PlatformLocalesView.as_view(results_only=True),
            name="portal_locales_results",
        ),
        path("sprachen/vereine/", ClubLanguagesView.as_view(), name="portal_club_languages"),
        path(
            "sprachen/vereine/results/",
            ClubLanguagesView.as_view(results_only=True),
            name="portal_club_languages_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def platform_locales_menu_item():
    return AgencyMenuItem(
        _("Sprachen der Plattform"), reverse("portal_locales"), icon_name="globe", order=910
    )


@hooks.register("register_reports_menu_item")
def club_languages_menu_item():
    return AgencyMenuItem(
        _("Sprachen der Vereinshomepages"),
        reverse("portal_club_languages"),
        icon_name="globe",
        order=920,
    )
