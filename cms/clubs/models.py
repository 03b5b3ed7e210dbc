"""A club's page tree: ``ClubPage`` is the root of one MSO's content, with the sub-page types
its editors may create (content, news, gallery, projects; events live in ``cms.events``)."""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from cms.clubs import api_fields as api
from cms.clubs.api_fields import PublicField

from .bases import ClubIndexBase, ClubLeafPage, ClubTreePage, DirectoryIndexPage, optional_image
from .blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from .colours import MIN_TEXT_CONTRAST, WHITE, contrast_ratio
from .domains import normalise_domain, reserved_reason
from .forms import SectionSelect, ThemeSelect, section_names, theme_names
from .widgets import ColourInput

FIRST_FOUNDING_YEAR = 1900
HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Eine Farbe im Format #RRGGBB."))
PHONE = RegexValidator(r"^\+?[0-9 ()/-]{5,30}$", _("Eine Telefonnummer, z. B. 02421 12345."))
VAT_ID = RegexValidator(
    r"^DE\d{9}$", _("Im Format „DE123456789“: DE und neun Ziffern, ohne Leerzeichen.")
)
HOSTNAME = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    _("Ein Domainname wie „mein-verein.de“, ohne http:// und ohne Pfad."),
    flags=re.IGNORECASE,
)


class LegalForm(models.TextChoices):
    EV = "ev", _("eingetragener Verein (e. V.)")
    NON_REGISTERED = "verein", _("nicht eingetragener Verein")
    GGMBH = "ggmbh", _("gemeinnützige GmbH (gGmbH)")
    FOUNDATION = "stiftung", _("Stiftung")
    INITIATIVE = "initiative", _("Initiative ohne Rechtsform")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Montag")
    TUESDAY = 1, _("Dienstag")
    WEDNESDAY = 2, _("Mittwoch")
    THURSDAY = 3, _("Donnerstag")
    FRIDAY = 4, _("Freitag")
    SATURDAY = 5, _("Samstag")
    SUNDAY = 6, _("Sonntag")


def validate_founding_year(value: int) -> None:
    this_year = timezone.localdate().year
    if not FIRST_FOUNDING_YEAR <= value <= this_year:
        raise ValidationError(
            _("Das Gründungsjahr muss zwischen %(first)s und %(last)s liegen."),
            params={"first": FIRST_FOUNDING_YEAR, "last": this_year},
        )


class ClubIndexPage(DirectoryIndexPage):
    """The "Vereine" folder under the portal home that holds every club's tree."""

    subpage_types = ["clubs.ClubPage"]

    class Meta:
        verbose_name = _("Vereinsverzeichnis")


