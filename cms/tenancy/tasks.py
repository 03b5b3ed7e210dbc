"""Mails to clubs go through django-tasks: immediate in dev and tests, a worker in production."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_notification(to: str, subject: str, body: str) -> None:
    send_mail(subject, body, None, [to])


def notify_on_commit(to: str, template: str, context: dict) -> None:
    """Render a German mail now and send it once the surrounding transaction commits, so no
    mail announces something that was rolled back."""
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    transaction.on_commit(
        lambda: send_notification.enqueue(to=to, subject=subject.strip(), body=body.strip())
    )
