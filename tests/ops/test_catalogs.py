"""``manage.py catalogs``: the CMS's catalogues hold every message the code marks, for every
locale, so a new ``_("…")`` in the admin cannot stay German in the Arabic admin unnoticed
(``tests/portal/test_translations.py`` then checks that each is translated and compiled)."""

import shutil
from pathlib import Path

from babel.messages.pofile import read_po
from django.core.management import call_command

from cms import locales
from cms.ops.management.commands import catalogs
from tests.browser.tools import missing

CMS = catalogs.cms_dir()


def message_ids(po_file: Path) -> set:
    with po_file.open("rb") as source:
        return {(message.id, message.context) for message in read_po(source) if message.id}


def test_every_app_with_messages_has_catalogues_for_every_locale():
    folders = catalogs.catalogue_dirs()
    assert CMS / "locale" in folders
    assert {"clubs", "events", "rooms", "partners", "tenancy", "help"} <= {
        folder.parent.name for folder in folders
    }
    for folder in folders:
        for code in locales.codes()[1:]:
            assert (folder / code / "LC_MESSAGES" / "django.po").is_file(), (folder, code)


def test_catalogues_are_up_to_date_with_the_code(tmp_path):
    if shutil.which("xgettext") is None:
        missing("GNU gettext's xgettext is not installed (apt-get install gettext)")
    copy = tmp_path / "cms"
    shutil.copytree(CMS, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    catalogs.update(copy)
    stale = []
    for folder in catalogs.catalogue_dirs():
        for code in locales.codes()[1:]:
            relative = folder.relative_to(CMS) / code / "LC_MESSAGES" / "django.po"
            extracted, committed = message_ids(copy / relative), message_ids(CMS / relative)
            if extracted != committed:
                stale.append(
                    f"{relative}: new {sorted(extracted - committed)[:3]}, "
                    f"gone {sorted(committed - extracted)[:3]}"
                )
    assert stale == [], "run manage.py catalogs update, translate, compile:\n" + "\n".join(stale)


def test_check_reports_complete_catalogues(capsys):
    call_command("catalogs", "check")
    assert "every CMS catalogue is complete" in capsys.readouterr().out


def test_a_message_is_translated_alike_in_every_catalogue_of_a_locale():
    """Django merges the apps' catalogues into one per language: of two translations of one
    German text only the first app's would ever show. "Bitte prüfen Sie die markierten
    Angaben." moved from the portal's catalogue to the core's and came back translated anew,
    so the Arabic registration form answered differently than before."""
    assert catalogs.disagreements() == []
