"""Incremental, dependency-tracked portal builds (sites/engine/deps.py): a change renders only
the pages that read what changed — per plugin, exactly those — the others are hard-linked from
the live release, and the result equals a build from scratch byte for byte."""

import datetime
import filecmp
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from cms.portal.models import PortalPage
from cms.portal.resource_keys import portal_changes
from cms.taxonomy.models import Language
from sites.client import ApiClient
from sites.engine.plugins import discover
from sites.portal import build_portal, choose_plugins
from tests.factories import ClubFactory, event_index, event_page, news_index, news_page
from tests.locales import LOCALES

pytestmark = pytest.mark.django_db

OCTOBER_28, NOVEMBER_20 = datetime.date(2026, 10, 28), datetime.date(2026, 11, 20)


LOCALES_USED = [LOCALES[0], LOCALES[3]]  # German and Arabic


def build(root: Path, changes=None):
    with ApiClient() as client:
        report = build_portal(client, root, locales=LOCALES_USED, changes=changes)
    assert not report.errors, report.errors
    return report


def build_reading(root: Path, changes, monkeypatch, merges: list | None = None):
    """``build(root, changes)`` and the API reads it made: (path, params) each; with
    ``merges``, the lists merged from the live release's and the changed clubs' shares are
    appended to it (their kind and the number of items)."""
    reads = []
    original = ApiClient.get

    def spy(self, path, params=None, headers=None):
        reads.append((path, params))
        return original(self, path, params, headers)

    monkeypatch.setattr(ApiClient, "get", spy)
    if merges is not None:
        from sites.engine import deps

        splice = deps.splice

        def counted(items, complete, kind, *rest):
            merges.append((kind, len(items)))
            return splice(items, complete, kind, *rest)

        monkeypatch.setattr(deps, "splice", counted)
    try:
        return build(root, changes=changes), reads
    finally:
        monkeypatch.undo()


def inodes(root: Path) -> dict[str, int]:
    return {name: path.stat().st_ino for name, path in tree(root).items()}


def tree(root: Path) -> dict[str, Path]:
    current = (root / "portal" / "current").resolve()  # this release, not the next
    return {
        path.relative_to(current).as_posix(): path
        for path in current.rglob("*")
        if path.is_file() and not path.relative_to(current).as_posix().startswith(".")
    }


def differing(one: Path, other: Path) -> list[str]:
    """Files of two builds that differ in name or content (the manifests and kept API reads
    aside, which name releases and requests)."""
    a, b = tree(one), tree(other)
    names = sorted(set(a) ^ set(b))
    return names + [n for n in sorted(set(a) & set(b)) if not filecmp.cmp(a[n], b[n], False)]


def kept_lists(root: Path, path: str) -> dict[str, list]:
    """The kept reads of the list ``path`` in the live portal release: request → items."""
    import json

    from sites.engine import deps

    release = root / "portal" / "current"
    index = json.loads((release / ".manifest.json").read_text())["meta"]["responses"]
    return {
        key: json.loads((release / deps.response_file(key)).read_text())["items"]
        for key in index
        if key.startswith(f"{path}?") and '"_items"' in key
    }


def by_plugin(report) -> dict[str, set[str]]:
    manifest = report.release / ".manifest.json"
    import json

    pages = json.loads(manifest.read_text())["meta"]["pages"]
    found: dict[str, set[str]] = {}
    for file in report.rendered:
        found.setdefault(pages[file]["plugin"], set()).add(file.partition("/")[2])
    return found


def edit_club(club, description=None):
    from tests.factories import municipality

    club.refresh_from_db()
    if description is None:
        club.title = "Anadolu Kultur- und Sportverein e. V."
        club.municipality = municipality("Jülich")
    club.short_description = description or "Kultur, Sport und Hausaufgabenhilfe"
    club.save_revision().publish()
    return club


