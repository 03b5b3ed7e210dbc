"""A scaled district, generated deterministically into the benchmark's own database.

Each club gets 20 pages: its ClubPage, an "about" and two further content pages, a news index
with six news (tags, picture, body), an event index with five events (three recurring weekly
or monthly, two one-off), two galleries of four pictures each and one project with a partner
club. Clubs carry countries, languages, focus areas, tags, meeting times and homepage sections.

Pages are written in bulk: tree paths are computed here the way treebeard would
(``Page._get_path``), base rows go through ``bulk_create`` and the rows of each page type's own
table through the same insert ``bulk_create`` uses (Django refuses ``bulk_create`` for
multi-table inheritance). Pictures come from a pool of generated images (with their
renditions made up front), shared between clubs, so 5,000 clubs do not mean 5,000 × 9 files.
The same ``--clubs`` on the same day gives the same data (events are placed relative to the
day of generation so that there are always upcoming ones).
"""

from __future__ import annotations

import datetime
import io
import json
import random
import time
import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from cms.clubs.models import (
    ClubPage,
    ClubTag,
    ContentPage,
    GalleryImage,
    GalleryPage,
    HomepageSection,
    MeetingTime,
    NewsIndexPage,
    NewsPage,
    NewsTag,
    ProjectPage,
)
from cms.core.caching import bump_content_version
from cms.core.media import RENDITIONS
from cms.events.models import EventIndexPage, EventPage
from cms.taxonomy.models import Country, FocusArea, Language, Municipality
from cms.tenancy.provisioning import club_index

SEED = 9
PAGES_PER_CLUB = 20
IMAGE_POOL = 48
COLLECTION_NAME = "Benchmark"
WORDS = [
    "Verein",
    "Begegnung",
    "Kultur",
    "Sprache",
    "Nachbarschaft",
    "Jugend",
    "Sport",
    "Musik",
    "Tanz",
    "Kochen",
    "Beratung",
    "Hausaufgabenhilfe",
    "Frauen",
    "Familie",
    "Fest",
    "Ausflug",
    "Vortrag",
    "Integration",
    "Ehrenamt",
    "Austausch",
    "Garten",
    "Theater",
    "Literatur",
    "Film",
    "Gesundheit",
    "Arbeit",
    "Schule",
    "Brücke",
    "Zukunft",
    "Heimat",
]
TAGS = [
    "kultur",
    "jugend",
    "sport",
    "sprache",
    "frauen",
    "familie",
    "musik",
    "beratung",
    "fest",
    "bildung",
]
SECTIONS = ["about", "news", "events", "gallery", "projects", "contact"]


