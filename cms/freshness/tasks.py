"""The reminder to clubs whose profile is stale or unconfirmed for a year (run weekly by cron
through ``manage.py remind_stale_clubs``, or by any scheduler that enqueues the task). A club
is mailed again only after ``REMIND_EVERY_DAYS``, and no more once somebody confirms."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.admin.utils import get_admin_base_url

from .models import ProfileReminder
from .selection import clubs_to_remind, recipients, remind_after
from .tokens import make_token

logger = logging.getLogger(__name__)


@task()
def remind_stale_clubs() -> dict:
    sent, without_address = [], []
    with translation.override("de"):
        for club in clubs_to_remind():
            addresses = recipients(club)
            if not addresses:
                without_address.append(club.slug)
                continue
            reminder = ProfileReminder.objects.create(club=club, recipients=len(addresses))
            base = get_admin_base_url()
            context = {
                "club": club,
                "days": remind_after().days,
                "last_update": club.last_update,
                "confirm_url": base + reverse("freshness_confirm", args=(make_token(reminder),)),
                "edit_url": base + reverse("wagtailadmin_pages:edit", args=(club.pk,)),
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