@pytest.fixture(scope="module")
def changes(django_db_setup, django_db_blocker, tmp_path_factory):
    """A portal of two clubs built in full; then a news item of the first club published and
    an event of the second, each followed by an incremental build and a build from scratch."""
    out = {}
    with django_db_blocker.unblock(), transaction.atomic():
        first = ClubFactory("Anadolu Kulturverein e. V.")
        second = ClubFactory("Baobab Afrika e. V.", municipality_name="Jülich")
        news = news_index(first)
        news_page(news, "Sommerfest")
        # The other club's news around it: two newsroom pages, and a new item of the first
        # club goes between the other club's items (the spliced list keeps the API's order).
        other_news = news_index(second)
        for day in range(11):
            news_page(other_news, f"Bericht {day}", date=datetime.date(2026, 10, 25 + day % 7))
        events = event_index(second)
        event_page(events, "Deutschkurs")
        # The Impressum links to one of the other club's news items (its address is resolved
        # into the text).
        linked = other_news.get_children().specific().get(title="Bericht 3")
        impressum = PortalPage.objects.get(page_role="impressum", locale__language_code="de")
        impressum.body = [
            {"type": "text", "value": f'<p><a linktype="page" id="{linked.pk}">Bericht</a></p>'}
        ]
        impressum.save_revision().publish()
        live = tmp_path_factory.mktemp("live")
        out["full"] = build(live)
        before = inodes(live)
        for name, slug, publish in [
            ("news", first.slug, lambda: news_page(news, "Neues Fest", date=OCTOBER_28)),
            ("event", second.slug, lambda: event_page(events, "Nähkurs")),
            # The newest item: it enters the home's latest news.
            ("latest", first.slug, lambda: news_page(news, "Erntedank", date=NOVEMBER_20)),
            # The linked item is deleted: the Impressum's link has no address now.
            ("linked", second.slug, lambda: linked),
            # The first club's profile edited: a new name, description and municipality.
            ("club", first.slug, lambda: edit_club(first)),
            # Then only its description: the lists of news and so on are not read again.
            ("profile", first.slug, lambda: edit_club(first, "Kultur, Sport und Nachhilfe")),
        ]:
            page = publish()
            keys = portal_changes(page, slug)
            if name == "linked":
                page.delete()
            report = build(live, changes=keys)
            scratch = tmp_path_factory.mktemp(f"scratch-{name}")
            build(scratch)
            out[name] = {
                "report": report,
                "plugins": by_plugin(report),  # read now: older releases are removed
                "keys": keys,
                "page": page,
                "differing": differing(live, scratch),
                "before": before,
                "after": inodes(live),
                "text": {n: p.read_text() for n, p in tree(live).items() if n.endswith(".html")},
            }
            before = out[name]["after"]
        out["slugs"] = (first.slug, second.slug)
        transaction.set_rollback(True)
    return out


