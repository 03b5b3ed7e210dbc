"""Sharing a build's work between the cores: a function run on groups of locales, one group in
this process and each other in a forked child that hands its result back pickled.

A build is pure Python and holds the interpreter: threads would take turns. A forked child
starts with everything the build has read so far (no copy until a page changes) and needs no
start-up. What a child returns is merged by the caller (``sites.engine.site``,
``sites.portal``); anything a child cannot do — it fails, dies, or returns what cannot be
pickled — the parent does itself, so a forked build gives exactly what one process gives,
only sooner.

Forking is the caller's decision (``Forking``): an in-process API client forks only outside
a transaction and not on an in-memory database, which a child could not see (the test suite's).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

Group = TypeVar("Group")


@dataclass
class Forking:
    """How a build may fork: ``prepare()`` before the children are made returns whether it
    may (an in-process client closes its database connections, which a child must not
    share); ``in_child()`` runs first in each child (a remote client opens its own
    connections). What a child changes outside its result (the API reads it kept for the
    next build, ``deps.ResponseStore``) comes back as ``since(mark())`` and is ``merge``d."""

    prepare: Callable[[], bool] = lambda: True
    in_child: Callable[[], None] = lambda: None
    mark: Callable[[], Any] = lambda: None
    since: Callable[[Any], Any] = lambda mark: None
    merge: Callable[[Any], None] = lambda changes: None


def jobs_for(jobs: int) -> int:
    """``jobs`` processes, or one per core for 0."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def groups_of(items: Sequence[Group], jobs: int) -> list[list[Group]]:
    """``items`` dealt into at most ``jobs`` groups, in turn (the first to the first group, the
    second to the second …), so that groups of similar items cost about the same."""
    count = max(1, min(jobs_for(jobs), len(items)))
    return [list(items[start::count]) for start in range(count) if items[start::count]]


def fork_map(
    function: Callable[[list[Group]], Any],
    groups: list[list[Group]],
    forking: Forking | None = None,
) -> list[Any]:
    """``function(group)`` for each group, in the order of ``groups``: the first in this
    process, each other in a forked child at the same time. A group whose child fails is
    done here afterwards. Without ``os.fork``, with one group, or when ``forking`` refuses,
    every group is done here, one after the other. (``fork_steps`` with nothing to
    exchange.)"""
    return fork_steps(
        lambda group: (None, None),
        lambda group, _state, _shared: function(group),
        groups,
        forking,
    )


_FAILED = object()


def fork_steps(
    first: Callable[[list[Group]], tuple[Any, Any]],
    second: Callable[[list[Group], Any, list[Any]], Any],
    groups: list[list[Group]],
    forking: Forking | None = None,
) -> list[Any]:
    """Two steps per group, with an exchange between them: ``first(group)`` gives what the
    other groups need to know (``shared``) and what its own second step needs (``state``);
    ``second(group, state, [shared of every group])`` gives the group's result. The first
    group's steps run in this process, each other group's in a forked child, which keeps its
    state to itself: only the shared parts and the results travel. A group whose child fails
    (at either step) is done here afterwards; as in ``fork_map``, without forking every group
    is done here."""
    forking = forking or Forking()
    if len(groups) <= 1 or not hasattr(os, "fork") or not forking.prepare():
        firsts = [first(group) for group in groups]
        shared = [value for value, _state in firsts]
        return [
            second(group, state, shared)
            for group, (_value, state) in zip(groups, firsts, strict=True)
        ]
    children: list[_Steps] = []
    for group in groups[1:]:
        inherited = [fd for c in children for fd in (c.reader.fileno(), c.writer.fileno())]
        children.append(_start_steps(first, second, group, forking, inherited))
    try:
        firsts: dict[int, tuple[Any, Any]] = {0: first(groups[0])}
        shared = [firsts[0][0]]
        for index, child in enumerate(children, start=1):
            message = _receive(child)
            if message is _FAILED:
                child.failed = True
                firsts[index] = first(groups[index])
                shared.append(firsts[index][0])
            else:
                shared.append(message)
        for child in children:
            if not child.failed and not _send(child, shared):
                child.failed = True
        results = [second(groups[0], firsts[0][1], shared)]
        for index, child in enumerate(children, start=1):
            outcome = _FAILED if child.failed else _receive(child)
            if outcome is _FAILED:
                if index not in firsts:
                    firsts[index] = first(groups[index])
                results.append(second(groups[index], firsts[index][1], shared))
            else:
                value, changes = outcome
                forking.merge(changes)
                results.append(value)
        return results
    finally:
        for child in children:
            _end(child)


