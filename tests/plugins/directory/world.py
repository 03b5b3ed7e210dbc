"""The clubs the directory tests build the portal from: four public clubs in three
municipalities, a draft, a club behind a login and one whose contact did not consent."""

import datetime
from types import SimpleNamespace

from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.clubs.models import MeetingTime
from tests.factories import ClubFactory, event_index, event_page, news_index, news_page


def directory_world() -> SimpleNamespace:
    alevi = ClubFactory(
        "Alevitischer Kulturverein Düren",
        countries=("TR",),
        languages=("tr", "de"),
        focus=("Kultur", "Religion"),
        short_description="Saz-Kurse und Feste",
        plain_summary="Wir machen Musik. Alle sind willkommen.",
        contact_name="Ayşe Yılmaz",
        contact_role="Vorsitzende",
        contact_email="kontakt@alevi.example",
        contact_consent=True,
    )
    MeetingTime.objects.create(club=alevi, weekday=1, start_time=datetime.time(19, 30))
    alevi.save_revision().publish()
    news = news_index(alevi)
    news_page(news, "Sommerfest mit Saz", date=timezone.localdate() - datetime.timedelta(days=3))
    events = event_index(alevi)
    event_page(events, "Saz-Abend", recurrence="FREQ=WEEKLY")
    event_page(events, "Cemevi-Besuch", start=timezone.now() + datetime.timedelta(days=10))
    event_page(events, "Geheimes Treffen", publish=False)
    syrian = ClubFactory(
        "Syrischer Elternverein Jülich",
        municipality_name="Jülich",
        countries=("SY",),
        languages=("ar",),
        focus=("Eltern", "Bildung"),
        short_description="Hausaufgabenhilfe auf Arabisch",
        contact_name="Versteckte Person",
        contact_email="versteckt@example.org",
        contact_consent=False,
    )
    ukrainian = ClubFactory(
        "Ukrainischer Sportverein",
        municipality_name="Jülich",
        countries=("UA",),
        languages=("uk", "ru"),
        focus=("Sport",),
        short_description="Fußball für Kinder",
    )
    arabic = ClubFactory(
        "Kulturkreis الجالية العربية",
        municipality_name="Kreuzau",
        countries=("SY", "IQ"),
        languages=("ar", "de"),
        focus=("Kultur",),
        short_description="Arabischer Kulturabend",
        own_domain="jaliya.example",
    )
    draft = ClubFactory(
        "Entwurfsverein Geheim", publish=False, countries=("UA",), short_description="Entwurf"
    )
    restricted = ClubFactory(
        "Verborgener Verein Intern",
        countries=("UA",),
        focus=("Sport",),
        short_description="Nur für Mitglieder",
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return SimpleNamespace(
        alevi=alevi,
        syrian=syrian,
        ukrainian=ukrainian,
        arabic=arabic,
        draft=draft,
        restricted=restricted,
        public=[alevi, syrian, ukrainian, arabic],
    )
