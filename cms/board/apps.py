from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "cms.board"
    label = "board"
    verbose_name = _("Gesucht & Geboten")

    def ready(self):
        from cms.api.caching import invalidate_on_change

        from .models import BoardPost

        invalidate_on_change(BoardPost)