class ClubTag(TaggedItemBase):
    content_object = ParentalKey(
        "clubs.ClubPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ClubPage(ClubTreePage):
    """The root of one MSO's page tree and its public profile."""

    # Profile
    legal_form = models.CharField(
        _("Rechtsform"), max_length=20, choices=LegalForm.choices, default=LegalForm.EV
    )
    register_court = models.CharField(
        _("Registergericht"), max_length=100, blank=True, help_text=_("z. B. Amtsgericht Düren")
    )
    register_number = models.CharField(
        _("Registernummer"),
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^VR\s?\d{1,6}$", _("Im Format „VR 1234“."))],
    )
    founding_year = models.PositiveSmallIntegerField(
        _("Gründungsjahr"), null=True, blank=True, validators=[validate_founding_year]
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("Gemeinde"),
        null=True,
        on_delete=models.PROTECT,
        related_name="clubs",
    )
    countries = ParentalManyToManyField(
        "taxonomy.Country", verbose_name=_("Herkunftsländer"), blank=True, related_name="clubs"
    )
    languages = ParentalManyToManyField(
        "taxonomy.Language",
        verbose_name=_("Gesprochene Sprachen"),
        blank=True,
        related_name="clubs",
    )
    focus_areas = ParentalManyToManyField(
        "taxonomy.FocusArea", verbose_name=_("Schwerpunkte"), blank=True, related_name="clubs"
    )
    umbrellas = ParentalManyToManyField(
        "taxonomy.UmbrellaOrganisation",
        verbose_name=_("Mitglied in Dachverbänden"),
        blank=True,
        related_name="clubs",
    )
    tags = ClusterTaggableManager(through=ClubTag, blank=True, verbose_name=_("Schlagworte"))
    member_count = models.PositiveIntegerField(
        _("Anzahl der Mitglieder"), null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    short_description = models.TextField(
        _("Kurzbeschreibung"), max_length=300, blank=True, help_text=_("Höchstens 300 Zeichen.")
    )
    description = RichTextField(
        _("Ausführliche Beschreibung"), blank=True, features=RICH_TEXT_FEATURES
    )
    plain_summary = models.TextField(
        _("Zusammenfassung in Einfacher Sprache"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Kurze Sätze, einfache Wörter. Wird im Portal unter „Einfache Sprache“ gezeigt."
        ),
    )

    # Address
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("Postleitzahl"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Fünf Ziffern."))],
    )
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    publish_address = models.BooleanField(
        _("Adresse veröffentlichen"),
        default=False,
        help_text=_(
            "Nur wenn angehakt, erscheint die Adresse im Profil, auf der Kontaktseite der "
            "Homepage und im Portal. Das Impressum (Reiter „Impressum“) nennt sie außerdem, "
            "sobald dort die vertretungsberechtigten Personen eingetragen sind (§ 5 DDG)."
        ),
    )

    # Contact
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_role = models.CharField(_("Funktion"), max_length=100, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=30, blank=True, validators=[PHONE])
    contact_consent = models.BooleanField(
        _("Einwilligung zur Veröffentlichung der Kontaktdaten"),
        default=False,
        help_text=_(
            "Die Ansprechperson hat zugestimmt, dass Name, Funktion, E-Mail und Telefon "
            "öffentlich gezeigt werden."
        ),
    )
    website = models.URLField(_("Website"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    other_social_url = models.URLField(_("Weiteres soziales Netzwerk"), blank=True)

    # Impressum (§ 5 DDG, § 18 MStV): published on the homepage by law, whatever the consent
    # settings above say; nothing here falls back to the contact person.
    imprint_representatives = models.TextField(
        _("Vertretungsberechtigte Personen (Vorstand)"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Wer den Verein nach außen vertritt, eine Person je Zeile mit ihrer Funktion, "
            "z. B. „Ayşe Yılmaz (1. Vorsitzende)“. Sobald hier etwas steht, erscheint das "
            "Impressum der Homepage mit der Postanschrift des Vereins (Pflicht nach § 5 DDG)."
        ),
    )
    imprint_responsible = models.CharField(
        _("Verantwortlich für den Inhalt (§ 18 MStV)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Die Person, die für die Texte der Homepage verantwortlich ist, mit Namen; "
            "im Impressum steht dazu die Postanschrift des Vereins."
        ),
    )
    imprint_email = models.EmailField(
        _("E-Mail für das Impressum"),
        blank=True,
        help_text=_("Eine Adresse, unter der der Verein schnell erreichbar ist."),
    )
    imprint_phone = models.CharField(
        _("Telefon für das Impressum"), max_length=30, blank=True, validators=[PHONE]
    )
    vat_id = models.CharField(
        _("Umsatzsteuer-Identifikationsnummer"),
        max_length=11,
        blank=True,
        validators=[VAT_ID],
        help_text=_("Nur falls der Verein eine hat, z. B. DE123456789."),
    )

    # Board composition: only ever used in aggregate statistics, never published per club.
    board_women = models.PositiveSmallIntegerField(_("Vorstand: Frauen"), default=0)
    board_men = models.PositiveSmallIntegerField(_("Vorstand: Männer"), default=0)
    board_diverse = models.PositiveSmallIntegerField(_("Vorstand: divers"), default=0)

    # Images
    logo = optional_image(_("Logo"))
    cover_image = optional_image(_("Titelbild"))

    # Homepage settings for the site generator
    theme = models.CharField(
        _("Design"),
        max_length=50,
        default="theme_default",
        help_text=_("Wie die Homepage aussieht; „Hoher Kontrast“ ist besonders gut lesbar."),
    )
    primary_colour = models.CharField(
        _("Hauptfarbe"), max_length=7, default="#1d4e89", validators=[HEX_COLOUR]
    )
    accent_colour = models.CharField(
        _("Akzentfarbe"), max_length=7, default="#b5121b", validators=[HEX_COLOUR]
    )
    own_domain = models.CharField(
        _("Eigene Domain"), max_length=253, blank=True, validators=[HOSTNAME]
    )

    search_fields = Page.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("plain_summary"),
        index.FilterField("municipality"),
        index.FilterField("locale"),
    ]

    parent_page_types = ["clubs.ClubIndexPage"]
    subpage_types = [
        "clubs.ContentPage",
        "clubs.NewsIndexPage",
        "events.EventIndexPage",
        "clubs.GalleryPage",
        "clubs.ProjectPage",
    ]

    # Only what may be published: contact and address through the privacy layer, board
    # composition never.
    public_fields = [
        PublicField("legal_form"),
        PublicField("register_court"),
        PublicField("register_number"),
        PublicField("founding_year"),
        PublicField("is_established"),
        PublicField("municipality", serializer=api.MunicipalityField()),
        PublicField("countries", serializer=api.CountryListField()),
        PublicField("languages", serializer=api.LanguageListField()),
        PublicField("focus_areas", serializer=api.SlugNameListField()),
        PublicField("tags", serializer=api.SlugNameListField()),
        PublicField("umbrellas", serializer=api.NameListField()),
        PublicField("member_count"),
        PublicField("short_description"),
        PublicField("description", serializer=api.ExpandedRichTextField()),
        PublicField("plain_summary"),
        PublicField("address", serializer=api.AddressField(source="*")),
        PublicField("contact", serializer=api.ContactField(source="*")),
        PublicField("website"),
        PublicField("facebook_url"),
        PublicField("instagram_url"),
        PublicField("other_social_url"),
        PublicField("meeting_times", serializer=api.MeetingTimesField()),
        PublicField("logo"),
        PublicField("logo_image", serializer=api.ImageField(source="logo")),
        PublicField("cover_image"),
        PublicField("cover_image_renditions", serializer=api.ImageField(source="cover_image")),
        PublicField("theme"),
        PublicField("primary_colour"),
        PublicField("accent_colour"),
        PublicField("own_domain"),
        PublicField("homepage_sections", serializer=api.HomepageSectionsField()),
    ]

    profile_panels = [
        FieldPanel("title", heading=_("Name des Vereins")),
        FieldRowPanel([FieldPanel("legal_form"), FieldPanel("founding_year")]),
        FieldRowPanel([FieldPanel("register_court"), FieldPanel("register_number")]),
        FieldPanel("municipality", widget=forms.Select),
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("plain_summary"),
        FieldPanel("logo"),
        FieldPanel("cover_image"),
    ]
    origin_panels = [
        FieldPanel("countries"),
        FieldPanel("languages"),
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("umbrellas"),
    ]
    members_panels = [
        FieldPanel("member_count"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("board_women"),
                        FieldPanel("board_men"),
                        FieldPanel("board_diverse"),
                    ]
                )
            ],
            heading=_("Zusammensetzung des Vorstands"),
            help_text=_("Wird nie einzeln veröffentlicht, nur zusammengefasst in der Statistik."),
        ),
        InlinePanel("meeting_times", heading=_("Regelmäßige Treffen"), label=_("Treffen")),
    ]
    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("publish_address"),
            ],
            heading=_("Postanschrift"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_consent"),
            ],
            heading=_("Ansprechperson"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("other_social_url"),
            ],
            heading=_("Website und soziale Netzwerke"),
        ),
    ]
    imprint_panels = [
        MultiFieldPanel(
            [
                FieldPanel("imprint_representatives"),
                FieldPanel("imprint_responsible"),
                FieldRowPanel([FieldPanel("imprint_email"), FieldPanel("imprint_phone")]),
                FieldPanel("vat_id"),
            ],
            heading=_("Angaben für das Impressum"),
            help_text=_(
                "Jede Homepage braucht ein Impressum (§ 5 DDG). Es wird aus diesen Angaben, dem "
                "Namen, der Rechtsform und dem Registereintrag erzeugt. Die Postanschrift aus "
                "dem Reiter „Kontakt“ erscheint im Impressum immer, auch wenn „Adresse "
                "veröffentlichen“ nicht angehakt ist – das Gesetz verlangt eine Anschrift, unter "
                "der der Verein Post empfangen kann (kein Postfach)."
            ),
        ),
    ]
    homepage_panels = [
        FieldPanel("theme", widget=ThemeSelect),
        FieldRowPanel(
            [
                FieldPanel("primary_colour", widget=ColourInput),
                FieldPanel("accent_colour", widget=ColourInput),
            ]
        ),
        InlinePanel(
            "homepage_sections", heading=_("Abschnitte der Homepage"), label=_("Abschnitt")
        ),
        FieldPanel("own_domain"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(profile_panels, heading=_("Profil")),
            ObjectList(origin_panels, heading=_("Herkunft und Schwerpunkte")),
            ObjectList(members_panels, heading=_("Mitglieder und Treffen")),
            ObjectList(contact_panels, heading=_("Kontakt")),
            ObjectList(imprint_panels, heading=_("Impressum")),
            ObjectList(homepage_panels, heading=_("Homepage")),
            ObjectList(Page.promote_panels, heading=_("Veröffentlichung")),
            ObjectList(Page.settings_panels, heading=_("Einstellungen")),
        ]
    )

    class Meta:
        verbose_name = _("Verein")
        verbose_name_plural = _("Vereine")

    @property
    def is_established(self) -> bool | None:
        """Established vs. newly founded, derived from the founding year."""
        if self.founding_year is None:
            return None
        age = timezone.localdate().year - self.founding_year
        return age >= settings.VEREINSNETZ_ESTABLISHED_AFTER_YEARS

    def imprint(self) -> dict:
        """What the Impressum (§ 5 DDG, § 18 MStV) states, in German, the language of the legal
        text; never board composition or the contact person (who may not have consented).

        The postal address is part of it once the club has published its address or filled in
        the Impressum tab (naming its representatives): the tab's help text says that the
        Impressum carries the address, so filling it in is the decision to publish it there.
        """
        with translation.override("de"):
            legal_form_label = str(LegalForm(self.legal_form).label)
        imprint_completed = bool(self.imprint_representatives.strip())
        has_address = (self.publish_address or imprint_completed) and (
            self.street or self.postal_code or self.city
        )
        return {
            "name": self.title,
            "legal_form": self.legal_form,
            "legal_form_label": legal_form_label,
            "representatives": [
                line.strip() for line in self.imprint_representatives.splitlines() if line.strip()
            ],
            "responsible": self.imprint_responsible,
            "address": {"street": self.street, "postal_code": self.postal_code, "city": self.city}
            if has_address
            else None,
            "email": self.imprint_email,
            "phone": self.imprint_phone,
            "register_court": self.register_court,
            "register_number": self.register_number,
            "vat_id": self.vat_id,
        }

    @property
    def board_total(self) -> int:
        return self.board_women + self.board_men + self.board_diverse

    def clean_fields(self, exclude=None):
        # Before the validators: every path (admin, API, import, shell) stores one spelling.
        self.own_domain = normalise_domain(self.own_domain)
        super().clean_fields(exclude=exclude)

    def own_domain_error(self):
        """Why this club may not have its (normalised) ``own_domain``, or ``None``: the
        platform's hosts are reserved, and a domain belongs to one club (all its translations)
        and to no other Wagtail site."""
        domain = self.own_domain = normalise_domain(self.own_domain)
        if not domain:
            return None
        reason = reserved_reason(domain)
        if reason:
            return reason
        others = ClubPage.objects.filter(own_domain__iexact=domain)
        sites = Site.objects.filter(hostname__iexact=domain)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
            sites = sites.exclude(
                root_page__in=Page.objects.filter(translation_key=self.translation_key)
            )
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists() or sites.exists():
            return _("Diese Domain verwendet schon ein anderer Verein oder die Plattform.")
        return None

    def clean(self):
        super().clean()
        errors = {}
        own_domain_error = self.own_domain_error()
        if own_domain_error:
            errors["own_domain"] = own_domain_error
        if self.register_number and not self.register_court:
            errors["register_court"] = _("Zur Registernummer gehört ein Registergericht.")
        if self.publish_address and not (self.street and self.postal_code and self.city):
            errors["publish_address"] = _(
                "Um die Adresse zu veröffentlichen, bitte Straße, Postleitzahl und Ort angeben."
            )
        if self.contact_consent and not self.contact_name:
            errors["contact_name"] = _("Bitte den Namen der Ansprechperson angeben.")
        if self.theme not in theme_names():
            errors["theme"] = _("Dieses Design gibt es nicht.")
        for field in ("primary_colour", "accent_colour"):
            colour = getattr(self, field)
            if colour and HEX_COLOUR.regex.match(colour):
                ratio = contrast_ratio(colour, WHITE)
                if ratio < MIN_TEXT_CONTRAST:
                    errors[field] = _(
                        "Zu wenig Kontrast zu Weiß (%(ratio).1f : 1, nötig sind %(min).1f : 1). "
                        "Bitte eine dunklere Farbe wählen."
                    ) % {"ratio": ratio, "min": MIN_TEXT_CONTRAST}
        if errors:
            raise ValidationError(errors)


