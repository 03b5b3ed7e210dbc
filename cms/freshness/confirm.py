"""The public page behind the reminder's "Alles noch aktuell" link.

A GET only shows the club and a button, because mail scanners and link previews open links
by themselves; the POST of that button records the confirmation. The same link confirms at
most once (later POSTs show the first confirmation), and nobody needs to log in: the signed
token is the proof that the mail reached the club."""

from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from cms.homepages.builds import queue_portal_rebuild

from .models import ProfileConfirmation, ProfileReminder
from .tokens import reminder_id


def _answer(request, status=200, **context):
    return render(request, "freshness/confirm.html", context, status=status)


@require_http_methods(["GET", "POST"])
def confirm_profile(request, token: str):
    pk = reminder_id(token)
    reminder = ProfileReminder.objects.select_related("club").filter(pk=pk).first() if pk else None
    if reminder is None or not reminder.club.live:
        return _answer(
            request,
            status=404,
            title=_("Dieser Link gilt nicht mehr"),
            message=_(
                "Der Link ist abgelaufen oder unvollständig. Melden Sie sich in der Verwaltung "
                "an und speichern Sie das Profil, oder warten Sie auf die nächste Erinnerung."
            ),
        )
    club = reminder.club
    confirmation = ProfileConfirmation.objects.filter(reminder=reminder).first()
    if request.method == "POST" and confirmation is None:
        with transaction.atomic():
            confirmation, created = ProfileConfirmation.objects.get_or_create(
                reminder=reminder,
                defaults={"club": club, "source": ProfileConfirmation.Source.MAIL},
            )
            if created:
                queue_portal_rebuild()
    return _answer(request, club=club, confirmation=confirmation, token=token)
