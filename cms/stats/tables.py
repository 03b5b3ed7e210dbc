"""The figures the agency reports to the district council, computed from the published, public
clubs only (``cms.core.privacy``), in a constant number of queries.

Counting tables (clubs by municipality, country of origin, language, focus area, founding
decade, established vs. new) show what every public profile shows anyway. A club naming several
countries, languages or focus areas counts once in each.

Board composition (women, men, diverse) is never published per club. Its rule, applied to
every table with board figures (:func:`suppress`):

1. **Primary suppression**: a row's board figures are published only if at least
   ``MIN_GROUP_SIZE`` (5) clubs with a board on record contribute to it; otherwise they are
   ``null`` and the row says ``"suppressed": true``.
2. **Complementary suppression**: the rows of a board table partition the clubs of its
   ``total`` row, so the suppressed rows together could be recovered as total minus the
   published rows. If the suppressed rows together hold fewer than ``MIN_GROUP_SIZE`` clubs,
   the smallest published rows are suppressed as well until they hold at least that many.
3. If fewer than ``MIN_GROUP_SIZE`` clubs have a board on record at all, nothing about boards
   is published.

4. **Rounding** (against differences *between* snapshots): every published board figure is
   rounded to the nearest multiple of ``BOARD_ROUNDING_BASE`` (5; halves up). Suppression
   alone holds within one snapshot, but publishing one club moved the totals from
   (69, 235, 195) to (70, 236, 198): exactly its board. Rounded, the difference of two
   snapshots leaves at least five possible values for each of the added (or removed) club's
   figures (``tests/stats/test_suppression.py::test_one_club_more_never_reveals_its_board``).

Thus every published board figure, and every difference of published board figures within a
table, derives from at least five clubs, and no difference between two reports pins down one
club's board. Clubs without board figures (all three zero) do not count as reporting a board.

Labels are in the active language (the API activates the one asked for with ``?locale=``; the
catalogue is ``cms/stats/locale/``), and the names of countries, languages and focus areas in
``language`` (CLDR, the focus areas' translations; ``cms.taxonomy.names``).
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms import locales
from cms.clubs.models import ClubPage
from cms.core.privacy import public_pages
from cms.taxonomy.names import country_name, focus_area_name, language_name

MIN_GROUP_SIZE = 5
BOARD_ROUNDING_BASE = 5
UNKNOWN = "unknown"
BOARD_FIELDS = ("women", "men", "diverse")


@dataclass
class Table:
    name: str
    title: str
    kind: str  # "counts" (clubs per group) or "board" (board composition per group)
    rows: list[dict] = field(default_factory=list)
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "title": self.title,
            "kind": self.kind,
            "note": self.note,
            "rows": self.rows,
        }


@dataclass(frozen=True)
class ClubFigures:
    """What the statistics read of one club."""

    municipality: tuple[str, str] | None  # (slug, name)
    countries: tuple[tuple[str, str], ...]  # (code, name)
    languages: tuple[tuple[str, str], ...]  # (tag, name)
    focus: tuple[tuple[str, str], ...]  # (slug, name)
    founding_year: int | None
    member_count: int | None
    board: tuple[int, int, int]  # women, men, diverse

    @property
    def reports_board(self) -> bool:
        return sum(self.board) > 0


def public_clubs():
    """Each published, public club once (in the default locale, where the profile is kept)."""
    return public_pages(ClubPage.objects.filter(locale=Locale.get_default())).order_by("pk")


def club_figures(clubs, language: str = locales.DEFAULT) -> list[ClubFigures]:
    """The figures of ``clubs`` (a query of club pages), reference data named in ``language``.
    Read as plain values, one query per relation: at 1,000 clubs, loading them as pages took
    most of a second, in every locale the portal is built in."""
    rows = list(
        clubs.values_list(
            "pk",
            "municipality__slug",
            "municipality__name",
            "founding_year",
            "member_count",
            "board_women",
            "board_men",
            "board_diverse",
        )
    )
    chosen = clubs.values("pk")
    related: dict[str, dict[int, list]] = {}
    for name, fields in (
        ("countries", ("country__code", "country__name")),
        ("languages", ("language__tag", "language__name")),
        ("focus_areas", ("focusarea__slug", "focusarea__name", "focusarea__translations")),
    ):
        through = getattr(ClubPage, name).through
        found: dict[int, list] = defaultdict(list)
        for club, *values in through.objects.filter(clubpage__in=chosen).values_list(
            "clubpage_id", *fields
        ):
            found[club].append(values)
        related[name] = found
    return [
        ClubFigures(
            municipality=(slug, name) if slug is not None else None,
            countries=tuple(
                (code, country_name(code, name, language))
                for code, name in related["countries"][pk]
            ),
            languages=tuple(
                (tag, language_name(tag, name, language)) for tag, name in related["languages"][pk]
            ),
            focus=tuple(
                (slug_, focus_area_name(name_, translations, language))
                for slug_, name_, translations in related["focus_areas"][pk]
            ),
            founding_year=founding_year,
            member_count=member_count,
            board=(women, men, diverse),
        )
        for pk, slug, name, founding_year, member_count, women, men, diverse in rows
    ]


def status_of(figures: ClubFigures, this_year: int) -> str:
    if figures.founding_year is None:
        return UNKNOWN
    established = this_year - figures.founding_year >= settings.VEREINSNETZ_ESTABLISHED_AFTER_YEARS
    return "established" if established else "new"


def decade_of(figures: ClubFigures) -> str:
    if figures.founding_year is None:
        return UNKNOWN
    return str(figures.founding_year // 10 * 10)


def status_labels() -> dict[str, str]:
    years = settings.VEREINSNETZ_ESTABLISHED_AFTER_YEARS
    return {
        "established": _("etabliert (seit %(years)s Jahren oder länger)") % {"years": years},
        "new": _("neu gegründet (jünger als %(years)s Jahre)") % {"years": years},
        UNKNOWN: _("Gründungsjahr unbekannt"),
    }


def count_rows(pairs_per_club, *, order: str = "count") -> list[dict]:
    """Rows ``{key, label, clubs}`` from each club's (key, label) pairs."""
    counts: Counter = Counter()
    labels: dict[str, str] = {}
    for pairs in pairs_per_club:
        for key, label in set(pairs):
            counts[key] += 1
            labels[key] = label
    rows = [{"key": key, "label": labels[key], "clubs": count} for key, count in counts.items()]
    if order == "key":
        return sorted(rows, key=lambda row: (row["key"] == UNKNOWN, row["key"]))
    return sorted(rows, key=lambda row: (-row["clubs"], row["label"]))


