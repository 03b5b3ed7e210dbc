"""The board in the API: ``GET /api/v1/board/`` (active posts, filterable, never a contact
detail), ``POST /api/v1/board/{id}/answer/`` (the relay form: the answer goes to the post's
organisation by mail) and the Atom feed ``/api/v1/board.atom``."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers

from cms.core.errors import InvalidParameter
from cms.core.filters import canonical_bcp47
from cms.core.submissions import (
    PublicSubmissionView,
    ReceivedSerializer,
    honeypot_field,
    locale_field,
    text_messages,
)
from cms.core.views import PublicReadMixin

from . import services
from .models import BoardDirection, BoardKind, BoardPost

FILTERS = ("kind", "direction", "municipality", "language")


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


def filtered(params):
    posts = (
        BoardPost.objects.active()
        .select_related("tenant", "municipality")
        .prefetch_related("languages")
    )
    kind = params.get("kind")
    if kind:
        if kind not in BoardKind.values:
            raise InvalidParameter("kind", _("Unbekannte Art: %(value)s.") % {"value": kind})
        posts = posts.filter(kind=kind)
    direction = params.get("direction")
    if direction:
        if direction not in BoardDirection.values:
            raise InvalidParameter("direction", _("Erwartet: offer oder request."))
        posts = posts.filter(direction=direction)
    if params.get("municipality"):
        posts = posts.filter(municipality__slug=params["municipality"])
    if params.get("language"):
        posts = posts.filter(languages__tag=canonical_bcp47(params["language"])).distinct()
    return posts


@extend_schema(
    tags=["board"],
    summary="Gesucht & Geboten",
    description="Aktive Einträge der Vereine und Partnerorganisationen. Ohne Kontaktdaten: "
    "Antworten gehen über POST /api/v1/board/{id}/answer/.",
    parameters=[
        OpenApiParameter("kind", str, enum=BoardKind.values),
        OpenApiParameter("direction", str, enum=BoardDirection.values),
        OpenApiParameter("municipality", str, description="Kurzname der Gemeinde"),
        OpenApiParameter("language", str, description="BCP-47-Tag, z. B. ti"),
    ],
)
class BoardListView(PublicReadMixin, generics.ListAPIView):
    serializer_class = BoardPostSerializer
    filter_backends = []

    def allowed_parameters(self):
        return ["locale", "limit", "offset", *FILTERS]

    def get_queryset(self):
        return filtered(self.request.query_params)


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
        return filtered({}).order_by("-created_at")[:50]

    def item_title(self, item):
        return f"{item.get_direction_display()}: {item.title}"

    def item_description(self, item):
        facts = f"{item.get_kind_display()} · {item.municipality.name} · {item.tenant.name}"
        return f"{facts}\n\n{item.description}"

    def item_link(self, item):
        return f"/api/v1/board/?kind={item.kind}#post-{item.pk}"

    def item_pubdate(self, item):
        return item.created_at