# Per plugin: the pages (below the locale folder) a change renders again, in every locale.
# The portal home depends on the lists its sections show (its latest news and upcoming
# events) and on the items its texts link to, the portal's own pages (legal, mitmachen,
# einfache Sprache) on the items their bodies link to, the statistics on the clubs (as their
# API answers name them); a page that read something changed is rendered only when its
# context came out different (the byte-for-byte comparison below holds the others to it):
# the home shows the new upcoming event, not the news item, which is older than the latest
# ones it shows, but the newest item.
CALENDAR = {
    "veranstaltungen/index.html",
    "veranstaltungen/art/meeting/index.html",
    "veranstaltungen/gemeinde/juelich/index.html",
}
EXPECTED = {
    # A news item of the first club: its profile, the newsroom's front page (the latest ten)
    # and its month's page, not the other months' pages (a new item moves no other item to
    # another page), the directory's lists (which show no news), the other club's profile
    # or the calendar.
    "news": {
        "directory": {"verzeichnis/anadolu-kulturverein-e-v/index.html"},
        "newsroom": {"neuigkeiten/index.html", "neuigkeiten/2026-10/index.html"},
    },
    # An event of the second club: its profile and every calendar page.
    "event": {
        "portal_home": {"index.html"},
        "directory": {"verzeichnis/baobab-afrika-e-v/index.html"},
        "calendar": CALENDAR,
    },
    # The newest news item: the home's latest news besides the profile and the newsroom.
    "latest": {
        "portal_home": {"index.html"},
        "directory": {"verzeichnis/anadolu-kulturverein-e-v/index.html"},
        "newsroom": {"neuigkeiten/index.html", "neuigkeiten/2026-11/index.html"},
    },
    # A linked item deleted: the Impressum that links to it (not the other legal pages) and
    # the newsroom pages it leaves; not its club's profile, which shows the club's three
    # latest news and still does.
    "linked": {
        "portal_legal": {"impressum/index.html"},
        "newsroom": {"neuigkeiten/index.html", "neuigkeiten/2026-10/index.html"},
    },
    # The first club's profile edited (name, description, municipality): its profile, the
    # directory and the filter pages it is listed on (the municipality it left has no club
    # now: that page is gone), the newsroom pages and the home's latest news that name the
    # club, and the figures. Not the other club's profile, the calendar (the club has no
    # events) or the portal's own pages.
    "club": {
        "directory": {
            "verzeichnis/index.html",
            "verzeichnis/anadolu-kulturverein-e-v/index.html",
            "verzeichnis/gemeinde/juelich/index.html",
            "verzeichnis/schwerpunkt/kultur/index.html",
        },
        "newsroom": {
            "neuigkeiten/index.html",
            "neuigkeiten/2026-10/index.html",
            "neuigkeiten/2026-11/index.html",
        },
        "portal_home": {"index.html"},
        "stats": {"statistik/index.html"},
    },
    # Then only its description: its profile, the directory and filter pages whose cards show
    # it, and the home's featured clubs; the lists of news and events are not read again.
    "profile": {
        "directory": {
            "verzeichnis/index.html",
            "verzeichnis/anadolu-kulturverein-e-v/index.html",
            "verzeichnis/gemeinde/juelich/index.html",
            "verzeichnis/schwerpunkt/kultur/index.html",
        },
        "portal_home": {"index.html"},
    },
}
CHANGES = sorted(EXPECTED)


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("plugin", sorted(p.name for p in choose_plugins(discover())[1]))
def test_a_change_renders_exactly_the_pages_that_read_it(changes, change, plugin):
    report = changes[change]["report"]
    assert report.incremental
    rendered = changes[change]["plugins"].get(plugin, set())
    expected = EXPECTED[change].get(plugin, set())
    if plugin == "calendar" and change == "event":
        # Of the month pages (which depend on the date) only the event's month shows it; the
        # others read the changed list but came out the same, so they are not rendered.
        months = {p for p in rendered if p.startswith("veranstaltungen/20")}
        month = timezone.localtime(changes[change]["page"].start).strftime("%Y-%m")
        assert months == {f"veranstaltungen/{month}/index.html"}
        rendered -= months
    assert rendered == expected


@pytest.mark.parametrize("change", CHANGES)
def test_the_result_equals_a_build_from_scratch_and_the_rest_is_linked(changes, change):
    data = changes[change]
    assert data["differing"] == []
    rendered = set(data["report"].rendered)
    before, after = data["before"], data["after"]
    untouched = [n for n in after if "/" in n and n in before and n not in rendered]
    assert untouched
    for name in untouched:
        assert after[name] == before[name], name


def test_the_news_lists_are_merged_from_the_clubs_share_not_read_again(changes):
    # Per locale: the newsroom's list of all news, the directory's news of the last year and
    # the home's latest news; each from the first club's news (club=…, one read for all
    # three) and the live release's list.
    assert changes["news"]["report"].spliced == 3 * len(LOCALES_USED)
    assert changes["event"]["report"].spliced == 0


def test_plugins_whose_reads_did_not_change_are_not_run(changes):
    news, event = changes["news"]["report"], changes["event"]["report"]
    for code in ("de", "ar"):
        # A news item: the calendar read no news; the newsroom and directory must run.
        assert f"{code}/calendar" in news.unrun
        assert f"{code}/newsroom" not in news.unrun and f"{code}/directory" not in news.unrun
        # An event: the newsroom read no events; the calendar must run.
        assert f"{code}/newsroom" in event.unrun and f"{code}/calendar" not in event.unrun
        # The home shows the latest news: it reads them again. The statistics (clubs) and the
        # portal's own pages (which link to no news item) do not run.
        assert f"{code}/portal_home" not in news.unrun
        for name in ("stats", "mitmachen", "einfache_sprache", "portal_legal"):
            assert f"{code}/{name}" in news.unrun, name
        # The Impressum links to the other club's news item: its plugin runs for that club.
        assert f"{code}/portal_legal" not in changes["linked"]["report"].unrun


