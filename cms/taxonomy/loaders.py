"""Load reference data (district, countries, languages, focus areas) from the JSON files in
``data/``. Used by the initial data migration and by ``manage.py load_district``."""

import json
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slug(name: str) -> str:
    """A slug that spells German names the German way: Düren → dueren, Vettweiß → vettweiss.
    Names without Latin letters (Arabic, Cyrillic, …) keep their own script (Wagtail allows
    Unicode slugs) instead of ending up empty."""
    return slugify(name.translate(GERMAN_LETTERS)) or slugify(name, allow_unicode=True)


def read(name: str):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def load_district(path: Path, Municipality) -> int:
    """Create or update the municipalities of one district file; return how many it holds."""
    district = json.loads(Path(path).read_text(encoding="utf-8"))
    # Earlier migrations run this with a model that has no coordinates yet.
    fields = {field.name for field in Municipality._meta.get_fields()}
    for item in district["municipalities"]:
        defaults = {
            "name": item["name"],
            "slug": german_slug(item["name"]),
            "district": district["name"],
        }
        for name in ("latitude", "longitude"):
            if name in fields and item.get(name) is not None:
                defaults[name] = Decimal(str(item[name]))
        Municipality.objects.update_or_create(ags=item["ags"], defaults=defaults)
    return len(district["municipalities"])


def load_reference_data(Country, Language, FocusArea) -> None:
    for item in read("countries.json"):
        Country.objects.update_or_create(code=item["code"], defaults={"name": item["name"]})
    for item in read("languages.json"):
        Language.objects.update_or_create(
            tag=item["tag"],
            defaults={
                "name": item["name"],
                "native_name": item["native_name"],
                "direction": item["direction"],
            },
        )
    for name in read("focus_areas.json"):
        FocusArea.objects.get_or_create(name=name, defaults={"slug": german_slug(name)})


def load_focus_area_translations(FocusArea) -> int:
    """The names of the standard focus areas in the platform's other locales
    (``data/focus_area_names.json``); names the agency already translated stay as they are."""
    names = read("focus_area_names.json")
    updated = 0
    for area in FocusArea.objects.filter(name__in=names):
        merged = {**names[area.name], **(area.translations or {})}
        if merged != area.translations:
            area.translations = merged
            area.save(update_fields=["translations"])
            updated += 1
    return updated
