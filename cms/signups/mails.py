"""The mails of a sign-up, in the language of the form it was made with: confirmation, place
on the waiting list, the offer of a freed place, reminder and cancellation. Each carries the
event as an ``.ics`` file and the link that cancels without an account.

They are queued through django-tasks once the transaction commits (a rolled-back sign-up mails
nobody); the task reads the sign-up again, so a worker sends what is true when it runs.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django_tasks import task
from icalendar import Calendar, Event

from cms.events.calendar import berlin_timezone, location_text

from .models import Signup

KINDS = ("confirmed", "waiting", "offer", "reminder", "cancelled")
TOKEN_SALT = "signups.link"


def link_token(signup) -> str:
    """The sign-up's random token, signed: the same value in every mail of one sign-up."""
    return signing.Signer(salt=TOKEN_SALT).sign(str(signup.token))


def signup_token(value: str) -> str | None:
    """The sign-up's token inside a signed link value, or None if it was tampered with."""
    try:
        return signing.Signer(salt=TOKEN_SALT).unsign(value)
    except signing.BadSignature:
        return None


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def cancel_url(signup) -> str:
    return absolute(reverse("signups:cancel", args=[link_token(signup)]))


def accept_url(signup) -> str:
    return absolute(reverse("signups:accept", args=[link_token(signup)]))


def ics(event) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Vereinsnetz//Anmeldungen//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(berlin_timezone())
    component = Event()
    component.add("uid", f"event-{event.translation_key}@vereinsnetz")
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    component.add("dtstart", timezone.localtime(event.start))
    if event.end:
        component.add("dtend", timezone.localtime(event.end))
    component.add("summary", event.title)
    location = location_text(event)
    if location:
        component.add("location", location)
    if event.summary:
        component.add("description", event.summary)
    calendar.add_component(component)
    return calendar.to_ical()


def render(signup, kind: str) -> EmailMessage:
    event = signup.options.event
    with translation.override(signup.locale):
        context = {
            "signup": signup,
            "event": event,
            "start": formats.date_format(timezone.localtime(event.start), "DATETIME_FORMAT"),
            "place": location_text(event) or "",
            "cancel_url": cancel_url(signup),
            "accept_url": accept_url(signup) if kind == "offer" else "",
            "offered_until": formats.date_format(
                timezone.localtime(signup.offered_until), "DATETIME_FORMAT"
            )
            if signup.offered_until
            else "",
        }
        text = render_to_string(f"signups/emails/{kind}.txt", context).strip()
    subject, _, body = text.partition("\n")
    message = EmailMessage(subject.strip(), body.strip(), None, [signup.email])
    if kind != "cancelled":
        message.attach("veranstaltung.ics", ics(event), "text/calendar")
    return message


@task()
def send_signup_mail(signup_id: int, kind: str) -> None:
    signup = Signup.objects.select_related("options__event").filter(pk=signup_id).first()
    if signup is not None:
        render(signup, kind).send()


def send_on_commit(signup, kind: str) -> None:
    assert kind in KINDS
    transaction.on_commit(lambda: send_signup_mail.enqueue(signup_id=signup.pk, kind=kind))
