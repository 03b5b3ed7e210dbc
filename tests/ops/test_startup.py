"""Application workers freeze what they loaded at start (cms/ops/startup.py)."""

import gc
import importlib
import sys

from cms.ops import startup


def test_load_and_freeze_moves_the_loaded_objects_out_of_the_collectors_sight():
    try:
        startup.load_and_freeze()
        assert gc.get_freeze_count() > 10_000
        assert "cms.core.views" in sys.modules  # the URL patterns imported the views
    finally:
        gc.unfreeze()


def test_the_wsgi_module_freezes_after_loading(monkeypatch):
    calls = []
    monkeypatch.setattr(startup, "load_and_freeze", lambda: calls.append(True))
    monkeypatch.delitem(sys.modules, "cms.wsgi", raising=False)
    module = importlib.import_module("cms.wsgi")
    assert callable(module.application)
    assert calls == [True]
