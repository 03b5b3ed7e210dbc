"""Writing a built site to disk atomically and incrementally.

A site lives in ``<root>/<name>/``: ``releases/<id>/`` holds complete builds and ``current`` is a
symlink to the live one. A build writes a release directory (named ``.building-…`` until
complete), then swaps the symlink with one atomic ``rename``. An interrupted build therefore
leaves ``current`` pointing at the previous, intact release; its leftovers are removed by the
next build.

``KEEP_RELEASES`` are kept: the live one and the one before, for visitors whose request
resolved ``current`` just before a swap. Once there are that many, a build does not make a new
tree and delete the oldest: it takes the oldest (renamed to ``.building-…``, so it is no
release any more) and brings it up to date in place, touching only the files that differ from
what it holds (its own manifest says what). A portal release has thousands of folders, one per
page; making them for every build and deleting the old ones took most of an incremental
build. A file is never written into: a changed one is unlinked first, because it may be a hard
link shared with the live release. Releases beyond ``KEEP_RELEASES`` (left by an older version)
are removed after the swap by a background thread (renamed out of the way first).

Incremental: each release carries ``.manifest.json`` (path → SHA-256). A file whose content
hash equals the previous release's is hard-linked from it instead of written, so only files
whose content changed are rewritten. Files a dependency-tracked build did not render at all
(``carry``, see ``sites.engine.deps``) are hard-linked from the previous release unread.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import orjson

MANIFEST = ".manifest.json"
KEEP_RELEASES = 2
# One thread per process deletes replaced releases; Python waits for it at exit, and a release
# it did not get to is removed by the next build of its site. Created on first use in each
# process: a forked build worker does not inherit its parent's thread.
_cleaner: tuple[int, ThreadPoolExecutor] | None = None
_pending: list[Future] = []
_deleting: set[Path] = set()  # handed to the thread, not to be removed again meanwhile
# Files this process wrote into a release, by content hash, that another site's release may
# share (hard-linked, as a release shares unchanged files with the previous one): the
# plugins' static files, the service worker, pictures used by several sites. Creating a file
# costs far more than a link on a busy disk. A release may be brought up to date in place later
# (by this or another process), so each entry keeps the file's inode and modification time and
# is linked only while the path still holds that file; a link that fails (the release was
# pruned or recycled, another file system, the file's link limit) falls back to writing the
# file, which is then the one shared. Pages are left out (they differ per site) and the number
# kept is bounded (memory at 5,000 sites).
SHARED_LIMIT = 4096
_shared: dict[str, tuple[str, int, int]] = {}


def _cleanup(path: Path) -> None:
    global _cleaner
    if _cleaner is None or _cleaner[0] != os.getpid():
        _cleaner = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="release-cleaner"))
        _pending.clear()
        _deleting.clear()
    _deleting.add(path)
    _pending[:] = [future for future in _pending if not future.done()]
    _pending.append(_cleaner[1].submit(_delete, path))


def _delete(path: Path) -> None:
    try:
        shutil.rmtree(path, ignore_errors=True)
    finally:
        _deleting.discard(path)


def wait_for_cleanup() -> None:
    """Block until every replaced release is deleted (tests, benchmarks)."""
    while _pending:
        _pending.pop().result()


@dataclass(frozen=True)
class OutputFile:
    path: str  # POSIX path relative to the site root, e.g. "de/news/index.html"
    content: bytes

    def __post_init__(self):
        pure = PurePosixPath(self.path)
        if pure.is_absolute() or ".." in pure.parts or not self.path:
            raise ValueError(f"Unsafe output path: {self.path!r}")


@dataclass
class BuildReport:
    site: str
    release: Path | None = None
    written: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: bool = False
    errors: dict[str, str] = field(default_factory=dict)  # plugin name → what failed
    # A dependency-tracked build: whether it was incremental and the pages it rendered (the
    # others were taken from the previous release unrendered).
    incremental: bool = False
    rendered: list[str] = field(default_factory=list)
    # Lists over all clubs merged from the changed clubs' shares instead of read again.
    spliced: int = 0
    # "<locale>/<plugin>" whose pages were taken without running the plugin (nothing it read
    # changed).
    unrun: list[str] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.written) + len(self.reused)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class SiteDirectory:
    """The on-disk home of one site: its releases and the ``current`` symlink."""

    def __init__(self, root: Path, name: str):
        self.name = name
        self.path = Path(root) / name
        self.releases = self.path / "releases"
        self.current = self.path / "current"

    def live_release(self) -> Path | None:
        return (
            self.current.resolve() if self.current.is_symlink() and self.current.exists() else None
        )

    def manifest(self) -> dict:
        release = self.live_release()
        if release is None or not (release / MANIFEST).is_file():
            return {"files": {}, "meta": {}}
        return orjson.loads((release / MANIFEST).read_bytes())

    def read_live(self, path: str) -> bytes | None:
        """A file of the live release, or None."""
        return self.live_reader()(path)

    def live_reader(self) -> Callable[[str], bytes | None]:
        """``read_live`` for many files: the live release is looked up once."""
        release = self.live_release()

        def read(path: str) -> bytes | None:
            file = release / path if release else None
            return file.read_bytes() if file is not None and file.is_file() else None

        return read

    def remove(self) -> None:
        """Take the site down (e.g. when its club is unpublished)."""
        if self.current.is_symlink():
            self.current.unlink()
        shutil.rmtree(self.path, ignore_errors=True)

    def write(
        self,
        files: Iterable[OutputFile],
        meta: dict | None = None,
        carry: Iterable[str] = (),
        previous_manifest: dict | None = None,
    ) -> BuildReport:
        """Write a new release and make it live. ``previous_manifest``: the live release's
        manifest, when the caller has read it already (a large site's is several MB)."""
        started = time.perf_counter()
        report = BuildReport(site=self.name)
        previous = self.live_release()
        previous_hashes = (previous_manifest or self.manifest())["files"]
        self.releases.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()

        building = self.releases / f".building-{uuid.uuid4().hex}"
        # What the tree being built holds already: path → hash (a recycled release's files).
        held = self._recycle(previous, building)
        # Plain strings and each folder made once: a release of the portal has thousands of
        # files in thousands of folders, most of them hard links to the live release's.
        into, source = str(building), str(previous) if previous else None
        made: set[str] = {into}
        for path in held:
            parent = os.path.dirname(os.path.join(into, path))
            while parent not in made:
                made.add(parent)
                parent = os.path.dirname(parent)

        def target_of(path: str) -> str:
            target = os.path.join(into, path)
            if path in held:
                # Never written into: the file may be the live release's (a hard link).
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(target)
                return target
            if target in made:  # the recycled release had a folder where this file goes
                shutil.rmtree(target)
                for gone in [p for p in held if p.startswith(f"{path}/")]:
                    del held[gone]
                made.difference_update([d for d in made if d.startswith(target + os.sep)])
                made.discard(target)
            parent = os.path.dirname(target)
            if parent not in made:
                # The recycled release may have a file where one of these folders goes.
                for ancestor in PurePosixPath(path).parents:
                    if str(ancestor) in held:
                        os.unlink(os.path.join(into, str(ancestor)))
                        del held[str(ancestor)]
                os.makedirs(parent, exist_ok=True)
                while parent not in made:
                    made.add(parent)
                    parent = os.path.dirname(parent)
            return target

        shared: list[tuple[str, str]] = []  # written here, to be linked by later releases
        hashes: dict[str, str] = {}
        for output in files:
            if output.path in hashes:
                raise ValueError(f"Two outputs for {output.path}")
            digest = sha256(output.content)
            hashes[output.path] = digest
            same_as_live = source is not None and previous_hashes.get(output.path) == digest
            if held.get(output.path) == digest:
                pass  # the recycled release holds it already
            else:
                target = target_of(output.path)
                if not (
                    (same_as_live and _link(os.path.join(source, output.path), target))
                    or _link_shared(digest, target)
                ):
                    with open(target, "wb") as file:
                        file.write(output.content)
                    if _shareable(output.path):
                        shared.append((digest, output.path))
            (report.reused if same_as_live else report.written).append(output.path)
        for path in sorted(set(carry) - set(hashes)):
            if source is None or path not in previous_hashes:
                raise ValueError(f"Nothing to carry over for {path}")
            hashes[path] = previous_hashes[path]
            if held.get(path) != hashes[path]:
                origin, target = os.path.join(source, path), target_of(path)
                if not _link(origin, target):
                    shutil.copyfile(origin, target)
            report.reused.append(path)
        report.removed = sorted(set(previous_hashes) - set(hashes))
        _remove_files(into, [path for path in held if path not in hashes])
        manifest = building / MANIFEST
        manifest.unlink(missing_ok=True)
        manifest.write_bytes(
            orjson.dumps({"files": hashes, "meta": meta or {}}, option=orjson.OPT_NON_STR_KEYS)
        )
        release = self.releases / f"{time.time_ns():020d}"
        building.rename(release)
        _share(release, shared)
        self._swap(release)
        self._prune()
        report.release = release
        report.seconds = time.perf_counter() - started
        return report

    def _recycle(self, live: Path | None, building: Path) -> dict[str, str]:
        """Make ``building``: the oldest release renamed, when ``KEEP_RELEASES`` are there
        already (returns the files it holds, from its manifest), or a new empty folder."""
        releases = sorted(
            p for p in self.releases.iterdir() if not p.name.startswith(".") and p != live
        )
        if live is not None and len(releases) + 1 >= KEEP_RELEASES and releases:
            oldest = releases[0]
            try:
                held = _files_of(oldest)
                oldest.rename(building)
            except (OSError, ValueError, KeyError):
                pass  # not readable as a release: built afresh, and pruned later
            else:
                _forget_shared(str(oldest))
                return held
        building.mkdir()
        return {}

    def _swap(self, release: Path) -> None:
        link = self.path / f".current-{uuid.uuid4().hex}"
        os.symlink(os.path.relpath(release, self.path), link)
        os.replace(link, self.current)

    def _remove_leftovers(self) -> None:
        for stale in self.releases.glob(".building-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in self.releases.glob(".old-*"):
            if stale not in _deleting:  # left by a process that ended before deleting it
                shutil.rmtree(stale, ignore_errors=True)
        for stale in self.path.glob(".current-*"):
            stale.unlink(missing_ok=True)

    def _prune(self) -> None:
        live = self.live_release()
        releases = sorted(p for p in self.releases.iterdir() if not p.name.startswith("."))
        for old in releases[:-KEEP_RELEASES]:
            if old != live:
                doomed = self.releases / f".old-{uuid.uuid4().hex}"
                try:
                    old.rename(doomed)
                except OSError:
                    continue
                _cleanup(doomed)


def _shareable(path: str) -> bool:
    return not path.endswith(".html")


def _share(release: Path, written: list[tuple[str, str]]) -> None:
    """Offer the files just written into ``release`` to the next releases (``_shared``)."""
    for digest, path in written:
        _shared.pop(digest, None)
        if len(_shared) >= SHARED_LIMIT:
            del _shared[next(iter(_shared))]  # the oldest
        file = os.path.join(release, path)
        stat = os.stat(file)
        _shared[digest] = (file, stat.st_ino, stat.st_mtime_ns)


def _files_of(release: Path) -> dict[str, str]:
    """The ``files`` of a release's manifest, without decoding its ``meta`` (the portal's is
    five times larger): ``write`` puts ``files`` first."""
    text = (release / MANIFEST).read_text(encoding="utf-8")
    start = '{"files":'
    if not text.startswith(start):
        return json.loads(text)["files"]
    files, _end = json.JSONDecoder().raw_decode(text, len(start))
    if not isinstance(files, dict):
        raise ValueError(f"No files in the manifest of {release}")
    return files


def _link_shared(digest: str, target: str) -> bool:
    """Link ``target`` to the shared file of this content, if the path still holds it."""
    entry = _shared.get(digest)
    if entry is None:
        return False
    file, inode, modified = entry
    try:
        stat = os.stat(file)
    except OSError:
        stat = None
    if stat is None or (stat.st_ino, stat.st_mtime_ns) != (inode, modified):
        del _shared[digest]
        return False
    return _link(file, target)


def _forget_shared(release: str) -> None:
    """Drop the shared files of a release that is about to change in place."""
    prefix = release + os.sep
    for digest in [d for d, (file, *_rest) in _shared.items() if file.startswith(prefix)]:
        del _shared[digest]


def _remove_files(root: str, paths: list[str]) -> None:
    """Remove the files ``paths`` below ``root`` and the folders they leave empty."""
    folders: set[str] = set()
    for path in paths:
        target = os.path.join(root, path)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        folders.add(os.path.dirname(target))
    for folder in sorted(folders, key=len, reverse=True):
        while folder != root and len(folder) > len(root):
            try:
                os.rmdir(folder)
            except OSError:  # not empty (or gone with a deeper one's parent)
                break
            folder = os.path.dirname(folder)


def _link(source: str | Path, target: str | Path) -> bool:
    try:
        os.link(source, target)
    except OSError:
        return False
    return True
