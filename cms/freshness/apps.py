from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.clubs.contributions import register_club_annotation
from cms.core.caching import invalidate_on_change


class FreshnessConfig(AppConfig):
    name = "cms.freshness"
    label = "freshness"
    verbose_name = _("Aktualität der Vereinsprofile")

    def ready(self):

        from .models import ProfileConfirmation
        from .selection import last_confirmed, unconfirmed

        invalidate_on_change(ProfileConfirmation)
        register_club_annotation("profile_confirmed_at", last_confirmed)
        register_club_annotation("profile_unconfirmed", lambda: unconfirmed("profile_confirmed_at"))
