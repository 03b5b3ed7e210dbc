"""The portal calendar, news and projects in the browser: the calendar's filter changes the
list, the subscribe links and the address; the subscribe link's ``.ics`` (fetched from a live
server) holds exactly the filtered events. The quality bars on the list, month, news and
project pages (valid HTML, axe WCAG 2.1 AA in German and Arabic) run on the shared portal
build of ``tests/browser/portal.py``."""

import datetime

import httpx
import icalendar
import pytest

from sites.client import ApiClient
from sites.portal import build_portal
from tests.locales import LOCALES
from tests.plugins.portal_world import build_portal_world

from .portal import CHECKED_LOCALES, check_axe, check_valid_html, files_of_type
from .tools import PortalServer, new_page

VISIBLE_TITLES = (
    "() => [...document.querySelectorAll('#calendar-list > li:not([hidden]) h3')]"
    ".map((h) => h.textContent.trim())"
)
PAGE_TYPES = ["veranstaltungen", "veranstaltungen/*", "neuigkeiten", "neuigkeiten/*", "projekte"]


def calendar_summaries(url: str) -> set[str]:
    response = httpx.get(url, timeout=30)
    assert response.status_code == 200, response.text
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_filter_updates_list_subscribe_link_and_address(chromium_browser, live_server, tmp_path):
    build_portal_world()
    with ApiClient() as client:
        report = build_portal(client, tmp_path, base_url=f"{live_server.url}/", locales=LOCALES[:1])
    assert not report.errors, report.errors
    api = f"{live_server.url}/api/v1/events.ics"
    host = live_server.url.removeprefix("http://")

    with PortalServer(tmp_path) as server, new_page(chromium_browser) as page:
        page.goto(server.url("de/veranstaltungen/index.html"))
        page.click(".calendar-filters > summary")
        assert page.is_visible("#calendar-filter")  # the script shows the form
        everything = set(page.evaluate(VISIBLE_TITLES))
        assert everything == {"Folkloretanz", "Elternabend", "Fußballturnier"}
        assert page.get_attribute("#calendar-ics", "href") == api

        page.select_option("#calendar-filter-municipality", "juelich")
        assert set(page.evaluate(VISIBLE_TITLES)) == {"Elternabend", "Fußballturnier"}
        assert page.url.endswith("/de/veranstaltungen/index.html?municipality=juelich")
        href = page.get_attribute("#calendar-ics", "href")
        assert href == f"{api}?municipality=juelich"
        assert page.text_content("#calendar-ics-address") == href
        webcal = page.get_attribute("#calendar-webcal", "href")
        assert webcal == f"webcal://{host}/api/v1/events.ics?municipality=juelich"
        assert calendar_summaries(href) == {"Elternabend", "Fußballturnier"}

        page.select_option("#calendar-filter-category", "sport")
        assert page.evaluate(VISIBLE_TITLES) == ["Fußballturnier"]
        assert page.text_content("#calendar-count") == "Angezeigte Termine: 1"
        href = page.get_attribute("#calendar-ics", "href")
        assert href == f"{api}?municipality=juelich&category=sport"
        assert calendar_summaries(href) == {"Fußballturnier"}

        page.select_option("#calendar-filter-category", "culture")
        assert page.evaluate(VISIBLE_TITLES) == []
        assert page.is_visible("#calendar-empty")

        # a shared address opens with its filter chosen
        page.goto(server.url("de/veranstaltungen/index.html?category=culture"))
        page.click(".calendar-filters > summary")
        assert page.input_value("#calendar-filter-category") == "culture"
        titles = page.evaluate(VISIBLE_TITLES)
        assert titles and set(titles) == {"Folkloretanz"}
        href = page.get_attribute("#calendar-ics", "href")
        assert href == f"{api}?category=culture"
        assert calendar_summaries(href) == {"Folkloretanz"}


@pytest.mark.django_db
def test_calendar_news_and_project_pages_are_valid_html(vnu, built_portal):
    files = [f for kind in PAGE_TYPES for f in files_of_type(built_portal, kind, "de")]
    files += [f for kind in PAGE_TYPES for f in files_of_type(built_portal, kind, "ar")]
    assert {"de/veranstaltungen/index.html", "de/neuigkeiten/index.html"} <= set(files)
    month = datetime.date.today().strftime("%Y-%m")
    assert f"de/veranstaltungen/{month}/index.html" in files
    check_valid_html(vnu, built_portal, files)


@pytest.mark.django_db
@pytest.mark.parametrize("locale", CHECKED_LOCALES)
def test_calendar_news_and_project_pages_pass_axe(
    chromium_browser, built_portal, portal_server, locale
):
    month = datetime.date.today().strftime("%Y-%m")
    files = [
        f"{locale}/veranstaltungen/index.html",
        f"{locale}/veranstaltungen/{month}/index.html",
        f"{locale}/neuigkeiten/index.html",
        f"{locale}/projekte/index.html",
    ]
    files += files_of_type(built_portal, "veranstaltungen/*", locale)[:3]
    files += files_of_type(built_portal, "neuigkeiten/*", locale)[:2]  # months of news
    check_axe(chromium_browser, portal_server, sorted(set(files)))


# Each project fact's value whose right or left edge lies outside its list (cut off by the
# card it is in): a long compound word, as funding programmes are named, must break.
FACTS_OUTSIDE = """() => [...document.querySelectorAll('.project-facts dd')].filter((dd) => {
    const box = dd.getBoundingClientRect(), list = dd.parentElement.getBoundingClientRect();
    return box.right > list.right + 1 || box.left < list.left - 1;
}).map((dd) => dd.textContent.trim())"""


# Each word of a club's name in the project facts that the browser set on more than one line.
CLUB_NAMES_BROKEN_IN_A_WORD = """() => {
    const broken = [];
    for (const name of document.querySelectorAll('.project-facts dd bdi')) {
        const text = name.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        const pattern = /\\S+/g;
        let match;
        while ((match = pattern.exec(text.data))) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


@pytest.mark.django_db
@pytest.mark.parametrize("locale", CHECKED_LOCALES)
@pytest.mark.parametrize("width", [375, 1280])
def test_project_facts_stay_in_their_cards(
    chromium_browser, built_portal, portal_server, locale, width
):
    with new_page(chromium_browser, viewport={"width": width, "height": 800}) as page:
        page.goto(portal_server.url(f"{locale}/projekte/index.html"))
        assert page.locator(".project-facts dd").count()
        assert page.evaluate(FACTS_OUTSIDE) == []
        # A club's name breaks between its words only ("Hausauf|gabenhil|feverein" in the
        # 268 px cards of a four-column row, found walking the page at 1280).
        assert page.evaluate(CLUB_NAMES_BROKEN_IN_A_WORD) == []
