"""A site directory keeps the live release and the one before; the next build brings the
older one up to date in place instead of making a new tree and deleting the old one
(``SiteDirectory._recycle``). Whatever the older tree held, the release that goes live holds
exactly the new files, and the live release it shared hard links with is never changed."""

import hashlib
import json
import os
from pathlib import Path

from sites.engine.builder import KEEP_RELEASES, MANIFEST, OutputFile, SiteDirectory


def files(**contents: str) -> list[OutputFile]:
    return [OutputFile(path.replace("__", "/"), text.encode()) for path, text in contents.items()]


def snapshot(release: Path) -> dict[str, bytes]:
    """Every file of a release (the manifest aside) and every folder, as the disk has it."""
    found = {}
    for folder, dirs, names in os.walk(release):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(release).as_posix()
            if relative != MANIFEST:
                found[relative] = path.read_bytes()
        for name in dirs:
            found[Path(folder, name).relative_to(release).as_posix() + "/"] = b""
    return found


def assert_exactly(release: Path, expected: dict[str, str]) -> None:
    on_disk = snapshot(release)
    assert {p: c for p, c in on_disk.items() if not p.endswith("/")} == {
        p: c.encode() for p, c in expected.items()
    }
    folders = {p for p in on_disk if p.endswith("/")}
    needed = {str(Path(p).parent) + "/" for p in expected} - {"./"}
    needed |= {str(parent) + "/" for p in expected for parent in Path(p).parents} - {"./"}
    assert folders == needed  # no folder left over from the recycled release
    manifest = json.loads((release / MANIFEST).read_text())["files"]
    assert manifest == {p: hashlib.sha256(c.encode()).hexdigest() for p, c in expected.items()}


def test_the_release_before_last_is_brought_up_to_date_in_place(tmp_path):
    directory = SiteDirectory(tmp_path, "verein")
    first = directory.write(
        files(**{"de__index.html": "a", "de__alt__index.html": "alt", "de__x__y__index.html": "y"})
    ).release
    second = directory.write(
        files(**{"de__index.html": "b", "de__alt__index.html": "alt", "de__neu__index.html": "n"})
    ).release
    live_before = snapshot(second)
    third = directory.write(
        files(**{"de__index.html": "c", "de__alt__index.html": "alt", "de__neu__index.html": "n"})
    )

    releases = sorted(p.name for p in directory.releases.iterdir())
    assert len(releases) == KEEP_RELEASES and not first.exists()  # renamed, not copied
    assert third.release.name in releases and second.name in releases
    assert_exactly(
        third.release, {"de/index.html": "c", "de/alt/index.html": "alt", "de/neu/index.html": "n"}
    )
    assert snapshot(second) == live_before  # the release before is untouched
    assert third.written == ["de/index.html"]
    assert third.reused == ["de/alt/index.html", "de/neu/index.html"]


def test_a_file_where_the_older_release_had_a_folder_and_the_other_way_round(tmp_path):
    directory = SiteDirectory(tmp_path, "verein")
    directory.write(files(**{"a__index.html": "folder a", "b": "file b", "c__d__e.txt": "e"}))
    directory.write(files(**{"z.html": "z"}))
    report = directory.write(files(**{"a": "file a", "b__index.html": "folder b", "c": "c"}))
    assert_exactly(report.release, {"a": "file a", "b/index.html": "folder b", "c": "c"})


def test_a_changed_file_is_replaced_not_written_into(tmp_path):
    """The older release's unchanged files are hard links to the live release's: changing
    one there must leave the live file as it is."""
    directory = SiteDirectory(tmp_path, "verein")
    directory.write(files(**{"seite.html": "eins", "bleibt.html": "gleich"}))
    live = directory.write(files(**{"seite.html": "eins", "bleibt.html": "gleich"})).release
    assert (live / "seite.html").stat().st_nlink == 2  # shared with the older release
    report = directory.write(files(**{"seite.html": "zwei", "bleibt.html": "gleich"}))
    assert (report.release / "seite.html").read_text() == "zwei"
    assert (live / "seite.html").read_text() == "eins"
    assert (live / "bleibt.html").stat().st_ino == (report.release / "bleibt.html").stat().st_ino


def test_a_file_shared_with_another_site_is_not_linked_once_recycled(tmp_path):
    """Static files are shared between sites by content; when the release that wrote one is
    recycled and the file there changes, another site must not link the changed file."""
    first = SiteDirectory(tmp_path, "erster-verein")
    first.write(files(**{"static__x.css": "alt"}))
    first.write(files(**{"static__x.css": "alt", "index.html": "1"}))
    first.write(files(**{"static__x.css": "neu"}))  # the first release, recycled, changes it
    second = SiteDirectory(tmp_path, "zweiter-verein")
    report = second.write(files(**{"static__x.css": "alt"}))
    assert (report.release / "static/x.css").read_text() == "alt"
    assert (first.current / "static/x.css").read_text() == "neu"


def test_an_older_release_without_a_readable_manifest_is_not_recycled(tmp_path):
    directory = SiteDirectory(tmp_path, "verein")
    oldest = directory.write(files(**{"a.html": "a", "b.html": "b"})).release
    directory.write(files(**{"a.html": "a2"}))
    (oldest / MANIFEST).write_text("kaputt")
    report = directory.write(files(**{"a.html": "a3"}))
    assert_exactly(report.release, {"a.html": "a3"})
    from sites.engine.builder import wait_for_cleanup

    wait_for_cleanup()
    assert not oldest.exists()
    assert len(list(directory.releases.iterdir())) == KEEP_RELEASES
