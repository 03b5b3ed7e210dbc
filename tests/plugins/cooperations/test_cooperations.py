from plugins.cooperations import plugin as cooperations
from plugins.theme_default import plugin as theme
from sites.club import home
from sites.engine.site import Locale, Site, render_site
from tests.factories import ClubFactory

ITEMS = [
    {
        "partner": {
            "name": "Freiwillige Feuerwehr Düren",
            "slug": "feuerwehr-dueren",
            "url": "https://feuerwehr.example.org/",
        },
        "kind": "recruiting",
        "kind_label": "Nachwuchsgewinnung",
        "start": "2025-03-01",
        "end": "2025-12-31",
        "title": "Jugendfeuerwehr zum Kennenlernen",
        "description": "Drei Schnupperabende für Jugendliche aus dem Verein.",
    },
    {
        "partner": {"name": "DRK Kreisverband Düren", "slug": "drk-dueren", "url": None},
        "kind": "first_aid",
        "kind_label": "Erste-Hilfe-Kurs",
        "start": "2026-01-15",
        "end": None,
        "title": "",
        "description": "",
    },
]
LOCALES = {"de": Locale("de", "Deutsch"), "ar": Locale("ar", "العربية", "rtl")}


def synthetic_site(items, codes=("de",)):
    data = {
        code: {
            "club": {"name": "Beispielverein e. V.", "short_description": "", "municipality": None},
            "homepage": {},
            "cooperations": items,
        }
        for code in codes
    }
    return Site(
        kind="club",
        name="beispiel",
        title="Beispielverein e. V.",
        locales=[LOCALES[code] for code in codes],
        data=data,
        theme=theme,
        plugins=[home, cooperations],
        settings={"cover_image": None},
    )


def render(site) -> dict[str, str]:
    files, _assets = render_site(site)
    assert not site.errors, site.errors
    return {file.path: file.content.decode() for file in files if not file.path.endswith(".woff")}


def test_no_cooperations_no_page_no_menu_entry_no_section():
    for items in ([], None):
        site = synthetic_site(items)
        files = render(site)

        assert not any("kooperationen" in path for path in files)
        assert "Kooperationen" not in files["de/index.html"]
        assert "section-cooperations" not in files["de/index.html"]


def test_cooperations_page_lists_partners_kinds_periods_and_links():
    files = render(synthetic_site(ITEMS))

    page = files["de/kooperationen/index.html"]
    main = page[page.index("<main") : page.index("</main>")]
    assert "<h1>Kooperationen</h1>" in main
    assert '<h2 dir="auto">Jugendfeuerwehr zum Kennenlernen</h2>' in main
    assert "<bdi>Freiwillige Feuerwehr Düren</bdi>" in main
    assert '<dd dir="auto">Nachwuchsgewinnung</dd>' in main
    assert (
        '<time datetime="2025-03-01">1. März 2025</time> – '
        '<time datetime="2025-12-31">31. Dezember 2025</time>'
    ) in main
    assert "Drei Schnupperabende" in main
    assert '<a href="https://feuerwehr.example.org/" rel="noopener">' in main
    assert "Website von Freiwillige Feuerwehr Düren" in main
    # without a title the partner names the card; an open end reads "since"
    assert '<h2 dir="auto">DRK Kreisverband Düren</h2>' in main
    assert "seit 15. Januar 2026" in main
    assert 'href="../../static/cooperations/cooperations.css"' in page


def test_cooperations_have_a_menu_entry_and_a_home_section():
    files = render(synthetic_site(ITEMS))

    home_page = files["de/index.html"]
    assert '<a href="kooperationen/index.html">Kooperationen</a>' in home_page
    section = home_page[home_page.index('aria-labelledby="section-cooperations"') :]
    section = section[: section.index("</section>")]
    assert '<h3 dir="auto">Jugendfeuerwehr zum Kennenlernen</h3>' in section
    assert '<a href="kooperationen/index.html">Alle Kooperationen</a>' in section


def test_arabic_cooperations_page_is_right_to_left():
    files = render(synthetic_site(ITEMS, codes=("de", "ar")))

    page = files["ar/kooperationen/index.html"]
    assert '<html lang="ar" dir="rtl">' in page
    assert "<h1>الشراكات</h1>" in page
    assert "منذ" in page  # "since", in Arabic


def test_a_real_club_without_cooperations_gets_no_cooperations_page(build_club_site):
    root = build_club_site(ClubFactory())

    assert not (root / "de/kooperationen").exists()
    assert "kooperationen" not in (root / "de/index.html").read_text()


def test_a_cooperation_starting_later_reads_from_not_since():
    """Issue 17, 3: "seit 16. Januar 2027" for a cooperation that had not begun yet."""
    import datetime

    later = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
    today = datetime.date.today().isoformat()
    items = [
        {**ITEMS[1], "start": later, "title": "Später"},
        {**ITEMS[1], "start": today, "title": "Heute"},
    ]
    files = render(synthetic_site(items, codes=("de", "ar")))
    main = files["de/kooperationen/index.html"]
    later_card = main[main.index("Später") : main.index("Heute")]
    today_card = main[main.index("Heute") :]
    assert "ab " in later_card and "seit" not in later_card
    assert "seit " in today_card
    assert "ابتداءً من" in files["ar/kooperationen/index.html"]
