"""``POST /api/v1/feedback/``: the electronic feedback mechanism BITV NRW requires next to the
accessibility statement. Stored as ``Feedback`` for the agency ("Rückmeldungen"); whoever
leaves an e-mail address gets a confirmation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers

from cms.core.submissions import (
    INVALID,
    PublicSubmissionView,
    ReceivedSerializer,
    confirm_receipt,
    honeypot_field,
    locale_field,
    text_messages,
)

from .models import Feedback

EMAIL_CONSENT = gettext_lazy(
    "Bitte stimmen Sie zu, dass wir Ihre E-Mail-Adresse für die Antwort verwenden dürfen."
)


class FeedbackSerializer(serializers.Serializer):
    page_url = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        help_text="Die betroffene Seite: Adresse (https://…) oder Pfad (/vereine/…).",
        error_messages=text_messages(),
    )
    message = serializers.CharField(
        max_length=5000,
        help_text="Welche Barriere, oder welche Frage?",
        error_messages=text_messages(),
    )
    name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, error_messages=text_messages()
    )
    email = serializers.EmailField(
        max_length=254,
        required=False,
        allow_blank=True,
        error_messages=text_messages(
            invalid=gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an.")
        ),
    )
    consent = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Pflicht (true), wenn eine E-Mail-Adresse angegeben ist.",
        error_messages={"invalid": INVALID},
    )
    locale = locale_field()
    website = honeypot_field()

    def validate_page_url(self, value):
        value = value.strip()
        if not value or (value.startswith("/") and not value.startswith("//")):
            return value
        try:
            URLValidator(schemes=["http", "https"])(value)
        except DjangoValidationError:
            raise serializers.ValidationError(
                _("Bitte geben Sie die Adresse der Seite an, z. B. https://… oder /vereine/…")
            ) from None
        return value

    def validate(self, data):
        if data.get("email") and not data.get("consent"):
            raise serializers.ValidationError({"consent": [str(EMAIL_CONSENT)]})
        return data


@transaction.atomic
def store_feedback(data: dict, language: str) -> Feedback:
    feedback = Feedback.objects.create(
        page_url=data.get("page_url", ""),
        message=data["message"],
        name=data.get("name", ""),
        email=data.get("email", ""),
        consent=bool(data.get("email")) and data.get("consent", False),
        locale=language,
    )
    if feedback.email:
        confirm_receipt(
            feedback.email,
            "portal/emails/feedback_received.txt",
            {"feedback": feedback},
            language,
            gettext_lazy(
                "Wir haben Ihre Rückmeldung erhalten und antworten Ihnen so bald wie möglich."
            ),
        )
    return feedback


@extend_schema(
    tags=["portal"],
    summary="Rückmeldung zur Barrierefreiheit",
    description=(
        "Eine Barriere melden (Feedback-Mechanismus nach BITV NRW). Ohne Login; mit "
        "Sitzungs-Cookie nur mit CSRF-Token. Fehler Feld für Feld in der Sprache aus locale "
        "bzw. Accept-Language. Gedrosselt je Adresse (Rate „feedback“). Honigtopf website wie "
        "bei der Anmeldung."
    ),
    request=FeedbackSerializer,
    responses={
        201: ReceivedSerializer,
        400: OpenApiResponse(description="Ungültige Felder: errors nennt jedes Feld."),
        429: OpenApiResponse(description="Zu viele Einsendungen von dieser Adresse."),
    },
)
class FeedbackView(PublicSubmissionView):
    serializer_class = FeedbackSerializer
    throttle_scope = "feedback"
    label_plugin = "portal_legal"

    def save(self, data):
        store_feedback(data, self.language)

    def received_message(self):
        return _("Vielen Dank für Ihre Rückmeldung! Wir kümmern uns darum.")
