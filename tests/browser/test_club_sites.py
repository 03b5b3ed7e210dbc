"""The quality bars of the club homepages (issue 4), on one rich club per theme, in German and
Arabic: valid HTML, no axe-core violations at WCAG 2.1 AA, Arabic right to left without
sideways scrolling on a phone, no request to another host, and a skip link that comes first."""

import pytest

from .tools import axe_violations, describe_violations, new_page

# The sites are built in a session fixture; the marker makes pytest-django set up the test
# database for it.
pytestmark = pytest.mark.django_db

LOCALES = ["de", "ar"]
PHONE = {"width": 375, "height": 812}

# Everything that makes the browser fetch something, with the attributes holding the URLs.
FOREIGN_RESOURCES = """() => {
  const selector = 'link[href]:not([rel~="alternate"]):not([rel~="canonical"]), script[src],'
    + ' img, source, iframe[src], video, audio, embed[src], object[data], image, use, track[src]';
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    for (const name of ['href', 'src', 'srcset', 'poster', 'data', 'xlink:href']) {
      const value = element.getAttribute(name);
      if (!value) continue;
      for (const candidate of value.split(',')) {
        const url = new URL(candidate.trim().split(/\\s+/)[0], document.baseURI);
        if (url.origin !== location.origin && url.protocol !== 'data:') {
          found.push(`<${element.tagName.toLowerCase()} ${name}="${url.href}">`);
        }
      }
    }
  }
  return found;
}"""

LOAD_EVERYTHING = """async () => {
  for (const image of document.querySelectorAll('img[loading="lazy"]')) image.loading = 'eager';
  window.scrollTo(0, document.documentElement.scrollHeight);
  await Promise.all(Array.from(document.images, (image) => image.complete ? null
    : new Promise((resolve) => { image.onload = image.onerror = resolve; })));
}"""

LAYOUT = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const sticking_out = [];
  const clipped = (element) => {
    for (let parent = element.parentElement; parent && parent !== document.body;
         parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1) && !clipped(element)) {
      const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
        + (element.classList.length ? '.' + [...element.classList].join('.') : '');
      sticking_out.push(`${name} (${Math.round(box.left)}…${Math.round(box.right)} px)`);
    }
  }
  return {
    dir: root.getAttribute('dir'), lang: root.getAttribute('lang'),
    scrollWidth: document.scrollingElement.scrollWidth,
    clientWidth: document.scrollingElement.clientWidth,
    stickingOut: sticking_out.slice(0, 8),
  };
}"""

FOCUSED = """() => {
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  const href = element.getAttribute('href') || '';
  const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
  return {
    element: element.outerHTML.slice(0, 120),
    tag: element.tagName.toLowerCase(),
    targetsMain: target !== null && target.tagName === 'MAIN',
    visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
      && box.right <= window.innerWidth && box.bottom <= window.innerHeight,
  };
}"""


def report(title: str, problems: dict[str, str]) -> str:
    lines = [f"{title} on {len(problems)} page(s):"]
    for file, problem in problems.items():
        lines.append(f"- {file}:\n{problem}")
    return "\n".join(lines)


def test_every_plugin_renders_in_both_locales(built_demo_club):
    assert not built_demo_club.errors, f"plugins failed to render: {built_demo_club.errors}"
    for locale in LOCALES:
        home = built_demo_club.root / locale / "index.html"
        assert f"static/{built_demo_club.theme}/" in home.read_text(), "built in another theme"


def test_every_page_is_valid_html(vnu, built_demo_club):
    site = built_demo_club
    files = site.html_files()
    errors = vnu.errors([site.root / file for file in files], root=site.root)
    if errors:
        pytest.fail(
            f"The Nu HTML Checker found {len(errors)} error(s) in the {site.theme} site:\n"
            + "\n".join(f"  {error}" for error in errors),
            pytrace=False,
        )


@pytest.mark.parametrize("locale", LOCALES)
def test_no_axe_violations_at_wcag_21_aa(chromium_browser, built_demo_club, site_server, locale):
    site = built_demo_club
    problems = {}
    with new_page(chromium_browser) as page:
        for file in site.html_files(locale):
            page.goto(site_server.url(site.slug, file))
            violations = axe_violations(page)
            if violations:
                problems[file] = describe_violations(violations)
    if problems:
        pytest.fail(
            report(f"axe-core violations (WCAG 2.1 AA, {site.theme})", problems), pytrace=False
        )


def test_arabic_pages_are_rtl_and_fit_a_phone(chromium_browser, built_demo_club, site_server):
    site = built_demo_club
    problems = {}
    with new_page(chromium_browser, viewport=PHONE) as page:
        for file in site.html_files("ar"):
            page.goto(site_server.url(site.slug, file))
            layout = page.evaluate(LAYOUT)
            found = []
            if (layout["dir"], layout["lang"]) != ("rtl", "ar"):
                found.append(f'  <html lang="{layout["lang"]}" dir="{layout["dir"]}">')
            if layout["scrollWidth"] > layout["clientWidth"]:
                found.append(
                    f"  scrolls sideways: {layout['scrollWidth']} px wide at "
                    f"{layout['clientWidth']} px; sticking out: {', '.join(layout['stickingOut'])}"
                )
            if found:
                problems[file] = "\n".join(found)
    assert site.html_files("ar"), "the site has no Arabic pages"
    if problems:
        pytest.fail(report(f"Arabic layout problems ({site.theme})", problems), pytrace=False)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_request_leaves_the_site(chromium_browser, built_demo_club, site_server, locale):
    site = built_demo_club
    current = {"file": ""}
    foreign: dict[str, list[str]] = {}
    requested: list[str] = []

    def guard(route):  # runs in the browser thread
        url = route.request.url
        requested.append(url)
        if url.startswith(f"{site_server.origin}/"):
            route.continue_()
        else:
            foreign.setdefault(current["file"], []).append(f"  request to {url}")
            route.abort()

    with new_page(chromium_browser) as page:
        page.context.route("**/*", guard)
        for file in site.html_files(locale):
            current["file"] = file
            page.goto(site_server.url(site.slug, file))
            page.evaluate(LOAD_EVERYTHING)
            for element in page.evaluate(FOREIGN_RESOURCES):
                foreign.setdefault(file, []).append(f"  loads from another host: {element}")
    assert any("/static/" in url for url in requested), "the guard saw no request at all"
    problems = {file: "\n".join(sorted(set(lines))) for file, lines in foreign.items()}
    if problems:
        pytest.fail(report(f"Requests to other hosts ({site.theme})", problems), pytrace=False)


@pytest.mark.parametrize("locale", LOCALES)
def test_skip_link_comes_first_and_focuses_main(
    chromium_browser, built_demo_club, site_server, locale
):
    site = built_demo_club
    problems = {}
    with new_page(chromium_browser) as page:
        for file in site.html_files(locale):
            page.goto(site_server.url(site.slug, file))
            page.keyboard.press("Tab")
            first = page.evaluate(FOCUSED)
            if not (first["tag"] == "a" and first["targetsMain"] and first["visible"]):
                problems[file] = (
                    f"  the first Tab stop is {first['element']} (a visible link to <main> "
                    f"expected; visible: {first['visible']})"
                )
                continue
            page.keyboard.press("Enter")
            focused = page.evaluate("() => document.activeElement.tagName.toLowerCase()")
            if focused != "main":
                problems[file] = f"  after the skip link, the focus is on <{focused}>, not <main>"
    if problems:
        pytest.fail(report(f"Skip link problems ({site.theme})", problems), pytrace=False)
