"""The demo district as plain data: which clubs exist, where, with which profile, news, events,
pictures and projects. Deterministic for a given day (dates are relative to it) and free of
database access, so the writing steps stay simple and the plan can be tested on its own.

Each club's details come from a ``random.Random`` seeded with the club's slug, so a club
looks the same whether or not the others are built in the same run.
"""

import datetime
import random
import re
from dataclasses import dataclass, field
from functools import cache
from zoneinfo import ZoneInfo

from django.utils.html import escape
from django.utils.text import slugify

from cms.taxonomy.loaders import read

from . import data

TIME_ZONE = ZoneInfo("Europe/Berlin")
SHORT_DESCRIPTION_MAX = 300
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SECTIONS_MIDDLE = ["news", "events", "gallery"]
TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ł": "l", "ı": "i", "Ä": "Ae", "Ö": "Oe"}
)


@dataclass(frozen=True)
class Meeting:
    weekday: int
    start: datetime.time
    end: datetime.time
    place: str
    note: str


@dataclass(frozen=True)
class NewsPlan:
    title: str
    slug: str
    date: datetime.date
    teaser: str
    body_html: str
    tags: tuple[str, ...]
    image_index: int | None  # which gallery picture illustrates it
    published: bool = True


@dataclass(frozen=True)
class EventPlan:
    title: str
    slug: str
    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool
    recurrence: str
    room: str | None  # name of an agency room, else ``address`` is used
    address: str
    category: str
    cost: str | None
    languages: tuple[str, ...]
    registration_url: str
    summary: str
    body_html: str


@dataclass(frozen=True)
class PicturePlan:
    title: str
    caption: str
    motif: str  # the word drawn onto the generated picture
    photo_consent: bool


@dataclass(frozen=True)
class ProjectPlan:
    title: str
    slug: str
    start: datetime.date
    end: datetime.date
    status: str
    funding_source: str
    partner_slugs: tuple[str, ...]
    summary: str
    body_html: str


@dataclass
class ClubPlan:
    index: int
    slug: str
    name: str
    community: str
    municipality: str
    legal_form: str
    register_court: str
    register_number: str
    founding_year: int
    member_count: int
    board: tuple[int, int, int]  # women, men, diverse
    countries: tuple[str, ...]
    languages: tuple[str, ...]
    focus: tuple[str, ...]
    tags: tuple[str, ...]
    umbrellas: tuple[str, ...]
    short_description: str
    description_html: str
    plain_summary: str
    street: str
    postal_code: str
    city: str
    publish_address: bool
    contact_name: str
    contact_role: str
    contact_email: str
    contact_phone: str
    contact_consent: bool
    imprint_representatives: str
    website: str
    own_domain: str
    theme: str
    primary_colour: str
    accent_colour: str
    sections: tuple[str, ...]
    meetings: tuple[Meeting, ...]
    editor_email: str
    editor_first_name: str
    editor_last_name: str
    direct_publishing: bool
    draft: bool
    with_logo: bool
    about_quote: str
    pictures: tuple[PicturePlan, ...] = ()
    news: tuple[NewsPlan, ...] = ()
    events: tuple[EventPlan, ...] = ()
    projects: list[ProjectPlan] = field(default_factory=list)

    @property
    def short_name(self) -> str:
        """The name without its legal form, for picture captions and titles."""
        return re.sub(r"\s+(e\. V\.|gGmbH)$", "", self.name)


def club_slug(name: str) -> str:
    slug = slugify(name.translate(TRANSLITERATION))
    slug = re.sub(r"-(e-v|ggmbh)$", "", slug)
    if len(slug) > 50:
        slug = slug[:50].rsplit("-", 1)[0]
    return slug


@cache
def language_names() -> dict[str, str]:
    return {item["tag"]: item["name"] for item in read("languages.json")}


