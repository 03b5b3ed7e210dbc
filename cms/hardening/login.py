"""Login throttling through django-axes, fitted to Wagtail's login view: a German lockout page
(the client's address comes from ``cms.core.throttling.client_ip``)."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before the real backends. A call without a request (the shell, a
    management command) cannot be attributed to a client and is not throttled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    """Wagtail's login page with the lockout explained, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Zu viele fehlgeschlagene Anmeldeversuche. Das Konto ist von diesem Gerät aus für "
        "%(minutes)s Minuten gesperrt. Bitte später erneut versuchen oder die "
        "Integrationsagentur um ein neues Passwort bitten."
    ) % {"minutes": minutes}
    return render(
        request,
        "hardening/locked_out.html",
        {"message": message, "minutes": minutes},
        status=429,
    )
