from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomepagesConfig(AppConfig):
    name = "cms.homepages"
    label = "homepages"
    verbose_name = _("Homepages")

    def ready(self):
        from cms.ops.worker import register_housekeeping

        from . import builds, signals  # noqa: F401

        register_housekeeping(builds.recover_builds)
