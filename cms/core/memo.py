"""Values computed once per API request instead of once per use.

Several parts of one response ask the same question (which page paths are hidden, which locale
is the default); inside :func:`request_memo` (entered by the response cache for every read) the
first answer is kept for the rest of the request. Outside it, every call computes afresh, so
code that runs outside a request (management commands, tests, admin hooks) sees no stale value.
"""

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

_memo: ContextVar[dict | None] = ContextVar("api_request_memo", default=None)


@contextlib.contextmanager
def request_memo() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def memoized(key: str, compute: Callable[[], Any]) -> Any:
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
