"""``GET /api/v1/funding-programmes/``: the active programmes that are open for applications;
with ``?club=<slug>`` only those the club is eligible for, each with its reasons."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers
from rest_framework.response import Response

from cms.core.errors import InvalidParameter
from cms.core.params import query_params
from cms.core.views import PublicReadMixin
from cms.events.api import public_club

from . import matching
from .models import FundingProgramme, Recurrence


def public_programmes():
    """Active programmes with everything the API shows, in a constant number of queries."""
    return FundingProgramme.objects.filter(active=True).prefetch_related(
        "focus_areas", "municipalities", "deadlines"
    )


def open_programmes(today):
    return [programme for programme in public_programmes() if programme.is_open(today)]


def deadline_data(programme, today) -> list[dict]:
    return [
        {
            "date": date,
            "recurrence": deadline.recurrence,
            "label": deadline.label,
        }
        for date, deadline in programme.upcoming_deadlines(today)
    ]


def programme_data(programme, today, found=None) -> dict:
    deadlines = deadline_data(programme, today)
    data = {
        "slug": programme.slug,
        "title": programme.title,
        "funder": programme.funder,
        "summary": programme.summary,
        "min_amount": programme.min_amount,
        "max_amount": programme.max_amount,
        "eligibility": {
            "legal_forms": [
                {"value": value, "label": matching.legal_form_label(value)}
                for value in programme.legal_forms
            ],
            "min_club_age_years": programme.min_club_age_years,
            "max_club_age_years": programme.max_club_age_years,
            "focus_areas": [
                {"slug": area.slug, "name": area.name} for area in programme.focus_areas.all()
            ],
            "municipalities": [
                {"slug": place.slug, "name": place.name} for place in programme.municipalities.all()
            ],
        },
        "deadlines": deadlines,
        "next_deadline": deadlines[0]["date"] if deadlines else None,
        "link": programme.link,
        "contact": {
            "name": programme.contact_name,
            "email": programme.contact_email,
            "phone": programme.contact_phone,
        },
        "required_documents": programme.document_list,
    }
    if found is not None:
        data["reasons"] = [reason.as_dict() for reason in found]
    return data


def sort_key(item: dict):
    # Soonest deadline first; programmes without a deadline (rolling) after them.
    return (item["next_deadline"] is None, item["next_deadline"] or "", item["title"])


# --- Schema ---------------------------------------------------------------------------------


class ChoiceRefSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class SlugNameSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class EligibilitySerializer(serializers.Serializer):
    legal_forms = ChoiceRefSerializer(many=True, help_text="Leer: jede Rechtsform.")
    min_club_age_years = serializers.IntegerField(allow_null=True)
    max_club_age_years = serializers.IntegerField(allow_null=True)
    focus_areas = SlugNameSerializer(many=True, help_text="Leer: alle Schwerpunkte.")
    municipalities = SlugNameSerializer(many=True, help_text="Leer: der ganze Kreis.")


class DeadlineSerializer(serializers.Serializer):
    date = serializers.DateField(help_text="Nächster Termin dieser Frist (heute oder später).")
    recurrence = serializers.ChoiceField(choices=Recurrence.choices)
    label = serializers.CharField()


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()


class ReasonSerializer(serializers.Serializer):
    criterion = serializers.ChoiceField(choices=matching.CRITERIA)
    met = serializers.BooleanField()
    detail = serializers.CharField()


@extend_schema_serializer(component_name="FundingProgramme")
class FundingProgrammeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    funder = serializers.CharField()
    summary = serializers.CharField()
    min_amount = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    max_amount = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    eligibility = EligibilitySerializer()
    deadlines = DeadlineSerializer(many=True, help_text="Kommende Fristen, früheste zuerst.")
    next_deadline = serializers.DateField(
        allow_null=True, help_text="Leer: laufende Antragstellung ohne Frist."
    )
    link = serializers.CharField()
    contact = ContactSerializer()
    required_documents = serializers.ListField(child=serializers.CharField())
    reasons = ReasonSerializer(
        many=True,
        required=False,
        help_text="Nur mit ?club=: je Kriterium, ob und warum der Verein es erfüllt.",
    )


@extend_schema(
    tags=["funding"],
    operation_id="funding_programmes_list",
    summary="Förderprogramme",
    description=(
        "Aktive Förderprogramme mit offener Antragstellung (eine Frist liegt noch vor uns oder "
        "es gibt keine), nach nächster Frist sortiert. Mit club nur die Programme, für die "
        "dieser Verein antragsberechtigt ist, mit den Gründen je Kriterium. Kalender der "
        "Fristen: /api/v1/funding-programmes.ics."
    ),
    parameters=[
        OpenApiParameter(
            "club",
            OpenApiTypes.STR,
            description="Kurzname (slug) eines öffentlichen Vereins.",
        )
    ],
)
class FundingProgrammeListView(PublicReadMixin, generics.ListAPIView):
    serializer_class = FundingProgrammeSerializer
    filter_backends = []
    pagination_class = None
    queryset = FundingProgramme.objects.none()

    def allowed_parameters(self):
        return ["club", "locale"]

    def get_club(self):
        slug = (query_params(self.request).get("club") or "").strip()
        if not slug:
            return None
        club = public_club(slug)
        if club is None:
            raise InvalidParameter("club", _("Kein öffentlicher Verein mit diesem Kurznamen."))
        return club

    def list(self, request, *args, **kwargs):
        today = timezone.localdate()
        club = self.get_club()
        programmes = open_programmes(today)
        if club is None:
            items = [programme_data(programme, today) for programme in programmes]
        else:
            items = [
                programme_data(programme, today, found)
                for programme, found in matching.matching_programmes(programmes, club, today)
            ]
        items.sort(key=sort_key)
        return Response(self.get_serializer(items, many=True).data)
