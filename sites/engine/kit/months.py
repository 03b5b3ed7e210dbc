"""Month calendars: weeks of day cells carrying the occurrences on each day, with weekday and
month names in the visitor's language (Babel)."""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict

import babel
import babel.dates

from sites.engine.i18n import babel_locale, cldr_name

MONTHS_SHOWN = 3
MAX_DAYS_MARKED = 31  # a long all-day event is marked on at most a month of days


def add_months(day: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months after ``day``'s."""
    index = day.year * 12 + day.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def window(today: datetime.date, months: int = MONTHS_SHOWN) -> tuple[datetime.date, datetime.date]:
    """``[first of this month, first of the month after the last shown)``."""
    first = today.replace(day=1)
    return first, add_months(first, months)


def weekdays(locale: str) -> list[dict[str, str]]:
    """Column heads in the locale's week order: short and full names."""
    data = babel_locale(locale)
    short, wide = data.days["stand-alone"]["abbreviated"], data.days["format"]["wide"]
    order = [(data.first_week_day + offset) % 7 for offset in range(7)]
    return [{"short": short[day], "wide": wide[day]} for day in order]


def by_day(occurrences: list[dict]) -> dict[datetime.date, list[dict]]:
    days: dict[datetime.date, list[dict]] = defaultdict(list)
    for item in occurrences:
        first = datetime.date.fromisoformat(item["first_day"])
        last = datetime.date.fromisoformat(item["last_day"])
        for offset in range(min((last - first).days, MAX_DAYS_MARKED - 1) + 1):
            days[first + datetime.timedelta(days=offset)].append(item)
    return days


def months(
    occurrences: list[dict], today: datetime.date, locale: str, count: int = MONTHS_SHOWN
) -> list[dict]:
    """``count`` months from today's: caption, id and weeks of cells (None outside the month)."""
    days = by_day(occurrences)
    first_weekday = babel_locale(locale).first_week_day
    grid = calendar.Calendar(firstweekday=first_weekday)
    result = []
    for offset in range(count):
        first = add_months(today, offset)
        weeks = [
            [
                {
                    "date": day.isoformat(),
                    "number": day.day,
                    "today": day == today,
                    "occurrences": days.get(day, []),
                }
                if day.month == first.month
                else None
                for day in week
            ]
            for week in grid.monthdatescalendar(first.year, first.month)
        ]
        result.append(
            {
                "id": f"month-{first:%Y-%m}",
                "caption": babel.dates.format_date(first, "LLLL y", locale=cldr_name(locale)),
                "weeks": weeks,
                "count": sum(len(days.get(cell, [])) for cell in _days_of(first)),
            }
        )
    return result


def _days_of(first: datetime.date):
    for number in range(calendar.monthrange(first.year, first.month)[1]):
        yield first + datetime.timedelta(days=number)
