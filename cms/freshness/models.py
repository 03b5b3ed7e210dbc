"""What freshness records beside the page tree: a club's confirmations that its profile is
still correct, and the reminders it was sent. Neither is page content, so neither goes
through revisions or the moderation workflow."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.clubs.models import ClubPage


class ProfileConfirmation(models.Model):
    """An editor said "Alles noch aktuell" for the club's profile (all its locales)."""

    class Source(models.TextChoices):
        MAIL = "mail", _("Link in der Erinnerungsmail")
        ADMIN = "admin", _("Verwaltung")

    club = models.ForeignKey(
        ClubPage,
        on_delete=models.CASCADE,
        related_name="profile_confirmations",
        verbose_name=_("Verein"),
    )
    confirmed_at = models.DateTimeField(_("Bestätigt am"), auto_now_add=True, db_index=True)
    email = models.EmailField(_("Bestätigt von"), blank=True)
    source = models.CharField(_("Weg"), max_length=10, choices=Source.choices, default=Source.MAIL)
    # The reminder whose link was used: a second click on the same link records nothing.
    reminder = models.OneToOneField(
        "ProfileReminder",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmation",
        verbose_name=_("Erinnerung"),
    )

    class Meta:
        verbose_name = _("Profilbestätigung")
        verbose_name_plural = _("Profilbestätigungen")
        ordering = ["-confirmed_at"]

    def __str__(self):
        return f"{self.club} ({self.confirmed_at:%d.%m.%Y})"


class ProfileReminder(models.Model):
    """One reminder mail to a club's editors (the reminder is re-sent at most every
    ``REMIND_EVERY_DAYS`` days while the profile stays unconfirmed)."""

    club = models.ForeignKey(
        ClubPage,
        on_delete=models.CASCADE,
        related_name="profile_reminders",
        verbose_name=_("Verein"),
    )
    sent_at = models.DateTimeField(_("Verschickt am"), auto_now_add=True, db_index=True)
    recipients = models.PositiveSmallIntegerField(_("Empfänger"), default=0)

    class Meta:
        verbose_name = _("Erinnerung an ein Vereinsprofil")
        verbose_name_plural = _("Erinnerungen an Vereinsprofile")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.club} ({self.sent_at:%d.%m.%Y})"
