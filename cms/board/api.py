"""The board in the API: ``GET /api/v1/board/`` (active posts, filterable, never a contact
detail), ``POST /api/v1/board/{id}/answer/`` (the relay form: the answer goes to the post's
organisation by mail) and the Atom feed ``/api/v1/board.atom``."""

import django_filters
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers

from cms.core.errors import exception_handler
from cms.core.filters import NormalisingFilterSet, canonical_bcp47
from cms.core.locales import requested_language
from cms.core.schema import LOCALE_PARAMETER
from cms.core.submissions import (
    PublicSubmissionView,
    ReceivedSerializer,
    honeypot_field,
    locale_field,
    text_messages,
)
from cms.core.views import PublicReadMixin
from cms.taxonomy.models import Language, Municipality

from . import services
from .models import BoardDirection, BoardKind, BoardPost


class BoardPostSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="tenant.name")
    organisation_kind = serializers.CharField(source="tenant.kind")
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    languages = serializers.SlugRelatedField(slug_field="tag", many=True, read_only=True)
    answer_url = serializers.SerializerMethodField()

    class Meta:
        model = BoardPost
        fields = [
            "id",
            "direction",
            "kind",
            "title",
            "description",
            "languages",
            "skills",
            "municipality",
            "start",
            "end",
            "expires_on",
            "organisation",
            "organisation_kind",
            "created_at",
            "answer_url",
        ]

    def get_answer_url(self, post) -> str:
        return f"/api/v1/board/{post.pk}/answer/"


def active_posts():
    return (
        BoardPost.objects.active()
        .select_related("tenant", "municipality")
        .prefetch_related("languages")
    )


def unknown(message):
    """The error of a filter value that names nothing, in the request's language."""
    return {"invalid_choice": message, "invalid_pk_value": message}


class BoardFilter(NormalisingFilterSet):
    """The list's filters, also the portal's pages per filter (``plugins/board``); a value
    that names nothing is a 400 with a message in the requested language."""

    kind = django_filters.MultipleChoiceFilter(
        choices=BoardKind.choices,
        help_text="Art des Eintrags; mehrfach = oder.",
        error_messages=unknown(gettext_lazy("Unbekannte Art: %(value)s.")),
    )
    direction = django_filters.ChoiceFilter(
        choices=BoardDirection.choices,
        help_text="offer: Angebote; request: Gesuche.",
        error_messages=unknown(gettext_lazy("Erwartet: offer oder request.")),
    )
    municipality = django_filters.ModelMultipleChoiceFilter(
        field_name="municipality__slug",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        help_text="Kurzname der Gemeinde, z. B. dueren; mehrfach = oder.",
        error_messages=unknown(gettext_lazy("Unbekannte Gemeinde: %(value)s.")),
    )
    language = django_filters.ModelMultipleChoiceFilter(
        field_name="languages__tag",
        to_field_name="tag",
        queryset=Language.objects.all(),
        distinct=True,
        help_text="Sprache als BCP-47-Tag, z. B. ti; mehrfach = oder.",
        error_messages=unknown(gettext_lazy("Unbekannte Sprache: %(value)s.")),
    )

    normalisers = {"language": canonical_bcp47}

    class Meta:
        model = BoardPost
        fields = []


def board_exception_handler(exc, context):
    """The API's error shape, its summary in the request's language too."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and response.data.get("parameter"):
        response.data["detail"] = _("Ungültiger Filter: %(parameter)s") % {
            "parameter": response.data["parameter"]
        }
    return response


@extend_schema(
    tags=["board"],
    summary="Gesucht & Geboten",
    description="Aktive Einträge der Vereine und Partnerorganisationen. Ohne Kontaktdaten: "
    "Antworten gehen über POST /api/v1/board/{id}/answer/. Filter lassen sich kombinieren; "
    "Fehlermeldungen in der Sprache von locale.",
    parameters=[LOCALE_PARAMETER],
)
class BoardListView(PublicReadMixin, generics.ListAPIView):
    serializer_class = BoardPostSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = BoardFilter

    def allowed_parameters(self):
        return ["locale", "limit", "offset", *BoardFilter.base_filters]

    def dispatch(self, request, *args, **kwargs):
        # The language a request activates is undone when it ends.
        with translation.override(requested_language(request)):
            return super().dispatch(request, *args, **kwargs)

    def get_exception_handler(self):
        return board_exception_handler

    def get_queryset(self):
        return active_posts()


class BoardAnswerSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, error_messages=text_messages())
    email = serializers.EmailField(
        max_length=254,
        error_messages=text_messages(
            invalid=gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an.")
        ),
    )
    message = serializers.CharField(max_length=2000, error_messages=text_messages())
    privacy_consent = serializers.BooleanField(
        error_messages={"required": gettext_lazy("Bitte stimmen Sie der Datenschutzerklärung zu.")}
    )
    locale = locale_field()
    website = honeypot_field()

    def validate_privacy_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Bitte stimmen Sie der Datenschutzerklärung zu."))
        return value


@extend_schema(
    tags=["board"],
    summary="Auf einen Eintrag antworten",
    description="Die Nachricht geht per E-Mail an die Organisation des Eintrags (Antwort-an: "
    "Ihre Adresse); die Seite zeigt keine Adresse. Gedrosselt (Rate „board“), mit Honigtopf "
    "website.",
    request=BoardAnswerSerializer,
    responses={
        201: ReceivedSerializer,
        400: OpenApiResponse(description="Ungültige Felder."),
        404: OpenApiResponse(description="Kein aktiver Eintrag."),
    },
)
class BoardAnswerView(PublicSubmissionView):
    serializer_class = BoardAnswerSerializer
    throttle_scope = "board"
    label_plugin = "board"
    label_prefix = "board."

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.post_obj = BoardPost.objects.active().filter(pk=kwargs["pk"]).first()
        if self.post_obj is None:
            raise Http404

    def save(self, data):
        services.answer(
            self.post_obj, name=data["name"], email=data["email"], message=data["message"]
        )

    def received_message(self):
        return _("Danke! Ihre Nachricht ist an die Organisation weitergeleitet.")


class BoardFeed(Feed):
    feed_type = Atom1Feed
    title = "Gesucht & Geboten – Vereinsnetz Kreis Düren"
    link = "/api/v1/board/"
    subtitle = "Angebote und Gesuche der Vereine und Partnerorganisationen"

    def items(self):
        return active_posts().order_by("-created_at")[:50]

    def item_title(self, item):
        return f"{item.get_direction_display()}: {item.title}"

    def item_description(self, item):
        facts = f"{item.get_kind_display()} · {item.municipality.name} · {item.tenant.name}"
        return f"{facts}\n\n{item.description}"

    def item_link(self, item):
        return f"/api/v1/board/?kind={item.kind}#post-{item.pk}"

    def item_pubdate(self, item):
        return item.created_at