def municipality_sequence(rng: random.Random) -> list[str]:
    """One municipality per club without a fixed one, in a shuffled but fixed order."""
    fixed = [seed.municipality for seed in data.CLUBS if seed.municipality]
    pool = [name for name, count in data.MUNICIPALITY_WEIGHTS.items() for _ in range(count)]
    for name in fixed:
        pool.remove(name)
    rng.shuffle(pool)
    return pool


def build_plan(today: datetime.date) -> list[ClubPlan]:
    """The whole demo district for ``today``: a list of club plans, projects included."""
    rng = random.Random(data.SEED)
    places = iter(municipality_sequence(rng))
    register_numbers = iter(rng.sample(range(1200, 4800), len(data.CLUBS)))
    clubs = []
    for index, seed in enumerate(data.CLUBS):
        municipality = seed.municipality or next(places)
        clubs.append(plan_club(index, seed, municipality, next(register_numbers), today))
    plan_projects(clubs, today)
    return clubs


def plan_club(
    index: int, seed: data.ClubSeed, municipality: str, register: int, today: datetime.date
) -> ClubPlan:
    name = seed.name.format(ort=municipality)
    slug = club_slug(name)
    rng = random.Random(f"{data.SEED}:{slug}")
    community = data.COMMUNITIES[seed.community]

    first, last = community.founding_years
    if seed.new:
        founding_year = today.year - rng.randint(0, 2)
    elif seed.legal_form == "initiative":
        founding_year = rng.randint(
            min(max(first, today.year - 12), today.year - 3), today.year - 3
        )
    else:
        founding_year = min(rng.randint(first, last), today.year - 3)
    age = today.year - founding_year
    member_count = rng.randint(7, 35) if seed.new else rng.randint(25, 60 + age * 8)

    board_size = rng.randint(3, 5) if seed.new else rng.randint(4, 9)
    if "Frauen" in seed.focus:
        women = board_size - rng.randint(0, 1)
    else:
        women = rng.randint(1, board_size - 1)
    diverse = 1 if rng.random() < 0.05 and board_size - women > 1 else 0
    board = (women, board_size - women - diverse, diverse)

    languages = tuple(dict.fromkeys((*community.languages, "de")))
    tags = tuple(
        dict.fromkeys(
            tag
            for focus in seed.focus
            for tag in rng.sample(data.FOCUS_TAGS[focus], min(2, len(data.FOCUS_TAGS[focus])))
        )
    )
    activities = [act for focus in seed.focus for act in data.FOCUS_ACTIVITIES[focus]]
    activities = list(dict.fromkeys(activities))[:5]

    first_name = rng.choice(community.first_names)
    last_name = rng.choice(community.last_names)
    contact_name = f"{first_name} {last_name}"
    meetings = plan_meetings(rng, municipality, seed.new)

    umbrellas = []
    if not seed.new and rng.random() < 0.7:
        umbrellas.append(data.UMBRELLA_NAME)
    if "Eltern" in seed.focus and rng.random() < 0.6:
        umbrellas.append(data.NETWORK_NAME)

    primary, accent = rng.choice(data.COLOURS)
    middle = SECTIONS_MIDDLE[:]
    rng.shuffle(middle)
    sections = ["about", *middle]
    if rng.random() < 0.3:
        sections.append("cooperations")
    sections.append("contact")

    is_ev = seed.legal_form == "ev"
    club = ClubPlan(
        index=index,
        slug=slug,
        name=name,
        community=seed.community,
        municipality=municipality,
        legal_form=seed.legal_form,
        register_court=data.REGISTER_COURT if is_ev else "",
        register_number=f"VR {register}" if is_ev else "",
        founding_year=founding_year,
        member_count=member_count,
        board=board,
        countries=community.countries,
        languages=languages,
        focus=seed.focus,
        tags=tags,
        umbrellas=tuple(umbrellas),
        short_description=short_description(
            rng, community, municipality, founding_year, activities, seed.new
        ),
        description_html=description_html(
            rng,
            name,
            community,
            municipality,
            founding_year,
            member_count,
            activities,
            languages,
            meetings,
        ),
        plain_summary=plain_summary(community, municipality, activities, meetings)
        if rng.random() < 0.45
        else "",
        street=f"{rng.choice(data.STREETS)} {rng.randint(1, 120)}",
        postal_code=rng.choice(data.POSTAL_CODES[municipality]),
        city=municipality,
        publish_address=rng.random() < 0.55,
        contact_name=contact_name,
        contact_role=rng.choice(data.CONTACT_ROLES),
        contact_email=f"vorstand@{slug}.vereinsnetz.example",
        contact_phone=f"{data.PHONE_PREFIX}{rng.randint(0, 999):03d}",
        contact_consent=rng.random() < 0.8,
        # Most clubs fill in the Impressum tab (first board member and the treasurer).
        imprint_representatives=(
            f"{contact_name} (1. Vorsitz)\n"
            f"{rng.choice(community.first_names)} {rng.choice(community.last_names)} (Kasse)"
        )
        if rng.random() < 0.85
        else "",
        website=f"https://www.{slug}.example" if rng.random() < 0.3 else "",
        own_domain=f"{slug}.example" if rng.random() < 0.08 else "",
        theme="theme_contrast" if rng.random() < 0.2 else "theme_default",
        primary_colour=primary,
        accent_colour=accent,
        sections=tuple(sections),
        meetings=meetings,
        editor_email=f"redaktion@{slug}.vereinsnetz.example",
        editor_first_name=first_name,
        editor_last_name=last_name,
        direct_publishing=index % 4 == 3 and not seed.draft,
        draft=seed.draft,
        with_logo=rng.random() < 0.6,
        about_quote=rng.choice(QUOTES).format(ort=municipality),
    )
    club.pictures = plan_pictures(rng, club)
    if not club.draft:
        club.news = plan_news(rng, club, community, activities, today)
        club.events = plan_events(rng, club, activities, today)
    return club


