"""Mail on commit: every mail goes through django-tasks (immediate in dev and tests, a worker
in production), is written in its recipient's language, and leaves only once the surrounding
transaction commits."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.users.models import UserProfile

from cms import locales


@task()
def send_notification(to: str, subject: str, body: str) -> None:
    send_mail(subject, body, None, [to])


def account_language(email: str) -> str:
    """The language of the account with this address (its admin language), else German."""
    profile = (
        UserProfile.objects.filter(user__email__iexact=email)
        .exclude(preferred_language="")
        .values_list("preferred_language", flat=True)
        .first()
    )
    return profile if locales.get(profile) is not None else locales.DEFAULT


def notify_on_commit(to: str, template: str, context: dict, language: str | None = None) -> None:
    """Render a mail now, in the recipient's language (``language``, e.g. the one a visitor
    used on a form; else their account's; else German), and send it once the surrounding
    transaction commits, so no mail announces something that was rolled back."""
    language = language if locales.get(language) is not None else account_language(to)
    with translation.override(language):
        rendered = render_to_string(template, context)
    subject, _, body = rendered.strip().partition("\n")
    transaction.on_commit(
        lambda: send_notification.enqueue(to=to, subject=subject.strip(), body=body.strip())
    )
