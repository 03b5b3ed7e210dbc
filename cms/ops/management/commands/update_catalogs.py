"""Extract the CMS's messages into each app's catalogues, for every locale of ``cms.locales``.

Each CMS app that marks text for translation keeps its catalogues in its own ``locale/``
(``cms/<app>/locale/<lang>/LC_MESSAGES/django.po``); the project's templates
(``cms/templates``) go into ``cms/locale``. Django's ``makemessages`` does the extraction
(GNU gettext's ``xgettext``); afterwards every catalogue's ``Plural-Forms`` is set to the
locale's CLDR rule (``SiteLocale.plural_forms``), as in the sites' catalogues, because gettext
writes its own guess. A new message is added with an empty translation, a removed one dropped,
a changed German text kept as a fuzzy suggestion; ``tests/portal/test_translations.py`` fails
until every catalogue is complete again. Then ``manage.py compilemessages``
(docs/translating.md).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms import locales

HEADER = re.compile(r'^"Plural-Forms: [^"]*\\n"$', re.MULTILINE)
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
    text = po_file.read_text(encoding="utf-8")
    fixed = HEADER.sub(f'"Plural-Forms: {locale.plural_forms}\\\\n"', text, count=1)
    if fixed != text:
        po_file.write_text(fixed, encoding="utf-8")


class Command(BaseCommand):
    help = (
        "Extract the CMS's messages into every app's catalogues for every locale and set each "
        "catalogue's plural rule to CLDR's (then: manage.py compilemessages)."
    )

    def handle(self, *args, **options):
        targets = [locale for locale in locales.LOCALES if locale.code != locales.DEFAULT]
        folders = catalogue_dirs()
        for folder in folders:
            folder.mkdir(exist_ok=True)
        previous = Path.cwd()
        os.chdir(cms_dir())  # makemessages walks the working directory
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
        written = 0
        for folder in folders:
            for locale in targets:
                po_file = folder / locale.code / "LC_MESSAGES" / "django.po"
                if po_file.exists():
                    set_plural_forms(po_file, locale)
                    written += 1
        self.stdout.write(f"{written} catalogues in {len(folders)} folders")
