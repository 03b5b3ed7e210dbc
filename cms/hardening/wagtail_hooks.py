"""Admin wiring of the second factor: its two pages, and a link in the account settings for
everyone who has not set one up yet."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail import hooks

from . import two_factor


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("zwei-faktor/", two_factor.verify, name="hardening_otp_verify"),
        path("zwei-faktor/einrichten/", two_factor.setup, name="hardening_otp_setup"),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    if user_has_device(request.user):
        return None
    return {
        "url": reverse("hardening_otp_setup"),
        "label": _("Zweiten Faktor einrichten"),
        "help_text": _("Anmeldung zusätzlich mit einem Code aus einer Authenticator-App."),
    }


# Who may download a document: cms/tenancy/documents.py (its before_serve_document hook).
