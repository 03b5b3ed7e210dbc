from django import forms
from django.utils.translation import gettext_lazy as _


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung der Ablehnung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Wird der antragstellenden Person per E-Mail mitgeteilt."),
    )


class TenantDeletionForm(forms.Form):
    """Deleting a club cannot be undone: the agency types its name to confirm."""

    confirm_name = forms.CharField(
        label=_("Zur Bestätigung den Namen des Vereins eingeben"), max_length=255
    )

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant

    def clean_confirm_name(self):
        value = self.cleaned_data["confirm_name"].strip()
        if value != self.tenant.name:
            raise forms.ValidationError(
                _("Der Name stimmt nicht überein; es wurde nichts gelöscht.")
            )
        return value