def plan_meetings(rng: random.Random, municipality: str, new: bool) -> tuple[Meeting, ...]:
    meetings = []
    for weekday in sorted(rng.sample(range(7), 1 if new else rng.randint(1, 2))):
        hour = rng.choice([10, 15, 17, 18, 19]) if weekday >= 5 else rng.choice([16, 17, 18, 19])
        start = datetime.time(hour, rng.choice([0, 0, 30]))
        end = datetime.time(min(hour + 2, 23), start.minute)
        place = rng.choice(data.MEETING_PLACES).format(ort=municipality)
        meetings.append(Meeting(weekday, start, end, place, rng.choice(data.MEETING_NOTES)))
    return tuple(meetings)


def join_german(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " und " + items[-1]


def short_description(rng, community, municipality, founding_year, activities, new) -> str:
    closing = rng.choice(
        [
            "Alle sind willkommen.",
            "Gäste und neue Mitglieder sind herzlich willkommen.",
            "Wir freuen uns über Besuch!",
        ]
    )
    for count in (3, 2, 1):
        acts = join_german(activities[:count])
        offer = f"bauen wir {acts} auf" if new else f"bieten wir {acts} an"
        text = (
            f"Wir sind Menschen {community.origin} und ihre Freundinnen und Freunde in "
            f"{municipality}. Seit {founding_year} {offer}. {closing}"
        )
        if len(text) <= SHORT_DESCRIPTION_MAX:
            return text
    return text[: SHORT_DESCRIPTION_MAX - 1].rstrip() + "…"


def description_html(
    rng, name, community, municipality, founding_year, members, activities, languages, meetings
) -> str:
    names = language_names()
    spoken = join_german([names[tag] for tag in languages])
    meeting = meetings[0]
    items = "".join(f"<li>{escape(act)}</li>" for act in activities)
    founders = rng.choice(
        [
            f"von Familien {community.origin}, die in {municipality} eine neue Heimat "
            "gefunden haben",
            "von einer kleinen Gruppe Ehrenamtlicher",
            "von Eltern, die ihren Kindern die Sprache ihrer Herkunft weitergeben wollten",
            "nach vielen Treffen in Wohnzimmern und Gemeindesälen",
        ]
    )
    return (
        "<h2>Wer wir sind</h2>"
        f"<p>{escape(name)} wurde {founding_year} {escape(founders)} gegründet. Heute hat "
        f"der Verein rund {members} Mitglieder. Wir pflegen die {escape(community.culture)} "
        f"Kultur und sind zugleich in {escape(municipality)} zu Hause.</p>"
        f"<h2>Was wir machen</h2><ul>{items}</ul>"
        f"<p>Bei uns spricht man {escape(spoken)}.</p>"
        "<h2>Mitmachen</h2>"
        f"<p>Wir treffen uns {WEEKDAYS[meeting.weekday].lower()}s ab "
        f"{meeting.start:%H:%M} Uhr ({escape(meeting.place)}). Kommen Sie einfach vorbei "
        "oder schreiben Sie uns.</p>"
    )


def plain_summary(community, municipality, activities, meetings) -> str:
    meeting = meetings[0]
    return (
        f"Wir sind ein Verein in {municipality}. "
        f"Viele von uns kommen {community.origin}. "
        f"Wir treffen uns am {WEEKDAYS[meeting.weekday]} um {meeting.start:%H:%M} Uhr. "
        f"Bei uns gibt es {activities[0]}. "
        "Alle können mitmachen. Das kostet nichts."
    )


QUOTES = [
    "Hier in {ort} haben wir Freundschaften gefunden, die über alle Grenzen reichen.",
    "Unser Verein ist für viele die erste Adresse, wenn sie neu ankommen.",
    "Wir wollen zeigen, wie viel Vielfalt in unserer Gemeinde steckt.",
    "Ehrenamt heißt bei uns: jede und jeder bringt mit, was sie oder er kann.",
]

PICTURE_MOTIFS = [
    ("Sommerfest", "Gäste beim Sommerfest"),
    ("Treffen", "Ein Abend bei unserem offenen Treff"),
    ("Ausflug", "Gemeinsamer Ausflug an die Rur"),
    ("Workshop", "Workshop im Café International"),
    ("Musik", "Unsere Musikgruppe probt"),
    ("Kinder", "Spielnachmittag für Kinder"),
    ("Küche", "Gemeinsames Kochen für das Fest der Kulturen"),
]


def plan_pictures(rng: random.Random, club: ClubPlan) -> tuple[PicturePlan, ...]:
    pictures = []
    for motif, caption in rng.sample(PICTURE_MOTIFS, 3):
        pictures.append(
            PicturePlan(
                title=f"{club.short_name} – {motif}",
                caption=caption,
                motif=motif,
                photo_consent=rng.random() < 0.9,
            )
        )
    return tuple(pictures)


def _news_templates(club: ClubPlan, community, activities: list[str], rng) -> list[tuple]:
    ort = club.municipality
    partner, partner_tag = rng.choice(data.PARTNER_ORGANISATIONS)
    partner = partner.format(ort=ort)
    topic = rng.choice(
        [
            "Wie funktioniert das Schulsystem in NRW?",
            "Förderanträge leicht gemacht",
            "Ehrenamt und Versicherung",
            "Ausbildung und Beruf",
        ]
    )
    act = activities[0]
    return [
        (
            "Rückblick auf unser Sommerfest",
            f"Mehr als {rng.randint(60, 300)} Gäste feierten mit uns – mit "
            f"{community.culture} Küche, Musik und Spielen für Kinder.",
            ["Feste"],
        ),
        (
            f"Neues Angebot: {act[0].upper()}{act[1:]}",
            f"Ab sofort gibt es bei uns {act}. Eine Anmeldung ist nicht nötig.",
            ["Angebot"],
        ),
        (
            "Mitgliederversammlung wählt neuen Vorstand",
            "Die Mitgliederversammlung hat den Vorstand neu gewählt und den Jahresbericht "
            "beschlossen.",
            ["Verein"],
        ),
        (
            f"Zu Gast bei {partner}",
            f"Gemeinsam mit {partner} haben wir einen Nachmittag lang geübt, gefragt und gelacht.",
            ["Kooperation", partner_tag],
        ),
        (
            f"Abend im Café International: {topic}",
            f"Beim Informationsabend „{topic}“ gab es Antworten in mehreren Sprachen.",
            ["Infoabend"],
        ),
        (
            "Wir waren beim Austauschtreffen der Vereine",
            "Beim Austauschtreffen der Integrationsagentur haben wir andere Vereine aus dem "
            "Kreis kennengelernt und Ideen gesammelt.",
            ["Vernetzung"],
        ),
        (
            f"Fest der Kulturen in {ort}: Wir waren dabei",
            f"Mit einem eigenen Stand haben wir die {community.culture} Kultur vorgestellt.",
            ["Feste", "Vielfalt"],
        ),
        (
            "Danke für die Unterstützung!",
            "Dank einer kleinen Förderung konnten wir neue Materialien für unsere Gruppen "
            "anschaffen.",
            ["Förderung"],
        ),
    ]


def plan_news(rng, club: ClubPlan, community, activities, today) -> tuple[NewsPlan, ...]:
    templates = rng.sample(_news_templates(club, community, activities, rng), rng.randint(2, 3))
    days = sorted(rng.sample(range(3, 360), len(templates)), reverse=True)
    news = []
    for (title, teaser, tags), days_ago in zip(templates, days, strict=True):
        body = (
            f"<p>{escape(teaser)}</p>"
            f"<p>{escape(rng.choice(NEWS_SECOND_PARAGRAPHS))}</p>"
            f"<p>{escape(rng.choice(NEWS_CLOSINGS))}</p>"
        )
        news.append(
            NewsPlan(
                title=title,
                slug=slugify(title.translate(TRANSLITERATION))[:80],
                date=today - datetime.timedelta(days=days_ago),
                teaser=teaser,
                body_html=body,
                tags=tuple(tags),
                image_index=rng.choice([0, 1, 2, None]),
            )
        )
    if club.index % 9 == 4:
        news.append(
            NewsPlan(
                title="Einladung zum Neujahrsempfang",
                slug="einladung-zum-neujahrsempfang",
                date=today,
                teaser="Wir laden alle Mitglieder, Nachbarn und Freunde zum Neujahrsempfang ein.",
                body_html="<p>Ort und Uhrzeit folgen, sobald der Raum bestätigt ist.</p>",
                tags=("Verein",),
                image_index=None,
                published=False,
            )
        )
    return tuple(news)


NEWS_SECOND_PARAGRAPHS = [
    "Viele Helferinnen und Helfer haben zum Gelingen beigetragen – vom Aufbau bis zum Abwasch.",
    "Besonders gefreut haben uns die vielen neuen Gesichter aus der Nachbarschaft.",
    "Die Kinder waren mit großem Eifer dabei, die Eltern haben sich ausgetauscht.",
    "Auch Vertreterinnen der Integrationsagentur und der Gemeinde waren zu Gast.",
]
NEWS_CLOSINGS = [
    "Fotos finden Sie in unserer Galerie.",
    "Wir sagen allen Beteiligten herzlich Danke!",
    "Das nächste Treffen steht schon im Kalender.",
    "Wer mitmachen möchte, meldet sich gern bei uns.",
]

EVENT_TEMPLATES = [
    # title, category, all day, hours, summary
    ("Tag der offenen Tür", "festival", False, 4, "Lernen Sie uns und unsere Angebote kennen."),
    ("Kulturabend", "culture", False, 3, "Musik, Tanz und Geschichten aus unserer Herkunft."),
    (
        "Infoabend: Ausbildung und Beruf",
        "info",
        False,
        2,
        "Fragen und Antworten in mehreren Sprachen.",
    ),
    ("Mitgliederversammlung", "meeting", False, 2, "Berichte des Vorstands und Wahlen."),
    (
        "Fest der Begegnung",
        "festival",
        True,
        0,
        "Ein Tag für Familien mit Essen, Musik und Spielen.",
    ),
    ("Erste-Hilfe-Kurs", "course", False, 6, "Ein Kurs mit Übersetzung, gemeinsam mit dem DRK."),
    (
        "Freundschaftsturnier",
        "sport",
        True,
        0,
        "Mannschaften aus dem ganzen Kreis spielen um den Pokal.",
    ),
    ("Jugendausflug", "youth", True, 0, "Ein Tagesausflug für Jugendliche ab 12 Jahren."),
]
RECURRING_TITLES = {
    "Sport": ("Training", "sport"),
    "Bildung": ("Hausaufgabenhilfe", "course"),
    "Sprache": ("Sprachunterricht", "course"),
    "Jugend": ("Jugendtreff", "youth"),
    "Frauen": ("Frauenfrühstück", "meeting"),
    "Eltern": ("Elterncafé", "meeting"),
    "Religion": ("Gesprächskreis", "religion"),
    "Kultur": ("Probe der Musik- und Tanzgruppe", "culture"),
}


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=TIME_ZONE)


