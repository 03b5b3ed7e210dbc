"""Sharing a build between processes (sites/engine/parallel.py): the groups' results come back
in order from forked children, anything a child cannot do is done by the parent, and a site
rendered by two processes is the site one process renders, byte for byte."""

import os
from pathlib import Path

import pytest

from sites.engine.builder import SiteDirectory
from sites.engine.parallel import Forking, fork_map, fork_steps, groups_of
from sites.engine.plugins import PageSpec, Plugin
from sites.engine.site import render_site
from tests.sites.sample_plugin import broken, home
from tests.sites.sample_plugin import plugin as sample
from tests.sites.test_engine import ITEMS, make_site

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")

PARENT = os.getpid()


def test_groups_are_dealt_in_turn_and_never_empty():
    assert groups_of(["de", "en", "tr", "ar", "uk"], 2) == [["de", "tr", "uk"], ["en", "ar"]]
    assert groups_of(["de"], 4) == [["de"]]
    assert groups_of(["de", "en"], 1) == [["de", "en"]]
    assert len(groups_of(list("abcdefgh"), 0)) == min(8, os.cpu_count() or 1)


def where(group):
    return {"group": group, "process": os.getpid()}


def test_each_group_but_the_first_runs_in_a_child_and_the_results_keep_their_order():
    results = fork_map(where, [[1], [2], [3]])
    assert [result["group"] for result in results] == [[1], [2], [3]]
    assert results[0]["process"] == os.getpid()
    children = {result["process"] for result in results[1:]}
    assert len(children) == 2 and os.getpid() not in children


def fails_in_a_child(group):
    if os.getpid() != PARENT:
        raise RuntimeError("only here")
    return where(group)


def dies_in_a_child(group):
    if os.getpid() != PARENT:
        os._exit(3)
    return where(group)


def unpicklable_in_a_child(group):
    if os.getpid() != PARENT:
        return lambda: group
    return where(group)


@pytest.mark.parametrize("function", [fails_in_a_child, dies_in_a_child, unpicklable_in_a_child])
def test_what_a_child_cannot_do_the_parent_does(function, caplog):
    results = fork_map(function, [[1], [2]])
    assert results == [where([1]), where([2])]
    assert "build process" in caplog.text


def big_result_or_failure_here(group):
    if os.getpid() == PARENT:
        raise RuntimeError("the parent's own group fails")
    return "x" * 1_000_000  # more than a pipe holds: the child waits for the parent to read


def first_failing_here(group):
    if os.getpid() == PARENT:
        raise RuntimeError("the parent's own group fails")
    return first(group)


def test_when_the_parents_own_group_fails_no_child_is_left_behind(forks):
    """Three groups: each child holds its own pipes only (a child forked later holding an
    earlier one's copy kept it blocked on a full pipe after the parent gave up)."""
    with pytest.raises(RuntimeError, match="own group"):
        fork_map(big_result_or_failure_here, [[1], [2], [3]])
    with pytest.raises(RuntimeError, match="own group"):
        fork_steps(first_failing_here, second, [[1], [2], [3]])
    assert len(forks) == 4
    for pid in forks:  # each child has ended and been waited for: neither running nor a zombie
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_without_permission_to_fork_everything_runs_here():
    results = fork_map(where, [[1], [2]], Forking(prepare=lambda: False))
    assert {result["process"] for result in results} == {os.getpid()}


def test_what_a_child_changed_outside_its_result_comes_back():
    kept: list[str] = []

    def read(group):
        kept.extend(f"read {item}" for item in group)
        return len(group)

    forking = Forking(
        mark=lambda: len(kept),
        since=lambda mark: kept[mark:],
        merge=kept.extend,
    )
    assert fork_map(read, [["a"], ["b", "c"]], forking) == [1, 2]
    assert kept == ["read a", "read b", "read c"]


def first(group):
    return sum(group), {"group": group, "process": os.getpid()}


def second(group, state, shared):
    return {"shared": shared, "same process": state["process"] == os.getpid(), **where(group)}


