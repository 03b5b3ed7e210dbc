"""A map of the municipalities around the club, drawn at build time as inline SVG: no tiles,
no script, no request to anyone. It shows where the municipalities lie relative to each other
and marks the club's; it is not a street map and says so."""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 420
MARGIN = 70  # room for labels at the edges
FONT_SIZE = 13
CHAR_WIDTH = 0.6 * FONT_SIZE  # a generous estimate for Latin place names
MUNICIPALITIES = "/api/v1/municipalities/"
MIN_PLACES = 2


@dataclass
class Place:
    slug: str
    name: str
    latitude: float
    longitude: float
    x: float = 0.0
    y: float = 0.0


def places_from(items) -> dict[str, Place]:
    places = {}
    for item in items:
        if item and item.get("latitude") is not None and item.get("longitude") is not None:
            places[item["slug"]] = Place(
                item["slug"], item["name"], float(item["latitude"]), float(item["longitude"])
            )
    return places


def known_places(fetch, own: dict) -> dict[str, Place]:
    """The district's municipalities with coordinates (from the API), always the club's own."""
    places = places_from(_municipalities(fetch)) if fetch is not None else {}
    places.update(places_from([own]))
    return places


def _municipalities(fetch):
    try:
        return fetch(MUNICIPALITIES, None) or []
    except Exception:  # noqa: BLE001 - a map with fewer neighbours is still a map
        return []


def project(places: list[Place]) -> float:
    """Equirectangular projection around the places' mean latitude (fine at district scale);
    sets x/y in SVG units and returns the drawing's height."""
    north = max(p.latitude for p in places)
    south = min(p.latitude for p in places)
    west = min(p.longitude for p in places)
    east = max(p.longitude for p in places)
    shrink = math.cos(math.radians((north + south) / 2))
    span_x = max((east - west) * shrink, 1e-6)
    span_y = max(north - south, 1e-6)
    scale = min((WIDTH - 2 * MARGIN) / span_x, (WIDTH * 1.3 - 2 * MARGIN) / span_y)
    left = (WIDTH - span_x * scale) / 2  # centred when the places lie north to south
    for place in places:
        place.x = left + (place.longitude - west) * shrink * scale
        place.y = MARGIN / 2 + (north - place.latitude) * scale
    return MARGIN + span_y * scale


def label_positions(
    places: list[Place], height: float, highlight: str
) -> dict[str, tuple[float, float, str]]:
    """Where each name goes: beside, above or below its point, wherever it overlaps neither
    another name nor another point (first come, first placed; the club's place first)."""
    boxes: list[tuple[float, float, float, float]] = []
    points = [(p.x - 5, p.y - 5, p.x + 5, p.y + 5) for p in places]
    positions = {}
    for place in places:
        gap = 14 if place.slug == highlight else 8
        candidates = [
            (place.x + gap, place.y + 4, "start"),
            (place.x - gap, place.y + 4, "end"),
            (place.x, place.y - gap - 2, "middle"),
            (place.x, place.y + gap + 10, "middle"),
        ]
        chosen = candidates[0]
        for candidate in candidates:
            box = label_box(place.name, *candidate)
            inside = box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= height
            if inside and not any(overlap(box, other) for other in [*boxes, *points]):
                chosen = candidate
                break
        boxes.append(label_box(place.name, *chosen))
        positions[place.slug] = chosen
    return positions


def label_box(name: str, x: float, y: float, anchor: str) -> tuple[float, float, float, float]:
    """The rectangle a name takes at (x, y) with this text-anchor (baseline at y)."""
    width = len(name) * CHAR_WIDTH
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left, y - FONT_SIZE, left + width, y + 2)


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def draw(places: dict[str, Place], highlight: str, title: str, description: str) -> Markup:
    """The SVG: every place a labelled point, the highlighted one a larger ringed point with a
    bold, underlined name (told apart by shape and type, not by colour alone)."""
    ordered = sorted(places.values(), key=lambda p: (p.slug != highlight, p.name))
    height = project(ordered)
    labels = label_positions(ordered, height, highlight)
    parts = [
        f'<svg class="contact-map" role="img" aria-labelledby="contact-map-title '
        f'contact-map-desc" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" direction="ltr" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="contact-map-title">{escape(title)}</title>',
        f'<desc id="contact-map-desc">{escape(description)}</desc>',
    ]
    for place in reversed(ordered):  # the highlighted place last, on top
        x, y, anchor = labels[place.slug]
        if place.slug == highlight:
            parts.append(
                f'<g class="contact-map__place contact-map__place--club">'
                f'<circle cx="{place.x:.1f}" cy="{place.y:.1f}" r="9" class="contact-map__ring"/>'
                f'<circle cx="{place.x:.1f}" cy="{place.y:.1f}" r="4.5"/>'
                f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="700" '
                f'text-decoration="underline">{escape(place.name)}</text></g>'
            )
        else:
            parts.append(
                f'<g class="contact-map__place">'
                f'<circle cx="{place.x:.1f}" cy="{place.y:.1f}" r="3.5"/>'
                f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(place.name)}</text>'
                f"</g>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
