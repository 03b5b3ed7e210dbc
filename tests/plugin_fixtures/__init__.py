"""Plugins packaged as separate distributions, the way a third party publishes one.

``installed(project)`` makes such a distribution visible to ``importlib.metadata`` as
``pip install`` would — a ``*.dist-info`` folder with its ``entry_points.txt`` on ``sys.path``,
next to its source — without building a wheel, so a test on a fresh clone needs no network
and no build tools. The entry points are read from the project's own ``pyproject.toml``.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import tempfile
import tomllib
from pathlib import Path

from sites.engine.plugins import installed as installed_registry

HERE = Path(__file__).parent
SECTION_EXAMPLE = HERE / "vn_section_example"


def dist_info(project: Path, target: Path) -> Path:
    """Write the metadata ``pip install project`` would write into ``target``."""
    meta = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    name, version = meta["name"], meta["version"]
    folder = target / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = []
    for group, points in meta.get("entry-points", {}).items():
        lines.append(f"[{group}]")
        lines.extend(f"{key} = {value}" for key, value in points.items())
        lines.append("")
    (folder / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


@contextlib.contextmanager
def installed(project: Path = SECTION_EXAMPLE):
    """While inside, ``project`` is installed: its packages importable, its entry points
    found by the plugin registry (the process-wide ``installed()`` registry included)."""
    packages = [p.name for p in project.iterdir() if (p / "__init__.py").is_file()]
    with tempfile.TemporaryDirectory() as target:
        dist_info(project, Path(target))
        paths = [target, str(project)]
        sys.path[:0] = paths
        importlib.invalidate_caches()
        installed_registry.cache_clear()
        try:
            yield
        finally:
            for path in paths:
                sys.path.remove(path)
            for module in [m for m in sys.modules if m.split(".")[0] in packages]:
                del sys.modules[module]
            importlib.invalidate_caches()
            installed_registry.cache_clear()
