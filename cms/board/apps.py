from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core.caching import invalidate_on_change


class BoardConfig(AppConfig):
    name = "cms.board"
    label = "board"
    verbose_name = _("Gesucht & Geboten")

    def ready(self):

        from .models import BoardPost

        invalidate_on_change(BoardPost)
