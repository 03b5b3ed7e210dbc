"""Offline reading and installation: the files every built site gets for it.

- ``sw.js`` — the service worker (``static/sw.js`` with this site's settings in front): it
  keeps what a visitor opened, and on installation the home page and the main-menu pages of
  every language (for a club: events, contact, …), and answers from them without a
  connection. Same origin and the site's own folders only, so nothing is cached that the
  site does not publish, and a portal at ``/`` never touches the admin, the API or a club
  site below it.
- ``sw-register.js`` — registers the worker and shows the layout's "offline" note.
- ``manifest.webmanifest`` — name, start page, colours and (the logo as) icon for installing.
- ``<locale>/offline.html`` — the note shown for a page that was never opened.

The worker's content depends only on the site's pages, so an unchanged site writes the same
bytes again (incremental builds see no change)."""

import hashlib
import json
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
OFFLINE_FILE = "offline.html"


def _folder(file: str) -> str:
    """``de/veranstaltungen/index.html`` → ``de/veranstaltungen/`` (as visitors ask for it)."""
    return file[: -len("index.html")] if file.endswith("index.html") else file


def worker_settings(site, menus_by_locale: dict[str, dict], asset_dir: str) -> dict:
    codes = [locale.code for locale in site.locales]
    precache = []
    for code in codes:
        precache += [f"{code}/", f"{code}/{OFFLINE_FILE}"]
        precache += [
            _folder(item["file"]) for item in menus_by_locale.get(code, {}).get("main", [])
        ]
    settings = {
        "precache": precache,
        "folders": [*codes, "static", asset_dir],
        "files": ["index.html", "manifest.webmanifest", "sw-register.js"],
        "offline": f"{site.default_locale}/{OFFLINE_FILE}",
    }
    source = (STATIC / "sw.js").read_bytes()
    settings["version"] = hashlib.sha256(
        json.dumps(settings, sort_keys=True).encode() + source
    ).hexdigest()[:12]
    return settings


def worker(settings: dict) -> bytes:
    prefix = f"const SETTINGS = {json.dumps(settings, ensure_ascii=False)};\n"
    return prefix.encode() + (STATIC / "sw.js").read_bytes()


def manifest(site, icon: str | None) -> bytes:
    default = next(loc for loc in site.locales if loc.code == site.default_locale)
    data = {
        "name": site.title,
        "short_name": site.title if len(site.title) <= 24 else site.title[:23] + "…",
        "start_url": f"{default.code}/",
        "scope": "./",
        "display": "standalone",
        "lang": default.code,
        "dir": default.direction,
        "background_color": "#ffffff",
        "theme_color": site.settings.get("primary_colour") or "#1d4e89",
    }
    if icon:
        data["icons"] = [{"src": icon, "sizes": "any", "purpose": "any"}]
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def register_script() -> bytes:
    return (STATIC / "sw-register.js").read_bytes()