def sentence(rng: random.Random, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, images: list[int]) -> str:
    blocks = [
        {"type": "text", "value": f"<p>{sentence(rng, 40)}</p>", "id": str(_uuid(rng))},
        {
            "type": "image",
            "value": {"image": rng.choice(images), "caption": sentence(rng, 4), "alt_text": ""},
            "id": str(_uuid(rng)),
        },
        {"type": "text", "value": f"<p>{sentence(rng, 30)}</p>", "id": str(_uuid(rng))},
    ]
    return json.dumps(blocks)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def picture(number: int) -> ImageFile:
    """A small generated picture: a colour gradient with a number."""
    rng = random.Random(number)
    colour = tuple(rng.randrange(40, 220) for _ in range(3))
    image = PILImage.new("RGB", (320, 240), colour)
    draw = ImageDraw.Draw(image)
    for y in range(0, 240, 8):
        shade = tuple(min(255, c + y // 4) for c in colour)
        draw.rectangle([0, y, 320, y + 8], fill=shade)
    draw.text((20, 20), f"Bild {number}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    buffer.seek(0)
    return ImageFile(buffer, name=f"bench-{number:03d}.jpg")


def image_pool(log) -> list[int]:
    image_model = get_image_model()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    collection = collection or root.add_child(name=COLLECTION_NAME)
    existing = list(
        image_model.objects.filter(collection=collection)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for number in range(len(existing), IMAGE_POOL):
        image = image_model.objects.create(
            title=f"Benchmark-Bild {number}", file=picture(number), collection=collection
        )
        image.get_renditions(*RENDITIONS.values())
        existing.append(image.pk)
    log(f"image pool: {len(existing)} pictures with renditions")
    return existing


class TreeWriter:
    """Collects pages (instances of their specific type) with explicit ids and tree paths and
    writes them in bulk."""

    def __init__(self):
        self.next_id = (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        self.locale = Locale.get_default()
        self.now = timezone.now().replace(microsecond=0)
        self.pages: dict[type, list] = {}

    def add(self, model, parent, position: int, **fields):
        page = model(
            id=self.next_id,
            path=Page._get_path(parent.path, parent.depth + 1, position),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{fields['slug']}/",
            content_type_id=ContentType.objects.get_for_model(model).pk,
            locale_id=self.locale.pk,
            translation_key=fields.pop("translation_key"),
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            draft_title=fields["title"],
            **fields,
        )
        page.page_ptr_id = page.id
        self.next_id += 1
        parent.numchild += 1
        self.pages.setdefault(model, []).append(page)
        return page

    def write(self) -> int:
        written = 0
        base_fields = Page._meta.concrete_fields
        for model, pages in self.pages.items():
            Page.objects.bulk_create(
                [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages],
                batch_size=500,
            )
            local = list(model._meta.local_concrete_fields)
            size = max(1, connection.ops.bulk_batch_size(local, pages) or 500)
            for start in range(0, len(pages), size):
                model._base_manager._insert(pages[start : start + size], fields=local, raw=True)
            written += len(pages)
        self.pages = {}
        return written


def generate(clubs: int, log: Callable[[str], None] = print) -> dict:
    """Fill the (migrated) benchmark database with ``clubs`` clubs; a no-op if it holds them."""
    existing = ClubPage.objects.count()
    if existing >= clubs:
        log(f"{existing} clubs already generated")
        return {"clubs": existing, "pages": Page.objects.count(), "seconds": 0.0}
    if existing:
        raise SystemExit(
            f"The benchmark database holds {existing} clubs, fewer than {clubs}; "
            "remove it (or choose another --work directory) to generate anew."
        )
    started = time.perf_counter()
    rng = random.Random(SEED)
    images = image_pool(log)
    municipalities = list(Municipality.objects.order_by("pk"))
    countries = list(Country.objects.order_by("pk").values_list("pk", flat=True))
    languages = list(Language.objects.order_by("pk").values_list("pk", flat=True))
    german = Language.objects.filter(tag="de").values_list("pk", flat=True).first()
    focus = list(FocusArea.objects.order_by("pk").values_list("pk", flat=True))
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name": slug})[0].pk for slug in TAGS]
    index = club_index()
    today = timezone.localdate()
    local = timezone.get_current_timezone()
    batch = 250
    total = 0
    for first in range(0, clubs, batch):
        with transaction.atomic():
            total += _generate_batch(
                range(first, min(clubs, first + batch)),
                rng=rng,
                index=index,
                images=images,
                municipalities=municipalities,
                countries=countries,
                languages=languages,
                german=german,
                focus=focus,
                tags=tags,
                today=today,
                local=local,
            )
        log(f"  {min(clubs, first + batch)}/{clubs} clubs ({time.perf_counter() - started:.0f} s)")
    if connection.vendor == "postgresql":
        from django.core.management.color import no_style

        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Page]):
                cursor.execute(sql)
    bump_content_version()
    seconds = time.perf_counter() - started
    log(f"generated {clubs} clubs, {total} pages in {seconds:.1f} s")
    return {"clubs": clubs, "pages": total, "seconds": round(seconds, 2)}


def _generate_batch(numbers, *, rng, index, images, today, local, **pools) -> int:
    municipalities, countries, languages = (
        pools["municipalities"],
        pools["countries"],
        pools["languages"],
    )
    german, focus, tags = pools["german"], pools["focus"], pools["tags"]
    writer = TreeWriter()
    through = {
        "countries": [],
        "languages": [],
        "focus": [],
        "club_tags": [],
        "news_tags": [],
        "event_languages": [],
        "partners": [],
    }
    gallery_images, sections, meetings = [], [], []
    for number in numbers:
        name = f"{rng.choice(WORDS)}verein {number + 1:05d} e. V."
        municipality = municipalities[number % len(municipalities)]
        club = writer.add(
            ClubPage,
            index,
            index.numchild + 1,
            title=name,
            slug=f"benchverein-{number + 1:05d}",
            translation_key=_uuid(rng),
            legal_form="ev",
            founding_year=1970 + number % 55,
            municipality_id=municipality.pk,
            member_count=20 + number % 300,
            short_description=sentence(rng, 14),
            description=f"<p>{sentence(rng, 50)}</p><p>{sentence(rng, 30)}</p>",
            plain_summary=sentence(rng, 10),
            street=f"Hauptstraße {number % 90 + 1}",
            postal_code="52349",
            city=municipality.name,
            publish_address=number % 2 == 0,
            contact_name=f"Kontakt {number + 1}",
            contact_role="Vorsitz",
            contact_email=f"verein{number + 1}@example.org",
            contact_phone="02421 123456",
            contact_consent=number % 3 == 0,
            website=f"https://verein{number + 1}.example.org",
            logo_id=images[number % len(images)],
            cover_image_id=images[(number * 7) % len(images)],
            theme="theme_default",
            own_domain="",
        )
        for pk in rng.sample(countries, 2):
            through["countries"].append(
                ClubPage.countries.through(clubpage_id=club.pk, country_id=pk)
            )
        for pk in {german, *rng.sample(languages, 2)}:
            through["languages"].append(
                ClubPage.languages.through(clubpage_id=club.pk, language_id=pk)
            )
        for pk in rng.sample(focus, 2):
            through["focus"].append(
                ClubPage.focus_areas.through(clubpage_id=club.pk, focusarea_id=pk)
            )
        for pk in rng.sample(tags, 3):
            through["club_tags"].append(ClubTag(content_object_id=club.pk, tag_id=pk))
        for order, section in enumerate(SECTIONS):
            sections.append(HomepageSection(club_id=club.pk, sort_order=order, section=section))
        meetings.append(
            MeetingTime(
                club_id=club.pk,
                sort_order=0,
                weekday=number % 7,
                start_time=datetime.time(18, 0),
                end_time=datetime.time(20, 0),
                place="Vereinsheim",
                note="",
            )
        )

        def child(model, parent, **fields):
            return writer.add(
                model, parent, parent.numchild + 1, translation_key=_uuid(rng), **fields
            )

        child(ContentPage, club, title="Über uns", slug="ueber-uns", body=body(rng, images))
        news = child(NewsIndexPage, club, title="Neuigkeiten", slug="neuigkeiten", intro="")
        events = child(
            EventIndexPage, club, title="Veranstaltungen", slug="veranstaltungen", intro=""
        )
        for item in range(6):
            page = child(
                NewsPage,
                news,
                title=f"Meldung {item + 1}: {sentence(rng, 4)[:-1]}",
                slug=f"meldung-{item + 1}",
                date=today - datetime.timedelta(days=item * 9 + number % 9),
                teaser=sentence(rng, 16),
                image_id=rng.choice(images),
                body=body(rng, images),
            )
            for pk in rng.sample(tags, 2):
                through["news_tags"].append(NewsTag(content_object_id=page.pk, tag_id=pk))
        for item in range(5):
            day = today + datetime.timedelta(days=item * 6 + number % 5 - 3)
            start = datetime.datetime.combine(day, datetime.time(17 + item % 3), tzinfo=local)
            recurrence = ["RRULE:FREQ=WEEKLY", "RRULE:FREQ=MONTHLY", "RRULE:FREQ=WEEKLY;INTERVAL=2"]
            page = child(
                EventPage,
                events,
                title=f"Treffen {item + 1}: {sentence(rng, 3)[:-1]}",
                slug=f"treffen-{item + 1}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                all_day=False,
                recurrence=recurrence[item] if item < 3 else "",
                location_address=f"Hauptstraße {number % 90 + 1}, {municipality.name}",
                category=["meeting", "course", "festival", "culture", "sport"][item],
                summary=sentence(rng, 12),
                registration_url="",
                body=body(rng, images),
            )
            through["event_languages"].append(
                EventPage.languages.through(eventpage_id=page.pk, language_id=german)
            )
        for item in range(2):
            gallery = child(
                GalleryPage,
                club,
                title=f"Galerie {item + 1}",
                slug=f"galerie-{item + 1}",
                intro=sentence(rng, 8),
            )
            for position in range(4):
                gallery_images.append(
                    GalleryImage(
                        page_id=gallery.pk,
                        sort_order=position,
                        image_id=rng.choice(images),
                        caption=sentence(rng, 5),
                        # One picture in eight without consent: the API must leave it out.
                        photo_consent=position != 3 or item == 0,
                    )
                )
        for item in range(2):
            child(
                ContentPage,
                club,
                title=f"{rng.choice(WORDS)} {item + 1}",
                slug=f"seite-{item + 1}",
                body=body(rng, images),
            )
        project = child(
            ProjectPage,
            club,
            title=f"Projekt {sentence(rng, 3)[:-1]}",
            slug="projekt",
            start_date=today - datetime.timedelta(days=100),
            status="running",
            summary=sentence(rng, 15),
            body=body(rng, images),
        )
        if number:
            partner = club.pk - PAGES_PER_CLUB  # the previous club
            through["partners"].append(
                ProjectPage.partner_clubs.through(projectpage_id=project.pk, clubpage_id=partner)
            )
    pages = writer.write()
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild)
    for rows in through.values():
        if rows:
            type(rows[0]).objects.bulk_create(rows, batch_size=1000)
    GalleryImage.objects.bulk_create(gallery_images, batch_size=1000)
    HomepageSection.objects.bulk_create(sections, batch_size=1000)
    MeetingTime.objects.bulk_create(meetings, batch_size=1000)
    return pages
