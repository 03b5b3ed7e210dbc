import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from cms.rooms import services
from cms.rooms.models import BlockedPeriod, Booking, BookingStatus
from tests.factories import booking, local_time, room

pytestmark = pytest.mark.django_db


def ask(room_, club, start, end=None, attendees=10, repeat_until=None, user=None):
    data = services.BookingRequest(
        room=room_,
        club=club.tenant,
        start=start,
        end=end or start + datetime.timedelta(hours=2),
        purpose="Vorstandssitzung",
        attendees=attendees,
        repeat_until=repeat_until,
    )
    return services.request_booking(data, user or club.editor)


def errors_of(call) -> dict:
    with pytest.raises(services.BookingError) as info:
        call()
    return info.value.message_dict


# --- fees --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start_hour", "hours", "expected"),
    [(10, 1, "12.50"), (10, 2.5, "31.25"), (8, 4, "50.00"), (8, 5, "60.00"), (8, 14, "60.00")],
)
def test_fee_is_hourly_capped_per_day(cafe, start_hour, hours, expected):
    start = local_time(3, start_hour)
    end = start + datetime.timedelta(hours=hours)
    assert services.fee_for(cafe, start, end) == Decimal(expected)


def test_fee_caps_each_day_separately(cafe):
    start = local_time(3, 20)
    end = start + datetime.timedelta(days=1, hours=6)  # 4 h on day one, 26 h more
    # Day one: 4 h = 50 €, day two: 24 h capped at 60 €, day three: 2 h = 25 €.
    assert services.fee_for(cafe, start, end) == Decimal("135.00")


def test_fee_without_daily_cap(db):
    plain = room(hourly_fee="7.00", daily_fee="0")
    start = local_time(2, 8)
    assert services.fee_for(plain, start, start + datetime.timedelta(hours=10)) == Decimal("70.00")


def test_request_stores_fee_and_waiving_sets_amount_due_to_zero(cafe, club_a, agency_user):
    (created,) = ask(cafe, club_a, local_time(5, 18))
    assert created.fee == Decimal("25.00") and created.amount_due == Decimal("25.00")
    services.set_fee_waived(created, True, agency_user)
    created.refresh_from_db()
    assert created.fee_waived and created.amount_due == Decimal("0.00")
    assert created.transitions.last().note == "Gebühr erlassen"


# --- validation --------------------------------------------------------------------------------


def test_end_before_start(cafe, club_a):
    start = local_time(5, 18)
    errors = errors_of(lambda: ask(cafe, club_a, start, start - datetime.timedelta(hours=1)))
    assert errors == {"end": ["Das Ende muss nach dem Beginn liegen."]}


def test_over_capacity(cafe, club_a):
    errors = errors_of(lambda: ask(cafe, club_a, local_time(5, 18), attendees=21))
    assert errors == {"attendees": ["Der Raum hat nur 20 Plätze."]}


def test_in_the_past(cafe, club_a):
    errors = errors_of(lambda: ask(cafe, club_a, local_time(-1, 18)))
    assert errors == {"start": ["Der Beginn liegt in der Vergangenheit."]}


def test_outside_opening_hours(cafe, club_a):
    errors = errors_of(lambda: ask(cafe, club_a, local_time(5, 21)))  # until 23:00
    (message,) = errors["start"]
    assert message.startswith("Außerhalb der Öffnungszeiten (")
    assert "08:00–22:00 Uhr" in message


def test_closed_weekday(db, club_a):
    start = local_time(5, 10)
    other_days = {
        d: (datetime.time(8), datetime.time(20)) for d in range(7) if d != start.weekday()
    }
    weekdays_only = room(hours=other_days)
    errors = errors_of(lambda: ask(weekdays_only, club_a, start))
    assert errors["start"][0].startswith("Der Raum ist am ") and "geschlossen" in errors["start"][0]


def test_blocked_period(cafe, club_a):
    BlockedPeriod.objects.create(
        room=cafe, start=local_time(5, 0), end=local_time(6, 0), reason="Abende im Café"
    )
    errors = errors_of(lambda: ask(cafe, club_a, local_time(5, 18)))
    (message,) = errors["start"]
    assert "gesperrt: Abende im Café" in message