def weekly_rule(weekday: int, until: datetime.date) -> str:
    """An RFC 5545 rule; UNTIL is in UTC because the events' start is zoned."""
    end_of_day = aware(until, datetime.time(23, 59, 59)).astimezone(datetime.UTC)
    return f"FREQ=WEEKLY;BYDAY={RRULE_DAYS[weekday]};UNTIL={end_of_day:%Y%m%dT%H%M%SZ}"


def room_for(club: ClubPlan, rng) -> str | None:
    if club.municipality == "Jülich" or club.municipality in ("Titz", "Linnich", "Aldenhoven"):
        return data.ROOMS[2].name if rng.random() < 0.4 else None
    return rng.choice([data.ROOMS[0].name, data.ROOMS[1].name, None, None])


def plan_events(rng, club: ClubPlan, activities, today) -> tuple[EventPlan, ...]:
    address = f"{club.street}, {club.postal_code} {club.city}"
    registration = f"https://www.{club.slug}.example/anmeldung"
    events = []

    meeting = club.meetings[0]
    title, category = next(
        (RECURRING_TITLES[f] for f in club.focus if f in RECURRING_TITLES),
        ("Offener Treff", "meeting"),
    )
    first = today - datetime.timedelta(days=rng.randint(40, 120))
    first += datetime.timedelta(days=(meeting.weekday - first.weekday()) % 7)
    events.append(
        EventPlan(
            title=f"{title} ({WEEKDAYS[meeting.weekday]})",
            slug=slugify(title.translate(TRANSLITERATION)),
            start=aware(first, meeting.start),
            end=aware(first, meeting.end),
            all_day=False,
            recurrence=weekly_rule(
                meeting.weekday, today + datetime.timedelta(days=rng.randint(90, 240))
            ),
            room=None,
            address=meeting.place if meeting.place != "Vereinsräume" else address,
            category=category,
            cost=None,
            languages=club.languages,
            registration_url="",
            summary=f"Jede Woche {WEEKDAYS[meeting.weekday].lower()}s: {activities[0]}.",
            body_html=f"<p>Wöchentlich ab {meeting.start:%H:%M} Uhr"
            + (f" ({escape(meeting.note)}).</p>" if meeting.note else ".</p>"),
        )
    )

    templates = rng.sample(EVENT_TEMPLATES, 2)
    offsets = [-rng.randint(20, 300)] + [rng.randint(5, 150) for _ in templates[1:]]
    for (title, category, all_day, hours, summary), offset in zip(templates, offsets, strict=True):
        day = today + datetime.timedelta(days=offset)
        if all_day:
            start = aware(day, datetime.time(0, 0))
            end = None
        else:
            start = aware(day, datetime.time(rng.choice([11, 14, 17, 18]), 0))
            end = start + datetime.timedelta(hours=hours)
        room = room_for(club, rng) if not all_day else None
        languages = tuple(rng.sample(club.languages[:-1], min(2, len(club.languages) - 1)))
        events.append(
            EventPlan(
                title=title,
                slug=slugify(title.translate(TRANSLITERATION)),
                start=start,
                end=end,
                all_day=all_day,
                recurrence="",
                room=room,
                address="" if room else address,
                category=category,
                cost=rng.choice([None, None, None, "3.00", "5.00", "10.00"]),
                languages=(*languages, "de"),
                registration_url=registration if rng.random() < 0.3 else "",
                summary=summary,
                body_html=f"<p>{escape(summary)} {escape(rng.choice(EVENT_CLOSINGS))}</p>",
            )
        )
    return tuple(events)