def test_a_plugin_not_run_whose_pages_must_be_rendered_is_run_after_all(tmp_path):
    """When a page of a plugin taken unrun must be rendered (what it shows of other pages
    changed), the plugin runs and the page is rendered: here the live manifest is made to
    say the calendar's first page showed other menus."""
    import json

    with transaction.atomic():
        club = ClubFactory("Anadolu Kulturverein e. V.")
        news = news_index(club)
        news_page(news, "Sommerfest")
        event_page(event_index(club), "Deutschkurs")
        build(tmp_path)
        manifest = (tmp_path / "portal" / "current" / ".manifest.json").resolve()
        data = json.loads(manifest.read_text())
        data["meta"]["pages"]["de/veranstaltungen/index.html"]["shape"] = "other menus"
        manifest.unlink()  # a file of its own, not the link other releases share
        manifest.write_text(json.dumps(data))
        page = news_page(news, "Neues Fest")
        report = build(tmp_path, changes=portal_changes(page, club.slug))
        assert "de/calendar" not in report.unrun and "ar/calendar" in report.unrun
        assert "de/veranstaltungen/index.html" in report.rendered
        scratch = tmp_path / "scratch"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        transaction.set_rollback(True)


def test_profiles_nothing_changed_for_are_given_as_they_were(tmp_path, monkeypatch):
    """One club's news: the directory makes that club's profile and gives the others as the
    live release has them (``LocaleView.unchanged``), without reading their profiles or
    anything their pages show; the result equals a build from scratch."""
    with transaction.atomic():
        first = ClubFactory("Anadolu Kulturverein e. V.")
        second = ClubFactory("Baobab Afrika e. V.", municipality_name="Jülich")
        third = ClubFactory("Çiçek Kadın Derneği e. V.")
        news = news_index(first)
        news_page(news, "Sommerfest")
        second_news = news_index(second)
        news_page(second_news, "Bericht")
        build(tmp_path)
        page = news_page(news, "Neues Fest")
        import plugins.directory

        made = []
        read_profile = plugins.directory.read_profile

        def reading(view, summary):
            made.append((view.locale.code, summary["slug"]))
            return read_profile(view, summary)

        monkeypatch.setattr(plugins.directory, "read_profile", reading)
        # Nor the cards of the directory and its filter pages (no club's summary changed),
        # nor the other clubs' items of the lists of all news and events.
        cards, grouped = [], []
        card, by_club = plugins.directory.card, plugins.directory.by_club

        def carding(club):
            cards.append(club["slug"])
            return card(club)

        def grouping(items, keep):
            grouped.append({item["club"]["slug"] for item in items})
            return by_club(items, keep)

        monkeypatch.setattr(plugins.directory, "card", carding)
        monkeypatch.setattr(plugins.directory, "by_club", grouping)
        report = build(tmp_path, changes=portal_changes(page, first.slug))
        monkeypatch.undo()
        assert sorted(made) == sorted((c.code, first.slug) for c in LOCALES_USED)
        assert cards == []
        assert {first.slug} in grouped and all(slugs <= {first.slug} for slugs in grouped)
        rendered = {file.partition("/")[2] for file in report.rendered}
        assert f"verzeichnis/{first.slug}/index.html" in rendered
        assert not {f"verzeichnis/{c.slug}/index.html" for c in (second, third)} & rendered
        scratch = tmp_path / "scratch"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        # The pages given as they were keep what they depend on: the other club's news
        # renders its profile in the next build.
        other = news_page(second_news, "Nachbericht")
        report = build(tmp_path, changes=portal_changes(other, second.slug))
        rendered = {file.partition("/")[2] for file in report.rendered}
        assert f"verzeichnis/{second.slug}/index.html" in rendered
        assert f"verzeichnis/{first.slug}/index.html" not in rendered
        scratch = tmp_path / "scratch-2"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        transaction.set_rollback(True)


