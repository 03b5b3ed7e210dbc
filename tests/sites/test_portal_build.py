"""The portal site kind: assembled from every installed portal plugin, in every locale."""

from sites.engine.plugins import Plugin, Registry, discover
from sites.portal import PORTAL_ORDER, choose_plugins
from tests.factories import ClubFactory
from tests.locales import LOCALES


def test_portal_builds_in_every_locale_with_rtl_where_needed(build_portal_site):
    root = build_portal_site()
    for locale in LOCALES:
        html = (root / locale.code / "index.html").read_text()
        assert f'<html lang="{locale.code}" dir="{locale.direction}">' in html
    assert (root / "index.html").is_file()
    assert (root / "404.html").is_file()


def test_portal_data_holds_every_public_club(build_portal_site, monkeypatch):
    seen = {}

    def spy(view):
        seen[view.locale.code] = [club["slug"] for club in view.data["clubs"]]
        return []

    import sites.portal as portal

    published = ClubFactory("Anadolu Kulturverein e. V.")
    ClubFactory("Entwurf e. V.", publish=False)
    registry = discover()
    registry.plugins["spy"] = Plugin(
        name="spy", kinds=frozenset({"portal"}), package=portal.__name__, pages=spy
    )
    build_portal_site(registry=registry, locales=LOCALES[:2])
    assert seen == {"de": [published.slug], "en": [published.slug]}


def test_plugins_follow_the_portal_order_and_strangers_come_last():
    def plugin(name, theme=False):
        return Plugin(name=name, kinds=frozenset({"portal"}), package=__name__, theme=theme)

    registry = Registry(
        plugins={
            p.name: p
            for p in [
                plugin("zzz_third_party"),
                plugin("portal_legal"),
                plugin("directory"),
                plugin("theme_default", theme=True),
            ]
        }
    )
    theme, plugins = choose_plugins(registry)
    assert theme.name == "theme_default"
    names = [p.name for p in plugins]
    assert names == ["portal_home", "directory", "portal_legal", "zzz_third_party"]
    assert names[:3] == [n for n in PORTAL_ORDER if n in names]


def test_every_relative_link_of_the_portal_leads_to_a_built_file(build_portal_site):
    """No dead link inside the portal: every relative href/src of every page resolves to a
    file of the build (links to the API, club homepages and other hosts are absolute)."""
    import posixpath
    import re

    from tests.factories import event_index, event_page, news_index, news_page

    club = ClubFactory("Anadolu Kulturverein e. V.", plain_summary="Wir feiern Feste.")
    news_page(news_index(club), "Sommerfest")
    event_page(event_index(club), "Deutschkurs")
    ClubFactory("Baobab Afrika e. V.", municipality_name="Jülich")
    root = build_portal_site(locales=[LOCALES[0], LOCALES[3]])
    built = {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
    dead = {}
    for name in sorted(p for p in built if p.endswith(".html")):
        html = (root / name).read_text()
        for link in re.findall(r'(?:href|src)="([^"#]+)', html):
            if re.match(r"^(?:[a-z]+:|/|//)", link):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), link.split("?")[0]))
            if link.endswith("/"):
                target = f"{target}/index.html"
            if target not in built:
                dead.setdefault(name, []).append(link)
    assert not dead, dead
