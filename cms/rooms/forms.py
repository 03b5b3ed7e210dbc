"""The admin's booking request form: one day, a start and an end time, optionally weekly."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Room

# Where the services' error fields go in this form.
FIELD_MAP = {"start": "start_time", "end": "end_time", "occurrences": "repeat_until"}


class BookingRequestForm(forms.Form):
    room = forms.ModelChoiceField(Room.objects.all(), label=_("Raum"))
    club = forms.ModelChoiceField(queryset=None, label=_("Verein"))
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("Beginn"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Ende"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    purpose = forms.CharField(label=_("Zweck"), max_length=200)
    attendees = forms.IntegerField(label=_("Erwartete Personen"), min_value=1)
    repeat_until = forms.DateField(
        label=_("Wöchentlich wiederholen bis"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leer lassen für einen einzelnen Termin. Jeder Termin wird geprüft."),
    )

    def __init__(self, *args, clubs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = clubs
        if clubs.count() == 1:
            self.fields["club"].initial = clubs.first()

    def times(self):
        data = self.cleaned_data
        start = timezone.make_aware(datetime.datetime.combine(data["date"], data["start_time"]))
        end = timezone.make_aware(datetime.datetime.combine(data["date"], data["end_time"]))
        return start, end

    def add_service_errors(self, errors: dict) -> None:
        for field, messages in errors.items():
            target = FIELD_MAP.get(field, field)
            for message in messages:
                self.add_error(target if target in self.fields else None, message)