class MeetingTime(Orderable):
    club = ParentalKey(ClubPage, related_name="meeting_times", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    start_time = models.TimeField(_("Beginn"))
    end_time = models.TimeField(_("Ende"), null=True, blank=True)
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    note = models.CharField(
        _("Hinweis"), max_length=200, blank=True, help_text=_("z. B. „jede zweite Woche“")
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("place"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Regelmäßiges Treffen")
        verbose_name_plural = _("Regelmäßige Treffen")

    def clean(self):
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Das Ende muss nach dem Beginn liegen.")})


class HomepageSection(Orderable):
    club = ParentalKey(ClubPage, related_name="homepage_sections", on_delete=models.CASCADE)
    # The name of an installed section plugin of the club kind (``SectionSelect``).
    section = models.CharField(_("Abschnitt"), max_length=50)

    panels = [FieldPanel("section", widget=SectionSelect)]

    class Meta(Orderable.Meta):
        verbose_name = _("Abschnitt der Homepage")
        verbose_name_plural = _("Abschnitte der Homepage")

    def clean(self):
        if self.section not in section_names():
            raise ValidationError({"section": _("Diesen Abschnitt gibt es nicht.")})


class ContentPage(ClubTreePage):
    """A free page of a club, composed from blocks."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["clubs.ClubPage", "clubs.ContentPage"]
    subpage_types = ["clubs.ContentPage"]
    content_panels = Page.content_panels + [FieldPanel("body")]
    public_fields = [PublicField("body", api.ResolvedStreamField())]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class NewsIndexPage(ClubIndexBase):
    subpage_types = ["clubs.NewsPage"]

    class Meta:
        verbose_name = _("Neuigkeiten (Übersicht)")


class NewsTag(TaggedItemBase):
    content_object = ParentalKey(
        "clubs.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(ClubLeafPage):
    date = models.DateField(_("Datum"), default=datetime.date.today)
    teaser = models.TextField(_("Anrisstext"), max_length=400, blank=True)
    image = optional_image(_("Bild"))
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("Inhalt"))
    tags = ClusterTaggableManager(through=NewsTag, blank=True, verbose_name=_("Schlagworte"))

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["clubs.NewsIndexPage"]
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    public_fields = [
        PublicField("date"),
        PublicField("teaser"),
        PublicField("image", api.ImageField()),
        PublicField("tags", api.SlugNameListField()),
        PublicField("body", api.ResolvedStreamField()),
    ]

    class Meta:
        verbose_name = _("Neuigkeit")
        verbose_name_plural = _("Neuigkeiten")


class GalleryPage(ClubLeafPage):
    intro = models.TextField(_("Einleitung"), blank=True, max_length=600)

    parent_page_types = ["clubs.ClubPage"]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("gallery_images", heading=_("Bilder"), label=_("Bild"), min_num=1),
    ]
    # Pictures only with the depicted people's consent, never the raw child relation.
    public_fields = [
        PublicField("intro"),
        PublicField("images", api.ConsentedGalleryField(source="gallery_images")),
    ]

    class Meta:
        verbose_name = _("Galerie")
        verbose_name_plural = _("Galerien")


class GalleryImage(Orderable):
    page = ParentalKey(GalleryPage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("Bild"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("Bildunterschrift"), max_length=250, blank=True)
    photo_consent = models.BooleanField(
        _("Einwilligung der abgebildeten Personen liegt vor"),
        default=False,
        help_text=_(
            "Bei Kindern die Einwilligung der Eltern. "
            "Ohne Haken wird das Bild nicht veröffentlicht."
        ),
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("photo_consent")]

    class Meta(Orderable.Meta):
        verbose_name = _("Galeriebild")
        verbose_name_plural = _("Galeriebilder")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    RUNNING = "running", _("läuft")
    COMPLETED = "completed", _("abgeschlossen")


class ProjectPage(ClubLeafPage):
    """An integration project, possibly run jointly with other clubs."""

    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    status = models.CharField(
        _("Stand"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    funding_source = models.CharField(_("Förderung"), max_length=200, blank=True)
    partner_clubs = ParentalManyToManyField(
        "clubs.ClubPage",
        # Only published clubs: the names of clubs not yet approved are not for every editor.
        limit_choices_to={"live": True},
        verbose_name=_("Partnervereine"),
        blank=True,
        related_name="joint_projects",
    )
    partner_organisations = ParentalManyToManyField(
        "partners.PartnerPage",
        limit_choices_to={"live": True},
        verbose_name=_("Partnerorganisationen"),
        blank=True,
        related_name="joint_projects",
    )
    summary = models.TextField(_("Kurzbeschreibung"), max_length=400, blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["clubs.ClubPage"]
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("status"),
        FieldPanel("funding_source"),
        FieldPanel("partner_clubs"),
        FieldPanel("partner_organisations"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    # v2 nests the related pages (narrowed by the privacy layer); the bundle links them.
    public_fields = [
        PublicField("start_date"),
        PublicField("end_date"),
        PublicField("status"),
        PublicField("funding_source"),
        PublicField("partner_clubs", bundle=api.PublicPageLinksField()),
        PublicField("partner_organisations", bundle=api.PublicPageLinksField("website")),
        PublicField("summary"),
        PublicField("body", api.ResolvedStreamField()),
    ]

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Ende darf nicht vor dem Beginn liegen.")})
