"""The Jinja2 environment every site is rendered with, and link helpers that keep a built site
working from any sub-path and from ``file://`` (every link is relative and names its file)."""

from __future__ import annotations

import datetime
import functools
import posixpath
import zoneinfo
from collections.abc import Iterable
from pathlib import Path

import babel.dates
import jinja2
from markupsafe import Markup

ENGINE_TEMPLATES = Path(__file__).resolve().parent / "templates"
# The district's time zone: event times are shown as local wall-clock times.
TIME_ZONE = zoneinfo.ZoneInfo("Europe/Berlin")


def page_file(path: str, filename: str = "index.html") -> str:
    """Site-relative file of a page directory: "" → "index.html", "news" → "news/index.html"."""
    path = path.strip("/")
    return f"{path}/{filename}" if path else filename


def relative(target_file: str, from_file: str) -> str:
    """A relative URL from one site file to another."""
    start = posixpath.dirname(from_file) or "."
    return posixpath.relpath(target_file, start)


def make_environment(template_dirs: Iterable[Path]) -> jinja2.Environment:
    """The environment for a set of template folders (theme first). Environments are shared
    between builds, so each template is compiled once per process, not once per site."""
    return _environment(tuple(str(d) for d in template_dirs))


@functools.lru_cache(maxsize=32)
def _environment(template_dirs: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(d) for d in [*template_dirs, str(ENGINE_TEMPLATES)]]
        ),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["richtext"] = richtext
    env.filters["date"] = format_date
    env.filters["datetime"] = format_datetime
    env.filters["time"] = format_time
    return env


def _parse(value):
    if isinstance(value, str):
        value = value.replace("Z", "+00:00")
        return (
            datetime.datetime.fromisoformat(value)
            if "T" in value
            else datetime.date.fromisoformat(value)
        )
    return value


@jinja2.pass_context
def format_date(context, value, format: str = "long") -> str:
    """A date in the page's locale (``24. November 2026``, ``24 Kasım 2026``, …)."""
    if not value:
        return ""
    value = _parse(value)
    if isinstance(value, datetime.datetime):
        value = value.astimezone(TIME_ZONE).date()
    return babel.dates.format_date(value, format=format, locale=context["locale"].code)


@jinja2.pass_context
def format_datetime(context, value, format: str = "medium") -> str:
    if not value:
        return ""
    value = _parse(value).astimezone(TIME_ZONE)
    return babel.dates.format_datetime(
        value, format=format, tzinfo=TIME_ZONE, locale=context["locale"].code
    )


@jinja2.pass_context
def format_time(context, value, format: str = "short") -> str:
    if not value:
        return ""
    if isinstance(value, str) and "T" not in value:
        value = datetime.time.fromisoformat(value)
        return babel.dates.format_time(value, format=format, locale=context["locale"].code)
    value = _parse(value).astimezone(TIME_ZONE)
    return babel.dates.format_time(
        value, format=format, tzinfo=TIME_ZONE, locale=context["locale"].code
    )


def richtext(html: str | None) -> Markup:
    """Rich text arrives from the API as HTML that Wagtail's editor already restricted to its
    allowed elements; it is inserted as markup, everything else is escaped."""
    return Markup(html or "")
