"""Admin wiring of sign-ups: the "Anmeldungen" area for the agency and for club and partner
editors (each sees the events of their own organisation)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.core.access import tenants_of

from . import admin_views


@hooks.register("register_admin_urls")
def register_urls():
    patterns = [
        path("", admin_views.index, name="index"),
        path("<int:pk>/", admin_views.event_view, name="event"),
        path("<int:pk>/einrichten/", admin_views.options, name="options"),
        path("<int:pk>/anwesenheit/", admin_views.attendance, name="attendance"),
        path(
            "<int:pk>/abmelden/<int:signup_pk>/",
            admin_views.cancel_signup,
            name="cancel_signup",
        ),
        path("<int:pk>/teilnehmende.csv", admin_views.csv_download, name="csv"),
        path("<int:pk>/liste/", admin_views.print_view, name="print"),
    ]
    return [path("teilnehmerlisten/", include((patterns, "signups_admin")))]


class SignupsMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            request.user.has_perm("signups.view_all_signups") or tenants_of(request.user).exists()
        )


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return SignupsMenuItem(
        _("Teilnehmerlisten"),
        reverse("signups_admin:index"),
        icon_name="group",
        order=235,
    )