EVENT_CLOSINGS = [
    "Der Eintritt ist frei, Spenden sind willkommen.",
    "Für Kinderbetreuung ist gesorgt.",
    "Die Räume sind stufenlos erreichbar.",
    "Bitte bringen Sie gute Laune mit!",
]

PROJECT_TEMPLATES = [
    (
        "Sprachbrücke: Deutsch im Alltag",
        "Ehrenamtliche begleiten Neuzugewanderte ein Jahr lang beim Deutschlernen im Alltag.",
    ),
    (
        "Erste Hilfe in vielen Sprachen",
        "Erste-Hilfe-Kurse mit Übersetzung, gemeinsam mit dem DRK-Ortsverein und Nachbarvereinen.",
    ),
    (
        "Fit im Ehrenamt",
        "Eine Workshopreihe zu Vereinsrecht, Kassenführung und Öffentlichkeitsarbeit.",
    ),
    (
        "Jugend trifft Feuerwehr",
        "Jugendliche lernen die Freiwillige Feuerwehr kennen – mit Übungen und Schnuppertagen.",
    ),
    (
        "Elternlotsen für Kita und Schule",
        "Geschulte Eltern begleiten andere Eltern zu Gesprächen in Kita und Schule.",
    ),
]
MENTORING = (
    "Patenschaft für neue Initiativen",
    "Als erfahrener Verein begleiten wir junge Initiativen beim Aufbau: Satzung, Kasse, "
    "erster Förderantrag.",
)


