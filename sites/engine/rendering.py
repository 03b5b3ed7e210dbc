"""The Jinja2 environment every site is rendered with, and link helpers that keep a built site
working from any sub-path and from ``file://`` (every link is relative and names its file)."""

from __future__ import annotations

import datetime
import functools
import posixpath
import zoneinfo
from collections.abc import Iterable
from pathlib import Path

import babel
import babel.dates
import jinja2
from markupsafe import Markup

from .deps import Resource
from .i18n import SOURCE_LOCALE, cldr_name, translations

ENGINE_TEMPLATES = Path(__file__).resolve().parent / "templates"
# The district's time zone: event times are shown as local wall-clock times.
TIME_ZONE = zoneinfo.ZoneInfo("Europe/Berlin")


def page_file(path: str, filename: str = "index.html") -> str:
    """Site-relative file of a page directory: "" → "index.html", "news" → "news/index.html"."""
    path = path.strip("/")
    return f"{path}/{filename}" if path else filename


@functools.lru_cache(maxsize=8192)
def relative(target_file: str, from_file: str) -> str:
    """A relative URL from one site file to another.

    The same result as ``posixpath.relpath(target, dirname(from))``, computed on the strings
    alone: ``relpath`` makes both paths absolute first, a ``getcwd()`` system call per link, and
    a page has dozens of links. Memoised: every page of a site links the same menu targets.
    """
    start = posixpath.dirname(from_file) or "."
    target = posixpath.normpath(target_file)
    start = posixpath.normpath(start)
    if (
        not target_file
        or target.startswith("/")
        or start.startswith("/")
        or ".." in (target + "/" + start).split("/")
    ):
        return posixpath.relpath(target_file, start)  # not a plain site path: the general way
    start_parts = [part for part in start.split("/") if part and part != "."]
    target_parts = [part for part in target.split("/") if part and part != "."]
    common = 0
    for a, b in zip(start_parts, target_parts, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + target_parts[common:]
    return "/".join(parts) if parts else "."


def make_environment(
    template_dirs: Iterable[Path], catalogs: Iterable[str] = (), code: str = SOURCE_LOCALE
) -> jinja2.Environment:
    """The environment for a set of template folders (theme first) in one locale, with the
    gettext catalogues of the packages ``catalogs`` merged and installed (new style: ``_()``
    and ``ngettext()`` format their ``%(name)s`` placeholders and escape). Environments are
    shared between builds; the compiled templates are shared between all environments."""
    return _environment(tuple(str(d) for d in template_dirs), tuple(catalogs), code)


class _Environment(jinja2.Environment):
    """Attribute lookups on the API's plain dicts without an exception each time.

    ``{{ data.club.name }}`` asks for an attribute first and falls back to the item; on a dict
    that is an ``AttributeError`` raised and caught per lookup. A plain dict has no attributes
    but its class's, so looking the key up first when the name is not one of them gives the
    same result as the base class, faster. The same holds for the API objects the builder
    reads (``deps.Resource``, a dict that knows the keys of its read), short of a name set on
    the instance.
    """

    def getattr(self, obj, attribute):
        names = _PLAIN_ATTRIBUTES.get(type(obj))
        if (
            names is not None
            and attribute not in names
            and (type(obj) is dict or attribute not in vars(obj))
        ):
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


# The dict types whose attributes are their class's: plain dicts and API objects.
_PLAIN_ATTRIBUTES = {cls: frozenset(dir(cls)) for cls in (dict, Resource)}


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates shared by every environment of the process: sites whose plugin sets
    differ get environments of their own, but each template is compiled once."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecodeCache()


@functools.lru_cache(maxsize=512)
def _environment(
    template_dirs: tuple[str, ...], catalogs: tuple[str, ...], code: str
) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(d) for d in [*template_dirs, str(ENGINE_TEMPLATES)]]
        ),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        # Templates ship with the code: no stat() of every template file on every lookup
        # (``extends``/``include``/``import`` included). A deploy restarts the process.
        auto_reload=False,
        bytecode_cache=_BYTECODE,
        cache_size=-1,
    )
    env.filters["richtext"] = richtext
    env.filters["date"] = format_date
    env.filters["datetime"] = format_datetime
    env.filters["time"] = format_time
    env.tests["upcoming"] = is_upcoming
    env.filters["weekday"] = format_weekday
    env.install_gettext_translations(translations(catalogs, code), newstyle=True)
    return env


