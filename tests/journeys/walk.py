"""What every journey step does besides the clicking: wait for the page, time it, run axe-core
on it, check it fits the viewport without sideways scrolling, keep a screenshot."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.tools import axe_violations, describe_violations

SHOTS = Path(os.environ.get("JOURNEY_SHOTS", "/tmp/journeys-shots"))

# Navigation Timing of the page: ``server_ms`` is how long the server took to start answering
# (responseStart − requestStart), plus the form's POST and redirect before it (redirectStart …
# redirectEnd: on loopback that is the server's work on the POST, e.g. publishing);
# ``response_ms`` adds the transfer of the page (responseEnd − requestStart, plus the
# redirect); ``loaded_ms`` is the whole wait until the load event (parsing, styles, scripts,
# images: what a busy machine stretches while the server stays fast).
TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  if (!nav) return null;
  const redirect = nav.redirectEnd > 0 ? nav.redirectEnd - nav.redirectStart : 0;
  return {server_ms: nav.responseStart - nav.requestStart + redirect,
          response_ms: nav.responseEnd - nav.requestStart + redirect,
          redirect_ms: redirect,
          loaded_ms: nav.loadEventEnd > 0 ? nav.loadEventEnd - nav.startTime : null};
}"""
# The last request whose address contains the given text (a form sent by script: the person
# waits for the API's answer, not for a new page).
REQUEST_TIMING = """(part) => {
  const entries = performance.getEntriesByType("resource").filter((e) => e.name.includes(part));
  const last = entries[entries.length - 1];
  return last ? {server_ms: last.responseStart > 0 ? last.responseStart - last.requestStart : null,
                 response_ms: last.responseEnd - last.requestStart, loaded_ms: null} : null;
}"""
OVERFLOW = """() => {
  // Sideways scrolling of the page, or content of the main area cut off at the right edge
  // (the admin scrolls inside its own containers, so the page's width alone is not enough).
  const root = document.documentElement;
  const wide = [];
  const main = document.querySelector("main") || document.body;
  // Off-canvas panels (the editor's minimap), visually hidden table heads, and content in a
  // box that scrolls sideways on its own are not cut off.
  const reachable = (el) => {
    if (el.closest(".w-minimap, [data-side-panel], table.vn-stack thead")) return true;
    for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) return true;
    }
    return false;
  };
  const kinds = "td, th, button, a, input, select, textarea, label, h1, h2, p";
  for (const el of main.querySelectorAll(kinds)) {
    const box = el.getBoundingClientRect();
    const shown = box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
    if (shown && box.right > window.innerWidth + 1 && !reachable(el)) {
      const classes = typeof el.className === "string" ? el.className.trim() : "";
      wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
                (classes ? "." + classes.split(/\\s+/).join(".") : "") +
                ` (${Math.round(box.right)} px)`);
      if (wide.length >= 5) break;
    }
  }
  return {scroll: root.scrollWidth, width: window.innerWidth, wide: wide};
}"""


# Findings in Wagtail's own widgets that this project cannot fix in its templates: the rich
# text editor (Draftail) has no accessible name, the tag field's jQuery autocomplete input no
# label. (axe rule, a class of the offending element); every other finding fails the journey.
WAGTAIL_KNOWN = {
    ("aria-input-field-name", "public-DraftEditor-content"),
    ("label", "ui-autocomplete-input"),
}


def own_violations(violations: list[dict]) -> list[dict]:
    """axe's violations without the known ones in Wagtail's own widgets."""
    kept = []
    for violation in violations:
        nodes = [
            node
            for node in violation["nodes"]
            if not any(
                violation["id"] == rule and marker in node["html"] for rule, marker in WAGTAIL_KNOWN
            )
        ]
        if nodes:
            kept.append({**violation, "nodes": nodes})
    return kept


# Each page a person waits for answers in under a second (issue 17): recorded, not asserted.
SLOW_MS = 1000


@dataclass
class Report:
    rows: list[dict] = field(default_factory=list)

    def add(
        self,
        journey: str,
        viewport: str,
        step: str,
        url: str,
        timing: dict | None,
        kind: str = "page",
    ):
        self.rows.append(
            {
                "journey": journey,
                "viewport": viewport,
                "step": step,
                "kind": kind,
                "url": url,
                **(timing or {}),
            }
        )

    @staticmethod
    def total(row: dict) -> float | None:
        """What the person waited in all: until the load event, for a request its answer."""
        return row.get("loaded_ms") if row.get("loaded_ms") is not None else row.get("response_ms")

    def slow(self) -> dict[str, list[dict]]:
        """The steps over ``SLOW_MS``: by the server's time, and those slow only in total (the
        browser's side: a busy machine, not the server)."""
        server = [row for row in self.rows if (row.get("server_ms") or 0) >= SLOW_MS]
        total_only = [
            row for row in self.rows if row not in server and (self.total(row) or 0) >= SLOW_MS
        ]
        return {"server": server, "total_only": total_only}

    def as_json(self) -> dict:
        slow = self.slow()

        def brief(row: dict) -> dict:
            keys = ("journey", "viewport", "step", "url", "server_ms", "loaded_ms")
            return {key: row.get(key) for key in keys}

        return {
            "threshold_ms": SLOW_MS,
            "over_threshold": {
                "server": [brief(row) for row in slow["server"]],
                "total_only": [brief(row) for row in slow["total_only"]],
            },
            "pages": self.rows,
        }

    def summary(self) -> str:
        def ms(value) -> str:
            return f"{value:7.0f} ms" if value is not None else "      – ms"

        lines = ["   Server     Gesamt  Schritt"]
        for row in self.rows:
            flag = "  > 1 s" if (row.get("server_ms") or 0) >= SLOW_MS else ""
            lines.append(
                f"{ms(row.get('server_ms'))} {ms(self.total(row))}  "
                f"{row['journey']}/{row['viewport']}: {row['step']}"
                + (" (Anfrage)" if row.get("kind") == "request" else "")
                + flag
            )
        slow = self.slow()
        lines.append(
            f"Über {SLOW_MS / 1000:g} s beim Server: "
            + (", ".join(self.label(row) for row in slow["server"]) or "keine")
        )
        lines.append(
            f"Über {SLOW_MS / 1000:g} s nur gesamt (Browser, ausgelastete Maschine): "
            + (", ".join(self.label(row) for row in slow["total_only"]) or "keine")
        )
        return "\n".join(lines)

    @staticmethod
    def label(row: dict) -> str:
        return f"{row['journey']}/{row['viewport']}: {row['step']}"


