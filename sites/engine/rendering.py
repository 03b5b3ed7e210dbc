"""The Jinja2 environment every site is rendered with, and link helpers that keep a built site
working from any sub-path and from ``file://`` (every link is relative and names its file)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path

import jinja2
from markupsafe import Markup

ENGINE_TEMPLATES = Path(__file__).resolve().parent / "templates"


def page_file(path: str, filename: str = "index.html") -> str:
    """Site-relative file of a page directory: "" → "index.html", "news" → "news/index.html"."""
    path = path.strip("/")
    return f"{path}/{filename}" if path else filename


def relative(target_file: str, from_file: str) -> str:
    """A relative URL from one site file to another."""
    start = posixpath.dirname(from_file) or "."
    return posixpath.relpath(target_file, start)


def make_environment(template_dirs: Iterable[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(d)) for d in [*template_dirs, ENGINE_TEMPLATES]]
        ),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["richtext"] = richtext
    return env


def richtext(html: str | None) -> Markup:
    """Rich text arrives from the API as HTML that Wagtail's editor already restricted to its
    allowed elements; it is inserted as markup, everything else is escaped."""
    return Markup(html or "")
