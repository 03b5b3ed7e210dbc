"""What a long-running process does once it has loaded the application.

A worker holds about 260,000 objects the garbage collector tracks once Django, Wagtail and
every URL pattern and view are imported. None of them become garbage, but each full
collection walks them all: on the benchmark machine one request in fifteen took 250 ms
instead of 40 ms (bench/: the uncached directory's p95). ``gc.freeze()`` moves them out of
the collector's sight (Python's documentation recommends it before forking workers, which
also keeps their memory pages shared), so a full collection walks only what requests create.

``cms/wsgi.py`` calls it, so every server worker and the site builder's in-process API (which
loads ``WSGI_APPLICATION``, forked build workers inherit the frozen state) get it.
"""

import gc


def load_and_freeze() -> None:
    """Import everything a request would (the URL patterns import the views, the plugins and
    their templates' modules), collect what the imports left over, then freeze the rest."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - resolving imports every view module
    gc.collect()
    gc.freeze()
