"""The database rule behind "no double booking": an exclusion constraint on PostgreSQL.

``NoOverlapConstraint`` is PostgreSQL's ``EXCLUDE USING gist (room_id WITH =,
tstzrange(start, "end") WITH &&) WHERE (status = 'confirmed')``. On other databases (SQLite in
development and tests) it produces no SQL at all, so one migration and one model state serve
both and ``makemigrations --check`` stays clean; there the rule holds through the serialized
transactions of :mod:`cms.rooms.services`.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Func


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def _is_postgres(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


class NoOverlapConstraint(ExclusionConstraint):
    """Confirmed bookings of one room never overlap (half-open ranges: back to back is fine)."""

    def __init__(self, *, name, room="room", start="start", end="end", condition=None):
        self.room_field, self.start_field, self.end_field = room, start, end
        super().__init__(
            name=name,
            expressions=[
                (TsTzRange(start, end, RangeBoundary()), RangeOperators.OVERLAPS),
                (room, RangeOperators.EQUAL),
            ],
            condition=condition,
        )

    def constraint_sql(self, model, schema_editor):
        return super().constraint_sql(model, schema_editor) if _is_postgres(schema_editor) else None

    def create_sql(self, model, schema_editor):
        return super().create_sql(model, schema_editor) if _is_postgres(schema_editor) else None

    def remove_sql(self, model, schema_editor):
        return super().remove_sql(model, schema_editor) if _is_postgres(schema_editor) else None

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        # Model validation asks the database; only PostgreSQL knows ranges. The booking
        # services check overlaps themselves (under a lock) with their own message.
        if connections[using].vendor == "postgresql":
            super().validate(model, instance, exclude=exclude, using=using)

    def deconstruct(self):
        path = f"{self.__class__.__module__}.{self.__class__.__qualname__}"
        kwargs = {"name": self.name}
        for key, value, default in (
            ("room", self.room_field, "room"),
            ("start", self.start_field, "start"),
            ("end", self.end_field, "end"),
        ):
            if value != default:
                kwargs[key] = value
        if self.condition is not None:
            kwargs["condition"] = self.condition
        return path, (), kwargs

    def __eq__(self, other):
        if isinstance(other, NoOverlapConstraint):
            return self.deconstruct() == other.deconstruct()
        return super().__eq__(other)
