"""``python -m sites.catalogs``: the plugins' and the engine's gettext catalogues.

    python -m sites.catalogs update            # extract from code and templates, update every .po
    python -m sites.catalogs compile           # .po -> .mo (committed; a test checks they match)
    python -m sites.catalogs check             # untranslated or fuzzy messages, stale .mo files
    python -m sites.catalogs init ckb          # a new locale for every package (then translate)
    python -m sites.catalogs update --package plugins.booking

The packages are the engine, the two site kinds and every installed plugin (entry points), so a
new plugin is covered without an edit here. Extraction reads Python (``_``, ``gettext``,
``ngettext``, ``pgettext``, ``N_``) and the Jinja2 templates (``{{ _("…") }}``, ``{% trans %}``);
the same configuration is in ``babel.cfg`` for ``pybabel`` users. See ``docs/translating.md``.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from .engine.i18n import DOMAIN, SOURCE_LOCALE, cldr_name, locale_dir
from .engine.plugins import discover

ENGINE_PACKAGES = ("sites.engine", "sites.portal", "sites.club")
METHOD_MAP = [
    ("**/static/**", "ignore"),
    ("**.py", "python"),
    ("**/templates/**.html", "jinja2.ext:babel_extract"),
    ("**/templates/**.xml", "jinja2.ext:babel_extract"),
    ("**/templates/**.svg", "jinja2.ext:babel_extract"),
]
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
# A fixed header date keeps regenerated catalogues byte-identical when nothing changed.
EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def packages() -> list[str]:
    """Every package with catalogues: the engine and the site kinds, then every installed
    plugin."""
    found = list(ENGINE_PACKAGES)
    for plugin in discover().plugins.values():
        if plugin.package not in found:
            found.append(plugin.package)
    return found


def package_dir(package: str) -> Path:
    return locale_dir(package).parent


def extract(package: str) -> Catalog:
    """The messages a package's Python code and templates use, as a template catalogue."""
    root = package_dir(package)
    template = Catalog(
        locale=SOURCE_LOCALE, domain=DOMAIN, project=package, creation_date=EPOCH, fuzzy=False
    )
    options = {"**/templates/**": JINJA_OPTIONS}
    keywords = {**DEFAULT_KEYWORDS, "labels": None}  # Catalog.labels("…") (plugin labels)
    for filename, lineno, message, comments, context in extract_from_dir(
        root,
        METHOD_MAP,
        options,
        keywords=keywords,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
        directory_filter=lambda path: Path(path).name not in {"locale", "__pycache__"},
    ):
        template.add(
            message,
            None,
            [(filename, lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def cldr_locale(code: str) -> Locale:
    try:
        return Locale.parse(cldr_name(code))
    except (UnknownLocaleError, ValueError) as exc:
        raise SystemExit(
            f"Babel knows no locale {code!r}: add it to CLDR_NAMES in sites/engine/i18n.py"
        ) from exc


def po_path(package: str, code: str) -> Path:
    return locale_dir(package) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def locales_of(package: str) -> list[str]:
    root = locale_dir(package)
    if not root.is_dir():
        return []
    return sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=cldr_locale(path.parent.parent.name), domain=DOMAIN)


def write_catalog(catalog: Catalog, path: Path) -> bool:
    """Write a .po file; return whether its content changed."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, include_previous=True)
    content = buffer.getvalue()
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def new_catalog(code: str, package: str) -> Catalog:
    return Catalog(
        locale=cldr_locale(code),
        domain=DOMAIN,
        header_comment=f"# {package}: messages in {code}. German is the source language;\n"
        "# see docs/translating.md.",
        project=package,
        creation_date=EPOCH,
        revision_date=EPOCH,
        fuzzy=False,
    )


def update(package: str, codes: Iterable[str] | None = None) -> list[Path]:
    """Bring every catalogue of a package in line with its code: new messages added
    (untranslated), removed ones dropped, changed ones kept as fuzzy suggestions."""
    template = extract(package)
    changed = []
    for code in codes or locales_of(package):
        path = po_path(package, code)
        catalog = read_catalog(path) if path.is_file() else new_catalog(code, package)
        catalog.update(template, update_creation_date=False)
        catalog.obsolete.clear()
        if write_catalog(catalog, path):
            changed.append(path)
    return changed


def compile_package(package: str) -> list[Path]:
    changed = []
    for code in locales_of(package):
        source = po_path(package, code)
        target = source.with_suffix(".mo")
        content = compiled(read_catalog(source))
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)
            changed.append(target)
    return changed


def _singular(message_id) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def problems(package: str) -> list[str]:
    """What keeps a package's catalogues from being complete: messages the code uses that a
    catalogue lacks, untranslated or fuzzy ones, a plural without every form, a .mo file
    that does not match its .po."""
    found = []
    template = extract(package)
    wanted = {(_singular(m.id), m.context) for m in template if m.id}
    for code in locales_of(package):
        path = po_path(package, code)
        catalog = read_catalog(path)
        have = {(_singular(m.id), m.context): m for m in catalog if m.id}
        for key in sorted(wanted - set(have), key=str):
            found.append(f"{path}: missing {key[0]!r}")
        for key, message in have.items():
            if key not in wanted:
                found.append(f"{path}: unused {key[0]!r} (run update)")
            elif message.fuzzy:
                found.append(f"{path}: fuzzy {key[0]!r}")
            elif isinstance(message.string, list | tuple):
                if len(message.string) != catalog.num_plurals or not all(message.string):
                    found.append(f"{path}: plural forms incomplete for {key[0]!r}")
            elif not message.string:
                found.append(f"{path}: untranslated {key[0]!r}")
        mo = path.with_suffix(".mo")
        if not mo.is_file():
            found.append(f"{mo}: missing (run compile)")
        else:
            with mo.open("rb") as file:
                stored = _messages(read_mo(file))
            source = _messages(message for message in catalog if not message.fuzzy)
            if stored != source:
                found.append(f"{mo}: does not match the .po (run compile)")
    return found


def _messages(messages) -> dict:
    def key(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {(key(m.id), m.context): key(m.string) for m in messages if m.id}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sites.catalogs", description=__doc__)
    parser.add_argument("command", choices=["update", "compile", "check", "init"])
    parser.add_argument("locale", nargs="?", help="for init: the new locale's code")
    parser.add_argument("--package", action="append", help="only this package (repeatable)")
    args = parser.parse_args(argv)
    selected = args.package or packages()
    if args.command == "init":
        if not args.locale:
            parser.error("init needs a locale code")
        cldr_locale(args.locale)
        for package in selected:
            for path in update(package, [args.locale]):
                print(f"created {path}")
        return 0
    if args.command == "update":
        for package in selected:
            for path in update(package):
                print(f"updated {path}")
        return 0
    if args.command == "compile":
        for package in selected:
            for path in compile_package(package):
                print(f"compiled {path}")
        return 0
    found = [problem for package in selected for problem in problems(package)]
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s) in {len(selected)} package(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
