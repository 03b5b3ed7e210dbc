"""The organiser's side in the admin, under "Anmeldungen": the events one organises with their
sign-up state, switching sign-ups on, the participant list with attendance, its CSV and a
printable list with a signature column, and the record of deleted sign-up data."""

import io

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.models import Locale

from cms.events.calendar import location_text
from cms.events.models import EventPage
from cms.hardening.spreadsheets import csv_writer

from . import services
from .access import manageable_events
from .forms import SignupOptionsForm
from .models import HOLDING_PLACES, Signup, SignupDeletion, SignupOptions, SignupStatus


def managed_event(request, pk) -> EventPage:
    event = get_object_or_404(EventPage, pk=pk)
    if not manageable_events(request.user).filter(pk=event.pk).exists():
        return None
    return event


def index(request):
    now = timezone.now()
    events = (
        manageable_events(request.user)
        .filter(locale=Locale.get_default(), start__gte=now - timezone.timedelta(days=60))
        .select_related("signup_options")
        .annotate(
            held=Sum(
                "signup_options__signups__people",
                filter=Q(signup_options__signups__status__in=HOLDING_PLACES),
            ),
            waiting=Count(
                "signup_options__signups",
                filter=Q(signup_options__signups__status=SignupStatus.WAITING),
            ),
        )
        .order_by("start")[:200]
    )
    deletions = SignupDeletion.objects.all()
    if not request.user.has_perm("signups.view_all_signups"):
        deletions = deletions.filter(event__in=manageable_events(request.user))
    return TemplateResponse(
        request,
        "signups/admin/index.html",
        {"events": events, "deletions": deletions[:100], "now": now},
    )


def options(request, pk):
    event = managed_event(request, pk)
    if event is None:
        return permission_denied(request)
    instance = SignupOptions.objects.filter(event=event).first() or SignupOptions(event=event)
    form = SignupOptionsForm(request.POST or None, instance=instance, event=event)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            services.offer_free_places(services.lock_options(saved.pk))
        messages.success(request, _("Die Anmeldung ist eingerichtet."))
        return redirect("signups_admin:event", pk=event.pk)
    return TemplateResponse(request, "signups/admin/options.html", {"event": event, "form": form})


def participants(event):
    return list(Signup.objects.filter(options__event=event).order_by("created_at", "pk"))


def event_view(request, pk):
    event = managed_event(request, pk)
    if event is None:
        return permission_denied(request)
    options = SignupOptions.objects.filter(event=event).first()
    if options is None:
        return redirect("signups_admin:options", pk=event.pk)
    signups = participants(event)
    return TemplateResponse(
        request,
        "signups/admin/event.html",
        {
            "event": event,
            "options": options,
            "state": services.state(options),
            "held": services.places_held(options),
            "active": [s for s in signups if s.status in HOLDING_PLACES],
            "waiting": [s for s in signups if s.status == SignupStatus.WAITING],
            "gone": [
                s for s in signups if s.status in (SignupStatus.CANCELLED, SignupStatus.EXPIRED)
            ],
        },
    )


@require_POST
def attendance(request, pk):
    event = managed_event(request, pk)
    if event is None:
        return permission_denied(request)
    present = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
    confirmed = Signup.objects.filter(options__event=event, status=SignupStatus.CONFIRMED)
    confirmed.filter(pk__in=present).update(attended=True)
    confirmed.exclude(pk__in=present).update(attended=False)
    messages.success(request, _("Die Anwesenheit ist gespeichert."))
    return redirect("signups_admin:event", pk=event.pk)


@require_POST
def cancel_signup(request, pk, signup_pk):
    event = managed_event(request, pk)
    if event is None:
        return permission_denied(request)
    signup = get_object_or_404(Signup, pk=signup_pk, options__event=event)
    services.cancel(signup)
    messages.success(request, _("%(name)s ist abgemeldet.") % {"name": signup.name})
    return redirect("signups_admin:event", pk=event.pk)


def csv_download(request, pk):
    event = managed_event(request, pk)
    if event is None:
        return permission_denied(request)
    stream = io.StringIO()
    writer = csv_writer(stream, delimiter=";")
    writer.writerow(
        [
            _("Nr."),
            _("Status"),
            _("Name"),
            _("E-Mail"),
            _("Für die Organisation"),
            _("Personen"),
            _("Sprachbedarf"),
            _("Kinder zur Betreuung"),
            _("Essenswünsche"),
            _("angemeldet am"),
            _("Anwesend"),
        ]
    )
    for number, signup in enumerate(participants(event), start=1):
        writer.writerow(
            [
                number,
                signup.get_status_display(),
                signup.name,
                signup.email,
                signup.organisation,
                signup.people,
                signup.language_needs,
                signup.childcare,
                signup.dietary,
                timezone.localtime(signup.created_at).strftime("%d.%m.%Y %H:%M"),
                _("ja") if signup.attended else _("nein"),
            ]
        )
    # A byte order mark, so spreadsheet programs read the umlauts as UTF-8.
    response = HttpResponse("\ufeff" + stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teilnehmende-{event.slug}.csv"'
    return response


def print_view(request, pk):
    event = managed_event(request, pk)
    if event is None:
        return permission_denied(request)
    confirmed = [s for s in participants(event) if s.status == SignupStatus.CONFIRMED]
    return TemplateResponse(
        request,
        "signups/admin/print.html",
        {
            "event": event,
            "place": location_text(event) or "",
            "rows": confirmed,
            "blank_rows": range(5),
        },
    )
