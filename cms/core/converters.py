"""The ``<id:…>`` path converter: a database id, at most 18 digits. A longer number cannot be
an id, and passing it on overflows SQLite's 64-bit integers (a 500 found by the fuzz run); it
does not match, so the request ends in a 404 like any unknown id."""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(IdConverter, "id")
