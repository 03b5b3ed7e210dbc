"""The state of each built site, so the agency sees in the admin which builds failed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BuildState(models.TextChoices):
    OK = "ok", _("Gebaut")
    FAILED = "failed", _("Fehlgeschlagen")


class SiteBuild(models.Model):
    """The latest build of one site (``vereine/<slug>`` or ``portal``)."""

    site = models.CharField(_("Website"), max_length=200, unique=True)
    state = models.CharField(_("Zustand"), max_length=10, choices=BuildState.choices)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=1)
    error = models.TextField(_("Fehler"), blank=True)
    written = models.PositiveIntegerField(_("Geschriebene Dateien"), default=0)
    finished_at = models.DateTimeField(_("Zuletzt versucht"), auto_now=True)
    last_success_at = models.DateTimeField(_("Zuletzt erfolgreich"), null=True, blank=True)

    class Meta:
        verbose_name = _("Website-Build")
        verbose_name_plural = _("Website-Builds")
        ordering = ["state", "site"]

    def __str__(self):
        return f"{self.site}: {self.get_state_display()}"
