"""Gettext catalogues: the engine's and every plugin's, merged per site and locale.

Each plugin ships ``locale/<lang>/LC_MESSAGES/messages.po`` (and the compiled ``.mo``) next
to its ``templates/``, found the same way: through its package. The source language is
German, so a message id *is* the German text and an untranslated message shows German
(``tests/sites/test_catalogs.py`` makes sure none is untranslated). Placeholders are
``%(name)s`` and always formatted, as Jinja2's new-style gettext does, so a literal percent
sign is written ``%%``.

Templates use ``{{ _("…") }}``, ``{{ ngettext("…", "…", n) }}`` or ``{% trans %}``; a
plugin's Python code uses ``Catalog(__name__)`` (its own catalogues) and marks strings it
translates later with ``N_``. ``python -m sites.catalogs`` extracts, updates, compiles and
checks the catalogues (``docs/translating.md``).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.resources
from collections.abc import Iterable
from pathlib import Path

import babel
from babel.support import NullTranslations, Translations

DOMAIN = "messages"
SOURCE_LOCALE = "de"
# Locales Babel's CLDR data knows under another name: Dari is CLDR's Persian of Afghanistan,
# Kurmanji CLDR's Kurdish. Dates, numbers and plural rules of these come from there.
CLDR_NAMES = {"prs": "fa_AF", "kmr": "ku"}


def cldr_name(code: str) -> str:
    return CLDR_NAMES.get(code, code)


@functools.lru_cache(maxsize=64)
def babel_locale(code: str) -> babel.Locale:
    """Babel's CLDR data for a locale code of the platform (``prs`` → Persian of Afghanistan)."""
    return babel.Locale.parse(cldr_name(code))


def load_locale_data(code: str) -> None:
    """Babel's CLDR data for a locale code loaded (names of days and months, date formats),
    for a long-running process before its first build, which would otherwise load it in the
    middle of a publish. A code CLDR does not know is left for the build to report."""
    with contextlib.suppress(ValueError, babel.UnknownLocaleError):  # a malformed or unknown code
        babel_locale(code).days  # noqa: B018 - touching the data loads it


def language_display_name(tag: str, locale: str) -> str:
    """A language (BCP 47 tag) named in ``locale`` from CLDR; the tag when CLDR has no name
    for it. Dari and Kurmanji, which CLDR files under Persian of Afghanistan and Kurdish, get
    those names."""
    names = babel_locale(locale).languages
    variants = (tag.replace("-", "_"), tag.split("-")[0])
    for key in (*(cldr_name(v) for v in variants), *variants):
        if key in names:
            return names[key]
    return tag


def N_(message: str) -> str:  # noqa: N802 - the conventional name extractors look for
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def locale_dir(package: str) -> Path:
    """Where a package keeps its catalogues: ``<package>/locale``."""
    return Path(str(importlib.resources.files(package) / "locale"))


def catalog_locales(package: str) -> list[str]:
    """The locales a package has a compiled catalogue for, plus German (the source)."""
    root = locale_dir(package)
    found = (
        sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
        if root.is_dir()
        else []
    )
    return [SOURCE_LOCALE, *[code for code in found if code != SOURCE_LOCALE]]


@functools.lru_cache(maxsize=1024)
def _load(directory: str, code: str) -> NullTranslations:
    path = Path(directory) / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as file:
        return Translations(file, domain=DOMAIN)


@functools.lru_cache(maxsize=256)
def _merged(directories: tuple[str, ...], code: str) -> NullTranslations:
    found = [t for t in (_load(d, code) for d in directories) if isinstance(t, Translations)]
    if not found:
        return NullTranslations()
    merged = Translations()
    # The plural rule and headers of the locale, from its first catalogue (all agree).
    merged._catalog = {}
    merged._info = dict(found[0]._info)
    merged._charset = found[0]._charset
    merged.plural = found[0].plural
    for single in found:
        merged.merge(single)
    return merged


def translations(packages: Iterable[str], code: str) -> NullTranslations:
    """The catalogues of ``packages`` for one locale, merged; where two define the same
    message, the later package's translation wins. Loaded once per process."""
    directories = tuple(dict.fromkeys(str(locale_dir(package)) for package in packages))
    return _merged(directories, code)


def format_message(text: str, params: dict) -> str:
    return text % params


class Translator:
    """One locale's messages, formatted the way templates format them."""

    def __init__(self, translations: NullTranslations):
        self.translations = translations

    def gettext(self, message: str, /, **params) -> str:
        return format_message(self.translations.gettext(message), params)

    def ngettext(self, singular: str, plural: str, n: int, /, **params) -> str:
        params.setdefault("num", n)
        return format_message(self.translations.ngettext(singular, plural, n), params)

    def pgettext(self, context: str, message: str, /, **params) -> str:
        return format_message(self.translations.pgettext(context, message), params)


class Catalog:
    """A plugin's own catalogues, for its Python code (page titles, menu labels, text it
    computes): ``catalog = Catalog(__name__)``, then ``catalog.locale("ar").gettext("…")``."""

    def __init__(self, package: str):
        self.package = package

    def locale(self, code: str) -> Translator:
        return Translator(translations([self.package], code))

    def gettext(self, code: str, message: str, /, **params) -> str:
        return self.locale(code).gettext(message, **params)

    def labels(self, message: str) -> dict[str, str]:
        """``{locale: text}`` of one message in every locale the plugin has a catalogue for
        (what ``Plugin.label`` holds)."""
        return {code: self.gettext(code, message) for code in catalog_locales(self.package)}
