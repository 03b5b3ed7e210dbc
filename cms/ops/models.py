"""When each periodic job last ran, so that several workers start it once per period."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    name = models.CharField(_("Aufgabe"), max_length=100, unique=True)
    last_run_at = models.DateTimeField(_("Zuletzt fällig"))

    class Meta:
        verbose_name = _("Geplante Aufgabe")
        verbose_name_plural = _("Geplante Aufgaben")

    def __str__(self):
        return self.name