def test_already_confirmed_slot(cafe, club_a, club_b):
    booking(cafe, club_b, days_ahead=5, hour=17, status=BookingStatus.CONFIRMED)
    errors = errors_of(lambda: ask(cafe, club_a, local_time(5, 18)))
    assert errors == {"start": ["Der Raum ist in dieser Zeit schon vergeben."]}
    # Back to back is fine (half-open intervals).
    assert ask(cafe, club_a, local_time(5, 19))


def test_several_problems_reported_together(cafe, club_a):
    errors = errors_of(lambda: ask(cafe, club_a, local_time(-2, 23), attendees=99))
    assert errors.keys() == {"attendees"}  # static checks first, nothing dated yet
    errors = errors_of(lambda: ask(cafe, club_a, local_time(-2, 22)))
    assert len(errors["start"]) == 2  # past and outside opening hours


def test_overlapping_requests_are_allowed_until_one_is_confirmed(cafe, club_a, club_b):
    (first,) = ask(cafe, club_a, local_time(5, 18))
    (second,) = ask(cafe, club_b, local_time(5, 19))
    assert first.status == second.status == BookingStatus.REQUESTED


# --- recurrence --------------------------------------------------------------------------------


def test_weekly_series_is_checked_occurrence_by_occurrence(cafe, club_a, club_b):
    start = local_time(3, 18)
    blocked_day = start + datetime.timedelta(weeks=2)
    BlockedPeriod.objects.create(
        room=cafe,
        start=blocked_day - datetime.timedelta(hours=1),
        end=blocked_day + datetime.timedelta(hours=3),
        reason="Ferien",
    )
    booking(cafe, club_b, start=start + datetime.timedelta(weeks=3), status="confirmed")
    until = (start + datetime.timedelta(weeks=4)).date()
    with pytest.raises(services.BookingError) as info:
        ask(cafe, club_a, start, repeat_until=until)
    failed = [d.isoformat() for d in info.value.failed_dates]
    assert failed == [(start + datetime.timedelta(weeks=n)).date().isoformat() for n in (2, 3)]
    messages = info.value.message_dict["occurrences"]
    assert len(messages) == 2 and "Ferien" in messages[0] and "vergeben" in messages[1]
    assert not Booking.objects.filter(club=club_a.tenant).exists()  # all or nothing


def test_weekly_series_created_with_one_series_id(cafe, club_a, mails):
    start = local_time(3, 18)
    with mails(execute=True):
        created = ask(
            cafe, club_a, start, repeat_until=(start + datetime.timedelta(days=22)).date()
        )
    assert len(created) == 4
    assert len({b.series for b in created}) == 1 and created[0].series is not None
    local_times = {timezone.localtime(b.start).time() for b in created}
    assert local_times == {datetime.time(18)}  # wall-clock time kept across DST changes
    assert len(mail.outbox) == 2  # contact address and the editor who asked
    assert all(m.body.count("Termin: ") == 4 for m in mail.outbox)


def test_series_end_before_first_date(cafe, club_a):
    start = local_time(3, 18)
    errors = errors_of(
        lambda: ask(cafe, club_a, start, repeat_until=start.date() - datetime.timedelta(days=1))
    )
    assert "repeat_until" in errors


def test_series_too_long(cafe, club_a):
    start = local_time(3, 18)
    errors = errors_of(
        lambda: ask(cafe, club_a, start, repeat_until=start.date() + datetime.timedelta(days=800))
    )
    assert errors["repeat_until"] == ["Höchstens 53 wöchentliche Termine auf einmal."]


# --- state machine -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start_status", "target", "allowed"),
    [
        ("requested", "confirmed", True),
        ("requested", "declined", True),
        ("requested", "cancelled", True),
        ("confirmed", "cancelled", True),
        ("confirmed", "declined", False),
        ("confirmed", "confirmed", False),
        ("declined", "confirmed", False),
        ("declined", "cancelled", False),
        ("cancelled", "confirmed", False),
        ("cancelled", "requested", False),
        ("requested", "requested", False),
    ],
)
def test_state_machine(cafe, club_a, agency_user, start_status, target, allowed):
    item = booking(cafe, club_a, status=start_status)
    if allowed:
        services.transition(item, target, agency_user, note="ok")
        item.refresh_from_db()
        assert item.status == target
        log = item.transitions.get()
        assert (log.from_status, log.to_status, log.by, log.note) == (
            start_status,
            target,
            agency_user,
            "ok",
        )
    else:
        with pytest.raises(services.BookingError) as info:
            services.transition(item, target, agency_user)
        assert "status" in info.value.message_dict
        item.refresh_from_db()
        assert item.status == start_status and not item.transitions.exists()


