"""Which programmes a club may apply for, and why: one reason per eligibility criterion.

A criterion the programme leaves empty does not restrict and is reported as met. The club's
age is counted in whole calendar years since its founding year (as funders do); a club without
a founding year does not meet an age limit.
"""

import datetime
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.clubs.models import LegalForm

CRITERIA = ("legal_form", "club_age", "focus", "municipality")


@dataclass(frozen=True)
class Reason:
    criterion: str
    met: bool
    detail: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ClubProfile:
    """What matching reads from a club, taken once (the club's focus areas are one query)."""

    legal_form: str
    founding_year: int | None
    municipality_id: int | None
    municipality_name: str
    focus: dict[int, str]

    @classmethod
    def of(cls, club) -> "ClubProfile":
        return cls(
            legal_form=club.legal_form,
            founding_year=club.founding_year,
            municipality_id=club.municipality_id,
            municipality_name=club.municipality.name if club.municipality_id else "",
            focus={area.pk: area.name for area in club.focus_areas.all()},
        )


def legal_form_label(value: str) -> str:
    return str(LegalForm(value).label) if value in LegalForm.values else value


def check_legal_form(programme, club: ClubProfile) -> Reason:
    allowed = programme.legal_forms or []
    label = legal_form_label(club.legal_form)
    if not allowed:
        return Reason("legal_form", True, _("Jede Rechtsform ist zugelassen."))
    if club.legal_form in allowed:
        return Reason(
            "legal_form", True, _("Rechtsform „%(form)s“ ist zugelassen.") % {"form": label}
        )
    return Reason(
        "legal_form",
        False,
        _("Rechtsform „%(form)s“ ist nicht zugelassen (zugelassen: %(allowed)s).")
        % {"form": label, "allowed": ", ".join(legal_form_label(value) for value in allowed)},
    )


def check_club_age(programme, club: ClubProfile, today: datetime.date) -> Reason:
    minimum, maximum = programme.min_club_age_years, programme.max_club_age_years
    if minimum is None and maximum is None:
        return Reason("club_age", True, _("Kein Mindest- oder Höchstalter."))
    if club.founding_year is None:
        return Reason(
            "club_age", False, _("Das Gründungsjahr fehlt im Profil; das Alter zählt hier.")
        )
    age = today.year - club.founding_year
    values = {"age": age, "min": minimum, "max": maximum, "year": club.founding_year}
    if minimum is not None and age < minimum:
        return Reason(
            "club_age",
            False,
            ngettext(
                "Gegründet %(year)s, also %(age)s Jahr alt; verlangt sind mindestens %(min)s.",
                "Gegründet %(year)s, also %(age)s Jahre alt; verlangt sind mindestens %(min)s.",
                age,
            )
            % values,
        )
    if maximum is not None and age > maximum:
        return Reason(
            "club_age",
            False,
            ngettext(
                "Gegründet %(year)s, also %(age)s Jahr alt; höchstens %(max)s sind zugelassen.",
                "Gegründet %(year)s, also %(age)s Jahre alt; höchstens %(max)s sind zugelassen.",
                age,
            )
            % values,
        )
    if minimum is not None and maximum is not None:
        detail = ngettext(
            "Gegründet %(year)s: %(age)s Jahr, zugelassen sind %(min)s bis %(max)s.",
            "Gegründet %(year)s: %(age)s Jahre, zugelassen sind %(min)s bis %(max)s.",
            age,
        )
    elif minimum is not None:
        detail = ngettext(
            "Gegründet %(year)s: %(age)s Jahr, verlangt sind mindestens %(min)s.",
            "Gegründet %(year)s: %(age)s Jahre, verlangt sind mindestens %(min)s.",
            age,
        )
    else:
        detail = ngettext(
            "Gegründet %(year)s: %(age)s Jahr, zugelassen sind höchstens %(max)s.",
            "Gegründet %(year)s: %(age)s Jahre, zugelassen sind höchstens %(max)s.",
            age,
        )
    return Reason("club_age", True, detail % values)


def check_focus(programme, club: ClubProfile) -> Reason:
    wanted = {area.pk: area.name for area in programme.focus_areas.all()}
    if not wanted:
        return Reason("focus", True, _("Alle Schwerpunkte sind zugelassen."))
    shared = sorted(name for pk, name in club.focus.items() if pk in wanted)
    if shared:
        return Reason(
            "focus", True, _("Passender Schwerpunkt: %(names)s.") % {"names": ", ".join(shared)}
        )
    return Reason(
        "focus",
        False,
        _("Kein passender Schwerpunkt (gefördert: %(names)s).")
        % {"names": ", ".join(sorted(wanted.values()))},
    )


def check_municipality(programme, club: ClubProfile) -> Reason:
    allowed = {place.pk: place.name for place in programme.municipalities.all()}
    if not allowed:
        return Reason("municipality", True, _("Vereine aus dem ganzen Kreis sind zugelassen."))
    if club.municipality_id in allowed:
        return Reason(
            "municipality",
            True,
            _("Sitz in %(place)s ist zugelassen.") % {"place": club.municipality_name},
        )
    return Reason(
        "municipality",
        False,
        _("Nur für Vereine aus %(places)s.") % {"places": ", ".join(sorted(allowed.values()))},
    )


def reasons(programme, club: ClubProfile, today: datetime.date) -> list[Reason]:
    """One reason per criterion, in the order of ``CRITERIA``."""
    return [
        check_legal_form(programme, club),
        check_club_age(programme, club, today),
        check_focus(programme, club),
        check_municipality(programme, club),
    ]


def is_eligible(found: list[Reason]) -> bool:
    return all(reason.met for reason in found)


def matching_programmes(programmes, club, today: datetime.date) -> list[tuple[object, list]]:
    """(programme, reasons) for every programme in ``programmes`` the club is eligible for
    (prefetch their focus areas and municipalities)."""
    profile = ClubProfile.of(club)
    matches = []
    for programme in programmes:
        found = reasons(programme, profile, today)
        if is_eligible(found):
            matches.append((programme, found))
    return matches
