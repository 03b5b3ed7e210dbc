"""Repetition as a form (issue 17, 4): "jeden Freitag" is chosen, not typed as RRULE; the
stored RRULE is decomposed back into the form, and rules the form cannot show are kept."""

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from cms.events.models import validate_rrule
from cms.events.widgets import RecurrenceWidget, compose, decompose


def posted(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in fields.items():
        if isinstance(value, list):
            data.setlist(f"recurrence-{key}", value)
        else:
            data[f"recurrence-{key}"] = value
    return data


@pytest.mark.parametrize(
    ("fields", "rule"),
    [
        ({"kind": "once"}, ""),
        ({"kind": "weekly", "days": ["FR"]}, "FREQ=WEEKLY;BYDAY=FR"),
        (
            {"kind": "weekly", "days": ["TH", "MO"], "until": "2027-06-30"},
            "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270630",
        ),
        ({"kind": "monthly", "ordinal": "2", "weekday": "TU"}, "FREQ=MONTHLY;BYDAY=2TU"),
        (
            {"kind": "monthly", "ordinal": "-1", "weekday": "SU", "until": "2027-12-31"},
            "FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20271231",
        ),
        ({"kind": "custom", "rule": " FREQ=DAILY;COUNT=3 "}, "FREQ=DAILY;COUNT=3"),
    ],
)
def test_the_form_composes_the_rrule(fields, rule):
    composed = RecurrenceWidget().value_from_datadict(posted(**fields), {}, "recurrence")
    assert composed == rule
    if rule:
        validate_rrule(composed)
    # …and the stored rule opens in the same form again.
    values = decompose(composed)
    assert values["kind"] == fields["kind"]
    assert (
        compose(**{k: values[k] for k in ("kind", "days", "ordinal", "weekday", "until", "rule")})
        == rule
    )


@pytest.mark.parametrize(
    "rule",
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=YEARLY", "Unsinn"],
)
def test_a_rule_the_form_cannot_show_is_kept_as_it_is(rule):
    values = decompose(rule)
    assert values["kind"] == "custom" and values["rule"] == rule
    html = RecurrenceWidget().render("recurrence", rule, attrs={"id": "id_recurrence"})
    assert f'value="{rule}"' in html
    assert '<option value="custom" selected>' in html


def test_tampered_values_reach_the_validator_and_fail_there():
    composed = RecurrenceWidget().value_from_datadict(
        posted(kind="weekly", days=["XX"]), {}, "recurrence"
    )
    with pytest.raises(ValidationError):
        validate_rrule(composed)


def test_the_widget_is_labelled_and_shows_the_stored_choice():
    html = RecurrenceWidget().render(
        "recurrence", "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270630", attrs={"id": "id_recurrence"}
    )
    assert '<label for="id_recurrence-kind">Wie oft?</label>' in html
    assert '<option value="weekly" selected>Jede Woche</option>' in html
    assert '<input type="checkbox" name="recurrence-days" value="FR" checked> Freitag' in html
    assert 'value="2027-06-30"' in html
    assert "<legend>An welchen Wochentagen?</legend>" in html


@pytest.mark.django_db
def test_the_event_editor_uses_the_form(client):
    from django.urls import reverse

    from tests.factories import ClubFactory, event_index

    club = ClubFactory()
    index = event_index(club)
    client.force_login(club.editor)
    html = client.get(
        reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
    ).content.decode()
    assert 'name="recurrence-kind"' in html and "Jede Woche" in html
    assert "FREQ=WEEKLY;BYDAY=TU;UNTIL" not in html  # no RRULE example to copy
