"""What a flyer says, in the page's language: for an event or a club's homepage, read from
public pages only (``cms.core.privacy``), the address only as the club publishes it."""

import dataclasses
import datetime

import babel.dates
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.brochure.pdf import logo_bytes
from cms.clubs.homepage_links import club_homepage_url, page_homepage_url
from cms.clubs.models import ClubPage
from cms.clubs.privacy import public_address
from cms.core.locales import direction
from cms.core.privacy import public_images
from cms.events.api import location_data
from cms.events.recurrence import first_occurrence, occurrences


@dataclasses.dataclass
class Flyer:
    title: str
    club: str
    language: str
    direction: str
    url: str
    lines: list[tuple[str, str]]  # (label, text)
    text: str
    logo: bytes | None
    call_to_action: str


def _club_logo(club) -> bytes | None:
    if club.logo_id is None:
        return None
    public = set(public_images().filter(pk=club.logo_id).values_list("pk", flat=True))
    return logo_bytes(club, public)


def _when(event, code: str) -> str:
    """The event's next date (the first one for a single event, also once it is past)."""
    start, end = first_occurrence(event)
    if event.recurrence.strip():
        now = timezone.now()
        upcoming = occurrences(event, now, now + datetime.timedelta(days=365), limit=1)
        if upcoming:
            start, end = upcoming[0].start, upcoming[0].end
    start = timezone.localtime(start)
    text = babel.dates.format_date(start.date(), format="full", locale=code)
    if event.all_day:
        return text
    text += ", " + babel.dates.format_time(start, format="short", locale=code)
    if end is not None and timezone.localtime(end).date() == start.date():
        text += "–" + babel.dates.format_time(timezone.localtime(end), format="short", locale=code)
    return text


def event_flyer(event) -> Flyer:
    code = event.locale.language_code
    club = ClubPage.objects.ancestor_of(event).filter(locale=event.locale).first()
    event.club = club
    with translation.override(code):
        lines = [(_("Wann"), _when(event, code))]
        if event.recurrence.strip():
            lines.append(("", _("Regelmäßiger Termin")))
        place = location_data(event)
        if place:
            lines.append((_("Wo"), ", ".join(part for part in place.values() if part)))
        call = _("Mehr erfahren: QR-Code scannen")
    return Flyer(
        title=event.title,
        club=club.title if club else "",
        language=code,
        direction=direction(event.locale),
        url=page_homepage_url(event) or "",
        lines=lines,
        text=event.summary,
        logo=_club_logo(club) if club else None,
        call_to_action=call,
    )


def club_flyer(club) -> Flyer:
    code = club.locale.language_code
    with translation.override(code):
        lines = []
        address = public_address(club)
        if address:
            place = f"{address['street']}, {address['postal_code']} {address['city']}"
        else:
            place = club.municipality.name if club.municipality_id else ""
        if place:
            lines.append((_("Wo"), place))
        weekdays = babel.dates.get_day_names("wide", locale=code)
        for meeting in club.meeting_times.all():
            text = f"{weekdays[meeting.weekday]} {meeting.start_time:%H:%M}"
            if meeting.end_time:
                text += f"–{meeting.end_time:%H:%M}"
            if meeting.place:
                text += f", {meeting.place}"
            lines.append((_("Treffen"), text))
        call = _("Mehr erfahren: QR-Code scannen")
    return Flyer(
        title=club.title,
        club="",
        language=code,
        direction=direction(club.locale),
        url=f"{club_homepage_url(club)}{code}/",
        lines=lines,
        text=club.short_description,
        logo=_club_logo(club),
        call_to_action=call,
    )
