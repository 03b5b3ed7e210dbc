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