def test_a_profile_given_as_it_was_that_must_be_rendered_runs_the_plugin_again(tmp_path):
    """When a page its plugin gave as it was must be rendered after all (what it shows of
    other pages changed: here the live manifest is made to say the other club's profile
    showed other menus), the plugin runs again in that locale, making every page, and the
    page is rendered."""
    import json

    with transaction.atomic():
        first = ClubFactory("Anadolu Kulturverein e. V.")
        second = ClubFactory("Baobab Afrika e. V.")
        news = news_index(first)
        news_page(news, "Sommerfest")
        build(tmp_path)
        manifest = (tmp_path / "portal" / "current" / ".manifest.json").resolve()
        data = json.loads(manifest.read_text())
        data["meta"]["pages"][f"de/verzeichnis/{second.slug}/index.html"]["shape"] = "other"
        manifest.unlink()  # a file of its own, not the link other releases share
        manifest.write_text(json.dumps(data))
        page = news_page(news, "Neues Fest")
        report = build(tmp_path, changes=portal_changes(page, first.slug))
        assert report.incremental
        assert f"de/verzeichnis/{second.slug}/index.html" in report.rendered
        assert f"ar/verzeichnis/{second.slug}/index.html" not in report.rendered
        scratch = tmp_path / "scratch"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        transaction.set_rollback(True)


def test_news_of_several_clubs_are_merged_from_one_read(tmp_path, monkeypatch):
    """Publishes of several clubs built together: their items come in one read (``club``
    repeated) for both lists, the newsroom's and the directory's recent news (cut at its
    first date, ``deps.LOWER_BOUNDS``), and for both languages (none of the items is
    translated into Arabic: the API's ``X-Translated-Into``); the result equals a build from
    scratch."""

    with transaction.atomic():
        first, second = ClubFactory("Anadolu Kulturverein e. V."), ClubFactory("Baobab e. V.")
        first_news, second_news = news_index(first), news_index(second)
        for day in range(1, 6):
            news_page(first_news, f"Alt {day}", date=datetime.date(2026, 10, day))
            news_page(second_news, f"Früher {day}", date=datetime.date(2026, 10, day + 2))
        build(tmp_path)
        news_page(first_news, "Neu A", date=datetime.date(2026, 10, 4))
        news_page(second_news, "Neu B", date=datetime.date(2026, 10, 1))
        # Older than the directory's recent news: in the newsroom only.
        news_page(first_news, "Uralt", date=datetime.date(2019, 1, 1))
        changed = {"news:*", f"news:{first.slug}", f"news:{second.slug}"}
        merges = []
        report, reads = build_reading(tmp_path, changed, monkeypatch, merges)
        assert report.spliced == 3 * len(LOCALES_USED)
        # Each list is merged once: the Arabic lists, kept and shares alike, are the German
        # ones byte for byte, and take the German merge (``ApiClient._spliced``).
        assert len(merges) == 3
        news_reads = [params for path, params in reads if path == "/api/v1/news/"]
        assert len(news_reads) == 1 and "locale" not in news_reads[0]
        # The statistics (and their CSV file) show no news: taken from the live release. The
        # home's latest news are filled from the list of all news, not read with the home.
        assert not [path for path, _params in reads if path.startswith("/api/v1/stats")]
        assert not [path for path, _params in reads if path == "/api/v1/portal/"]
        assert not any("date_from" in params for params in news_reads)
        assert all(params["club"] == sorted([first.slug, second.slug]) for params in news_reads)
        scratch = tmp_path / "scratch"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        # The lists kept for the next build too: the directory's without the old item.
        merged = kept_lists(tmp_path, "/api/v1/news/")
        assert merged == kept_lists(scratch, "/api/v1/news/")
        assert {"Uralt" in str(items) for items in merged.values()} == {True, False}
        newsroom = tmp_path / "portal" / "current" / "de" / "neuigkeiten"
        assert "Neu A" in (newsroom / "index.html").read_text()  # 13 items: the latest ten
        assert "Neu B" not in (newsroom / "index.html").read_text()
        assert "Neu B" in (newsroom / "2026-10" / "index.html").read_text()  # their month
        assert "Uralt" in (newsroom / "2019-01" / "index.html").read_text()
        transaction.set_rollback(True)


