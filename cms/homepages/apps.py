from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core.preview import register_preview_renderer


class HomepagesConfig(AppConfig):
    name = "cms.homepages"
    label = "homepages"
    verbose_name = _("Homepages")

    def ready(self):
        from cms.ops.worker import register_housekeeping, register_warm_up

        from . import builds, signals  # noqa: F401
        from .preview import render_page_preview

        register_housekeeping(builds.recover_builds)
        register_warm_up(builds.warm_up)
        register_preview_renderer(render_page_preview)