def test_two_steps_exchange_what_each_group_shares_and_keep_their_state():
    results = fork_steps(first, second, [[1, 2], [3], [4, 5]])
    assert [result["shared"] for result in results] == [[3, 3, 9]] * 3
    assert all(result["same process"] for result in results)
    assert results[0]["process"] == os.getpid()
    assert len({result["process"] for result in results}) == 3


def first_failing_in_a_child(group):
    if os.getpid() != PARENT and group == [3]:
        raise RuntimeError("first step")
    return first(group)


def second_dying_in_a_child(group, state, shared):
    if os.getpid() != PARENT:
        os._exit(4)
    return second(group, state, shared)


@pytest.mark.parametrize(
    "steps",
    [(first_failing_in_a_child, second), (first, second_dying_in_a_child)],
    ids=["first step fails", "second step dies"],
)
def test_a_group_whose_child_fails_at_either_step_is_done_here(steps, caplog):
    results = fork_steps(*steps, [[1, 2], [3], [4, 5]])
    assert [result["shared"] for result in results] == [[3, 3, 9]] * 3
    assert [result["group"] for result in results] == [[1, 2], [3], [4, 5]]
    assert "build process" in caplog.text


def test_two_steps_without_forking_give_the_same():
    here = fork_steps(first, second, [[1, 2], [3]], Forking(prepare=lambda: False))
    forked = fork_steps(first, second, [[1, 2], [3]])
    assert [r["shared"] for r in here] == [r["shared"] for r in forked] == [[3, 3]] * 2
    assert {r["process"] for r in here} == {os.getpid()}


# --- a site rendered by two processes --------------------------------------------------------


def files_of(tmp_path: Path, site) -> dict[str, bytes]:
    files, assets = render_site(site)
    directory = SiteDirectory(tmp_path, site.name)
    directory.write(files, meta={"assets": assets})
    root = directory.current.resolve()
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and path.name != ".manifest.json"
    }


class Exploding:
    """A page's item whose title cannot be read: its page fails while rendering."""

    @property
    def title(self):
        raise RuntimeError("kaputt beim Rendern")


def arabic_only_pages(view):
    if view.locale.code == "ar":
        yield PageSpec(
            path="explodiert",
            template="sample/detail.html",
            title="Explodiert",
            menu="main",  # in the menu of every Arabic page, until it fails
            label="Explodiert",
            context={"item": Exploding()},
        )


fails_rendering_arabic = Plugin(
    name="fails_rendering_arabic",
    kinds=frozenset({"club"}),
    package=sample.package,
    pages=arabic_only_pages,
)


@pytest.mark.parametrize(
    "plugins",
    [(home, sample), (home, sample, broken), (home, sample, fails_rendering_arabic)],
    ids=["ok", "failing to collect", "failing to render in the child's locale"],
)
def test_a_site_rendered_by_two_processes_is_the_site_one_renders(tmp_path, forks, plugins):
    """German and Arabic in two processes: the language versions link each other, the images
    a child copied are in the site, and a plugin failing (collecting its pages, or rendering
    them in the child's locale) is left out everywhere, as one process does it."""
    alone = files_of(tmp_path / "alone", make_site(ITEMS, plugins, locales=("de", "ar")))
    assert not forks
    site = make_site(ITEMS, plugins, locales=("de", "ar"))
    site.jobs, site.forking = 2, Forking()
    shared = files_of(tmp_path / "shared", site)
    assert forks
    assert shared.keys() == alone.keys()
    assert [path for path in alone if alone[path] != shared[path]] == []
    assert 'hreflang="de"' in shared["ar/sample/eins/index.html"].decode()
    assert any(path.startswith("_media/") for path in shared)
    failing = {plugin.name for plugin in plugins} & {"broken", "fails_rendering_arabic"}
    assert set(site.errors) == failing
    # No page links to the section that was left out (rendered again without it).
    assert not [path for path, body in shared.items() if b"Explodiert" in body]
