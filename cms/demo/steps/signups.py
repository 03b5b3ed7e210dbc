"""The agency's next exchange meeting and two workshops with sign-ups: one with free places,
one full with a waiting list. They sit in the agency's own events index below the portal home
(``cms.portal.agency_events``), at the Café International. A demo built before the index
existed had them in the first club's events: they are moved over."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from cms.events.models import EventIndexPage, EventPage
from cms.portal.models import PortalHomePage
from cms.signups import services
from cms.signups.models import SignupOptions

from ..pages import add_page

CAFE = "Café International"
INDEX_SLUG = "veranstaltungen-der-agentur"
INDEX_TITLE = "Veranstaltungen der Integrationsagentur"
INDEX_INTRO = (
    "Austauschtreffen, Workshops und Abende im Café: die Angebote der Integrationsagentur "
    "für die Vereine. Melden Sie sich direkt hier an."
)
EVENTS = [
    # slug, title, days ahead, hour, capacity, questions, summary
    (
        "austauschtreffen-vereine",
        "Austauschtreffen der Migrantenorganisationen",
        24,
        18,
        60,
        True,
        "Das halbjährliche Treffen der Vereine mit der Integrationsagentur: Neues aus den "
        "Vereinen, Förderung, gemeinsame Termine. Mit Imbiss und Kinderbetreuung.",
    ),
    (
        "workshop-foerderantraege",
        "Workshop: Förderanträge schreiben",
        10,
        17,
        12,
        False,
        "Wie ein Verein einen Antrag auf Landesförderung stellt – Schritt für Schritt.",
    ),
    (
        "workshop-oeffentlichkeitsarbeit",
        "Workshop: Öffentlichkeitsarbeit und soziale Medien",
        17,
        17,
        15,
        False,
        "Pressemitteilung, Homepage, soziale Medien: was ein kleiner Verein schaffen kann.",
    ),
]
PEOPLE = [
    ("Ayşe Demir", "Türkischer Elternverein", 1),
    ("Yonas Tesfay", "Eritreische Gemeinde", 2),
    ("Olena Kovalenko", "", 1),
    ("Karim Haddad", "Syrischer Kulturverein", 1),
    ("Marta Nowak", "", 1),
    ("Tharani Sivakumar", "Tamilischer Kulturverein", 2),
    ("Ahmad Rahimi", "", 1),
    ("Ioana Popescu", "Rumänischer Verein", 1),
    ("Hodan Ali", "", 1),
    ("Dmitri Volkov", "", 1),
    ("Leyla Aydın", "Jugendforum", 1),
    ("Samira Osman", "", 2),
    ("Rahim Uddin", "Bangladeschischer Verein", 1),
    ("Fatou Diallo", "", 1),
]
# How many of PEOPLE sign up for each event: the first workshop gets more than its places.
TAKEN = {
    "austauschtreffen-vereine": 14,
    "workshop-foerderantraege": 14,
    "workshop-oeffentlichkeitsarbeit": 6,
}


def agency_index(context) -> EventIndexPage | None:
    home = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return None
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = add_page(
            home,
            EventIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO),
            user=context.users["agency"],
        )
    return index


def move_from_club(index: EventIndexPage) -> None:
    """Events of an older demo that still sit in a club's events move to the agency's."""
    slugs = [slug for slug, *_rest in EVENTS]
    for event in EventPage.objects.filter(
        slug__in=slugs, locale=index.locale, signup_options__isnull=False
    ).exclude(path__startswith=index.path):
        if not EventPage.objects.child_of(index).filter(slug=event.slug).exists():
            event.move(index, pos="last-child")


def ensure_signups(context) -> None:
    index = agency_index(context)
    if index is None:
        return
    move_from_club(index)
    agency = context.users["agency"]
    for slug, title, days, hour, capacity, questions, summary in EVENTS:
        event = EventPage.objects.child_of(index).filter(slug=slug).first()
        if event is None:
            start = timezone.make_aware(
                datetime.datetime.combine(
                    context.today + datetime.timedelta(days=days), datetime.time(hour)
                )
            )
            event = add_page(
                index,
                EventPage(
                    title=title,
                    slug=slug,
                    start=start,
                    end=start + datetime.timedelta(hours=3),
                    location_room=context.rooms.get(CAFE),
                    category="course" if slug.startswith("workshop") else "meeting",
                    summary=summary,
                ),
                user=agency,
            )
            context.created["Veranstaltungen"] += 1
        if SignupOptions.objects.filter(event=event).exists():
            continue
        options = SignupOptions.objects.create(
            event=event,
            capacity=capacity,
            ask_language_needs=questions,
            ask_childcare=questions,
            ask_dietary=questions,
        )
        for number, (name, organisation, people) in enumerate(PEOPLE[: TAKEN[slug]]):
            services.sign_up(
                options,
                {
                    "name": name,
                    "email": f"anmeldung{number + 1}@example.org",
                    "organisation": organisation,
                    "people": people,
                },
                "de",
            )
            context.created["Anmeldungen"] += 1
