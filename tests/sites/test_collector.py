"""Builds run without Python's cyclic garbage collector (``sites.engine.collector``: the
worker's, and each site of ``build --all``), which collects what the build left once it is
done."""

import gc
import weakref

import pytest

from sites.engine.collector import collector_paused


@pytest.fixture(autouse=True)
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_during_a_build_and_on_afterwards():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_build_that_fails_turns_it_on_again():
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("build failed")
    assert gc.isenabled()


def test_what_the_build_left_in_cycles_is_collected_afterwards():
    class Node:
        pass

    with collector_paused():
        node = Node()
        node.self = node  # a cycle: only the collector frees it
        left = weakref.ref(node)
        del node
        for _ in range(5000):  # enough allocations to start a collection, were it on
            Node().self = None
        assert left() is not None
    assert left() is None


def test_a_full_build_keeps_the_collector():
    with collector_paused(False):
        assert gc.isenabled()
    assert gc.isenabled()
