from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "cms.ops"
    label = "ops"
    verbose_name = _("Betrieb")

    def ready(self):
        from .schedule import run_due_jobs
        from .worker import register_housekeeping

        register_housekeeping(run_due_jobs)