def test_full_life_cycle_recorded_and_mailed(cafe, club_a, agency_user, mails):
    with mails(execute=True):
        (item,) = ask(cafe, club_a, local_time(4, 18))
    with mails(execute=True):
        services.confirm(item, agency_user)
    with mails(execute=True):
        services.cancel(item, club_a.editor, note="Termin verschoben")
    item.refresh_from_db()
    log = list(item.transitions.values_list("from_status", "to_status", "by"))
    assert log == [
        ("", "requested", club_a.editor.pk),
        ("requested", "confirmed", agency_user.pk),
        ("confirmed", "cancelled", club_a.editor.pk),
    ]
    subjects = [m.subject for m in mail.outbox[::2]]  # two recipients each time
    assert subjects == [
        f"Raumbuchung angefragt: Café Test, {services.local_text(item.start)}",
        f"Raumbuchung bestätigt: Café Test, {services.local_text(item.start)}",
        f"Raumbuchung storniert: Café Test, {services.local_text(item.start)}",
    ]
    assert [m.to for m in mail.outbox[:2]] == [["kontakt@anadolu.example"], [club_a.editor.email]]
    assert "Termin verschoben" in mail.outbox[-1].body
    assert "25,00 €" in mail.outbox[1].body


def test_mail_goes_to_contact_and_requesting_editor(cafe, club_b, mails):
    with mails(execute=True):
        ask(cafe, club_b, local_time(4, 18))
    # club_b has no contact address: only the editor who asked.
    assert [m.to for m in mail.outbox] == [[club_b.editor.email]]


def test_confirming_rechecks_the_slot(cafe, club_a, club_b, agency_user):
    first = booking(cafe, club_a, days_ahead=6, hour=18)
    second = booking(cafe, club_b, days_ahead=6, hour=19)
    services.confirm(first, agency_user)
    with pytest.raises(services.BookingError) as info:
        services.confirm(second, agency_user)
    assert info.value.message_dict == {"start": ["Der Raum ist in dieser Zeit schon vergeben."]}
    second.refresh_from_db()
    assert second.status == BookingStatus.REQUESTED
    services.decline(second, agency_user)


def test_past_bookings_cannot_be_cancelled(cafe, club_a, agency_user):
    item = booking(cafe, club_a, days_ahead=-3, status="confirmed")
    with pytest.raises(services.BookingError):
        services.cancel(item, agency_user)


def test_visibility_and_management(cafe, club_a, club_b, agency_user):
    own = booking(cafe, club_a)
    other = booking(cafe, club_b, hour=12)
    assert list(services.visible_bookings(club_a.editor)) == [own]
    assert set(services.visible_bookings(agency_user)) == {own, other}
    assert services.may_manage(club_a.editor, own)
    assert not services.may_manage(club_a.editor, other)
    assert services.may_manage(agency_user, other)


def test_lock_room_takes_a_write_lock_on_either_database(cafe):
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        services.lock_room(cafe.pk)
    (sql,) = [q["sql"] for q in queries.captured_queries if "rooms_room" in q["sql"]]
    if connection.vendor == "postgresql":
        assert sql.rstrip().endswith("FOR UPDATE")
    else:
        assert sql.startswith("UPDATE") and "SET id = id" in sql


def test_deleting_a_club_removes_its_bookings_only(cafe, club_a, club_b, agency_user):
    from cms.tenancy.deletion import delete_tenant

    own = booking(cafe, club_a, status="confirmed")
    services.record(own, "requested", "confirmed", agency_user)
    other = booking(cafe, club_b, hour=12)
    delete_tenant(club_a.tenant, by=agency_user)
    assert list(Booking.objects.all()) == [other]
    assert cafe.pk is not None and type(cafe).objects.filter(pk=cafe.pk).exists()
