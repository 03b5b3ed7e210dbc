from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import Room


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "home"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "location", "capacity", "step_free", "hourly_fee", "daily_fee"]


register_snippet(RoomViewSet)

admin_urls = [
    path("", views.booking_index, name="index"),
    path("anfragen/", views.request_room, name="request"),
    path("woche/", views.week, name="week"),
    path("export.csv", views.export_csv, name="export"),
    path("<int:pk>/stornieren/", views.cancel_booking, name="cancel"),
    path("<int:pk>/bestaetigen/", views.confirm_booking, name="confirm"),
    path("<int:pk>/ablehnen/", views.decline_booking, name="decline"),
    path("<int:pk>/gebuehr/", views.waive_fee, name="waive"),
]


@hooks.register("register_admin_urls")
def register_booking_urls():
    return [path("raumbuchungen/", include((admin_urls, "rooms_admin"), namespace="rooms_admin"))]


class BookingMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_use(request.user)


@hooks.register("register_admin_menu_item")
def register_booking_menu_item():
    return BookingMenuItem(
        _("Raumbuchungen"), reverse("rooms_admin:index"), icon_name="date", order=310
    )
