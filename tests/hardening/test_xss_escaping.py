"""The XSS corpus on a built club homepage, checked in the HTML itself (the browser test in
tests/browser/test_xss.py checks that nothing runs): no payload survives as markup."""

from html.parser import HTMLParser

import pytest

from .xss import hostile_club

pytestmark = pytest.mark.django_db

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"}
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class LiveMarkup(HTMLParser):
    """Collects what a browser would run: event-handler attributes, script URLs, inline frames
    and scripts (data blocks such as JSON-LD excepted)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            elif name in URL_ATTRIBUTES and value.startswith(("javascript:", "data:text/html")):
                self.found.append(f"<{tag} {name}={value[:30]}>")
            elif name == "srcdoc":
                self.found.append(f"<{tag} srcdoc>")
        if tag in {"iframe", "object", "embed"}:
            self.found.append(f"<{tag}>")
        if tag == "script":
            kind = dict(attrs).get("type", "") or ""
            self.in_script = kind not in DATA_SCRIPT_TYPES and "src" not in dict(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "__xss" in data:
            self.found.append("<script>…__xss")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


def test_no_payload_survives_as_markup(build_club_site, build_portal_site):
    club, _content = hostile_club()
    root = build_club_site(club)
    portal = build_portal_site()
    pages = sorted(root.rglob("*.html"))
    assert len(pages) >= 8
    shown = 0
    for path in [*pages, *sorted(portal.rglob("*.html"))]:
        html = path.read_text()
        assert live_markup(html) == [], path
        shown += html.count("&lt;script&gt;window.__xss")
    assert shown > 0  # the payloads are there, as text


def test_the_rich_text_editor_format_keeps_payloads_as_text():
    from cms.clubs.blocks import RICH_TEXT_FEATURES

    from .xss import rich_text

    stored = rich_text(RICH_TEXT_FEATURES)
    assert live_markup(stored) == []
    assert "&lt;script&gt;" in stored
