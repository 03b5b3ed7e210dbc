"""``manage.py catalogs update|compile|check``: the CMS's gettext catalogues, for every locale
of ``cms.locales`` (the sites' catalogues have ``python -m sites.catalogs``).

Each CMS app that marks text for translation keeps its catalogues in its own ``locale/``
(``cms/<app>/locale/<lang>/LC_MESSAGES/django.po``); the project's templates
(``cms/templates``) go into ``cms/locale``. Django's ``makemessages`` does the extraction
(GNU gettext's ``xgettext``); afterwards every catalogue's ``Plural-Forms`` is set to the
locale's CLDR rule (``SiteLocale.plural_forms``), as in the sites' catalogues, because gettext
writes its own guess. A new message is added with an empty translation, a removed one dropped,
a changed German text kept as a fuzzy suggestion; ``tests/portal/test_translations.py`` fails
until every catalogue is complete again. ``compile`` writes the ``.mo`` files with Babel (no
GNU gettext needed; they are committed), ``check`` lists what is untranslated, fuzzy or not
compiled (docs/translating.md).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms import locales
from sites.catalogs import compiled

# The header may be wrapped over several lines; it ends at the first line ending in ``\n"``.
HEADER = re.compile(r'^"Plural-Forms: .*?\\n"$', re.MULTILINE | re.DOTALL)
MARKERS = ("gettext", "_(", "{% translate", "{% trans ", "{% blocktranslate", "{% blocktrans")


def cms_dir() -> Path:
    return Path(settings.BASE_DIR) / "cms"


def translatable(folder: Path) -> bool:
    """Whether any Python file or template below ``folder`` marks text for translation."""
    for path in folder.rglob("*"):
        if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if any(marker in text for marker in MARKERS):
            return True
    return False


def catalogue_dirs() -> list[Path]:
    """The ``locale/`` folders the CMS's messages go to: one per app that has any."""
    root = cms_dir()
    folders = [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(root) and Path(config.path) != root
    ]
    folders = [folder for folder in folders if folder.exists() or translatable(folder.parent)]
    folders.append(root / "locale")  # the project's templates (LOCALE_PATHS)
    return sorted(set(folders))


def set_plural_forms(po_file: Path, locale: locales.SiteLocale) -> None:
    """Set the header's ``Plural-Forms`` (gettext writes none for a language it does not
    know, such as Tigrinya or Dari) and ``Language``."""
    text = po_file.read_text(encoding="utf-8")
    header = f'"Plural-Forms: {locale.plural_forms}\\n"'
    if HEADER.search(text):
        fixed = HEADER.sub(lambda _match: header, text, count=1)
    else:
        fixed = text.replace(
            '"Content-Transfer-Encoding: 8bit\\n"\n',
            '"Content-Transfer-Encoding: 8bit\\n"\n' + header + "\n",
            1,
        )
    fixed = fixed.replace('"Language: \\n"', f'"Language: {locale.code}\\n"', 1)
    if fixed != text:
        po_file.write_text(fixed, encoding="utf-8")


def catalogue_files() -> list[tuple[Path, locales.SiteLocale]]:
    found = []
    for folder in catalogue_dirs():
        for locale in locales.LOCALES:
            po_file = folder / locale.code / "LC_MESSAGES" / "django.po"
            if po_file.exists():
                found.append((po_file, locale))
    return found


def read(po_file: Path, locale: locales.SiteLocale):
    with po_file.open("rb") as source:
        return read_po(source, locale=locale.cldr_code)


def problems(po_file: Path, locale: locales.SiteLocale) -> list[str]:
    """What keeps a catalogue from being complete: untranslated or fuzzy messages, plural
    forms missing, a ``.mo`` that does not match."""
    catalog = read(po_file, locale)
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if (
            message.fuzzy
            or not all(strings)
            or (message.pluralizable and len(strings) != locale.plural_count)
        ):
            found.append(message.id if isinstance(message.id, str) else message.id[0])
    mo_file = po_file.with_suffix(".mo")
    if not mo_file.exists() or mo_file.read_bytes() != compiled(catalog):
        found.append(f"{mo_file.name} is not compiled from the .po")
    return found


def disagreements() -> list[str]:
    """Messages translated differently in two catalogues of one locale. Django merges every
    app's catalogue into one per language, so only one of them would ever be shown (the
    first app's): where a word means two things, the code gives it a context (``pgettext``)."""
    found = []
    for locale in locales.LOCALES[1:]:
        seen: dict = {}
        for po_file, file_locale in catalogue_files():
            if file_locale != locale:
                continue
            for message in read(po_file, locale):
                if not message.id:
                    continue
                key = (
                    message.id if isinstance(message.id, str) else tuple(message.id),
                    message.context,
                )
                string = (
                    message.string if isinstance(message.string, str) else tuple(message.string)
                )
                first = seen.setdefault(key, (string, po_file))
                if first[0] != string:
                    apps_named = (path.parents[3].name for path in (first[1], po_file))
                    found.append(f"{locale.code}: {key[0]!r} differs in {' and '.join(apps_named)}")
    return found


def update(root: Path | None = None) -> int:
    """Extract into the catalogues below ``root`` (a copy of ``cms/``; the real one by
    default) and return how many there are."""
    real = cms_dir()
    root = root or real
    targets = [locale for locale in locales.LOCALES if locale.code != locales.DEFAULT]
    folders = [root / folder.relative_to(real) for folder in catalogue_dirs()]
    for folder in folders:
        folder.mkdir(exist_ok=True)
    previous = Path.cwd()
    os.chdir(root)  # makemessages walks the working directory
    try:
        call_command(
            "makemessages",
            locale=[locale.code for locale in targets],
            domain="django",
            no_location=True,
            no_obsolete=True,
            ignore_patterns=["static/*", "migrations/*"],
            verbosity=0,
        )
    finally:
        os.chdir(previous)
    count = 0
    for folder in folders:
        for locale in targets:
            po_file = folder / locale.code / "LC_MESSAGES" / "django.po"
            if po_file.exists():
                set_plural_forms(po_file, locale)
                count += 1
    return count


def compile_all() -> list[Path]:
    changed = []
    for po_file, locale in catalogue_files():
        content = compiled(read(po_file, locale))
        mo_file = po_file.with_suffix(".mo")
        if not mo_file.exists() or mo_file.read_bytes() != content:
            mo_file.write_bytes(content)
            changed.append(mo_file)
    return changed


class Command(BaseCommand):
    help = (
        "The CMS's catalogues: update (extract every app's messages for every locale, with "
        "CLDR's plural rule), compile (.po -> .mo) or check (what is missing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "compile", "check"])

    def handle(self, *args, action, **options):
        root = Path(settings.BASE_DIR)
        if action == "update":
            self.stdout.write(f"{update()} catalogues updated")
        elif action == "compile":
            for mo_file in compile_all():
                self.stdout.write(f"compiled {mo_file.relative_to(root)}")
        else:
            missing = 0
            for po_file, locale in catalogue_files():
                for problem in problems(po_file, locale):
                    missing += 1
                    self.stdout.write(f"{po_file.relative_to(root)}: {problem}")
            for problem in disagreements():
                missing += 1
                self.stdout.write(problem)
            if missing:
                raise CommandError(f"{missing} messages are missing, not compiled or disagree")
            self.stdout.write("every CMS catalogue is complete")