def test_a_language_some_of_the_clubs_news_is_translated_into_is_read_on_its_own(
    tmp_path, monkeypatch
):
    """A club's share of the news is read once in German for every language but those into
    which one of its items is translated (``X-Translated-Into``): Arabic, here. The Arabic
    pages show the Arabic item, the German ones the German, as a build from scratch does."""
    from tests.plugins.helpers import translate

    with transaction.atomic():
        club = ClubFactory("Anadolu Kulturverein e. V.")
        news = news_index(club)
        festival = news_page(news, "Sommerfest", date=datetime.date(2026, 10, 2))
        translate(festival, "ar", title="مهرجان الصيف")
        build(tmp_path)
        news_page(news, "Herbstfest", date=datetime.date(2026, 10, 9))
        changed = {"news:*", f"news:{club.slug}"}
        merges = []
        report, reads = build_reading(tmp_path, changed, monkeypatch, merges)
        news_reads = [params for path, params in reads if path == "/api/v1/news/"]
        assert [params.get("locale") for params in news_reads] == [None, "ar"]
        # The Arabic lists differ from the German ones: each language merges its own.
        assert len(merges) == 3 * len(LOCALES_USED)
        scratch = tmp_path / "scratch"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        assert kept_lists(tmp_path, "/api/v1/news/") == kept_lists(scratch, "/api/v1/news/")
        arabic = (tmp_path / "portal" / "current" / "ar" / "neuigkeiten" / "index.html").read_text()
        german = (tmp_path / "portal" / "current" / "de" / "neuigkeiten" / "index.html").read_text()
        assert "مهرجان الصيف" in arabic  # (the translation keeps the German teaser)
        assert "Sommerfest" in german and "مهرجان الصيف" not in german
        assert "Herbstfest" in arabic and "Herbstfest" in german
        transaction.set_rollback(True)


def test_a_board_post_renders_the_board_pages_alone(tmp_path):
    """A post on Gesucht & Geboten (``board:*``, ``cms.homepages.signals``): the board's pages
    and the figures (which count the clubs' boards under the same key) are the plugins that
    run; the result equals a build from scratch."""
    from tests.factories import board_post

    with transaction.atomic():
        club = ClubFactory("Anadolu Kulturverein e. V.")
        board_post(club.tenant, "Zwei Ehrenamtliche gesucht")
        build(tmp_path)
        board_post(club.tenant, "Beamer zu verleihen", direction="offer", kind="equipment")
        report = build(tmp_path, changes={"board:*"})
        assert report.incremental
        ran = {name.partition("/")[2] for name in report.unrun} ^ {
            p.name for p in choose_plugins(discover())[1]
        }
        assert ran <= {"board", "stats"} and "board" in ran, ran
        board = tmp_path / "portal" / "current" / "ar" / "gesucht-geboten" / "index.html"
        assert "Beamer zu verleihen" in board.read_text()
        scratch = tmp_path / "scratch"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        transaction.set_rollback(True)


def test_a_profile_edited_reads_its_entry_of_the_list_of_clubs_not_the_list(tmp_path, monkeypatch):
    """The list of clubs is kept, with the edited clubs' entries read anew (``club=``) and
    the facets (``limit=1``); the result equals a build from scratch."""
    from cms.portal.resource_keys import club_changes

    with transaction.atomic():
        first = ClubFactory("Anadolu Kulturverein e. V.")
        second = ClubFactory("Baobab e. V.", languages=("fr",))
        ClubFactory("Çiçek Kadın Derneği e. V.")
        build(tmp_path)
        for club, language in ((first, "ar"), (second, "en")):
            club.refresh_from_db()
            club.short_description = f"Neu: {club.title}"
            club.languages.add(Language.objects.get(tag=language))  # a facet count changes
            club.save_revision().publish()
        changed = club_changes(first.slug, identity=False) | club_changes(
            second.slug, identity=False
        )
        report, reads = build_reading(tmp_path, changed, monkeypatch)
        assert report.incremental and report.spliced == len(LOCALES_USED)
        clubs = [params for path, params in reads if path == "/api/v1/clubs/"]
        slugs = sorted([first.slug, second.slug])
        assert sorted(clubs, key=str) == sorted(
            [
                *({"locale": c.code, "club": slugs, "limit": 100} for c in LOCALES_USED),
                *({"locale": c.code, "limit": 1} for c in LOCALES_USED),
            ],
            key=str,
        )
        scratch = tmp_path / "scratch"
        build(scratch)
        assert differing(tmp_path, scratch) == []
        directory = tmp_path / "portal" / "current" / "ar" / "verzeichnis" / "index.html"
        assert "Neu: Baobab e. V." in directory.read_text()
        transaction.set_rollback(True)


