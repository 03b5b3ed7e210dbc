"""The external tools of the browser tests: Debian's Chromium driven by Playwright, axe-core,
the Nu HTML Checker, and a small static server for built sites.

A tool that is missing makes its tests skip with the reason on a developer's machine, and fail
under ``CI=true``, where a skipped quality bar would pass unnoticed.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

HERE = Path(__file__).resolve().parent
INSTALL_VNU = "npm ci --prefix tests/browser --ignore-scripts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VNU_JAR = Path(
    os.environ.get("VNU_JAR", HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
)
# The checker needs a larger thread stack than the default; a short-lived run starts several
# times faster without the optimising compiler and with one garbage collector thread.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
# Language detection only ever gives warnings, which are not reported.
VNU_OPTIONS = ["--errors-only", "--no-langdetect", "--format", "json", "--stdout"]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"true", "1", "yes"}


def missing(reason: str):
    """Skip the test for a missing tool, or fail it on CI."""
    if on_ci():
        pytest.fail(f"{reason} (required under CI=true)", pytrace=False)
    pytest.skip(reason)


# --- Nu HTML Checker ---------------------------------------------------------------------


@dataclass(frozen=True)
class VnuMessage:
    file: str
    line: int | None
    column: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.line, self.column) if part)
        extract = " ".join(self.extract.split())
        return f"{where}: {self.message}" + (f"\n        {extract}" if extract else "")


class Vnu:
    """The Nu HTML Checker (``vnu.jar`` from npm) on the installed Java."""

    def __init__(self, java: str, jar: Path):
        self.java = java
        self.jar = jar

    @classmethod
    def find(cls) -> Vnu | str:
        """The checker, or why it cannot run."""
        java = shutil.which("java")
        if java is None:
            return "Java is not installed (apt-get install openjdk-17-jre-headless)"
        if not VNU_JAR.is_file():
            return f"the Nu HTML Checker is not installed ({INSTALL_VNU})"
        return cls(java, VNU_JAR)

    def errors(self, files: Iterable[Path], root: Path | None = None) -> list[VnuMessage]:
        """Check the files in one run of the checker; return its errors (warnings are left
        out), with file names relative to ``root``."""
        files = [Path(f).resolve() for f in files]
        if not files:
            return []
        result = subprocess.run(
            [self.java, *JAVA_OPTIONS, "-jar", str(self.jar), *VNU_OPTIONS]
            + [str(f) for f in files],
            capture_output=True,
            text=True,
            timeout=300,
        )
        try:
            messages = json.loads(result.stdout)["messages"]
        except (json.JSONDecodeError, KeyError) as exc:
            raise RuntimeError(
                f"The Nu HTML Checker gave no JSON (exit {result.returncode}): "
                f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
            ) from exc
        base = (root or Path.cwd()).resolve()
        return [
            VnuMessage(
                file=_relative(Path(unquote(urlsplit(item.get("url", "")).path)), base),
                line=item.get("lastLine"),
                column=item.get("firstColumn") or item.get("lastColumn"),
                message=item.get("message", ""),
                extract=item.get("extract", ""),
            )
            for item in messages
            if item.get("type") in {"error", "non-document-error"}
        ]


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return str(path)


# --- axe-core ----------------------------------------------------------------------------


def axe_violations(page, tags: list[str] = WCAG_21_AA) -> list[dict]:
    """Run axe-core (as bundled by axe-playwright-python) on the loaded page."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe_violations(violations: list[dict], limit: int = 5) -> str:
    """axe's violations as a readable list: rule, impact, help, and the first offenders."""
    lines = []
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl'].split('?')[0]})"
        )
        for node in violation["nodes"][:limit]:
            target = " ".join(str(t) for t in node["target"])
            html = " ".join(node["html"].split())[:200]
            lines.append(f"      at {target}: {html}")
            summary = node.get("failureSummary") or ""
            for detail in summary.splitlines()[1:3]:
                lines.append(f"         {detail.strip()}")
        if len(violation["nodes"]) > limit:
            lines.append(f"      … and {len(violation['nodes']) - limit} more")
    return "\n".join(lines)


# --- Chromium through Playwright, in a thread of its own ---------------------------------


