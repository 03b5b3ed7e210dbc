import datetime
import json

from cms.clubs.models import ContentPage, MeetingTime
from cms.taxonomy.models import UmbrellaOrganisation
from tests.factories import ClubFactory, add_child
from tests.plugins.helpers import main_of, translate

PLAIN = "Wir sind ein Verein für Familien.\nWir treffen uns jeden Montag."


def text(html):
    return json.dumps([{"type": "text", "value": html}])


def profile_club(**fields):
    club = ClubFactory(
        "Kulturverein Sonnenblume e. V.",
        languages=("ar", "tr"),
        countries=("SY", "TR"),
        focus=("Kultur",),
        founding_year=2012,
        member_count=1234,
        description="<p>Wir machen Musik und Theater.</p>",
        plain_summary=PLAIN,
        board_women=7,
        board_men=5,
        **fields,
    )
    club.umbrellas.add(UmbrellaOrganisation.objects.create(name="Dachverband der MSO Düren"))
    club.meeting_times.add(
        MeetingTime(
            weekday=0,
            start_time=datetime.time(18),
            end_time=datetime.time(20),
            place="Café International",
            note="jede zweite Woche",
        )
    )
    club.save_revision().publish()
    return club


def test_about_page_shows_the_profile(build_club_site):
    root = build_club_site(profile_club())

    page = main_of((root / "de/ueber-uns/index.html").read_text())
    assert "<h1>Über uns</h1>" in page
    assert "<p>Wir machen Musik und Theater.</p>" in page
    assert "eingetragener Verein (e. V.)" in page
    assert "2012" in page and "1.234" in page
    assert "<bdi>Düren</bdi>" in page
    assert "Syrien" in page and "Türkei" in page
    # languages in their own names, marked up with their language and direction
    assert '<span lang="ar" dir="rtl">العربية</span> (Arabisch)' in page
    assert '<span lang="tr" dir="ltr">Türkçe</span>' in page
    assert "<li>Kultur</li>" in page
    assert "<bdi>Dachverband der MSO Düren</bdi>" in page
    assert "<strong>Montag</strong>" in page
    assert '<time datetime="18:00">18:00</time>–<time datetime="20:00">20:00</time>' in page
    assert "Café International" in page and "jede zweite Woche" in page
    # Einfache Sprache in its own, labelled section, marked as German
    assert '<h2 id="about-plain">In Einfacher Sprache</h2>' in page
    assert '<div lang="de" dir="ltr">' in page
    assert "<p>Wir treffen uns jeden Montag.</p>" in page
    # board composition is never shown
    assert "Vorstand" not in page


def test_about_is_in_the_main_menu_and_has_a_home_section(build_club_site):
    root = build_club_site(profile_club())

    home = (root / "de/index.html").read_text()
    assert '<a href="ueber-uns/index.html">Über uns</a>' in home  # main menu
    section = home[home.index('aria-labelledby="section-about"') :]
    section = section[: section.index("</section>")]
    assert "<strong>Montag</strong>" in section
    assert '<a href="ueber-uns/index.html">Mehr über uns</a>' in section


def test_content_pages_are_rendered_and_listed(build_club_site):
    club = profile_club()
    statutes = add_child(
        club, ContentPage(title="Satzung", slug="satzung", body=text("<p>§ 1 Name</p>"))
    )
    add_child(statutes, ContentPage(title="Beitragsordnung", slug="beitraege"))
    add_child(club, ContentPage(title="Entwurf", slug="entwurf"), publish=False)

    root = build_club_site(club)

    about = main_of((root / "de/ueber-uns/index.html").read_text())
    assert '<a href="../satzung/index.html" dir="auto">Satzung</a>' in about
    assert '<a href="../satzung/beitraege/index.html" dir="auto">Beitragsordnung</a>' in about
    statutes_page = main_of((root / "de/satzung/index.html").read_text())
    assert '<h1 dir="auto">Satzung</h1>' in statutes_page
    assert "<p>§ 1 Name</p>" in statutes_page
    assert '<a href="beitraege/index.html" dir="auto">Beitragsordnung</a>' in statutes_page
    assert (root / "de/satzung/beitraege/index.html").is_file()
    assert not (root / "de/entwurf").exists()
    assert "Entwurf" not in about


def test_a_content_page_called_ueber_uns_becomes_the_text_of_the_about_page(build_club_site):
    club = profile_club()
    own = add_child(
        club,
        ContentPage(title="Wer wir sind", slug="ueber-uns", body=text("<p>Unsere Geschichte</p>")),
    )
    add_child(own, ContentPage(title="Vorstand und Team", slug="team"))

    root = build_club_site(club)

    about = main_of((root / "de/ueber-uns/index.html").read_text())
    assert '<h1 dir="auto">Wer wir sind</h1>' in about
    assert "<p>Unsere Geschichte</p>" in about
    assert "eingetragener Verein (e. V.)" in about  # the profile is still there
    assert '<a href="team/index.html" dir="auto">Vorstand und Team</a>' in about
    assert (root / "de/ueber-uns/team/index.html").is_file()
    assert ">Wer wir sind</a>" in (root / "de/index.html").read_text()  # menu label


def test_arabic_about_page_is_right_to_left_and_localised(build_club_site):
    club = profile_club()
    add_child(
        club,
        ContentPage(title="Wer wir sind", slug="ueber-uns", body=text("<p>Unsere Geschichte</p>")),
    )
    translate(club, "ar", title="جمعية عباد الشمس", plain_summary="ملخص بالعربية")

    root = build_club_site(club)

    page = (root / "ar/ueber-uns/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in page
    # the club's own about page is not translated: shown in German, and marked as German
    assert "<h1>من نحن</h1>" in page
    assert (
        '<div lang="de" dir="ltr"><div class="block-text" dir="auto"><p>Unsere Geschichte</p>'
        in page.replace("\n", "")
    )
    assert ">من نحن</a>" in page  # menu label in Arabic
    assert "<strong>الاثنين</strong>" in page  # Monday, from Babel
    assert "جمعية مسجلة (\u2066e. V.\u2069)" in page  # Latin isolated inside Arabic
    assert "سوريا" in page  # Syria in Arabic
    # focus areas in Arabic (their translations), no longer marked German
    assert '<ul class="tags"><li>الثقافة</li></ul>' in page
    # Einfache Sprache is German: the German profile's text, marked as German
    assert '<div lang="de" dir="ltr">' in page
    assert "<p>Wir treffen uns jeden Montag.</p>" in page
    assert "ملخص بالعربية" not in page
