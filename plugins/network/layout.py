"""Where the network picture puts its nodes: a deterministic radial layout computed in Python.

Partner organisations sit on an inner ring, clubs on an outer ring. Each club's place on the
outer ring follows the mean angle of the partners it cooperates with (clubs linked only to
other clubs follow their neighbours), so links stay short and cross little; ties are broken by
name, so the same network always gives the same picture. No randomness, no iteration, linear
in the number of edges after sorting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 960
MARGIN = 190  # room for the labels outside the outer ring
OUTER_MIN = 150
NODE_SPACING = 34  # arc length per club on the outer ring
INNER_SHARE = 0.42  # inner ring radius as a share of the outer one


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    angle: float  # radians, 0 = right, clockwise (SVG's y grows downwards)


@dataclass(frozen=True)
class Layout:
    size: float  # the picture is square: viewBox 0 0 size size
    points: dict[str, Point]


def _circular_mean(angles: list[float]) -> float | None:
    if not angles:
        return None
    x = sum(math.cos(a) for a in angles)
    y = sum(math.sin(a) for a in angles)
    if abs(x) < 1e-9 and abs(y) < 1e-9:
        return angles[0]
    return math.atan2(y, x) % (2 * math.pi)


def radial_layout(nodes: list[dict], edges: list[dict]) -> Layout:
    """Positions for ``nodes`` (API network nodes: ``id``, ``type``, ``name``)."""
    partners = sorted((n for n in nodes if n["type"] == "partner"), key=_name_key)
    clubs = sorted((n for n in nodes if n["type"] != "partner"), key=_name_key)
    outer = max(OUTER_MIN, NODE_SPACING * len(clubs) / (2 * math.pi))
    size = 2 * (outer + MARGIN)
    centre = size / 2
    inner = outer * INNER_SHARE if len(partners) > 1 else 0.0

    angles: dict[str, float] = {}
    for number, partner in enumerate(partners):
        angles[partner["id"]] = (-math.pi / 2 + 2 * math.pi * number / max(len(partners), 1)) % (
            2 * math.pi
        )

    neighbours: dict[str, list[str]] = {n["id"]: [] for n in nodes}
    for edge in edges:
        if edge["source"] in neighbours and edge["target"] in neighbours:
            neighbours[edge["source"]].append(edge["target"])
            neighbours[edge["target"]].append(edge["source"])

    wished: dict[str, float] = {}
    for club in clubs:
        mean = _circular_mean(
            [angles[other] for other in neighbours[club["id"]] if other in angles]
        )
        if mean is not None:
            wished[club["id"]] = mean
    # Clubs without partners take the mean of their placed club neighbours, in rounds.
    for _round in range(3):
        for club in clubs:
            if club["id"] in wished:
                continue
            mean = _circular_mean([wished[o] for o in neighbours[club["id"]] if o in wished])
            if mean is not None:
                wished[club["id"]] = mean
    unplaced = 2 * math.pi - 1e-6  # the rest gathers at the end of the ring
    ordered = sorted(clubs, key=lambda club: (wished.get(club["id"], unplaced), _name_key(club)))
    # Evenly spaced in that order, rotated so the first club sits at its wished angle.
    start = wished.get(ordered[0]["id"], 0.0) if ordered else 0.0
    for number, club in enumerate(ordered):
        angles[club["id"]] = (start + 2 * math.pi * number / len(ordered)) % (2 * math.pi)

    points = {}
    for node in partners:
        points[node["id"]] = _point(centre, inner, angles[node["id"]])
    for node in clubs:
        points[node["id"]] = _point(centre, outer, angles[node["id"]])
    return Layout(size=round(size, 1), points=points)


def _point(centre: float, radius: float, angle: float) -> Point:
    return Point(
        round(centre + radius * math.cos(angle), 1),
        round(centre + radius * math.sin(angle), 1),
        angle,
    )


def _name_key(node: dict):
    return (node["name"].casefold(), node["id"])
