import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from cms.signups import mails as signup_mails
from cms.signups import retention, services
from cms.signups.models import Signup, SignupDeletion, SignupStatus
from tests.factories import event_index, event_page, signup, signup_options

pytestmark = pytest.mark.django_db


def statuses(options):
    return [(s.name, s.status) for s in options.signups.order_by("created_at", "pk")]


def test_places_are_confirmed_until_full_then_the_waiting_list_fills(options):
    for name in ("A", "B", "C", "D", "E"):
        signup(options, name=name)

    assert statuses(options) == [
        ("A", "confirmed"),
        ("B", "confirmed"),
        ("C", "confirmed"),
        ("D", "waiting"),
        ("E", "waiting"),
    ]
    assert services.state(options) == {"state": "waitlist", "capacity": 3, "free": 0}


def test_a_party_counts_its_people_and_waits_if_it_does_not_fit(options):
    signup(options, name="Familie", people=2)
    assert services.state(options)["free"] == 1
    assert signup(options, name="Gruppe", people=2).status == SignupStatus.WAITING
    # Someone later with one person does not jump the queue while somebody waits.
    assert signup(options, name="Einzeln", people=1).status == SignupStatus.WAITING


def test_a_cancelled_place_is_offered_to_the_first_waiting_for_the_offer_time(
    options, settings, mails, mailoutbox
):
    settings.SIGNUP_OFFER_HOURS = 48
    first = [signup(options, name=n, email=f"{n}@example.org") for n in ("A", "B", "C")]
    waiting = [signup(options, name=n, email=f"{n}@example.org") for n in ("D", "E")]

    mailoutbox.clear()
    with mails(execute=True):
        services.cancel(first[1])

    offered = Signup.objects.get(pk=waiting[0].pk)
    assert offered.status == SignupStatus.OFFERED
    assert offered.offered_until == pytest.approx(
        timezone.now() + datetime.timedelta(hours=48), abs=datetime.timedelta(minutes=1)
    )
    assert Signup.objects.get(pk=waiting[1].pk).status == SignupStatus.WAITING
    assert sorted(m.to[0] for m in mailoutbox) == ["B@example.org", "D@example.org"]
    offer = next(m for m in mailoutbox if m.to == ["D@example.org"])
    assert signup_mails.accept_url(offered) in offer.body


def test_accepting_confirms_and_a_lapsed_offer_goes_to_the_next(options, mails, mailoutbox):
    first = [signup(options, name=n) for n in ("A", "B", "C")]
    d, e = signup(options, name="D"), signup(options, name="E")
    services.cancel(first[0])
    services.cancel(first[1])
    assert services.places_held(options) == 3  # one confirmed + two offered

    assert services.accept(d) is True
    later = timezone.now() + datetime.timedelta(days=3)
    mailoutbox.clear()
    with mails(execute=True):
        assert services.expire_offers(now=later) == 1
    assert Signup.objects.get(pk=e.pk).status == SignupStatus.EXPIRED
    assert services.accept(Signup.objects.get(pk=e.pk)) is False
    assert statuses(options)[-2:] == [("D", "confirmed"), ("E", "expired")]
    assert services.places_held(options) <= options.capacity


def test_expiry_offers_the_lapsed_place_to_the_next_in_line(options):
    for name in ("A", "B", "C", "D", "E"):
        signup(options, name=name)
    services.cancel(options.signups.get(name="A"))
    services.expire_offers(now=timezone.now() + datetime.timedelta(days=3))
    assert options.signups.get(name="D").status == SignupStatus.EXPIRED
    assert options.signups.get(name="E").status == SignupStatus.OFFERED


def test_no_sign_up_after_the_deadline_or_when_switched_off(event):
    options = signup_options(event, deadline=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(services.SignupClosed):
        signup(options)
    options.deadline = None
    options.enabled = False
    options.save()
    with pytest.raises(services.SignupClosed):
        signup(options)
    assert not Signup.objects.exists()


def test_answers_to_questions_not_asked_are_not_stored(options):
    made = signup(options, dietary="vegetarisch", childcare=2, language_needs="Arabisch")
    assert (made.dietary, made.childcare, made.language_needs) == ("", 0, "")
    options.ask_dietary = options.ask_childcare = options.ask_language_needs = True
    options.save()
    made = signup(options, dietary="vegetarisch", childcare=2, language_needs="Arabisch")
    assert (made.dietary, made.childcare, made.language_needs) == ("vegetarisch", 2, "Arabisch")


def test_confirmation_comes_in_the_form_language_with_the_event_and_a_cancel_link(
    options, mails, mailoutbox
):
    with mails(execute=True):
        made = signup(options, name="Layla", locale="ar")

    (message,) = mailoutbox
    assert "Workshop Vereinsfinanzen" in message.subject
    assert "تأكيد" in message.subject  # the Arabic catalogue, not German
    assert signup_mails.cancel_url(made) in message.body
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == ("veranstaltung.ics", "text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["summary"]) == "Workshop Vereinsfinanzen"
    assert vevent.decoded("dtstart") == options.event.start


def test_nothing_is_mailed_when_the_transaction_rolls_back(options, mails, mailoutbox):
    with mails(execute=False) as callbacks:
        signup(options)
    assert len(callbacks) == 1 and mailoutbox == []


def test_reminder_goes_once_the_day_before(club, mails, mailoutbox):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    index = event_index(club)
    options = signup_options(event_page(index, title="Morgen", start=tomorrow))
    signup(options, name="A")
    later = signup_options(event_page(index, title="Später"))
    signup(later, name="B")
    mailoutbox.clear()
    with mails(execute=True):
        assert services.remind() == 1
        assert services.remind() == 0
    assert [m.subject for m in mailoutbox] == ["Erinnerung: morgen Morgen"]


def test_personal_data_is_deleted_after_the_retention_and_the_deletion_recorded(club, settings):
    settings.SIGNUP_RETENTION_DAYS = 30
    start = timezone.now() + datetime.timedelta(days=2)
    event = event_page(event_index(club), title="Austauschtreffen", start=start)
    options = signup_options(event, capacity=1)
    signup(options, name="A", people=1)
    signup(options, name="B")
    Signup.objects.filter(name="A").update(attended=True)

    assert retention.purge(now=start + datetime.timedelta(days=29)) == 0
    assert retention.purge(now=start + datetime.timedelta(days=31)) == 2

    assert not Signup.objects.exists()
    record = SignupDeletion.objects.get()
    assert (record.event_id, record.event_title, record.signups_deleted) == (
        event.pk,
        "Austauschtreffen",
        2,
    )
    assert (record.attended, record.people) == (1, 1)