class Walk:
    """One person's journey in one browser page at one viewport."""

    def __init__(self, page, *, journey: str, viewport: str, report: Report, origin: str):
        self.page = page
        self.journey = journey
        self.viewport = viewport
        self.report = report
        self.origin = origin.rstrip("/")
        self.problems: list[str] = []
        self.step_number = 0

    def shot_path(self, step: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        return SHOTS / f"{self.journey}-{self.viewport}-{self.step_number:02d}-{name}.png"

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"

    def goto(self, path: str, step: str):
        self.page.goto(self.url(path))
        return self.arrived(step)

    def waited(self, step: str, address_part: str):
        """After a form sent by script: record how long its request took (Resource Timing)."""
        timing = self.page.evaluate(REQUEST_TIMING, address_part)
        self.report.add(self.journey, self.viewport, step, self.page.url, timing, kind="request")

    def opened_file(self, step: str, link, address_part: str) -> bytes:
        """Click ``link`` to a file the browser shows itself (a PDF) and wait for all of it;
        recorded as a request with the times of its response (Chromium's PDF viewer stands in
        for the page, so the file's bytes are read once more with the same cookies)."""
        started = time.perf_counter()
        with self.page.expect_response(lambda response: address_part in response.url) as info:
            link.click()
        response = info.value
        response.finished()
        timing = response.request.timing
        waited = {
            "server_ms": timing["responseStart"] - timing["requestStart"],
            "response_ms": (time.perf_counter() - started) * 1000,
        }
        self.report.add(self.journey, self.viewport, step, response.url, waited, kind="request")
        assert response.ok, f"{step}: {response.status}"
        return self.page.context.request.get(response.url).body()

    def arrived(self, step: str, *, fits: bool = True, axe: bool = True, timed: bool = True):
        """After a navigation: record the time, keep a screenshot, run axe, check the width.
        ``timed=False`` checks a page changed in place (nothing new to time)."""
        self.page.wait_for_load_state("load")
        # Messages fade in: axe must see them as they stay, not half-transparent.
        self.page.evaluate(
            "() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))"
        )
        self.step_number += 1
        if timed:
            self.report.add(
                self.journey, self.viewport, step, self.page.url, self.page.evaluate(TIMING)
            )
        self.page.screenshot(path=str(self.shot_path(step)), full_page=True)
        content = self.page.content()
        assert "CSRF" not in self.page.title(), f"{step}: {self.page.title()}"
        assert "Server Error" not in content[:2000], f"{step}: server error"
        if axe:
            violations = own_violations(axe_violations(self.page))
            if violations:
                self.problems.append(
                    f"{step} ({self.page.url}):\n{describe_violations(violations)}"
                )
        if fits:
            width = self.page.evaluate(OVERFLOW)
            if width["scroll"] > width["width"] + 1 or width["wide"]:
                self.problems.append(
                    f"{step} ({self.page.url}): scrolls sideways, {width['scroll']} px in "
                    f"{width['width']} px; too wide: {', '.join(width['wide'])}"
                )
        return self.page

    def assert_clean(self):
        assert not self.problems, "\n".join(self.problems)

    def login(self, email: str, password: str):
        self.goto("/admin/login/", "Anmeldung")
        page = self.page
        assert page.get_by_role("heading", name="Bei Vereinsnetz anmelden").is_visible()
        page.get_by_label("E-Mail-Adresse").fill(email)
        page.get_by_label("Passwort").fill(password)
        page.get_by_role("button", name="Anmelden").click()
        page.wait_for_url(self.url("/admin/"))
        self.arrived("Dashboard")

    def logout(self):
        self.page.context.clear_cookies()

    def publish(self, step: str):
        """The page editor's footer: open the menu of more actions, then *Veröffentlichen*."""
        page = self.page
        page.locator(
            "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
        ).first.click()
        # Wait for the page the form's POST leads to: checking the editor still on screen
        # and then moving on could cancel the publishing before the browser sent it.
        with page.expect_navigation():
            page.get_by_role("button", name="Veröffentlichen").click()
        return self.arrived(step)
