"""A club that uses every section of a homepage, in German and Arabic, made with the test
factories: the content the quality bars of the club sites are checked on."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Locale

from tests.factories import (
    ClubFactory,
    add_child,
    event_index,
    event_page,
    image,
    image_file,
    news_index,
    news_page,
)

RICH_TEXT = (
    "<p>Wir treffen uns, um <b>gemeinsam</b> zu kochen, zu lernen und zu feiern. "
    'Mehr über unsere <a href="https://example.org/satzung">Satzung</a>.</p>'
    "<ul><li>Hausaufgabenhilfe</li><li>Deutschkurse</li><li>Kulturabende</li></ul>"
)
ARABIC = {
    "club": "جمعية الجسر الثقافية",
    "short_description": "جمعية ثقافية للعائلات العربية في دورن: لغة وثقافة ولقاءات.",
    "news": "الأخبار",
    "news_item": "مهرجان الصيف في الحديقة",
    "teaser": "احتفلنا معًا بمهرجان الصيف مع أكثر من مئة ضيف.",
    "events": "الفعاليات",
    "event": "مقهى اللغة",
    "weekly": "ساعة الواجبات المدرسية",
    "gallery": "معرض الصور",
    "project": "جسور للأطفال",
    "summary": "مشروع لمرافقة الأطفال في المدرسة.",
    "page": "من نحن",
}


def text(value: str) -> list[tuple[str, str]]:
    return [("text", value)]


def rich_club(theme: str, name: str):
    """A published club with the chosen theme, news, events (one weekly), a gallery with
    consented pictures, a project, a content page, consented contact data, the published
    address, an Impressum, and an Arabic translation of every page."""
    from cms.clubs.models import (
        ContentPage,
        GalleryImage,
        GalleryPage,
        MeetingTime,
        ProjectPage,
        ProjectStatus,
    )

    club = ClubFactory(
        name,
        countries=("SY", "IQ"),
        languages=("ar", "de", "ku"),
        focus=("Kultur", "Bildung"),
        founding_year=2012,
        short_description="Kulturverein arabischsprachiger Familien in Düren: Sprache, Kultur, "
        "Begegnung.",
        description=RICH_TEXT,
        plain_summary="Wir sind ein Verein. Wir helfen Familien. Wir sprechen Arabisch und "
        "Deutsch.",
        member_count=85,
        street="Kölner Straße 12",
        postal_code="52351",
        city="Düren",
        publish_address=True,
        contact_name="Amina Haddad",
        contact_role="Vorsitzende",
        contact_email="kontakt@bruecke.example.org",
        contact_phone="02421 123456",
        contact_consent=True,
        website="https://bruecke.example.org",
        instagram_url="https://instagram.com/bruecke",
        register_court="Amtsgericht Düren",
        register_number="VR 1234",
        imprint_representatives="Amina Haddad (Vorsitzende)\nYusuf Karim (Kassenwart)",
        imprint_responsible="Amina Haddad",
        imprint_email="vorstand@bruecke.example.org",
        imprint_phone="02421 123450",
        theme=theme,
    )
    collection = club.tenant.collection
    picture = {
        "collection": collection,
        "description": "Menschen sitzen an einem langen Tisch im Garten",
    }
    club.logo = image(
        collection, title="Logo", file=image_file("logo.png", (96, 96), (20, 60, 120))
    )
    club.cover_image = image(
        title="Titelbild",
        file=image_file("titel.jpg", (1200, 500), (30, 90, 60), "JPEG"),
        **picture,
    )
    club.meeting_times.add(
        MeetingTime(weekday=1, start_time=datetime.time(17), end_time=datetime.time(19),
                    place="Gemeindezentrum Nord", note="außer in den Ferien")
    )  # fmt: skip
    club.meeting_times.add(MeetingTime(weekday=5, start_time=datetime.time(10)))
    club.save_revision().publish()
    club.refresh_from_db()

    news = news_index(club, intro="Was bei uns los ist.")
    summer = news_page(
        news,
        "Sommerfest im Park",
        date=datetime.date(2026, 7, 12),
        teaser="Über hundert Gäste feierten mit uns.",
        image=image(title="Sommerfest", **picture),
        body=text(RICH_TEXT),
    )
    course = news_page(news, "Neuer Deutschkurs", date=datetime.date(2026, 9, 1))

    events = event_index(club, intro="Unsere Termine.")
    start = (timezone.now() + datetime.timedelta(days=10)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    cafe = event_page(
        events,
        "Sprachcafé",
        start=start,
        location_address="Kölner Straße 12, 52351 Düren",
        summary="Deutsch und Arabisch sprechen bei Tee und Gebäck.",
        body=text("<p>Alle sind willkommen.</p>"),
    )
    weekly = event_page(
        events,
        "Hausaufgabenhilfe",
        start=start - datetime.timedelta(days=2),
        recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=20",
        summary="Jeden Dienstag für Kinder der Klassen 1 bis 6.",
    )

    gallery = GalleryPage(title="Galerie", slug="galerie", intro="Bilder aus dem Vereinsleben.")
    for number, caption in enumerate(("Beim Kochen", "Am Kulturabend"), start=1):
        gallery.gallery_images.add(
            GalleryImage(
                image=image(
                    title=caption,
                    file=image_file(f"galerie{number}.jpg", (640, 480), (40 * number, 80, 120),
                                    "JPEG"),
                    **picture,
                ),
                caption=caption,
                photo_consent=True,
            )
        )  # fmt: skip
    gallery.gallery_images.add(
        GalleryImage(image=image(title="Ohne Einwilligung", collection=collection),
                     caption="Ohne Einwilligung", photo_consent=False)
    )  # fmt: skip
    add_child(club, gallery)

    project = add_child(
        club,
        ProjectPage(
            title="Brücken für Kinder",
            slug="bruecken-fuer-kinder",
            status=ProjectStatus.RUNNING,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 6, 30),
            funding_source="Kommunales Integrationszentrum",
            summary="Ein Projekt, das Kinder in der Schule begleitet.",
            body=text(RICH_TEXT),
        ),
    )
    about = add_child(club, ContentPage(title="Über uns", slug="ueber-uns", body=text(RICH_TEXT)))

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translate(club, arabic, title=ARABIC["club"], short_description=ARABIC["short_description"])
    translate(news, arabic, title=ARABIC["news"])
    translate(summer, arabic, title=ARABIC["news_item"], teaser=ARABIC["teaser"])
    translate(course, arabic)
    translate(events, arabic, title=ARABIC["events"])
    translate(cafe, arabic, title=ARABIC["event"])
    translate(weekly, arabic, title=ARABIC["weekly"])
    translate(gallery, arabic, title=ARABIC["gallery"])
    translate(project, arabic, title=ARABIC["project"], summary=ARABIC["summary"])
    translate(about, arabic, title=ARABIC["page"])
    return club


def translate(page, locale, **changes):
    """Translate ``page`` (its ancestors too, if needed) and publish the translation."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    for key, value in changes.items():
        setattr(translation, key, value)
    translation.save_revision().publish()
    return translation
