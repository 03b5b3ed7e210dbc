import os
import textwrap
from pathlib import Path

import pytest

from plugins.theme_default import plugin as theme
from sites.engine import plugins as registry_module
from sites.engine.builder import OutputFile, SiteDirectory
from sites.engine.site import Locale, Site, render_site
from tests.sites.sample_plugin import broken, home
from tests.sites.sample_plugin import plugin as sample

PNG = b"\x89PNG\r\n\x1a\n-fake-image-bytes"


def make_site(items, plugins=(home, sample), locales=("de",), downloads=None):
    langs = {"de": Locale("de", "Deutsch"), "ar": Locale("ar", "العربية", "rtl")}

    def download(url):
        downloads.append(url) if downloads is not None else None
        return PNG + url.encode()

    return Site(
        kind="club",
        name="beispiel",
        title="Beispielverein <e. V.>",
        locales=[langs[c] for c in locales],
        data={c: {"items": items} for c in locales},
        theme=theme,
        plugins=list(plugins),
        base_url="https://beispiel.example",
        download=download,
    )


ITEMS = [
    {"slug": "eins", "title": "Eins", "body": "<p>Erster</p>", "image": "/media/a.png"},
    {"slug": "zwei", "title": "Zwei", "body": "<p>Zweiter</p>", "image": None},
]


def build(tmp_path, site):
    directory = SiteDirectory(tmp_path, site.name)
    previous = directory.manifest()

    def read_previous(path):
        live = directory.live_release()
        file = live / path if live else None
        return file.read_bytes() if file and file.is_file() else None

    files, assets = render_site(site, previous["meta"].get("assets", {}), read_previous)
    return directory, directory.write(files, meta={"assets": assets})


def test_builds_pages_with_relative_links_and_escaping(tmp_path):
    directory, report = build(tmp_path, make_site(ITEMS))
    root = directory.current
    assert {"index.html", "404.html", "robots.txt", "sitemap.xml", "de/index.html"} <= {
        str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()
    }
    detail = (root / "de/sample/eins/index.html").read_text()
    assert 'lang="de" dir="ltr"' in detail
    assert "Beispielverein &lt;e. V.&gt;" in detail  # autoescaped
    assert "<p>Erster</p>" in detail  # rich text kept
    assert 'href="../../../static/theme_default/site.css"' in detail
    assert 'src="../../../_media/' in detail
    assert (
        "https://beispiel.example/de/sample/zwei/index.html" in (root / "sitemap.xml").read_text()
    )
    assert report.written and not report.reused


def test_rtl_locale_gets_dir_rtl_and_translated_strings(tmp_path):
    directory, _ = build(tmp_path, make_site(ITEMS, locales=("de", "ar")))
    page = (directory.current / "ar/sample/index.html").read_text()
    assert 'lang="ar" dir="rtl"' in page
    assert "أمثلة" in page
    assert 'hreflang="de"' in page  # language switcher to the same page


def test_incremental_rebuild_rewrites_only_changed_files(tmp_path):
    downloads = []
    directory, first = build(tmp_path, make_site(ITEMS, downloads=downloads))
    assert downloads == ["/media/a.png"]
    changed = [dict(ITEMS[0]), dict(ITEMS[1], body="<p>Geändert</p>")]
    _, second = build(tmp_path, make_site(changed, downloads=downloads))
    assert second.written == ["de/sample/zwei/index.html"]
    assert downloads == ["/media/a.png"]  # the image came from the previous release
    assert second.files == first.files
    assert "Geändert" in (directory.current / "de/sample/zwei/index.html").read_text()


