"""The admin as club editors meet it: a Vereinsnetz login asking for the e-mail address, the
*Hilfe* menu pointing at our own German help, Wagtail's reports only for the agency, and the
style sheet that fits the editor's daily tasks on a phone."""

from django import forms
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.auth import LoginForm

# Wagtail's own help items: its English online guide and its release notes.


class EmailLoginForm(LoginForm):
    """Every account's login is its e-mail address (provisioning makes it the user name)."""

    username = forms.CharField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    password = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": _(
            "E-Mail-Adresse oder Passwort stimmen nicht. Bitte versuchen Sie es noch einmal."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-Mail-Adresse")
        self.fields["username"].widget.attrs["placeholder"] = _("name@beispiel.de")


@hooks.register("construct_reports_menu")
def reports_only_for_the_agency(request, menu_items):
    """Wagtail's reports (locked pages, workflows, site history, page types, …) are about the
    whole installation; a club editor can do nothing with them."""
    if not request.user.has_perm("tenancy.view_reports"):
        menu_items[:] = []


@hooks.register("insert_global_admin_css")
def phone_width_css():
    return format_html('<link rel="stylesheet" href="{}">', static("tenancy/admin.css"))