class BrowserThread:
    """Runs every Playwright call in one worker thread.

    Playwright's sync API marks the thread it runs in as running an asyncio loop, and Django
    then refuses ORM calls in that thread ("You cannot call this from an async context"). In a
    thread of its own, a session-long browser leaves the tests' database access alone.
    """

    def __init__(self):
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="playwright")

    def call(self, function: Callable, *args, **kwargs) -> Any:
        """``function(*args, **kwargs)`` in the browser thread; Playwright objects in the
        arguments and the result are unwrapped and wrapped."""
        if threading.current_thread().name.startswith("playwright"):
            return function(*args, **kwargs)
        future = self._executor.submit(
            lambda: self.wrap(function(*_unwrap(args), **_unwrap(kwargs)))
        )
        return future.result()

    def wrap(self, value: Any) -> Any:
        if type(value).__module__.startswith("playwright."):
            return Remote(value, self)
        if isinstance(value, list):
            return [self.wrap(item) for item in value]
        return value

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)


class Remote:
    """A Playwright object living in the browser thread, usable from the test's thread like the
    object itself. Callbacks given to it (``page.on``, ``page.route``) run in the browser
    thread and receive plain Playwright objects."""

    __slots__ = ("_target", "_thread")

    def __init__(self, target: Any, thread: BrowserThread):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_thread", thread)

    def __getattr__(self, name: str) -> Any:
        value = self._thread.call(getattr, self._target, name)
        if callable(value) and not isinstance(value, Remote):
            return functools.partial(self._thread.call, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        self._thread.call(setattr, self._target, name, value)

    def __enter__(self):
        return self._thread.call(self._target.__enter__)

    def __exit__(self, *exc_info):
        return self._thread.call(self._target.__exit__, *exc_info)

    def __repr__(self) -> str:
        return f"<in browser thread: {self._target!r}>"


def _unwrap(value: Any) -> Any:
    if isinstance(value, Remote):
        return value._target
    if isinstance(value, (list, tuple)):
        return type(value)(_unwrap(item) for item in value)
    if isinstance(value, dict):
        return {key: _unwrap(item) for key, item in value.items()}
    return value


@dataclass
class Chromium:
    """Debian's Chromium, headless, launched once; ``browser`` is a Playwright ``Browser``
    usable from any test."""

    thread: BrowserThread
    playwright: Any
    browser: Any

    @classmethod
    def find(cls) -> str | None:
        """Why Chromium cannot run here, or None."""
        try:
            import axe_playwright_python  # noqa: F401
            import playwright  # noqa: F401
        except ImportError as exc:
            return f"{exc.name} is not installed (pip install -e '.[test]')"
        if not os.access(CHROMIUM, os.X_OK):
            return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        return None

    @classmethod
    def launch(cls) -> Chromium:
        from playwright.sync_api import sync_playwright

        args = ["--disable-gpu", "--disable-dev-shm-usage"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        thread = BrowserThread()
        playwright = thread.call(lambda: sync_playwright().start())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        return cls(thread, playwright, browser)

    def close(self) -> None:
        try:
            self.browser.close()
            self.playwright.stop()
        finally:
            self.thread.shutdown()


@contextmanager
def new_page(browser, **context_options):
    """A page in a fresh browser context (own cookies, storage and viewport), closed after."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


# --- Serving built sites -----------------------------------------------------------------


class SiteServer:
    """Serves built sites from ``<root>/vereine/<slug>/current`` at ``/vereine/<slug>/``, as
    the running CMS does, on a free port of 127.0.0.1."""

    def __init__(self, root: Path):
        self.root = Path(root)
        handler = functools.partial(_SiteHandler, directory=str(self.root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, slug: str, path: str = "") -> str:
        return f"{self.origin}/vereine/{slug}/{path}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _SiteHandler(SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        parts = urlsplit(path).path.split("/", 3)  # "", "vereine", slug, rest
        if len(parts) >= 3 and parts[1] == "vereine" and parts[2]:
            path = f"/vereine/{parts[2]}/current/{parts[3] if len(parts) > 3 else ''}"
        return super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


class PortalServer(SiteServer):
    """Serves the built portal (``<root>/portal/current``) at ``/``, as the CMS does."""

    def __init__(self, root: Path):
        super().__init__(Path(root) / "portal" / "current")

    def url(self, path: str = "") -> str:  # type: ignore[override]
        return f"{self.origin}/{path}"