def board_row(key: str, label: str, members: list[ClubFigures]) -> dict:
    reporting = [figures for figures in members if figures.reports_board]
    row = {"key": key, "label": label, "clubs": len(reporting), "suppressed": False}
    for position, name in enumerate(BOARD_FIELDS):
        row[name] = sum(figures.board[position] for figures in reporting)
    return row


def hide(row: dict) -> None:
    row["suppressed"] = True
    for name in BOARD_FIELDS:
        row[name] = None


def rounded(value: int) -> int:
    """``value`` to the nearest multiple of ``BOARD_ROUNDING_BASE``, halves up."""
    return (value + BOARD_ROUNDING_BASE // 2) // BOARD_ROUNDING_BASE * BOARD_ROUNDING_BASE


def suppress(rows: list[dict], total_clubs: int | None = None) -> list[dict]:
    """Apply the suppression rule (see the module docstring) to the rows of one board table
    that partition ``total_clubs`` clubs (None: the rows stand alone, no total is published),
    and round the published figures."""
    for row in rows:
        if row["clubs"] < MIN_GROUP_SIZE:
            hide(row)
    if total_clubs is not None and total_clubs < MIN_GROUP_SIZE:
        for row in rows:
            hide(row)
    elif total_clubs is not None:
        hidden = sum(row["clubs"] for row in rows if row["suppressed"])
        published = sorted((row for row in rows if not row["suppressed"]), key=lambda r: r["clubs"])
        while 0 < hidden < MIN_GROUP_SIZE and published:
            row = published.pop(0)
            hide(row)
            hidden += row["clubs"]
    for row in rows:
        if not row["suppressed"]:
            for name in BOARD_FIELDS:
                row[name] = rounded(row[name])
    return rows


def board_tables(figures: list[ClubFigures], this_year: int) -> list[Table]:
    total = board_row("total", _("Alle Vereine"), figures)
    suppress([total])
    total_clubs = total["clubs"]
    note = _(
        "Summen der Vorstandsmitglieder. Gezeigt nur für Gruppen aus mindestens %(n)s Vereinen "
        "mit Angaben zum Vorstand; kleinere Gruppen (und so viele weitere, dass sich keine "
        "kleinere Gruppe errechnen lässt) sind unterdrückt."
    ) % {"n": MIN_GROUP_SIZE}

    by_municipality: dict[tuple[str, str], list[ClubFigures]] = defaultdict(list)
    by_status: dict[str, list[ClubFigures]] = defaultdict(list)
    for club in figures:
        by_municipality[club.municipality or (UNKNOWN, _("ohne Gemeinde"))].append(club)
        by_status[status_of(club, this_year)].append(club)
    municipality_rows = sorted(
        (board_row(key, label, members) for (key, label), members in by_municipality.items()),
        key=lambda row: row["label"],
    )
    labels = status_labels()
    status_rows = [
        board_row(key, labels[key], by_status[key]) for key in labels if by_status.get(key)
    ]
    return [
        Table("board", _("Vorstände: Frauen, Männer, divers"), "board", [total], note),
        Table(
            "board_by_status",
            _("Vorstände nach etabliert / neu"),
            "board",
            suppress(status_rows, total_clubs),
            note,
        ),
        Table(
            "board_by_municipality",
            _("Vorstände nach Gemeinde"),
            "board",
            suppress(municipality_rows, total_clubs),
            note,
        ),
    ]


def compute(today: datetime.date | None = None, language: str = locales.DEFAULT) -> dict:
    """Every table, ready for JSON, CSV, the admin report and the portal's charts; labels in
    the active language, names of reference data in ``language``."""
    this_year = (today or timezone.localdate()).year
    figures = club_figures(public_clubs(), language)
    several = _("Vereine mit mehreren Angaben zählen bei jeder.")
    labels = status_labels()
    statuses = Counter(status_of(club, this_year) for club in figures)
    decade_rows = count_rows(
        [[(decade_of(club), decade_of(club))] for club in figures], order="key"
    )
    for row in decade_rows:
        if row["key"] != UNKNOWN:
            row["label"] = f"{row['key']}–{int(row['key']) + 9}"
        else:
            row["label"] = _("unbekannt")
    tables = [
        Table(
            "municipality",
            _("Vereine nach Gemeinde"),
            "counts",
            count_rows([[club.municipality or (UNKNOWN, _("ohne Gemeinde"))] for club in figures]),
        ),
        Table(
            "country",
            _("Vereine nach Herkunftsland"),
            "counts",
            count_rows([club.countries for club in figures]),
            several,
        ),
        Table(
            "language",
            _("Vereine nach Sprache"),
            "counts",
            count_rows([club.languages for club in figures]),
            several,
        ),
        Table(
            "focus",
            _("Vereine nach Schwerpunkt"),
            "counts",
            count_rows([club.focus for club in figures]),
            several,
        ),
        Table("founding_decade", _("Vereine nach Gründungsjahrzehnt"), "counts", decade_rows),
        Table(
            "status",
            _("Etablierte und neue Vereine"),
            "counts",
            [
                {"key": key, "label": label, "clubs": statuses[key]}
                for key, label in labels.items()
                if statuses[key]
            ],
        ),
        *board_tables(figures, this_year),
    ]
    with_members = [club.member_count for club in figures if club.member_count is not None]
    return {
        "clubs": len(figures),
        "members": sum(with_members),
        "clubs_with_member_count": len(with_members),
        "min_group_size": MIN_GROUP_SIZE,
        "established_after_years": settings.VEREINSNETZ_ESTABLISHED_AFTER_YEARS,
        "tables": [table.as_dict() for table in tables],
    }
