"""The portal's news pages: every club's news, paginated, linking homepages and profiles, and
the API's Atom feed linked from every page."""

import feedparser
import pytest
from babel.dates import format_date

from tests.locales import LOCALES
from tests.plugins.portal_world import assert_no_secret, build_portal_world

pytestmark = pytest.mark.django_db


def test_news_pages_feed_and_privacy(build_portal_site, client):
    world = build_portal_world()
    portal = build_portal_site(locales=[LOCALES[0], LOCALES[3]])

    first = (portal / "de/neuigkeiten/index.html").read_text()
    titles = [f"Meldung {n:02d}" for n in range(1, 13)]
    assert all(f">{title}</a></h2>" in first for title in titles[:10])  # the latest ten
    assert titles[10] not in first and titles[11] not in first
    assert first.index("Meldung 01") < first.index("Meldung 02")  # newest first
    article = world.news[0]
    home = f"http://testserver/vereine/{world.dueren.slug}/de/neuigkeiten/{article.slug}/"
    assert f'<a href="{home}">Meldung 01</a>' in first
    assert f'href="../verzeichnis/{world.dueren.slug}/index.html"' in first

    # Older news by month: every item on its month's page, the months newest first, named
    # by CLDR in the page's language.
    months = sorted({item.date.strftime("%Y-%m") for item in world.news}, reverse=True)
    pages = {month: (portal / f"de/neuigkeiten/{month}/index.html").read_text() for month in months}
    for item in world.news:
        assert f">{item.title}</a></h2>" in pages[item.date.strftime("%Y-%m")]
    assert sorted(p.name for p in (portal / "de/neuigkeiten").iterdir() if p.is_dir()) == sorted(
        months
    )
    for month in months:
        assert f'href="{month}/index.html">' in first
    name = format_date(world.news[-1].date, "LLLL y", locale="de")
    oldest = pages[months[-1]]
    assert f"<h1>Neuigkeiten – {name}</h1>" in oldest
    assert f'aria-current="page">{name}</a>' in oldest
    if len(months) > 1:
        assert f'href="../{months[-1]}/index.html" rel="next"' in pages[months[-2]]
        assert f'href="../{months[-2]}/index.html" rel="prev"' in oldest
    assert "Homepages der Vereine" not in oldest  # the list was not cut
    second = pages[months[0]]

    link = '<link rel="alternate" type="application/atom+xml" href="/api/v1/news.atom"'
    assert link in first and link in second
    arabic = (portal / "ar/neuigkeiten/index.html").read_text()
    assert 'type="application/atom+xml" href="/api/v1/news.atom?locale=ar"' in arabic
    assert "الأخبار" in arabic and 'dir="rtl"' in arabic
    arabic_month = (portal / f"ar/neuigkeiten/{months[-1]}/index.html").read_text()
    assert format_date(world.news[-1].date, "LLLL y", locale="ar") in arabic_month

    response = client.get("/api/v1/news.atom")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == titles
    assert feed.entries[0].link == home
    assert_no_secret(portal)
    assert "GEHEIM" not in response.content.decode()


def test_the_oldest_month_of_a_cut_list_sends_readers_to_the_homepages(
    build_portal_site, monkeypatch
):
    """Only the latest ``MAX_ITEMS`` news are on the portal: the oldest month shown may be
    incomplete, and its page says where the older news are."""
    import plugins.newsroom as newsroom

    world = build_portal_world()
    monkeypatch.setattr(newsroom, "MAX_ITEMS", 11)
    portal = build_portal_site(locales=[LOCALES[0]])
    shown = world.news[:11]  # newest first
    oldest = shown[-1].date.strftime("%Y-%m")
    page = (portal / f"de/neuigkeiten/{oldest}/index.html").read_text()
    assert "Ältere Neuigkeiten finden Sie auf den Homepages der Vereine." in page
    assert world.news[11].title not in page
    for month in {item.date.strftime("%Y-%m") for item in shown} - {oldest}:
        newer = (portal / f"de/neuigkeiten/{month}/index.html").read_text()
        assert "Homepages der Vereine" not in newer
