"""The network board "Gesucht & Geboten": clubs and partner organisations offer and ask for
volunteers, rooms, equipment, know-how, mentoring and interpreting. A post belongs to a tenant
(its editors see and edit it and the answers to it); answers are relayed by mail, so no
address is ever shown."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BoardKind(models.TextChoices):
    VOLUNTEERS = "volunteers", _("Ehrenamtliche")
    ROOMS = "rooms", _("Räume")
    EQUIPMENT = "equipment", _("Ausstattung")
    KNOWHOW = "knowhow", _("Wissen und Schulung")
    MENTORING = "mentoring", _("Mentoring")
    INTERPRETING = "interpreting", _("Dolmetschen")


class BoardDirection(models.TextChoices):
    OFFER = "offer", _("Geboten")
    REQUEST = "request", _("Gesucht")


class BoardPostQuerySet(models.QuerySet):
    def active(self, today=None):
        """Visible on the board: not hidden by the agency and not expired."""
        today = today or timezone.localdate()
        return self.filter(hidden=False, expires_on__gte=today).filter(
            Q(end__isnull=True) | Q(end__gte=today)
        )


class BoardPost(models.Model):
    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="board_posts",
    )
    direction = models.CharField(_("Art"), max_length=10, choices=BoardDirection.choices)
    kind = models.CharField(_("Worum geht es?"), max_length=20, choices=BoardKind.choices)
    title = models.CharField(_("Titel"), max_length=120)
    description = models.TextField(_("Beschreibung"), max_length=2000)
    languages = models.ManyToManyField(
        "taxonomy.Language", verbose_name=_("Sprachen"), blank=True, related_name="+"
    )
    skills = models.CharField(_("Fähigkeiten"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("Gemeinde"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    start = models.DateField(_("ab"), null=True, blank=True)
    end = models.DateField(_("bis"), null=True, blank=True)
    expires_on = models.DateField(
        _("sichtbar bis"), help_text=_("Danach verschwindet der Eintrag von selbst.")
    )
    hidden = models.BooleanField(_("von der Integrationsagentur ausgeblendet"), default=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("eingetragen am"), auto_now_add=True)

    objects = BoardPostQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Eintrag (Gesucht & Geboten)")
        verbose_name_plural = _("Einträge (Gesucht & Geboten)")
        permissions = [("moderate_boardpost", _("Gesucht & Geboten moderieren"))]
        indexes = [models.Index(fields=["hidden", "expires_on"])]

    def __str__(self):
        return self.title


class BoardAnswer(models.Model):
    """An answer to a post, relayed to the post's organisation by mail. From an editor of
    another tenant (``sender_tenant``) or from anyone through the portal's form."""

    post = models.ForeignKey(BoardPost, on_delete=models.CASCADE, related_name="answers")
    sender_tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("von der Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="board_answers",
    )
    sender_name = models.CharField(_("Name"), max_length=200)
    sender_email = models.EmailField(_("E-Mail"), max_length=254)
    message = models.TextField(_("Nachricht"), max_length=2000)
    created_at = models.DateTimeField(_("gesendet am"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")

    def __str__(self):
        return f"{self.sender_name}: {self.post}"
