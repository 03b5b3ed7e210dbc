"""``POST /api/v1/registrations/``: a new club registers through the portal's Mitmachen page.

The request becomes a pending ``RegistrationRequest`` the agency decides on under
"Anmeldungen"; the applicant gets a confirmation mail in the language they used on the form.
"""

from django.core.validators import RegexValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers

from cms.clubs.models import FIRST_FOUNDING_YEAR, LegalForm
from cms.core.filters import canonical_bcp47
from cms.core.mail import notify_on_commit
from cms.core.submissions import (
    INVALID,
    REQUIRED,
    PublicSubmissionView,
    ReceivedSerializer,
    honeypot_field,
    list_messages,
    locale_field,
    text_messages,
)
from cms.taxonomy.models import Country, FocusArea, Language, Municipality
from cms.tenancy.models import RegistrationRequest

MAX_LIST_ITEMS = 20
PHONE_PATTERN = r"^\+?[0-9 ()/-]{5,30}$"


def unknown_values(values, model, field: str) -> list[str]:
    known = set(model.objects.filter(**{f"{field}__in": values}).values_list(field, flat=True))
    return [value for value in values if value not in known]


class RegistrationSerializer(serializers.Serializer):
    club_name = serializers.CharField(max_length=200, error_messages=text_messages())
    legal_form = serializers.ChoiceField(
        choices=LegalForm.choices,
        help_text="ev, verein, ggmbh, stiftung oder initiative.",
        error_messages={
            "required": REQUIRED,
            "null": REQUIRED,
            "invalid_choice": gettext_lazy("Bitte wählen Sie eine der angebotenen Rechtsformen."),
        },
    )
    municipality = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Municipality.objects.all(),
        help_text="Kurzname der Gemeinde, z. B. dueren.",
        error_messages={
            "required": REQUIRED,
            "null": REQUIRED,
            "does_not_exist": gettext_lazy("Diese Gemeinde gibt es im Kreis nicht."),
            "invalid": INVALID,
        },
    )
    founding_year = serializers.IntegerField(
        required=False,
        allow_null=True,
        error_messages={
            "invalid": gettext_lazy("Bitte geben Sie das Gründungsjahr als Zahl an, z. B. 2015."),
            "max_string_length": INVALID,
        },
    )
    countries = serializers.ListField(
        child=serializers.CharField(error_messages=text_messages()),
        required=False,
        max_length=MAX_LIST_ITEMS,
        help_text='Herkunftsländer als ISO-3166-1-Alpha-2-Codes, z. B. ["TR", "SY"].',
        error_messages=list_messages(),
    )
    languages = serializers.ListField(
        child=serializers.CharField(error_messages=text_messages()),
        required=False,
        max_length=MAX_LIST_ITEMS,
        help_text='Sprachen als BCP-47-Tags, z. B. ["tr", "ku-Arab"].',
        error_messages=list_messages(),
    )
    focus_areas = serializers.ListField(
        child=serializers.CharField(error_messages=text_messages()),
        required=False,
        max_length=MAX_LIST_ITEMS,
        help_text='Schwerpunkte als Kurznamen, z. B. ["kultur", "bildung"].',
        error_messages=list_messages(),
    )
    short_description = serializers.CharField(
        max_length=300, required=False, allow_blank=True, error_messages=text_messages()
    )
    applicant_name = serializers.CharField(max_length=200, error_messages=text_messages())
    applicant_email = serializers.EmailField(
        max_length=254,
        error_messages=text_messages(
            invalid=gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an.")
        ),
    )
    applicant_phone = serializers.CharField(
        max_length=30,
        required=False,
        allow_blank=True,
        validators=[
            RegexValidator(
                PHONE_PATTERN,
                gettext_lazy("Bitte geben Sie eine gültige Telefonnummer an, z. B. 02421 12345."),
            )
        ],
        error_messages=text_messages(),
    )
    message = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, error_messages=text_messages()
    )
    privacy_consent = serializers.BooleanField(
        help_text="Muss true sein: Zustimmung zur Datenschutzerklärung.",
        error_messages={
            "required": gettext_lazy("Bitte stimmen Sie der Datenschutzerklärung zu."),
            "invalid": INVALID,
            "null": gettext_lazy("Bitte stimmen Sie der Datenschutzerklärung zu."),
        },
    )
    locale = locale_field()
    website = honeypot_field()

    def validate_founding_year(self, value):
        last = timezone.localdate().year
        if value is not None and not FIRST_FOUNDING_YEAR <= value <= last:
            raise serializers.ValidationError(
                _("Das Gründungsjahr muss zwischen %(first)s und %(last)s liegen.")
                % {"first": FIRST_FOUNDING_YEAR, "last": last}
            )
        return value

    def validate_countries(self, values):
        codes = list(dict.fromkeys(value.strip().upper() for value in values))
        unknown = unknown_values(codes, Country, "code")
        if unknown:
            raise serializers.ValidationError(
                _("Unbekannter Ländercode: %(codes)s. Erwartet werden Codes wie TR oder SY.")
                % {"codes": ", ".join(unknown)}
            )
        return codes

    def validate_languages(self, values):
        tags = list(dict.fromkeys(canonical_bcp47(value) for value in values))
        unknown = unknown_values(tags, Language, "tag")
        if unknown:
            raise serializers.ValidationError(
                _("Unbekannte Sprache: %(codes)s. Erwartet werden Kürzel wie tr oder ku-Arab.")
                % {"codes": ", ".join(unknown)}
            )
        return tags

    def validate_focus_areas(self, values):
        slugs = list(dict.fromkeys(value.strip().lower() for value in values))
        unknown = unknown_values(slugs, FocusArea, "slug")
        if unknown:
            raise serializers.ValidationError(
                _("Unbekannter Schwerpunkt: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return slugs

    def validate_privacy_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Bitte stimmen Sie der Datenschutzerklärung zu."))
        return value


@transaction.atomic
def register(data: dict, language: str) -> RegistrationRequest:
    registration = RegistrationRequest.objects.create(
        club_name=data["club_name"],
        legal_form=data["legal_form"],
        municipality=data["municipality"],
        founding_year=data.get("founding_year"),
        short_description=data.get("short_description", ""),
        applicant_name=data["applicant_name"],
        applicant_email=data["applicant_email"],
        applicant_phone=data.get("applicant_phone", ""),
        message=data.get("message", ""),
        privacy_consent=True,
        language=language,
    )
    registration.countries.set(Country.objects.filter(code__in=data.get("countries", [])))
    registration.languages.set(Language.objects.filter(tag__in=data.get("languages", [])))
    registration.focus_areas.set(FocusArea.objects.filter(slug__in=data.get("focus_areas", [])))
    # The whole confirmation in the language the applicant used on the form.
    notify_on_commit(
        registration.applicant_email,
        "portal/emails/registration_received.txt",
        {"registration": registration},
        language=language,
    )
    return registration


@extend_schema(
    tags=["portal"],
    summary="Anmeldung eines Vereins",
    description=(
        "Ein neuer Verein meldet sich an. Ohne Login; mit Sitzungs-Cookie nur mit CSRF-Token. "
        "Fehler kommen Feld für Feld in der Sprache aus locale bzw. Accept-Language. Gedrosselt "
        "je Adresse (Rate „registrations“). Ein gefülltes Feld website (Honigtopf) wird wie ein "
        "Erfolg beantwortet, aber nicht gespeichert."
    ),
    request=RegistrationSerializer,
    responses={
        201: ReceivedSerializer,
        400: OpenApiResponse(description="Ungültige Felder: errors nennt jedes Feld."),
        429: OpenApiResponse(description="Zu viele Einsendungen von dieser Adresse."),
    },
)
class RegistrationView(PublicSubmissionView):
    serializer_class = RegistrationSerializer
    throttle_scope = "registrations"
    label_plugin = "mitmachen"

    def save(self, data):
        register(data, self.language)

    def received_message(self):
        return _(
            "Vielen Dank! Ihre Anmeldung ist eingegangen. Wir haben Ihnen eine E-Mail geschickt."
        )
