"""The compiled catalogues (.mo, committed so a fresh machine needs no gettext tools) say
exactly what the .po sources say."""

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "cms" / "portal" / "locale"
LANGUAGES = ["en", "tr", "ar", "uk", "ru", "fa"]


def messages(catalog) -> dict:
    return {message.id: message.string for message in catalog if message.id and message.string}


@pytest.mark.parametrize("language", LANGUAGES)
def test_mo_matches_po_and_everything_is_translated(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    with (folder / "django.po").open("rb") as source:
        po = read_po(source)
    with (folder / "django.mo").open("rb") as compiled:
        mo = read_mo(compiled)
    assert messages(mo) == messages(po)
    untranslated = [message.id for message in po if message.id and not message.string]
    assert untranslated == []
