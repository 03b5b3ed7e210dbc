"""The rooms API: rooms with tariff and opening hours, their availability and calendar feed
(public, cached, without club names), and the clubs' bookings (logged-in editors and agency
staff; session + CSRF)."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from cms.clubs.serializers import MunicipalitySerializer
from cms.core.errors import InvalidParameter
from cms.core.params import date_param
from cms.core.submissions import submission_exception_handler
from cms.core.views import PublicReadMixin
from cms.tenancy.models import Tenant

from . import services
from .availability import BLOCKED, BOOKED, FREE, REQUESTED, availability
from .models import BlockedPeriod, Booking, BookingStatus, Room

MAX_AVAILABILITY_DAYS = 62
DEFAULT_AVAILABILITY_DAYS = 14


def room_queryset():
    return Room.objects.select_related("municipality").prefetch_related(
        "opening_hours",
        Prefetch(
            "blocked_periods",
            queryset=BlockedPeriod.objects.filter(end__gt=timezone.now()),
            to_attr="upcoming_blocked_periods",
        ),
    )


# --- serializers -----------------------------------------------------------------------------


class OpeningHoursSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 = Montag … 6 = Sonntag")
    opens = serializers.TimeField(format="%H:%M")
    closes = serializers.TimeField(format="%H:%M")


class BlockedPeriodSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    reason = serializers.CharField()


class BookableRoomSerializer(serializers.ModelSerializer):
    address = serializers.CharField(source="location")
    municipality = MunicipalitySerializer()
    opening_hours = OpeningHoursSerializer(many=True)
    blocked_periods = BlockedPeriodSerializer(
        many=True, source="upcoming_blocked_periods", help_text="Kommende Sperrzeiten."
    )
    availability_url = serializers.SerializerMethodField()
    occupancy_url = serializers.SerializerMethodField()

    class Meta:
        model = Room
        fields = [
            "id",
            "name",
            "address",
            "municipality",
            "capacity",
            "step_free",
            "accessible_toilet",
            "equipment",
            "hourly_fee",
            "daily_fee",
            "opening_hours",
            "blocked_periods",
            "availability_url",
            "occupancy_url",
        ]

    def get_availability_url(self, room) -> str:
        return self.context["request"].build_absolute_uri(f"/api/v1/rooms/{room.pk}/availability/")

    def get_occupancy_url(self, room) -> str:
        return self.context["request"].build_absolute_uri(f"/api/v1/rooms/{room.pk}/occupancy.ics")


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    state = serializers.ChoiceField(
        choices=[FREE, REQUESTED, BOOKED, BLOCKED],
        help_text="free: frei; requested: angefragt (noch buchbar, bis eine Anfrage bestätigt "
        "ist); booked: vergeben; blocked: gesperrt.",
    )


class AvailabilityDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    weekday = serializers.IntegerField(help_text="0 = Montag … 6 = Sonntag")
    opening_hours = inline_serializer(
        "RoomDayOpening",
        {"opens": serializers.CharField(), "closes": serializers.CharField()},
        many=True,
    )
    slots = SlotSerializer(many=True, help_text="Leer, wenn der Raum an dem Tag geschlossen ist.")


class AvailabilitySerializer(serializers.Serializer):
    room = inline_serializer(
        "AvailabilityRoom", {"id": serializers.IntegerField(), "name": serializers.CharField()}
    )
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    days = AvailabilityDaySerializer(many=True)


class TransitionSerializer(serializers.Serializer):
    from_status = serializers.CharField(allow_blank=True)
    to_status = serializers.CharField()
    by = serializers.SerializerMethodField()
    at = serializers.DateTimeField()
    note = serializers.CharField(allow_blank=True)

    def get_by(self, transition) -> str | None:
        user = transition.by
        return (user.get_full_name() or user.get_username()) if user else None


class BookingSerializer(serializers.ModelSerializer):
    room = inline_serializer(
        "BookingRoom", {"id": serializers.IntegerField(), "name": serializers.CharField()}
    )
    club = inline_serializer(
        "BookingClub", {"id": serializers.IntegerField(), "name": serializers.CharField()}
    )
    status_label = serializers.CharField(source="get_status_display")
    amount_due = serializers.DecimalField(max_digits=8, decimal_places=2)
    transitions = TransitionSerializer(many=True)

    class Meta:
        model = Booking
        fields = [
            "id",
            "room",
            "club",
            "start",
            "end",
            "purpose",
            "attendees",
            "status",
            "status_label",
            "fee",
            "fee_waived",
            "amount_due",
            "series",
            "created_at",
            "transitions",
        ]

    def to_representation(self, booking):
        data = super().to_representation(booking)
        data["room"] = {"id": booking.room_id, "name": booking.room.name}
        data["club"] = {"id": booking.club_id, "name": booking.club.name}
        return data


class BookingRequestSerializer(serializers.Serializer):
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.all())
    club = serializers.PrimaryKeyRelatedField(
        queryset=Tenant.objects.filter(kind="club"),
        required=False,
        help_text="Der Verein (Mandant). Ohne Angabe: der einzige Verein der angemeldeten Person.",
    )
    start = serializers.DateTimeField(help_text="Ohne Zeitzone gilt Europe/Berlin.")
    end = serializers.DateTimeField()
    purpose = serializers.CharField(max_length=200)
    attendees = serializers.IntegerField(min_value=1)
    repeat_until = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Wöchentlich wiederholen bis zu diesem Datum (einschließlich). Jeder Termin "
        "wird geprüft; geht einer nicht, wird keiner angelegt und failed_dates nennt sie.",
    )

    def validate_club(self, club):
        user = self.context["request"].user
        if (
            not user.has_perm("rooms.decide_booking")
            and not services.clubs_of(user).filter(pk=club.pk).exists()
        ):
            raise serializers.ValidationError(_("Sie können nur für Ihren eigenen Verein buchen."))
        return club

    def validate(self, data):
        if "club" not in data:
            clubs = list(services.clubs_of(self.context["request"].user)[:2])
            if len(clubs) != 1:
                raise serializers.ValidationError({"club": [_("Bitte den Verein angeben.")]})
            data["club"] = clubs[0]
        return data


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


# --- error handling --------------------------------------------------------------------------


class SeriesInvalid(exceptions.ValidationError):
    def __init__(self, detail, failed_dates):
        super().__init__(detail)
        self.failed_dates = failed_dates


def as_api_error(error: services.BookingError) -> exceptions.ValidationError:
    if error.failed_dates:
        return SeriesInvalid(error.message_dict, [d.isoformat() for d in error.failed_dates])
    return exceptions.ValidationError(error.message_dict)


def booking_exception_handler(exc, context):
    response = submission_exception_handler(exc, context)
    if isinstance(exc, SeriesInvalid) and response is not None:
        response.data["failed_dates"] = exc.failed_dates
    return response


# --- views -----------------------------------------------------------------------------------


@extend_schema(tags=["rooms"])
class RoomViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = BookableRoomSerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return room_queryset()

    @extend_schema(
        summary="Räume der Integrationsagentur",
        description="Alle Räume mit Ausstattung, Gebühren, Öffnungszeiten und kommenden "
        "Sperrzeiten.",
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="Ein Raum")
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def allowed_parameters(self):
        if self.action == "availability":
            return ["locale", "from", "to"]
        return super().allowed_parameters()

    @extend_schema(
        summary="Belegung eines Raums",
        description=(
            "Tag für Tag die Öffnungszeiten, aufgeteilt in freie, angefragte, vergebene und "
            "gesperrte Zeiten. Vereinsnamen und Zwecke erscheinen nie. Standard: ab heute für "
            f"{DEFAULT_AVAILABILITY_DAYS} Tage, höchstens {MAX_AVAILABILITY_DAYS} Tage."
        ),
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, description="Erster Tag (JJJJ-MM-TT)."),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Letzter Tag (einschließlich)."),
        ],
        responses={200: AvailabilitySerializer},
    )
    @action(detail=True, methods=["get"])
    def availability(self, request, pk=None):
        room = self.get_object()
        first = date_param(request, "from", timezone.localdate())
        last = date_param(
            request, "to", first + datetime.timedelta(days=DEFAULT_AVAILABILITY_DAYS - 1)
        )
        if last < first:
            raise InvalidParameter("to", _("Das Ende liegt vor dem Anfang."))
        if (last - first).days >= MAX_AVAILABILITY_DAYS:
            raise InvalidParameter(
                "to", _("Höchstens %(days)s Tage auf einmal.") % {"days": MAX_AVAILABILITY_DAYS}
            )
        data = {
            "room": {"id": room.pk, "name": room.name},
            "date_from": first,
            "date_to": last,
            "days": availability(room, first, last),
        }
        return Response(AvailabilitySerializer(data).data)


BOOKING_ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="Ungültige Angaben, feldweise."),
    403: OpenApiResponse(OpenApiTypes.OBJECT, description="Nicht angemeldet oder nicht erlaubt."),
    404: OpenApiResponse(OpenApiTypes.OBJECT, description="Keine sichtbare Buchung."),
}


@extend_schema(tags=["bookings"])
class BookingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Bookings of the logged-in editor's clubs (all of them for agency staff)."""

    serializer_class = BookingSerializer
    permission_classes = [IsAuthenticated]
    filter_backends = []

    def get_exception_handler(self):
        return booking_exception_handler

    def get_queryset(self):
        queryset = services.visible_bookings(self.request.user).prefetch_related("transitions__by")
        params = self.request.query_params
        if params.get("status"):
            if params["status"] not in BookingStatus.values:
                raise InvalidParameter("status", _("Unbekannter Status."))
            queryset = queryset.filter(status=params["status"])
        if params.get("room"):
            if not params["room"].isdigit():
                raise InvalidParameter("room", _("Eine ganze Zahl wird erwartet."))
            queryset = queryset.filter(room_id=int(params["room"]))
        return queryset.order_by("start", "pk")

    @extend_schema(
        summary="Buchungen",
        description="Die Buchungen der eigenen Vereine; für die Integrationsagentur alle.",
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=BookingStatus.values),
            OpenApiParameter("room", OpenApiTypes.INT),
        ],
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="Eine Buchung", responses={200: BookingSerializer, **BOOKING_ERRORS})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        summary="Raum anfragen",
        description=(
            "Legt eine Anfrage (Status requested) für einen Verein der angemeldeten Person an, "
            "bei repeat_until eine wöchentliche Serie. Geprüft werden Reihenfolge der Zeiten, "
            "Vergangenheit, Öffnungszeiten, Sperrzeiten, Plätze und bestätigte Buchungen. "
            "Der Verein bekommt eine E-Mail."
        ),
        request=BookingRequestSerializer,
        responses={201: BookingSerializer(many=True), **BOOKING_ERRORS},
    )
    def create(self, request, *args, **kwargs):
        serializer = BookingRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            bookings = services.request_booking(
                services.BookingRequest(
                    room=data["room"],
                    club=data["club"],
                    start=data["start"],
                    end=data["end"],
                    purpose=data["purpose"],
                    attendees=data["attendees"],
                    repeat_until=data.get("repeat_until"),
                ),
                request.user,
            )
        except services.BookingError as error:
            raise as_api_error(error) from error
        queryset = Booking.objects.filter(pk__in=[b.pk for b in bookings]).select_related(
            "room", "club"
        )
        body = BookingSerializer(queryset.prefetch_related("transitions__by"), many=True).data
        return Response(body, status=status.HTTP_201_CREATED)

    def _move(self, request, to_status, agency_only=False):
        booking = self.get_object()
        if agency_only and not request.user.has_perm("rooms.decide_booking"):
            raise exceptions.PermissionDenied(
                _("Nur die Integrationsagentur kann Anfragen bestätigen oder ablehnen.")
            )
        note = NoteSerializer(data=request.data)
        note.is_valid(raise_exception=True)
        try:
            booking = services.transition(
                booking, to_status, request.user, note.validated_data.get("note", "")
            )
        except services.BookingError as error:
            raise as_api_error(error) from error
        return Response(BookingSerializer(self.get_queryset().get(pk=booking.pk)).data)

    @extend_schema(
        summary="Buchung stornieren",
        description="Eine Anfrage zurückziehen oder eine bestätigte Buchung stornieren "
        "(eigener Verein; Agentur: alle).",
        request=NoteSerializer,
        responses={200: BookingSerializer, **BOOKING_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._move(request, BookingStatus.CANCELLED)

    @extend_schema(
        summary="Anfrage bestätigen (Agentur)",
        request=NoteSerializer,
        responses={200: BookingSerializer, **BOOKING_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return self._move(request, BookingStatus.CONFIRMED, agency_only=True)

    @extend_schema(
        summary="Anfrage ablehnen (Agentur)",
        request=NoteSerializer,
        responses={200: BookingSerializer, **BOOKING_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._move(request, BookingStatus.DECLINED, agency_only=True)
