"""Reference data the clubs are described by: where, from where, in which languages, about what.

The district is data: municipalities are loaded from a JSON file per district
(``data/districts/``), so another district can be loaded with ``manage.py load_district``.
"""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Municipality(index.Indexed, models.Model):
    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^\d{8}$", _("Der Gemeindeschlüssel hat acht Ziffern."))],
    )
    district = models.CharField(_("Kreis"), max_length=100)
    # Approximate centre (WGS 84), for maps drawn at build time; not an address.
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Ungefähre Ortsmitte, z. B. 50.8006"),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Ungefähre Ortsmitte, z. B. 6.4831"),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Gemeinde")
        verbose_name_plural = _("Gemeinden")

    def __str__(self):
        return self.name


class Country(models.Model):
    """An ISO 3166-1 country, named in German."""

    code = models.CharField(
        _("ISO-3166-1-Code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Zwei Großbuchstaben, z. B. TR."))],
    )
    name = models.CharField(_("Name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Land")
        verbose_name_plural = _("Länder")

    def __str__(self):
        return self.name


class TextDirection(models.TextChoices):
    LTR = "ltr", _("links nach rechts")
    RTL = "rtl", _("rechts nach links")


class Language(models.Model):
    """A spoken language, keyed by its BCP 47 tag, with its own name and writing direction."""

    tag = models.CharField(
        _("BCP-47-Tag"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", _("Ein BCP-47-Tag wie „tr“ oder „ku-Arab“.")
            )
        ],
    )
    name = models.CharField(_("Name (deutsch)"), max_length=100)
    native_name = models.CharField(_("Eigenname"), max_length=100)
    direction = models.CharField(
        _("Schreibrichtung"), max_length=3, choices=TextDirection.choices, default="ltr"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

    def __str__(self):
        return self.name


class FocusArea(models.Model):
    """What clubs work on (Kultur, Sport, …); the agency edits the list and its names in
    every locale of the platform (German is ``name``; a missing translation shows German)."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True, blank=True)
    translations = models.JSONField(
        _("Übersetzungen"),
        default=dict,
        blank=True,
        help_text=_("Der Name in den anderen Sprachen der Plattform, je Sprachkürzel."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Schwerpunkt")
        verbose_name_plural = _("Schwerpunkte")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            from .loaders import german_slug

            self.slug = german_slug(self.name)
        super().save(*args, **kwargs)

    def name_in(self, language: str) -> str:
        """The name in a locale of the platform, German where it is not translated."""
        return (self.translations or {}).get(language) or self.name


class UmbrellaOrganisation(models.Model):
    """A Dachverband or network that clubs are members of."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    website = models.URLField(_("Website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Dachverband")
        verbose_name_plural = _("Dachverbände")

    def __str__(self):
        return self.name
