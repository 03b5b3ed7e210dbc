"""The portal's news pages: every club's news, paginated, linking homepages and profiles, and
the API's Atom feed linked from every page."""

import feedparser
import pytest

from tests.locales import LOCALES
from tests.plugins.portal_world import assert_no_secret, build_portal_world

pytestmark = pytest.mark.django_db


def test_news_pages_feed_and_privacy(build_portal_site, client):
    world = build_portal_world()
    portal = build_portal_site(locales=[LOCALES[0], LOCALES[3]])

    first = (portal / "de/neuigkeiten/index.html").read_text()
    second = (portal / "de/neuigkeiten/seite-2/index.html").read_text()
    assert not (portal / "de/neuigkeiten/seite-3").exists()  # 12 items, 10 per page
    titles = [f"Meldung {n:02d}" for n in range(1, 13)]
    assert all(f">{title}</a></h2>" in first for title in titles[:10])
    assert all(f">{title}</a></h2>" in second for title in titles[10:])
    assert titles[10] not in first
    assert first.index("Meldung 01") < first.index("Meldung 02")  # newest first
    article = world.news[0]
    home = f"http://testserver/vereine/{world.dueren.slug}/de/neuigkeiten/{article.slug}/"
    assert f'<a href="{home}">Meldung 01</a>' in first
    assert f'href="../verzeichnis/{world.dueren.slug}/index.html"' in first
    assert 'aria-current="page">Seite 1</a>' in first
    assert 'href="seite-2/index.html" rel="next"' in first
    assert 'href="../index.html" rel="prev"' in second

    link = '<link rel="alternate" type="application/atom+xml" href="/api/v1/news.atom"'
    assert link in first and link in second
    arabic = (portal / "ar/neuigkeiten/index.html").read_text()
    assert 'type="application/atom+xml" href="/api/v1/news.atom?locale=ar"' in arabic
    assert "الأخبار" in arabic and 'dir="rtl"' in arabic

    response = client.get("/api/v1/news.atom")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == titles
    assert feed.entries[0].link == home
    assert_no_secret(portal)
    assert "GEHEIM" not in response.content.decode()
