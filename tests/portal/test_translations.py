"""Every CMS catalogue (each app's ``locale/``, found by walking ``cms/``) exists for every
locale of the platform, is complete, and its compiled .mo (committed, so a fresh machine needs no
gettext tools) says exactly what the .po source says."""

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from cms import locales

CMS_DIR = Path(__file__).resolve().parents[2] / "cms"
CATALOGUE_DIRS = sorted(
    path for path in CMS_DIR.rglob("locale") if path.is_dir() and any(path.glob("*/LC_MESSAGES"))
)
LANGUAGES = [code for code in locales.codes() if code != locales.DEFAULT]


def messages(catalog) -> dict:
    def key(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {key(m.id): key(m.string) for m in catalog if m.id and m.string}


def test_the_visitor_facing_apps_have_catalogues():
    found = {path.parent.name for path in CATALOGUE_DIRS}
    assert {"portal", "tenancy", "signups", "board", "flyers", "brochure"} <= found


@pytest.mark.parametrize("folder", CATALOGUE_DIRS, ids=lambda p: str(p.relative_to(CMS_DIR)))
@pytest.mark.parametrize("language", LANGUAGES)
def test_mo_matches_po_and_everything_is_translated(folder, language):
    messages_dir = folder / language / "LC_MESSAGES"
    with (messages_dir / "django.po").open("rb") as source:
        po = read_po(source)
    with (messages_dir / "django.mo").open("rb") as compiled:
        mo = read_mo(compiled)
    assert messages(mo) == messages(po)
    untranslated = [m.id for m in po if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []


ENGINE_LOCALE = CMS_DIR.parent / "sites" / "engine" / "locale"


def plural_forms(path: Path) -> str:
    with path.open("rb") as source:
        return dict(read_po(source).mime_headers)["Plural-Forms"]


@pytest.mark.parametrize("folder", CATALOGUE_DIRS, ids=lambda p: str(p.relative_to(CMS_DIR)))
@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_the_languages(folder, language):
    """A CMS catalogue counts plurals as the site engine's catalogue of the language does (its
    rule from CLDR, ``python -m sites.catalogs``): Polish needs three forms (1, 2–4, 5), and
    four CMS catalogues had two."""
    engine = plural_forms(ENGINE_LOCALE / language / "LC_MESSAGES" / "messages.po")
    cms = plural_forms(folder / language / "LC_MESSAGES" / "django.po")
    assert cms.replace(" ", "") == engine.replace(" ", "")
