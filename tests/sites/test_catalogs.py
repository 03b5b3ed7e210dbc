"""Every catalogue complete in every locale: the engine's, the site kinds' and every installed
plugin's (found through the entry points, so a new plugin is checked without an edit here),
with plural forms that follow each language's rule."""

import pytest

from cms import locales
from sites import catalogs
from sites.engine.i18n import Catalog, translations

TRANSLATED = [locale.code for locale in locales.LOCALES if locale.code != locales.DEFAULT]


@pytest.mark.parametrize("package", catalogs.packages())
def test_every_package_has_a_complete_catalogue_for_every_locale(package):
    if not any(message.id for message in catalogs.extract(package)):
        pytest.skip(f"{package} has no interface text")
    assert set(catalogs.locales_of(package)) >= set(TRANSLATED), package
    assert catalogs.problems(package) == []


def test_the_packages_are_the_installed_plugins_and_the_engine():
    packages = catalogs.packages()
    assert {"sites.engine", "sites.portal", "sites.club"} <= set(packages)
    assert {"plugins.booking", "plugins.directory", "plugins.stats", "plugins.funding"} <= set(
        packages
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalogues_plural_rule_is_the_locales(code):
    """The header every catalogue carries is the rule Babel's CLDR data gives the locale."""
    expected = locales.get(code).plural_count
    for package in catalogs.packages():
        if code in catalogs.locales_of(package):
            catalog = catalogs.read_catalog(catalogs.po_path(package, code))
            assert catalog.num_plurals == expected, (package, code)


SEATS = {
    "ru": {
        0: "0 мест",
        1: "1 место",
        2: "2 места",
        5: "5 мест",
        21: "21 место",
        101: "101 место",
    },
    "uk": {
        0: "0 місць",
        1: "1 місце",
        2: "2 місця",
        5: "5 місць",
        21: "21 місце",
        101: "101 місце",
    },
    "ar": {
        0: "لا مقاعد",
        1: "مقعد واحد",
        2: "مقعدان",
        5: "5 مقاعد",
        21: "21 مقعدًا",
        101: "101 مقعد",
    },
    "pl": {
        0: "0 miejsc",
        1: "1 miejsce",
        2: "2 miejsca",
        5: "5 miejsc",
        21: "21 miejsc",
        101: "101 miejsc",
    },
}


@pytest.mark.parametrize("code", sorted(SEATS))
@pytest.mark.parametrize("count", [0, 1, 2, 5, 21, 101])
def test_plural_forms_follow_the_language(code, count):
    if locales.get(code) is None:
        pytest.skip(f"{code} is not a platform locale")
    text = (
        Catalog("plugins.booking").locale(code).ngettext("%(num)s Platz", "%(num)s Plätze", count)
    )
    assert text == SEATS[code][count]


def test_merged_catalogues_translate_the_engine_and_every_plugin_of_a_site():
    merged = translations(["sites.engine", "plugins.booking"], "ru")
    assert merged.gettext("Zum Inhalt springen") != "Zum Inhalt springen"
    assert merged.ngettext("%(num)s Platz", "%(num)s Plätze", 21) == "%(num)s место"
