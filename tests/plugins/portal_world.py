"""A small district for the portal plugins' tests: clubs in two municipalities, recurring and
one-off events of several kinds, news, projects, and next to each of them a draft and a
password-protected page whose titles carry ``GEHEIM``, which no built file may contain."""

import datetime
import types
from decimal import Decimal

from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.clubs.models import ProjectPage
from cms.events.recurrence import EVENT_TIME_ZONE
from cms.taxonomy.models import Language
from tests.factories import (
    ClubFactory,
    add_child,
    event_index,
    event_page,
    news_index,
    news_page,
)

SECRET = "GEHEIM"


def next_weekday(weekday: int, hour: int = 19) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=EVENT_TIME_ZONE)


def protect(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return page


def build_portal_world() -> types.SimpleNamespace:
    dueren = ClubFactory("Kulturverein Anadolu e. V.")
    juelich = ClubFactory("Elternnetz Jülich e. V.", municipality_name="Jülich")
    hidden = ClubFactory(f"{SECRET} Verein e. V.", publish=False)

    events_d, events_j = event_index(dueren), event_index(juelich)
    start = next_weekday(1)
    dance = event_page(
        events_d,
        "Folkloretanz",
        start=start,
        end=start + datetime.timedelta(hours=2),
        recurrence="FREQ=WEEKLY;BYDAY=TU",
        category="culture",
        location_address="Markt 1, 52349 Düren",
        summary="Jede Woche tanzen wir.",
    )
    dance.languages.set(Language.objects.filter(tag__in=["tr", "de"]))
    dance.save_revision().publish()
    evening = event_page(
        events_j,
        "Elternabend",
        start=next_weekday(3, 18),
        category="info",
        cost=Decimal("0"),
    )
    football = event_page(events_j, "Fußballturnier", start=next_weekday(5, 10), category="sport")
    event_page(events_d, f"{SECRET} Entwurf", publish=False)
    protect(event_page(events_d, f"{SECRET} Passwort", category="culture"))

    news_d, news_j = news_index(dueren), news_index(juelich)
    today = timezone.localdate()
    news = [
        news_page(
            news_d if n % 2 else news_j, f"Meldung {n:02d}", date=today - datetime.timedelta(days=n)
        )
        for n in range(1, 13)
    ]
    news_page(news_d, f"{SECRET} Entwurf", publish=False)
    protect(news_page(news_j, f"{SECRET} Passwort"))

    cafe = add_child(
        dueren,
        ProjectPage(
            title="Sprachcafé",
            summary="Deutsch üben bei Tee.",
            status="running",
            start_date=today - datetime.timedelta(days=60),
            # A long compound, as funding programmes are named: it must break in its card.
            funding_source="KOMM-AN NRW – Landesförderung für Migrantenselbstorganisationen",
        ),
    )
    cafe.partner_clubs.set([juelich, hidden])
    cafe.save_revision().publish()
    done = add_child(
        juelich,
        ProjectPage(
            title="Hausaufgabenhilfe 2024",
            status="completed",
            start_date=datetime.date(2024, 1, 1),
            end_date=datetime.date(2024, 12, 31),
        ),
    )
    add_child(dueren, ProjectPage(title=f"{SECRET} Projektentwurf"), publish=False)
    protect(add_child(juelich, ProjectPage(title=f"{SECRET} Geschützt")))
    return types.SimpleNamespace(
        dueren=dueren,
        juelich=juelich,
        hidden=hidden,
        dance=dance,
        evening=evening,
        football=football,
        news=news,
        cafe=cafe,
        done=done,
    )


def assert_no_secret(root) -> None:
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".atom", ".ics", ".xml", ".js"):
            assert SECRET not in path.read_text(), path