@dataclass
class _Steps:
    pid: int
    reader: Any  # the child's messages
    writer: Any  # to the child
    failed: bool = False


def _fork() -> int:
    """``os.fork``, with the parent's objects out of the garbage collector's sight in the
    child (``gc.freeze``): a collection there would touch every object and so copy every page
    of memory the two share. The child is short-lived and collects nothing."""
    gc.freeze()
    try:
        pid = os.fork()
    finally:
        if pid != 0:
            gc.unfreeze()
    if pid == 0:
        gc.disable()
    return pid


def _close_inherited(fds: list[int]) -> None:
    """In a child: close its copies of the pipes of the children forked before it. Holding
    them, it would keep another child from noticing that the parent closed its end."""
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _start_steps(first, second, group, forking: Forking, inherited: list[int]) -> _Steps:
    up_read, up_write = os.pipe()
    down_read, down_write = os.pipe()
    pid = _fork()
    if pid == 0:  # the child: never returns
        os.close(up_read)
        os.close(down_write)
        _close_inherited(inherited)
        status = 0
        try:
            with os.fdopen(up_write, "wb") as parent, os.fdopen(down_read, "rb") as orders:
                try:
                    forking.in_child()
                    mark = forking.mark()
                    value, state = first(group)
                    _write(parent, (True, value))
                    shared = _read(orders)
                    if shared is None:  # the parent gave up on this child
                        return
                    result = second(group, state, shared)
                    _write(parent, (True, (result, forking.since(mark))))
                except BrokenPipeError:
                    status = 1
                except BaseException:  # noqa: BLE001 - reported; the parent does it itself
                    status = 1
                    _write(parent, (False, traceback.format_exc()))
        except BaseException:  # noqa: BLE001 - the parent is gone
            status = 1
        finally:
            os._exit(status)
    os.close(up_write)
    os.close(down_read)
    return _Steps(pid, os.fdopen(up_read, "rb"), os.fdopen(down_write, "wb"))


def _write(pipe, value) -> None:
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(body).to_bytes(8, "big"))
    pipe.write(body)
    pipe.flush()


def _read(pipe):
    size = pipe.read(8)
    if len(size) < 8:
        raise EOFError("no message")
    body = pipe.read(int.from_bytes(size, "big"))
    return pickle.loads(body)


def _receive(child: _Steps):
    """The child's next message, or ``_FAILED`` (it failed, died or said nothing)."""
    try:
        succeeded, value = _read(child.reader)
    except Exception:  # noqa: BLE001 - a child that died mid-write
        logger.warning("A build process ended without a result.")
        return _FAILED
    if not succeeded:
        logger.warning("A build process failed; this process does its part:\n%s", value)
        return _FAILED
    return value


def _send(child: _Steps, value) -> bool:
    try:
        _write(child.writer, value)
    except OSError:
        return False
    return True


def _end(child: _Steps) -> None:
    """Close the child's pipes (one still waiting for orders reads their end and stops) and
    wait for it."""
    for pipe in (child.writer, child.reader):
        with contextlib.suppress(OSError):
            pipe.close()
    with contextlib.suppress(ChildProcessError):
        os.waitpid(child.pid, 0)
