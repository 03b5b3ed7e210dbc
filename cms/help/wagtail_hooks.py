from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import help_index


@hooks.register("register_admin_urls")
def help_admin_urls():
    return [path("hilfe/", help_index, name="vereinsnetz_help")]


@hooks.register("register_admin_menu_item")
def help_menu_item():
    return MenuItem(_("Hilfe"), reverse("vereinsnetz_help"), icon_name="help", order=10000)


@hooks.register("construct_main_menu")
def replace_wagtails_help(request, menu_items):
    """Wagtail's own „Hilfe“ leads to its English online guide; ours answers the clubs'
    questions in German."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]