def precompile(template_dirs: Iterable[Path]) -> int:
    """Compile every template of ``template_dirs`` (and the engine's) into the process's
    shared bytecode cache, each under its own file name as the builds will look it up; for a
    long-running process (the task worker) before its first build, which would otherwise
    compile them in the middle of a publish. Returns how many were compiled; a template that
    does not compile is left for the build to report."""
    compiled = 0
    for folder in dict.fromkeys([*(str(d) for d in template_dirs), str(ENGINE_TEMPLATES)]):
        if not Path(folder).is_dir():
            continue
        env = _environment((folder,), (), SOURCE_LOCALE)
        compiled += load_templates(env, jinja2.FileSystemLoader(folder).list_templates())
    return compiled


def load_templates(env: jinja2.Environment, names: Iterable[str] | None = None) -> int:
    """The templates ``names`` (default: every template of ``env``) loaded into its cache,
    compiled on the way where the shared bytecode cache does not hold them yet. For a
    long-running process before its first build: each locale has its own environment, and
    the first build after a start loaded each template in each of them (with 13 locales, part
    of the 0.27 s that a worker's first portal build took longer than the next one). Returns
    how many were loaded; one that does not compile is left for the build to report."""
    loaded = 0
    for name in env.list_templates() if names is None else names:
        try:
            env.get_template(name)
        except jinja2.TemplateError:
            continue
        loaded += 1
    return loaded


def is_upcoming(value) -> bool:
    """``{% if item.start is upcoming %}``: an ISO date (or datetime) after today, as a site
    built today sees it ("ab 16. Januar" rather than "seit")."""
    if not value:
        return False
    value = _parse(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value > datetime.date.today()


def _parse(value):
    if isinstance(value, str):
        value = value.replace("Z", "+00:00")
        return (
            datetime.datetime.fromisoformat(value)
            if "T" in value
            else datetime.date.fromisoformat(value)
        )
    return value


def _memoised(function):
    """Formatting is pure in (value, format, locale) and the same dates recur on many pages
    (lists, calendar, event pages, home section): each is formatted once per process."""
    cached = functools.lru_cache(maxsize=4096)(function)

    @jinja2.pass_context
    @functools.wraps(function)
    def call(context, value, format: str | None = None) -> str:
        if not value and value != 0:
            return ""
        code = cldr_name(context["locale"].code)
        try:
            return cached(value, format, code)
        except TypeError:  # an unhashable value
            return function(value, format, code)

    return call


def _format_date(value, format, code) -> str:
    """A date in the page's locale (``24. November 2026``, ``24 Kasım 2026``, …)."""
    value = _parse(value)
    if isinstance(value, datetime.datetime):
        value = value.astimezone(TIME_ZONE).date()
    return babel.dates.format_date(value, format=format or "long", locale=code)


def _format_datetime(value, format, code) -> str:
    value = _parse(value).astimezone(TIME_ZONE)
    return babel.dates.format_datetime(
        value, format=format or "medium", tzinfo=TIME_ZONE, locale=code
    )


def _format_time(value, format, code) -> str:
    if isinstance(value, str) and "T" not in value:
        value = datetime.time.fromisoformat(value)
        return babel.dates.format_time(value, format=format or "short", locale=code)
    value = _parse(value).astimezone(TIME_ZONE)
    return babel.dates.format_time(value, format=format or "short", tzinfo=TIME_ZONE, locale=code)


def _format_weekday(value, format, code) -> str:
    """A weekday (0 Monday … 6 Sunday) by its CLDR name in the locale."""
    return babel.Locale.parse(cldr_name(code)).days["stand-alone"][format or "wide"][int(value)]


format_date = _memoised(_format_date)
format_datetime = _memoised(_format_datetime)
format_time = _memoised(_format_time)
format_weekday = _memoised(_format_weekday)


def richtext(html: str | None) -> Markup:
    """Rich text arrives from the API as HTML that Wagtail's editor already restricted to its
    allowed elements; it is inserted as markup, everything else is escaped."""
    return Markup(html or "")
