"""The high-contrast theme: chosen by the club, linked on every page, right to left in Arabic;
and the stylesheets of this theme and of the events and gallery plugins use logical
properties only."""

import re
from pathlib import Path

import pytest

from tests.factories import ClubFactory, event_index, event_page

pytestmark = pytest.mark.django_db

PLUGINS = Path(__file__).resolve().parents[3] / "plugins"
# Physical directions in property names or values: margin-left, padding-top, left:, width:,
# text-align: right, float: left, border-right …
PHYSICAL = re.compile(
    r"(?<![-\w])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)"
    r"|left|right|top|bottom|width|height|min-width|max-width|min-height|max-height)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)"
)


@pytest.fixture
def contrast_club(db):
    club = ClubFactory("Elternnetzwerk Jülich e. V.", theme="theme_contrast")
    event_page(event_index(club), "Elterncafé")
    return club


def test_the_clubs_theme_choice_selects_the_contrast_stylesheet(contrast_club, build_club_site):
    root = build_club_site(contrast_club)

    for page in ("de/index.html", "de/veranstaltungen/index.html", "404.html"):
        html = (root / page).read_text()
        assert "theme_contrast/site.css" in html, page
        assert "theme_default" not in html, page
    home = (root / "de/index.html").read_text()
    assert '<link rel="stylesheet" href="../static/theme_contrast/site.css">' in home
    assert '<link rel="stylesheet" href="../static/colours.css">' in home
    assert (root / "static/theme_contrast/site.css").is_file()
    assert not (root / "static/theme_default").exists()
    assert "--primary: #1d4e89;" in (root / "static/colours.css").read_text()
    assert "Zum Inhalt springen" in home  # the strings shared with the default theme


def test_other_clubs_keep_the_default_theme(build_club_site):
    root = build_club_site(ClubFactory())

    assert "theme_default/site.css" in (root / "de/index.html").read_text()


def test_contrast_pages_are_right_to_left_in_arabic(contrast_club, build_club_site):
    from tests.plugins.helpers import translate

    translate(contrast_club, "ar")
    root = build_club_site(contrast_club)

    html = (root / "ar/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in html
    assert "theme_contrast/site.css" in html
    assert "انتقل إلى المحتوى" in html


@pytest.mark.parametrize(
    "stylesheet",
    [
        "theme_contrast/static/site.css",
        "events/static/events.css",
        "gallery/static/gallery.css",
    ],
)
def test_stylesheets_use_logical_properties_only(stylesheet):
    css = re.sub(r"/\*.*?\*/", "", (PLUGINS / stylesheet).read_text(), flags=re.S)
    assert not PHYSICAL.findall(css), PHYSICAL.findall(css)
