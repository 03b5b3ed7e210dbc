import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.hardening.spreadsheets import neutralise
from cms.signups.models import Signup, SignupDeletion, SignupOptions, SignupStatus
from tests.factories import event_index, event_page, signup

pytestmark = pytest.mark.django_db


def denied(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_the_club_sees_its_events_and_switches_sign_up_on(client, club, event):
    client.force_login(club.editor)
    index = client.get(reverse("signups_admin:index"))
    assert "Workshop Vereinsfinanzen" in index.content.decode()

    form = {"enabled": "on", "capacity": "12", "max_people": "3"}
    response = client.post(reverse("signups_admin:options", args=[event.pk]), form)
    assert response.status_code == 302
    assert SignupOptions.objects.get(event=event).capacity == 12


def test_the_options_refuse_a_recurring_event_and_a_late_deadline(client, club, event):
    client.force_login(club.editor)
    late = timezone.localtime(event.start + datetime.timedelta(hours=1))
    form = {"enabled": "on", "capacity": "5", "max_people": "2"}
    response = client.post(
        reverse("signups_admin:options", args=[event.pk]),
        {**form, "deadline": late.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 200
    assert "nicht nach dem Beginn" in response.content.decode()
    weekly = event_page(event.get_parent(), title="Jede Woche", recurrence="FREQ=WEEKLY")
    response = client.post(reverse("signups_admin:options", args=[weekly.pk]), form)
    assert "nur für einmalige Termine" in response.content.decode()
    assert not SignupOptions.objects.exists()


def test_raising_the_capacity_offers_places_to_the_waiting_list(client, club, options):
    for name in "ABCDE":
        signup(options, name=name)
    client.force_login(club.editor)
    form = {"enabled": "on", "capacity": "4", "max_people": "4"}
    client.post(reverse("signups_admin:options", args=[options.event.pk]), form)
    assert options.signups.get(name="D").status == SignupStatus.OFFERED
    assert options.signups.get(name="E").status == SignupStatus.WAITING


def test_another_club_cannot_see_or_change_the_list(client, other_club, options):
    made = signup(options)
    client.force_login(other_club.editor)
    event = options.event
    assert (
        "Workshop Vereinsfinanzen"
        not in client.get(reverse("signups_admin:index")).content.decode()
    )
    for name in ("event", "options", "csv", "print"):
        assert denied(client.get(reverse(f"signups_admin:{name}", args=[event.pk]))), name
    assert denied(
        client.post(reverse("signups_admin:attendance", args=[event.pk]), {"attended": [made.pk]})
    )
    assert denied(client.post(reverse("signups_admin:cancel_signup", args=[event.pk, made.pk])))
    made.refresh_from_db()
    assert (made.attended, made.status) == (False, SignupStatus.CONFIRMED)


def test_attendance_is_marked_for_confirmed_people(client, club, options):
    a = signup(options, name="A")
    signup(options, name="B")
    client.force_login(club.editor)
    client.post(reverse("signups_admin:attendance", args=[options.event.pk]), {"attended": [a.pk]})
    assert list(Signup.objects.order_by("pk").values_list("attended", flat=True)) == [True, False]


def test_the_csv_neutralises_formulas(client, agency_user, options):
    signup(options, name='=HYPERLINK("http://x")', organisation="+49 Verein", people=2)
    client.force_login(agency_user)
    response = client.get(reverse("signups_admin:csv", args=[options.event.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nr.", "Status", "Name"]
    assert rows[1][1:6] == [
        "Bestätigt",
        '\'=HYPERLINK("http://x")',
        "ada@example.org",
        "'+49 Verein",
        "2",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("-2", "'-2"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("+x", "'+x"),
        ("Ada", "Ada"),
        (3, 3),  # numbers stay numbers (csv writes them as they are)
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_the_printable_list_has_a_signature_column_and_only_confirmed(client, agency_user, options):
    for name in ("Ada", "Bea", "Cem", "Wartende"):
        signup(options, name=name)
    client.force_login(agency_user)
    html = client.get(reverse("signups_admin:print", args=[options.event.pk])).content.decode()
    assert "Unterschrift" in html and "Ada" in html and "Cem" in html
    assert "Wartende" not in html


def test_the_event_page_counts_queries_independently_of_its_size(
    client, agency_user, options, django_assert_max_num_queries
):
    client.force_login(agency_user)
    for number in range(3):
        signup(options, name=f"P{number}")
    url = reverse("signups_admin:event", args=[options.event.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for number in range(20):
        signup(options, name=f"Q{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_agency_sees_the_deletion_records(client, agency_user, club):
    event = event_page(event_index(club), title="Altes Treffen")
    SignupDeletion.objects.create(
        event=event,
        event_title=event.title,
        event_start=event.start,
        signups_deleted=7,
        attended=5,
        people=9,
    )
    client.force_login(agency_user)
    html = client.get(reverse("signups_admin:index")).content.decode()
    assert "Altes Treffen" in html and "<td>7</td>" in html
