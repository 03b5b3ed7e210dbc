"""The weekly reminder to clubs whose profile is stale (run by cron through
``manage.py remind_stale_clubs``, or by any scheduler that enqueues the task)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.admin.utils import get_admin_base_url

from .selection import recipients, stale_clubs

logger = logging.getLogger(__name__)


@task()
def remind_stale_clubs() -> dict:
    sent, without_address = [], []
    with translation.override("de"):
        for club in stale_clubs():
            addresses = recipients(club)
            if not addresses:
                without_address.append(club.slug)
                continue
            context = {
                "club": club,
                "days": settings.STALE_AFTER_DAYS,
                "edit_url": get_admin_base_url()
                + reverse("wagtailadmin_pages:edit", args=(club.pk,)),
            }
            send_mail(
                render_to_string("freshness/emails/stale_subject.txt", context).strip(),
                render_to_string("freshness/emails/stale.txt", context),
                None,
                addresses,
            )
            sent.append(club.slug)
    if without_address:
        logger.warning("Stale clubs without any address: %s", ", ".join(without_address))
    return {"sent": sent, "without_address": without_address}