def plan_projects(clubs: list[ClubPlan], today: datetime.date) -> None:
    """Projects for about a third of the clubs; some name partner clubs, and established
    clubs mentor newly founded ones (the state's "Unterstützungsförderung")."""
    rng = random.Random(f"{data.SEED}:projects")
    published = [club for club in clubs if not club.draft]
    newcomers = [club for club in published if today.year - club.founding_year < 3]
    established = [club for club in published if today.year - club.founding_year >= 10]
    for mentor, mentee in zip(rng.sample(established, len(newcomers)), newcomers, strict=True):
        mentor.projects.append(
            project(rng, MENTORING, today, [mentee.slug], data.FUNDING_SOURCES[1], mentor)
        )
    for club in rng.sample(published, len(published) // 3):
        partners = [p.slug for p in rng.sample(published, 3) if p is not club][: rng.randint(0, 2)]
        template = rng.choice(PROJECT_TEMPLATES)
        if any(p.title == template[0] for p in club.projects):
            continue
        club.projects.append(
            project(rng, template, today, partners, rng.choice(data.FUNDING_SOURCES), club)
        )


def project(rng, template, today, partners, funding, club) -> ProjectPlan:
    title, summary = template
    start = today + datetime.timedelta(days=rng.randint(-500, 60))
    end = start + datetime.timedelta(days=rng.choice([180, 270, 365]))
    status = "planned" if start > today else "completed" if end < today else "running"
    return ProjectPlan(
        title=title,
        slug=slugify(title.translate(TRANSLITERATION)),
        start=start,
        end=end,
        status=status,
        funding_source=funding,
        partner_slugs=tuple(partners),
        summary=summary,
        body_html=(
            f"<p>{escape(summary)}</p><p>Das Projekt läuft vom {start:%d.%m.%Y} bis zum "
            f"{end:%d.%m.%Y} und richtet sich an alle in {escape(club.municipality)} und "
            "Umgebung.</p>"
        ),
    )
