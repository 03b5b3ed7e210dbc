import datetime

from tests.factories import ClubFactory, image, news_index, news_page


def test_club_site_builds_from_the_api(build_club_site):
    club = ClubFactory("Kulturverein Sonnenblume e. V.")
    index = news_index(club)
    news_page(
        index, "Sommerfest", image=image(club.tenant.collection), date=datetime.date(2026, 7, 1)
    )
    news_page(index, "Entwurf", publish=False)

    root = build_club_site(club)

    home = (root / "de/index.html").read_text()
    assert "Kulturverein Sonnenblume e. V." in home
    assert '"@type": "NGO"' in home
    article = (root / "de/neuigkeiten/sommerfest/index.html").read_text()
    assert "1. Juli 2026" in article
    assert list((root / "_media").iterdir())  # the image was downloaded into the site
    assert not (root / "de/neuigkeiten/entwurf").exists()
    assert "Entwurf" not in (root / "de/neuigkeiten/index.html").read_text()


def test_incremental_build_skips_an_unchanged_site(build_club_site, settings):
    from io import StringIO

    from sites.cli import build_many
    from sites.client import ApiClient

    club = ClubFactory()
    build_club_site(club)
    out = StringIO()
    with ApiClient() as client:
        failures = build_many(
            client, [club.slug], settings.SITE_BUILD_DIR, incremental=True, stdout=out
        )
    assert failures == 0
    assert f"{club.slug}: unchanged" in out.getvalue()


def test_the_item_published_last_on_a_day_leads_the_news(build_club_site):
    """Several items of one day (a secretary posting twice in an evening): the one published
    last comes first on the home page and the news page, as in the API's lists; before, the
    home page's three showed the day's first items and the newest was missing."""
    club = ClubFactory("Kulturverein Sonnenblume e. V.")
    index = news_index(club)
    day = datetime.date(2026, 12, 6)
    for title in ("Erster Bericht", "Zweiter Bericht", "Dritter Bericht", "Vierter Bericht"):
        news_page(index, title, date=day)
    news_page(index, "Vom Vortag", date=day - datetime.timedelta(days=1))

    root = build_club_site(club)

    home = (root / "de/index.html").read_text()
    assert "Vierter Bericht" in home and "Erster Bericht" not in home
    listing = (root / "de/neuigkeiten/index.html").read_text()
    order = ["Vierter", "Dritter", "Zweiter", "Erster", "Vom Vortag"]
    positions = [listing.index(title) for title in order]
    assert positions == sorted(positions)


def test_an_unchanged_site_is_built_again_when_the_code_changed(build_club_site, settings):
    """``manage.py start`` builds every homepage incrementally; after an update that
    installs a plugin or changes a template, a site whose bundle is unchanged must be
    rendered again with the new code, not skipped."""
    from dataclasses import replace

    from sites.client import ApiClient
    from sites.club import KIND, build_club
    from sites.engine.plugins import discover

    club = ClubFactory()
    build_club_site(club)
    registry = discover()
    with ApiClient() as client:
        unchanged = build_club(
            client, club.slug, settings.SITE_BUILD_DIR, registry=registry, incremental=True
        )
        assert unchanged.skipped

        about = registry.plugins["about"]
        registry.plugins["about_extra"] = replace(
            about, name="about_extra", kinds=frozenset({KIND}), section=None
        )
        updated = build_club(
            client, club.slug, settings.SITE_BUILD_DIR, registry=registry, incremental=True
        )
        assert not updated.skipped
        assert updated.written or updated.reused

        again = build_club(
            client, club.slug, settings.SITE_BUILD_DIR, registry=registry, incremental=True
        )
        assert again.skipped
