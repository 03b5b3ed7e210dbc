"""The public sign-up endpoints: ``GET /api/v1/events/<id>/signup/`` tells the state of an
event's sign-up ("noch 5 Plätze", "Warteliste", "ausgebucht"), ``POST`` to the same address
signs up. The post shares the portal forms' behaviour (``cms.core.submissions``): anonymous,
field-wise German (or requested-language) errors, a honeypot, throttled per address, and a
readable HTML answer for a plain browser form.

Spam protection without third parties: the honeypot ``website``, and the ``form_token`` the
state returns; a post within ``SIGNUP_MIN_FORM_SECONDS`` of its token (faster than a person
fills a form) or with a forged token is answered like a success and stored nowhere.
"""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from cms.clubs.models import ClubPage
from cms.core import html_answers
from cms.core.errors import InvalidParameter, error_body
from cms.core.privacy import public_pages
from cms.core.submissions import (
    HONEYPOT_FIELD,
    INVALID,
    PublicSubmissionView,
    honeypot_field,
    locale_field,
    text_messages,
)
from cms.events.models import EventPage

from . import services, views
from .models import MAX_PEOPLE_PER_SIGNUP, SignupOptions, SignupStatus

FORM_TOKEN_SALT = "signups.form"
CONSENT = gettext_lazy("Bitte stimmen Sie der Datenschutzerklärung zu.")


def options_for(event_id: int) -> SignupOptions:
    """The sign-up options of a public, live event (any translation of it)."""
    event = public_pages(EventPage.objects.live().filter(pk=event_id)).first()
    if event is None:
        raise Http404
    options = (
        SignupOptions.objects.select_related("event")
        .filter(event__translation_key=event.translation_key, enabled=True)
        .first()
    )
    if options is None:
        raise Http404
    return options


def form_token() -> str:
    return signing.TimestampSigner(salt=FORM_TOKEN_SALT).sign("form")


def looks_automated(token: str) -> bool:
    if not token:
        return False
    signer = signing.TimestampSigner(salt=FORM_TOKEN_SALT)
    try:
        signer.unsign(token, max_age=settings.SIGNUP_MIN_FORM_SECONDS)
    except signing.SignatureExpired:
        return False  # old enough: a person had time to fill the form
    except signing.BadSignature:
        return True
    return True


class SignupStateSerializer(serializers.Serializer):
    state = serializers.ChoiceField(
        choices=["open", "waitlist", "closed"],
        help_text="open: Plätze frei; waitlist: ausgebucht, Anmeldung auf die Warteliste; "
        "closed: keine Anmeldung (mehr) möglich.",
    )
    capacity = serializers.IntegerField()
    free = serializers.IntegerField(help_text="Freie Plätze (0 außer bei open).")
    label = serializers.CharField(help_text="Z. B. „noch 5 Plätze“, in der Sprache der Anfrage.")
    deadline = serializers.DateTimeField()
    max_people = serializers.IntegerField()
    questions = serializers.ListField(
        child=serializers.ChoiceField(choices=["language_needs", "childcare", "dietary"])
    )
    form_token = serializers.CharField(
        help_text="Mit der Anmeldung zurückschicken (Zeitprüfung gegen Bots); optional."
    )


class SignupSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, error_messages=text_messages())
    email = serializers.EmailField(
        max_length=254,
        error_messages=text_messages(
            invalid=gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an.")
        ),
    )
    organisation = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="Für eine Organisation (Verein, Partner) angemeldet: ihr Name.",
        error_messages=text_messages(),
    )
    people = serializers.IntegerField(
        required=False,
        default=1,
        min_value=1,
        max_value=MAX_PEOPLE_PER_SIGNUP,
        error_messages={
            "invalid": gettext_lazy("Bitte geben Sie die Zahl der Personen an."),
            "min_value": gettext_lazy("Mindestens eine Person."),
            "max_value": gettext_lazy("Höchstens {max_value} Personen je Anmeldung."),
            "max_string_length": INVALID,
        },
    )
    language_needs = serializers.CharField(
        max_length=200, required=False, allow_blank=True, error_messages=text_messages()
    )
    childcare = serializers.IntegerField(
        required=False,
        default=0,
        min_value=0,
        max_value=MAX_PEOPLE_PER_SIGNUP,
        help_text="Zahl der Kinder, die betreut werden sollen.",
        error_messages={
            "invalid": gettext_lazy("Bitte geben Sie die Zahl der Kinder an."),
            "min_value": INVALID,
            "max_value": gettext_lazy("Höchstens {max_value} Kinder."),
            "max_string_length": INVALID,
        },
    )
    dietary = serializers.CharField(
        max_length=200, required=False, allow_blank=True, error_messages=text_messages()
    )
    privacy_consent = serializers.BooleanField(
        help_text="Muss true sein: Zustimmung zur Datenschutzerklärung.",
        error_messages={"required": CONSENT, "invalid": INVALID, "null": CONSENT},
    )
    form_token = serializers.CharField(required=False, allow_blank=True, write_only=True)
    locale = locale_field()
    website = honeypot_field()

    def validate_name(self, value):
        return value.strip()

    def validate_people(self, value):
        options = self.context["options"]
        if value > options.max_people:
            raise serializers.ValidationError(
                _("Höchstens %(count)s Personen je Anmeldung.") % {"count": options.max_people}
            )
        return value

    def validate_privacy_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(str(CONSENT))
        return value


def questions(options: SignupOptions) -> list[str]:
    asked = (
        ("language_needs", options.ask_language_needs),
        ("childcare", options.ask_childcare),
        ("dietary", options.ask_dietary),
    )
    return [name for name, on in asked if on]


def state_label(state: dict) -> str:
    if state["state"] == "open":
        return ngettext("noch %(count)s Platz", "noch %(count)s Plätze", state["free"]) % {
            "count": state["free"]
        }
    if state["state"] == "waitlist":
        return _("ausgebucht – Warteliste")
    return _("Anmeldung geschlossen")


@extend_schema(tags=["events"])
class EventSignupView(PublicSubmissionView):
    """State and sign-up of one event."""

    serializer_class = SignupSerializer
    throttle_scope = "signups"
    label_plugin = "events"
    label_prefix = "signup."

    def get_throttles(self):
        return super().get_throttles() if self.request.method == "POST" else []

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "options": self.options}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.options = options_for(kwargs["pk"])

    @extend_schema(
        summary="Anmeldestand einer Veranstaltung",
        description="Freie Plätze, Warteliste oder geschlossen. Nicht zwischengespeichert.",
        responses={
            200: SignupStateSerializer,
            404: OpenApiResponse(description="Keine Anmeldung."),
        },
    )
    def get(self, request, pk):
        current = services.state(self.options)
        body = {
            **current,
            "label": state_label(current),
            "deadline": services.deadline(self.options),
            "max_people": self.options.max_people,
            "questions": questions(self.options),
            "form_token": form_token(),
        }
        response = Response(SignupStateSerializer(body).data)
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(
        summary="Anmeldung zu einer Veranstaltung",
        description=(
            "Ohne Login. Sind Plätze frei und wartet niemand, ist die Anmeldung bestätigt, "
            "sonst steht sie auf der Warteliste. Bestätigung per E-Mail in der Sprache aus "
            "locale, mit .ics-Anhang und Abmeldelink. Gedrosselt je Adresse (Rate „signups“). "
            "Honigtopf website und Zeitprüfung form_token: verdächtige Einsendungen werden wie "
            "ein Erfolg beantwortet, aber nicht gespeichert. Ein Formular-POST (ohne "
            "JavaScript, Accept: text/html) bekommt eine HTML-Antwortseite."
        ),
        request=SignupSerializer,
        responses={
            201: OpenApiResponse(description="status confirmed oder waiting, message."),
            400: OpenApiResponse(description="Ungültige Felder: errors nennt jedes Feld."),
            404: OpenApiResponse(description="Diese Veranstaltung nimmt keine Anmeldungen an."),
            409: OpenApiResponse(description="Anmeldeschluss vorbei."),
            429: OpenApiResponse(description="Zu viele Einsendungen von dieser Adresse."),
        },
    )
    def post(self, request, pk):
        data = request.data if hasattr(request.data, "get") else {}
        if data.get(HONEYPOT_FIELD) or looks_automated(str(data.get("form_token") or "")):
            return self.answer(request, SignupStatus.CONFIRMED)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            signup = services.sign_up(self.options, serializer.validated_data, self.language)
        except services.SignupClosed:
            return self.closed(request)
        return self.answer(request, signup.status)

    def answer(self, request, signup_status: str):
        if signup_status == SignupStatus.CONFIRMED:
            message = _("Sie sind angemeldet. Wir haben Ihnen eine Bestätigung geschickt.")
        else:
            message = _(
                "Die Veranstaltung ist ausgebucht. Sie stehen auf der Warteliste; wird ein "
                "Platz frei, schreiben wir Ihnen."
            )
        received = {"status": signup_status, "message": message}
        if html_answers.wants_html(request):
            return views.page(request, message, event=self.options.event, status=201)
        return Response(received, status=status.HTTP_201_CREATED)

    def closed(self, request):
        detail = _("Für diese Veranstaltung ist keine Anmeldung mehr möglich.")
        if html_answers.wants_html(request):
            return html_answers.page(request, detail, {}, status.HTTP_409_CONFLICT)
        body = error_body(status.HTTP_409_CONFLICT, "signup_closed", detail)
        return Response(body, status=status.HTTP_409_CONFLICT)


