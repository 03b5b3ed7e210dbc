"""The links in the mails: cancel a sign-up and accept an offered place, without an account.

A link only shows a page with one button; the change happens on its POST. Mail filters and
link previews open links by themselves, and they must neither cancel a place nor accept one.
The page speaks the language of the sign-up.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.core import html_answers
from cms.events.calendar import location_text

from . import services
from .mails import signup_token
from .models import Signup, SignupStatus


def signup_from(value: str) -> Signup:
    token = signup_token(value)
    signup = (
        Signup.objects.select_related("options__event").filter(token=token).first()
        if token
        else None
    )
    if signup is None:
        raise Http404
    return signup


def page(request, heading: str, *, signup=None, event=None, text="", action="", status=200):
    event = event or (signup.options.event if signup else None)
    context = {
        "language": translation.get_language(),
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "heading": heading,
        "signup": signup,
        "event": event,
        "start": formats.date_format(timezone.localtime(event.start), "DATETIME_FORMAT")
        if event
        else "",
        "place": location_text(event) if event else "",
        "text": text,
        "action": action,
        "back_url": html_answers.form_url(request),
        "back_label": _("Zurück"),
    }
    return render(request, "signups/public/page.html", context, status=status)


@require_http_methods(["GET", "POST"])
def cancel(request, value: str):
    signup = signup_from(value)
    with translation.override(signup.locale):
        if signup.status in (SignupStatus.CANCELLED, SignupStatus.EXPIRED):
            return page(request, _("Sie sind abgemeldet."), signup=signup)
        if request.method == "POST":
            services.cancel(signup)
            return page(
                request,
                _("Sie sind abgemeldet."),
                signup=signup,
                text=_("Wir haben Ihnen eine Bestätigung geschickt."),
            )
        return page(
            request,
            _("Von der Veranstaltung abmelden?"),
            signup=signup,
            text=_("Ihr Platz geht dann an die nächste Person auf der Warteliste."),
            action=_("Ja, abmelden"),
        )


@require_http_methods(["GET", "POST"])
def accept(request, value: str):
    signup = signup_from(value)
    with translation.override(signup.locale):
        if signup.status == SignupStatus.CONFIRMED:
            return page(request, _("Ihr Platz ist bestätigt."), signup=signup)
        lapsed = signup.status != SignupStatus.OFFERED or signup.offered_until <= timezone.now()
        if lapsed:
            return page(
                request,
                _("Dieses Angebot gilt nicht mehr."),
                signup=signup,
                text=_("Der Platz ist an die nächste Person auf der Warteliste gegangen."),
                status=410,
            )
        if request.method == "POST":
            if services.accept(signup):
                return page(
                    request,
                    _("Ihr Platz ist bestätigt."),
                    signup=signup,
                    text=_("Wir haben Ihnen eine Bestätigung mit dem Termin geschickt."),
                )
            return page(request, _("Dieses Angebot gilt nicht mehr."), signup=signup, status=410)
        until = formats.date_format(timezone.localtime(signup.offered_until), "DATETIME_FORMAT")
        return page(
            request,
            _("Ein Platz ist für Sie frei"),
            signup=signup,
            text=_("Der Platz ist bis %(until)s für Sie reserviert.") % {"until": until},
            action=_("Platz annehmen"),
        )
