"""Admin wiring of the board: the "Gesucht & Geboten" area and the dashboard panel that
suggests matches for an organisation's requests ("3 Angebote passen zu Ihrem Gesuch")."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms.core.access import tenants_of

from . import admin_views, services
from .models import BoardPost


@hooks.register("register_admin_urls")
def register_urls():
    patterns = [
        path("", admin_views.index, name="index"),
        path("neu/", admin_views.edit, name="add"),
        path("<int:pk>/", admin_views.post_view, name="post"),
        path("<int:pk>/bearbeiten/", admin_views.edit, name="edit"),
    ]
    return [path("gesucht-geboten/", include((patterns, "board_admin")))]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_use(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return BoardMenuItem(
        _("Gesucht & Geboten"), reverse("board_admin:index"), icon_name="pick", order=236
    )


class MatchesPanel(Component):
    name = "board_matches"
    template_name = "board/admin/panel.html"
    order = 70

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        own = BoardPost.objects.active().filter(tenant__in=tenants_of(self.user))[:10]
        rows = []
        for post in own:
            count = services.matches(post).count()
            if count:
                rows.append({"post": post, "count": count})
        return {"rows": rows}


@hooks.register("construct_homepage_panels")
def add_matches_panel(request, panels):
    if tenants_of(request.user).exists():
        panels.append(MatchesPanel(request.user))
