"""Building without Python's cyclic garbage collector, which collects afterwards.

A build makes and drops a great many objects: every API answer decoded, every page's context.
Meanwhile the collector ran over the process's whole heap again and again. That was a third of
an incremental portal build in the task worker at 72 clubs, and a sixth of ``build --all``
(``python -m bench``). What a build drops is freed at once anyway; the collector is needed
only for cycles, and those can wait until the build is done. While it is off, everything the
build made stays in the youngest generation, so collecting that one afterwards finds the
build's cycles without walking the rest of the heap.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """The collector off inside, the youngest generation collected after (unless ``pause``
    is false, or the collector was off already)."""
    enabled = pause and gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)