def test_the_changed_text_is_live_in_german_and_arabic(changes):
    live = changes["news"]["text"]
    first, _second = changes["slugs"]
    for code in ("de", "ar"):
        assert "Neues Fest" in live[f"{code}/neuigkeiten/index.html"]
        assert "Neues Fest" in live[f"{code}/verzeichnis/{first}/index.html"]
    assert "Nähkurs" in changes["event"]["text"]["de/veranstaltungen/index.html"]
    for code in ("de", "ar"):
        assert "Erntedank" in changes["latest"]["text"][f"{code}/index.html"]
        assert "Neues Fest" not in changes["news"]["text"][f"{code}/index.html"]
        link = '<a href="None">Bericht</a>'  # club pages have no address without their site
        assert link in changes["event"]["text"][f"{code}/impressum/index.html"]
        assert link not in changes["linked"]["text"][f"{code}/impressum/index.html"]


def test_a_club_edited_is_live_on_its_profile_and_lists_in_german_and_arabic(changes):
    live = changes["club"]["text"]
    first, second = changes["slugs"]
    assert changes["club"]["keys"] >= {f"club:{first}", "clubs:*", f"news:{first}", "news:*"}
    assert "listing:*" in changes["club"]["keys"]
    for code in ("de", "ar"):
        for page in (f"verzeichnis/{first}", "verzeichnis", "verzeichnis/gemeinde/juelich"):
            assert "Anadolu Kultur- und Sportverein e. V." in live[f"{code}/{page}/index.html"]
        assert "Kultur, Sport und Hausaufgabenhilfe" in live[f"{code}/verzeichnis/index.html"]
        assert "Anadolu Kultur- und Sportverein" in live[f"{code}/neuigkeiten/index.html"]
        assert f"{code}/verzeichnis/gemeinde/dueren/index.html" not in live
        assert f"{code}/verzeichnis/gemeinde/dueren/index.html" in changes["linked"]["text"]
        assert "Sportverein" not in live[f"{code}/verzeichnis/{second}/index.html"]


def test_a_description_edited_reads_the_clubs_not_their_news_and_events(changes):
    first, _second = changes["slugs"]
    assert changes["profile"]["keys"] == {f"club:{first}", "clubs:*"}
    # The list of clubs: the live release's, with the club's entry read anew in each locale.
    assert changes["profile"]["report"].spliced == len(LOCALES_USED)
    # Renamed: the list of clubs is read whole; the three lists of news (which name the
    # club) are merged from its share.
    assert changes["club"]["report"].spliced == 3 * len(LOCALES_USED)
    for code in ("de", "ar"):
        # The newsroom, calendar and projects need of the clubs only which are listed and
        # where (``listing``): they do not run. The board reads the municipalities' counts of
        # clubs: it runs, takes the posts from the live release and renders nothing.
        for name in ("newsroom", "calendar", "portal_projects", "network"):
            assert f"{code}/{name}" in changes["profile"]["report"].unrun, name
        page = changes["profile"]["text"][f"{code}/verzeichnis/{first}/index.html"]
        assert "Kultur, Sport und Nachhilfe" in page


def test_a_build_without_known_changes_renders_every_page(changes):
    report = changes["full"]
    assert not report.incremental
    assert set(report.rendered) == {p for p in report.written if p.endswith("index.html")} - {
        "index.html"
    }
