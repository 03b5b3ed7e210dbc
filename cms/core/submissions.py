"""What the portal's public forms (club registration, accessibility feedback) share.

- Anonymous: anyone may post. DRF's session authentication stays on, so a request that carries
  a logged-in session cookie must bring the CSRF token, while cookie-less posts need none.
- In the visitor's language: the ``locale`` field of the body, else ``Accept-Language``, picks
  the language of every message in the response (German is the source language).
- Field by field: a 400 names each invalid field with its messages in ``errors``.
- A honeypot field (``website``) that people never see: a filled one is answered exactly like
  a success (201), but nothing is stored or sent, so a bot learns nothing.
- Throttled per client address through the cache, with a rate per form (``registrations``,
  ``feedback`` in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``); rejected and honeypot posts
  count as well.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from . import errors, html_answers
from .mail import notify_on_commit
from .throttling import ScopedClientRateThrottle

HONEYPOT_FIELD = "website"
FORM_LANGUAGES = [code for code, _name in settings.LANGUAGES]

REQUIRED = gettext_lazy("Bitte füllen Sie dieses Feld aus.")
INVALID = gettext_lazy("Dieser Wert ist ungültig.")


def text_messages(**extra) -> dict:
    """Error messages of a text field in the visitor's language."""
    messages = {
        "required": REQUIRED,
        "blank": REQUIRED,
        "null": REQUIRED,
        "invalid": INVALID,
        "max_length": gettext_lazy("Bitte höchstens {max_length} Zeichen."),
    }
    messages.update(extra)
    return messages


def list_messages() -> dict:
    return {
        "not_a_list": gettext_lazy("Bitte eine Liste angeben."),
        "max_length": gettext_lazy("Bitte höchstens {max_length} Einträge."),
        "null": REQUIRED,
    }


def honeypot_field() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="Honigtopf: im Formular unsichtbar und immer leer lassen. Ist es gefüllt, "
        "antwortet die API wie bei Erfolg, speichert aber nichts.",
    )


def locale_field() -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=FORM_LANGUAGES,
        required=False,
        allow_blank=True,
        help_text="Sprache der Fehlermeldungen und der Bestätigung; ohne Angabe gilt "
        "Accept-Language, sonst Deutsch.",
        error_messages={"invalid_choice": gettext_lazy("Diese Sprache wird nicht angeboten.")},
    )


def requested_language(request) -> str:
    """The ``locale`` of the body if it is a language of the portal, else Accept-Language."""
    fallback = translation.get_language_from_request(request._request)
    data = request.data
    code = data.get("locale") if hasattr(data, "get") else None
    return code if isinstance(code, str) and code in FORM_LANGUAGES else fallback


class SubmissionRateThrottle(ScopedClientRateThrottle):
    """Per client address (cms/core/throttling.py) and form."""


class ReceivedSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["received"])
    message = serializers.CharField(help_text="Bestätigung in der Sprache der Anfrage.")


def flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in flatten(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in flatten(value)]
    return [str(detail)]


def submission_exception_handler(exc, context):
    """Field errors as ``{"errors": {field: [messages]}}`` in the API's error shape."""
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        fields = {name: flatten(value) for name, value in exc.detail.items()}
        body = errors.error_body(
            status.HTTP_400_BAD_REQUEST,
            "invalid_input",
            _("Bitte prüfen Sie die markierten Angaben."),
            fields,
        )
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    return errors.exception_handler(exc, context)


class PublicSubmissionView(generics.GenericAPIView):
    """Base of a public form endpoint; subclasses set ``serializer_class``, ``throttle_scope``
    and implement :meth:`save` and :meth:`received_message`."""

    permission_classes = [AllowAny]
    throttle_classes = [SubmissionRateThrottle]
    pagination_class = None
    filter_backends = []
    # The portal plugin whose strings label the fields in the answer to a form posted without
    # JavaScript (``html_answers``), and the prefix of those keys.
    label_plugin = ""

    def dispatch(self, request, *args, **kwargs):
        # Whatever language a request activates is undone when it ends.
        with translation.override(translation.get_language()):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        translation.activate(translation.get_language_from_request(request._request))
        self.language = requested_language(request)
        translation.activate(self.language)
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response

    def get_exception_handler(self):
        return submission_exception_handler

    def throttled(self, request, wait):
        raise exceptions.Throttled(
            wait,
            detail=_("Zu viele Einsendungen. Bitte versuchen Sie es später noch einmal."),
        )

    def post(self, request, *args, **kwargs):
        received = {"status": "received", "message": self.received_message()}
        if hasattr(request.data, "get") and request.data.get(HONEYPOT_FIELD):
            return self.received(request, received)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.save(serializer.validated_data)
        return self.received(request, received)

    def received(self, request, received: dict):
        if html_answers.wants_html(request):
            return html_answers.success(request, received["message"])
        return Response(received, status=status.HTTP_201_CREATED)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        request = getattr(self, "request", None)
        if request is None or not html_answers.wants_html(request):
            return response
        data = response.data if isinstance(response.data, dict) else {}
        language = getattr(self, "language", None) or translation.get_language()
        return html_answers.page(
            request,
            str(data.get("detail", "")),
            data.get("errors", {}),
            response.status_code,
            html_answers.labels(self.label_plugin, language),
        )

    def save(self, data: dict) -> None:
        raise NotImplementedError

    def received_message(self) -> str:
        raise NotImplementedError


def confirm_receipt(to: str, template: str, context: dict, language: str, line) -> None:
    """Queue the German confirmation mail of a submission, with one line (``line``, a lazy
    translation) in the visitor's language when that is not German."""
    with translation.override(language):
        own_language_line = str(line) if language != "de" else ""
    with translation.override("de"):
        notify_on_commit(to, template, {**context, "own_language_line": own_language_line})
