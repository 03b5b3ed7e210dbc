"""The agency's rooms: the Café International and two rooms of the Dachverband."""

from dataclasses import asdict

from cms.rooms.models import Room
from cms.taxonomy.models import Municipality

from .. import data


def ensure_rooms(context) -> None:
    for seed in data.ROOMS:
        fields = asdict(seed)
        fields["municipality"] = Municipality.objects.get(name=seed.municipality)
        room, created = Room.objects.get_or_create(name=fields.pop("name"), defaults=fields)
        context.created["Räume"] += created
        context.rooms[room.name] = room
