from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SignupOptions
from .services import places_held


class SignupOptionsForm(forms.ModelForm):
    class Meta:
        model = SignupOptions
        fields = [
            "enabled",
            "capacity",
            "deadline",
            "max_people",
            "ask_language_needs",
            "ask_childcare",
            "ask_dietary",
        ]
        widgets = {"deadline": forms.DateTimeInput(attrs={"type": "datetime-local"})}

    def __init__(self, *args, event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.event.recurrence.strip():
            raise forms.ValidationError(
                _("Anmeldungen gibt es nur für einmalige Termine, nicht für Wiederholungen.")
            )
        deadline = cleaned.get("deadline")
        if deadline and deadline > self.event.start:
            self.add_error("deadline", _("Der Anmeldeschluss darf nicht nach dem Beginn liegen."))
        capacity = cleaned.get("capacity")
        held = places_held(self.instance) if self.instance.pk else 0
        if capacity is not None and capacity < held:
            self.add_error(
                "capacity",
                _("Es sind schon %(held)s Plätze vergeben; weniger geht nicht.") % {"held": held},
            )
        return cleaned
