"""Admin forms: a club proposes a cooperation to a partner; a club records a mentoring."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Locale

from cms.clubs.models import ClubPage

from .models import CooperationKind, Mentoring, PartnerPage


def published_default(model):
    return model.objects.live().filter(locale=Locale.get_default()).order_by("title")


class TitleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class OwnClubMixin(forms.Form):
    """The club the form speaks for: one of the user's clubs."""

    club = TitleChoiceField(queryset=ClubPage.objects.none(), label=_("Ihr Verein"))

    def __init__(self, *args, clubs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = clubs if clubs is not None else ClubPage.objects.none()
        if self.fields["club"].queryset.count() == 1:
            self.fields["club"].initial = self.fields["club"].queryset.first()


def check_period(cleaned):
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if start and end and end < start:
        raise ValidationError({"end_date": _("Das Ende darf nicht vor dem Beginn liegen.")})


class ProposalForm(OwnClubMixin):
    partner = TitleChoiceField(queryset=PartnerPage.objects.none(), label=_("Partnerorganisation"))
    title = forms.CharField(label=_("Titel"), max_length=255)
    kind = forms.ChoiceField(label=_("Art"), choices=CooperationKind.choices)
    start_date = forms.DateField(label=_("Beginn"), required=False, widget=AdminDateInput)
    end_date = forms.DateField(label=_("Ende"), required=False, widget=AdminDateInput)
    description = forms.CharField(
        label=_("Beschreibung"), max_length=2000, required=False, widget=forms.Textarea
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = published_default(PartnerPage)

    def clean(self):
        cleaned = super().clean()
        check_period(cleaned)
        return cleaned


class MentoringForm(OwnClubMixin):
    role = forms.ChoiceField(
        label=_("Rolle Ihres Vereins"),
        choices=[("mentor", _("Wir begleiten")), ("mentee", _("Wir werden begleitet"))],
        widget=forms.RadioSelect,
    )
    other = TitleChoiceField(queryset=ClubPage.objects.none(), label=_("Der andere Verein"))
    start_date = forms.DateField(label=_("Beginn"), required=False, widget=AdminDateInput)
    end_date = forms.DateField(label=_("Ende"), required=False, widget=AdminDateInput)
    funding_reference = forms.CharField(
        label=Mentoring._meta.get_field("funding_reference").verbose_name,
        max_length=100,
        required=False,
        help_text=Mentoring._meta.get_field("funding_reference").help_text,
    )
    description = forms.CharField(
        label=_("Beschreibung"), max_length=1000, required=False, widget=forms.Textarea
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = published_default(ClubPage)

    def clean(self):
        cleaned = super().clean()
        check_period(cleaned)
        if cleaned.get("club") and cleaned.get("club") == cleaned.get("other"):
            raise ValidationError({"other": _("Ein Verein kann sich nicht selbst begleiten.")})
        return cleaned

    def mentoring_fields(self) -> dict:
        data = self.cleaned_data
        own, other = data["club"], data["other"]
        mentor, mentee = (own, other) if data["role"] == "mentor" else (other, own)
        return {
            "mentor": mentor,
            "mentee": mentee,
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "funding_reference": data["funding_reference"],
            "description": data["description"],
        }
