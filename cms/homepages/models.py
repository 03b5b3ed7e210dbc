"""The build state of each site: what was asked for, what is building, what is live, what
failed. One row per site coalesces publishing bursts into one build (cms/homepages/status.py)
and tells the editor and the agency how far their change has got."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BuildState(models.TextChoices):
    PENDING = "pending", _("Noch nicht gebaut")
    OK = "ok", _("Gebaut")
    FAILED = "failed", _("Fehlgeschlagen")


class SiteBuild(models.Model):
    """One site (``vereine/<slug>`` or ``portal``): its last build's outcome and the queue.

    Every change that concerns the site raises ``requested_version``; a build covers the
    version it saw when it started (``building_version``) and, once swapped in, records it as
    ``built_version``. ``queued`` is true while a build task waits to start, so a burst of
    publishes enqueues one task, and while a build runs at most one more waits."""

    site = models.CharField(_("Website"), max_length=200, unique=True)
    state = models.CharField(
        _("Zustand"), max_length=10, choices=BuildState.choices, default=BuildState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    error = models.TextField(_("Fehler"), blank=True)
    written = models.PositiveIntegerField(_("Geschriebene Dateien"), default=0)
    finished_at = models.DateTimeField(_("Zuletzt versucht"), auto_now=True)
    last_success_at = models.DateTimeField(_("Zuletzt erfolgreich"), null=True, blank=True)
    requested_version = models.PositiveBigIntegerField(_("Angeforderte Fassung"), default=0)
    requested_at = models.DateTimeField(_("Zuletzt angefordert"), null=True, blank=True)
    building_version = models.PositiveBigIntegerField(_("Fassung im Bau"), default=0)
    built_version = models.PositiveBigIntegerField(_("Gebaute Fassung"), default=0)
    queued = models.BooleanField(_("Wartet"), default=False)
    started_at = models.DateTimeField(_("Baut seit"), null=True, blank=True)
    # "<host>:<pid>" of the worker building it, so a killed worker's build is taken over.
    builder = models.CharField(_("Gebaut von"), max_length=200, blank=True)
    next_attempt_at = models.DateTimeField(_("Nächster Versuch"), null=True, blank=True)
    # What changed since the live release, for incremental builds (sites/engine/deps.py):
    # resource key → the requested_version that last named it ("*": everything). A successful
    # build removes the keys it covered; a failed or killed one leaves them for the next.
    changes = models.JSONField(_("Geänderte Inhalte"), default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("Website-Build")
        verbose_name_plural = _("Website-Builds")
        ordering = ["state", "site"]

    def __str__(self):
        return f"{self.site}: {self.get_state_display()}"

    @property
    def building(self) -> bool:
        return self.started_at is not None

    @property
    def up_to_date(self) -> bool:
        return self.built_version >= self.requested_version and not self.building


class RunningEdit(models.Model):
    """An admin request that may publish, while it runs (``cms.homepages.inflight``): a portal
    build that is due waits until it has ended, so that one build takes its publish too."""

    started_at = models.DateTimeField(_("Begonnen"), db_index=True)

    class Meta:
        verbose_name = _("Laufende Bearbeitung")
        verbose_name_plural = _("Laufende Bearbeitungen")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.started_at:%H:%M:%S}"
