"""The platform's locales, as data in one place.

Every other list of languages is derived from this one: Django's ``LANGUAGES`` and Wagtail's
content languages (``cms/settings/base.py``), the API's ``/api/v1/locales/`` (which the site
builders in ``sites/`` read, since they never import ``cms``), the plugin catalogue check and
the language of e-mails. German comes first: it is the default locale, the source language of
every catalogue and the fallback of all content.

A locale is *reviewed* once a native speaker has checked its catalogues; until then it is a
*draft*: the agency sees that in the admin and visitors see a short note on every page.
Mark a locale reviewed by changing its ``review`` here (``docs/translating.md``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import babel
import django
import wagtail
from babel.messages.plurals import get_plural

from sites.engine.i18n import cldr_name

REVIEWED = "reviewed"
DRAFT = "draft"


@dataclass(frozen=True)
class SiteLocale:
    code: str  # BCP 47 tag used in URLs, the API and the catalogues' folder names
    native_name: str  # the language's own name, for language switchers
    direction: str  # "ltr" or "rtl"
    review: str = REVIEWED  # REVIEWED or DRAFT

    @property
    def cldr_code(self) -> str:
        """The CLDR locale Babel knows the language by (Dari: ``fa_AF``)."""
        return cldr_name(self.code)

    @property
    def babel(self) -> babel.Locale:
        return babel.Locale.parse(self.cldr_code)

    @property
    def plural_forms(self) -> str:
        """The gettext ``Plural-Forms`` header for the locale, from Babel's CLDR data."""
        return get_plural(self.cldr_code).plural_forms

    @property
    def plural_count(self) -> int:
        return get_plural(self.cldr_code).num_plurals

    @property
    def is_draft(self) -> bool:
        return self.review == DRAFT

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.native_name,
            "direction": self.direction,
            "plural_forms": self.plural_forms,
            "review": self.review,
        }


LOCALES: tuple[SiteLocale, ...] = (
    SiteLocale("de", "Deutsch", "ltr"),
    SiteLocale("en", "English", "ltr"),
    SiteLocale("tr", "Türkçe", "ltr"),
    SiteLocale("ar", "العربية", "rtl"),
    SiteLocale("uk", "Українська", "ltr"),
    SiteLocale("ru", "Русский", "ltr"),
    SiteLocale("fa", "فارسی", "rtl"),
    # Drafted without a native speaker's review: visitors see a note until someone marks
    # the locale reviewed (docs/translating.md).
    SiteLocale("kmr", "Kurmancî", "ltr", DRAFT),
    SiteLocale("ckb", "کوردیی ناوەندی", "rtl", DRAFT),
    SiteLocale("ti", "ትግርኛ", "ltr", DRAFT),
    SiteLocale("prs", "دری", "rtl", DRAFT),
    SiteLocale("pl", "Polski", "ltr", DRAFT),
    SiteLocale("ro", "Română", "ltr", DRAFT),
)

DEFAULT = LOCALES[0].code


@functools.cache
def by_code() -> dict[str, SiteLocale]:
    return {locale.code: locale for locale in LOCALES}


def get(code: str | None) -> SiteLocale | None:
    return by_code().get(code or "")


def codes() -> list[str]:
    return [locale.code for locale in LOCALES]


def django_languages() -> list[tuple[str, str]]:
    """``LANGUAGES`` / ``WAGTAIL_CONTENT_LANGUAGES``."""
    return [(locale.code, locale.native_name) for locale in LOCALES]


def admin_languages() -> list[tuple[str, str]]:
    """``WAGTAILADMIN_PERMITTED_LANGUAGES``: the locales the whole admin can speak, i.e. those
    for which Wagtail and Django ship their own catalogues besides ours (Kurmanji, Sorani,
    Tigrinya and Dari have none, so an editor reading them would meet English in Wagtail's
    own screens)."""

    def shipped(package, code: str) -> bool:
        folder = Path(package.__file__).parent / ("conf/locale" if package is django else "locale")
        return (folder / code.replace("-", "_") / "LC_MESSAGES" / "django.mo").is_file()

    return [
        (locale.code, locale.native_name)
        for locale in LOCALES
        if locale.code == DEFAULT
        or (shipped(wagtail, locale.code) and shipped(django, locale.code))
    ]


def bidi_codes() -> list[str]:
    """``LANGUAGES_BIDI``: Django (and Wagtail's ``Locale.is_bidi``) read direction from it."""
    return [locale.code for locale in LOCALES if locale.direction == "rtl"]


def django_lang_info() -> dict[str, dict]:
    """Entries for ``django.conf.locale.LANG_INFO`` of the locales Django does not know."""
    return {
        locale.code: {
            "bidi": locale.direction == "rtl",
            "code": locale.code,
            "name": locale.babel.get_display_name("en") or locale.code,
            "name_local": locale.native_name,
        }
        for locale in LOCALES
    }