class SignupListItemSerializer(SignupStateSerializer):
    event = serializers.IntegerField(help_text="Id der Veranstaltung (Originalsprache).")
    events = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids der Veranstaltung in allen Sprachen."
    )
    form_token = None


class SignupListView(generics.ListAPIView):
    """Every event that takes sign-ups now, with its state: what the site builder shows."""

    permission_classes = [AllowAny]
    authentication_classes = []
    pagination_class = None
    filter_backends = []
    serializer_class = SignupListItemSerializer

    @extend_schema(
        tags=["events"],
        summary="Anmeldestand aller Veranstaltungen mit Anmeldung",
        description="Nur kommende, öffentliche Veranstaltungen. Nicht zwischengespeichert.",
        parameters=[
            OpenApiParameter("club", str, description="Nur die Veranstaltungen dieses Vereins.")
        ],
    )
    def get(self, request):
        language = translation.get_language_from_request(request._request)
        club = request.query_params.get("club", "")
        events = public_pages(EventPage.objects.live()).filter(start__gt=timezone.now())
        if club:
            root = ClubPage.objects.filter(slug=club).first()
            if root is None:
                raise InvalidParameter("club", _("Diesen Verein gibt es nicht."))
            events = events.filter(path__startswith=root.path)
        translations: dict = {}  # the events' ids by translation key, in one query
        for pk, key in events.values_list("pk", "translation_key"):
            translations.setdefault(key, []).append(pk)
        options = (
            list(
                SignupOptions.objects.filter(
                    enabled=True, event__translation_key__in=list(translations)
                ).select_related("event")
            )
            if translations
            else []
        )
        held = services.places_held_by_options([o.pk for o in options]) if options else {}
        items = []
        with translation.override(language):
            for item in options:
                current = services.state(item, held=held.get(item.pk, (0, False)))
                items.append(
                    {
                        **current,
                        "label": state_label(current),
                        "deadline": services.deadline(item),
                        "max_people": item.max_people,
                        "questions": questions(item),
                        "event": item.event_id,
                        "events": sorted(translations.get(item.event.translation_key, [])),
                    }
                )
        response = Response(SignupListItemSerializer(items, many=True).data)
        response["Cache-Control"] = "no-store"
        return response