def test_files_another_site_wrote_are_linked_not_written_again(tmp_path):
    """A static file or picture several sites share is hard-linked from the release that
    wrote it (creating files is what costs on a busy disk); pages are always written; when
    the first site's release is gone, the file is written again and the content is the same."""
    style, page = b"body { color: #123456 }", b"<p>Gleich</p>"
    files = [OutputFile("static/x/site.css", style), OutputFile("index.html", page)]
    first = SiteDirectory(tmp_path, "erster-verein")
    first.write(files)
    second = SiteDirectory(tmp_path, "zweiter-verein")
    report = second.write(files)

    assert report.written == ["static/x/site.css", "index.html"]
    shared = (first.current / "static/x/site.css").stat()
    assert (second.current / "static/x/site.css").stat().st_ino == shared.st_ino
    assert (second.current / "static/x/site.css").read_bytes() == style
    pages = [(d.current / "index.html").stat().st_ino for d in (first, second)]
    assert pages[0] != pages[1]

    first.remove()
    third = SiteDirectory(tmp_path, "dritter-verein")
    third.write(files)
    assert (third.current / "static/x/site.css").read_bytes() == style
    assert (third.current / "static/x/site.css").stat().st_ino != shared.st_ino


def test_interrupted_build_leaves_previous_site(tmp_path):
    directory, _ = build(tmp_path, make_site(ITEMS))
    before = directory.live_release()

    with pytest.raises(RuntimeError):
        directory.write(
            _explode_after_one([OutputFile("a.html", b"a"), OutputFile("b.html", b"b")])
        )
    assert directory.live_release() == before
    assert (directory.current / "de/sample/eins/index.html").is_file()
    # The next build cleans the leftovers and completes.
    _, report = build(tmp_path, make_site(ITEMS))
    assert not list(directory.releases.glob(".building-*"))
    assert directory.live_release() != before and report.files


def _explode_after_one(files):
    yield files[0]
    raise RuntimeError("killed mid-build")


def test_failing_plugin_is_reported_and_skipped(tmp_path):
    site = make_site(ITEMS, plugins=(home, broken, sample))
    directory, _ = build(tmp_path, site)
    assert "broken" in site.errors and "kaputt" in site.errors["broken"]
    assert (directory.current / "de/sample/eins/index.html").is_file()


def test_unsafe_output_paths_are_refused():
    for bad in ("../x", "/etc/passwd", ""):
        with pytest.raises(ValueError):
            OutputFile(bad, b"")


def test_plugin_installed_by_entry_point_is_discovered(tmp_path, monkeypatch):
    dist = tmp_path / "vereinsnetz_sample-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: vereinsnetz-sample\nVersion: 1.0\n"
    )
    (dist / "entry_points.txt").write_text(
        textwrap.dedent(
            """
            [vereinsnetz.plugins]
            sample = tests.sites.sample_plugin:plugin
            missing = tests.sites.no_such_module:plugin
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = registry_module.discover()
    assert registry.get("sample") is sample
    assert "missing" in registry.errors and "ModuleNotFoundError" in registry.errors["missing"]
    assert registry.get("theme_default") is theme  # the project's own, from pyproject.toml


def test_a_plugin_whose_requirement_is_missing_is_reported_and_skipped(tmp_path, monkeypatch):
    dist = tmp_path / "vereinsnetz_requiring-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: vereinsnetz-requiring\nVersion: 1.0\n"
    )
    (dist / "entry_points.txt").write_text(
        textwrap.dedent(
            """
            [vereinsnetz.plugins]
            sample = tests.sites.sample_plugin:plugin
            extends_sample = tests.sites.sample_plugin:extends_sample
            needs_missing = tests.sites.sample_plugin:needs_missing
            needs_needs_missing = tests.sites.sample_plugin:needs_needs_missing
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = registry_module.discover()
    assert registry.get("extends_sample") is not None  # its requirement is installed
    assert registry.get("needs_missing") is None
    assert registry.errors["needs_missing"] == "requires no_such, which is not installed"
    assert registry.get("needs_needs_missing") is None  # its requirement was skipped
    assert "requires needs_missing" in registry.errors["needs_needs_missing"]
    assert registry.get("theme_default") is theme  # the others load as before


def test_the_project_plugins_requirements_are_all_met():
    registry = registry_module.discover()
    assert not registry.errors, registry.errors
    for plugin in registry.plugins.values():
        assert set(plugin.requires) <= set(registry.plugins), plugin.name


def test_builds_are_independent_of_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    directory, _ = build(Path(tmp_path) / "out", make_site(ITEMS))
    assert os.path.islink(directory.current)
