"""Reference data named in the reader's language: countries and languages from CLDR (through
Babel), focus areas from their translations. The German names stored in the database are
the fallback, e.g. for a language CLDR does not name."""

import json

from cms import locales
from sites.engine.i18n import babel_locale, language_display_name


def _language(code: str | None) -> str:
    return code if locales.get(code) is not None else locales.DEFAULT


def country_name(code: str, german: str, language: str | None) -> str:
    language = _language(language)
    if language == locales.DEFAULT:
        return german
    return babel_locale(language).territories.get(code) or german


def language_name(tag: str, german: str, language: str | None) -> str:
    language = _language(language)
    if language == locales.DEFAULT:
        return german
    name = language_display_name(tag, language)
    return name if name != tag else german


def focus_area_name(german: str, translations: dict | str | None, language: str | None) -> str:
    language = _language(language)
    if isinstance(translations, str):  # a JSON column read by a raw query on SQLite
        translations = json.loads(translations or "{}")
    return (translations or {}).get(language) or german
