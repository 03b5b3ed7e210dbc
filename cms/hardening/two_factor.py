"""A second factor (TOTP, django-otp) for the Wagtail admin.

After the password, a user with a confirmed authenticator app enters a six-digit code; a user
holding a permission named in ``VEREINSNETZ_OTP_REQUIRED_PERMISSIONS`` (production: the
agency's ``tenancy.work_across_tenants``, and every superuser) or in a group named in
``VEREINSNETZ_OTP_REQUIRED_GROUPS`` who has none must set one up first. Until then the session
reaches nothing but these pages and the logout, and outside the admin it counts as anonymous.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator-App"
# Pages an unverified session may open: logging in and out, and these two.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "hardening_otp_verify",
    "hardening_otp_setup",
    "wagtailadmin_javascript_catalog",
}


def second_factor_required(user) -> bool:
    """Whether ``user`` must have a second factor: by a permission they hold (production: the
    agency's right to work across tenants, which superusers hold too; it stays with the
    agency's group whatever the group is called) or by membership of a named group."""
    permissions = settings.VEREINSNETZ_OTP_REQUIRED_PERMISSIONS
    if permissions and any(user.has_perm(permission) for permission in permissions):
        return True
    groups = settings.VEREINSNETZ_OTP_REQUIRED_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def needs_verification(user) -> bool:
    if not user.is_authenticated or user.is_verified():
        return False
    return user_has_device(user) or second_factor_required(user)


class SecondFactorMiddleware:
    """Stops a password-only session of a user who has (or must have) a second factor."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None:
            return self.get_response(request)
        if not request.path_info.startswith(self.admin_prefix):
            # Lazily, so a request that never looks at the user (a cached API read) does not
            # touch the session and stays cacheable.
            request.user = SimpleLazyObject(
                lambda: AnonymousUser() if needs_verification(user) else user
            )
        elif needs_verification(user) and _url_name(request.path_info) not in OPEN_URL_NAMES:
            target = "hardening_otp_verify" if user_has_device(user) else "hardening_otp_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


class TokenForm(forms.Form):
    otp_token = forms.RegexField(
        label=_("Sechsstelliger Code aus der Authenticator-App"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Bitte die sechs Ziffern aus der App eingeben.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def token(self) -> str:
        return self.cleaned_data["otp_token"].strip()


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """The code after the password, for users with a confirmed device."""
    if not user_has_device(request.user):
        return redirect(f"{reverse('hardening_otp_setup')}?next={_next_url(request)}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.token())
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("otp_token", _("Der Code stimmt nicht oder ist abgelaufen."))
    return render(request, "hardening/otp_verify.html", {"form": form, "next": _next_url(request)})


def setup(request):
    """Set up an authenticator app: QR code and secret, confirmed by a first code."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if user_has_device(request.user):
        return redirect(f"{reverse('hardening_otp_verify')}?next={_next_url(request)}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.token()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("otp_token", _("Der Code stimmt nicht. Bitte den aktuellen Code eingeben."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title=str(_("QR-Code für die Authenticator-App"))
    )
    return render(
        request,
        "hardening/otp_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_svg": qr_svg,
            "secret": base64.b32encode(device.bin_key).decode("ascii"),
            "required": second_factor_required(request.user),
        },
    )
