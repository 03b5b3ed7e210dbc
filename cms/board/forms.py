from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.taxonomy.models import Language

from .models import BoardPost

MAX_VISIBLE_DAYS = 180


class BoardPostForm(forms.ModelForm):
    class Meta:
        model = BoardPost
        fields = [
            "tenant",
            "direction",
            "kind",
            "title",
            "description",
            "languages",
            "skills",
            "municipality",
            "start",
            "end",
            "expires_on",
        ]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
            "expires_on": forms.DateInput(attrs={"type": "date"}),
            "languages": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, tenants, agency: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tenant"].queryset = tenants
        if self.instance.pk is None and len(tenants[:2]) == 1:
            # An editor of one organisation posts for it: chosen already, nothing to pick.
            self.fields["tenant"].empty_label = None
            self.fields["tenant"].initial = tenants[0]
        self.fields["languages"].queryset = Language.objects.order_by("name")
        if agency:
            self.fields["hidden"] = forms.BooleanField(
                label=_("ausblenden (Moderation)"),
                required=False,
                initial=self.instance.hidden,
            )

    def clean(self):
        cleaned = super().clean()
        start, end, expires = cleaned.get("start"), cleaned.get("end"), cleaned.get("expires_on")
        today = timezone.localdate()
        if start and end and end < start:
            self.add_error("end", _("Das Ende darf nicht vor dem Anfang liegen."))
        if expires and expires < today:
            self.add_error("expires_on", _("Das Datum liegt in der Vergangenheit."))
        if expires and (expires - today).days > MAX_VISIBLE_DAYS:
            self.add_error(
                "expires_on",
                _("Ein Eintrag ist höchstens %(days)s Tage sichtbar.") % {"days": MAX_VISIBLE_DAYS},
            )
        return cleaned

    def save(self, commit=True):
        if "hidden" in self.fields:
            self.instance.hidden = self.cleaned_data.get("hidden", False)
        return super().save(commit)


class AnswerForm(forms.Form):
    message = forms.CharField(label=_("Ihre Antwort"), max_length=2000, widget=forms.Textarea)

    def __init__(self, *args, tenants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tenant"] = forms.ModelChoiceField(
            label=_("Antworten als"), queryset=tenants, empty_label=None
        )
