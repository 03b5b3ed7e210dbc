"""Rooms the agency lends to clubs (Café International, the Dachverband's rooms).

Events can take place in one of these rooms; bookings build on the same model.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Room(models.Model):
    name = models.CharField(_("Name"), max_length=200, unique=True)
    location = models.CharField(_("Adresse"), max_length=300)
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("Gemeinde"),
        on_delete=models.PROTECT,
        related_name="rooms",
    )
    capacity = models.PositiveIntegerField(_("Plätze"))
    step_free = models.BooleanField(_("Stufenlos erreichbar"), default=False)
    accessible_toilet = models.BooleanField(_("Barrierefreie Toilette"), default=False)
    equipment = models.TextField(_("Ausstattung"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Raum")
        verbose_name_plural = _("Räume")

    def __str__(self):
        return self.name
