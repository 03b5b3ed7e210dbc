"""Strings of the Einfache Sprache page. The page itself is in plain German in every locale,
so its own strings are German everywhere (the table has every locale so nothing falls back
silently)."""

GERMAN = {
    "plain.clubs": "Die Vereine in Einfacher Sprache",
    "plain.in_place": "Der Verein ist in {place}.",
}

STRINGS = {code: dict(GERMAN) for code in ("de", "en", "tr", "ar", "uk", "ru", "fa")}
