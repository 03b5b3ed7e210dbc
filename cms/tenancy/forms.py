from django import forms
from django.utils.translation import gettext_lazy as _


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung der Ablehnung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Wird der antragstellenden Person per E-Mail mitgeteilt."),
    )
