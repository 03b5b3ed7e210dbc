"""A build process killed with SIGKILL half-way: the live site stays intact and the next
build completes. (tests/sites/test_engine.py covers an exception inside the build; here the
process really dies, with no chance to clean up.)"""

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sites.engine.builder import MANIFEST, OutputFile, SiteDirectory

SLOW_BUILD = """
import sys, time
from pathlib import Path
from sites.engine.builder import OutputFile, SiteDirectory

def files():
    for n in range(10_000):
        yield OutputFile(f"de/seite-{n}/index.html", f"<p>neu {n}</p>".encode())
        time.sleep(0.01)

SiteDirectory(Path(sys.argv[1]), "verein").write(files())
"""


def assert_intact(directory: SiteDirectory) -> dict:
    manifest = json.loads((directory.current / MANIFEST).read_text())
    for path, digest in manifest["files"].items():
        content = (directory.current / path).read_bytes()
        assert hashlib.sha256(content).hexdigest() == digest, path
    return manifest


def test_build_killed_mid_way_leaves_the_live_site_intact(tmp_path):
    directory = SiteDirectory(tmp_path, "verein")
    directory.write(
        [OutputFile(f"de/seite-{n}/index.html", f"<p>alt {n}</p>".encode()) for n in range(5)]
    )
    live = directory.live_release()

    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, str(tmp_path)],
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            building = list(directory.releases.glob(".building-*/de/seite-20"))
            if building:
                break
            assert process.poll() is None, "the build ended before it could be killed"
            time.sleep(0.05)
        else:
            raise AssertionError("the build never got going")
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    # The half-written release is there, but nobody sees it.
    assert list(directory.releases.glob(".building-*"))
    assert directory.live_release() == live
    manifest = assert_intact(directory)
    assert len(manifest["files"]) == 5
    assert (directory.current / "de/seite-0/index.html").read_text() == "<p>alt 0</p>"

    report = directory.write([OutputFile("de/seite-0/index.html", b"<p>neu</p>")])
    assert not list(directory.releases.glob(".building-*"))
    assert directory.live_release() == report.release != live
    assert_intact(directory)
