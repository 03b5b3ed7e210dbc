from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Room


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "home"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "location", "capacity", "step_free"]


register_snippet(RoomViewSet)
