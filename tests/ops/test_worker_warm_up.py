"""A task worker warms up before its first task (``cms.ops.worker.run_warm_ups``): the site
templates are compiled then, not in the middle of the first build after a start."""

import logging

import pytest

from cms.ops import worker


def test_warm_ups_run_once_in_order_and_a_failing_one_is_logged_not_raised(monkeypatch, caplog):
    calls = []

    def broken():
        calls.append("broken")
        raise RuntimeError("kaputt")

    def fine():
        calls.append("fine")

    monkeypatch.setattr(worker, "_warm_ups", [])
    worker.register_warm_up(broken)
    worker.register_warm_up(fine)
    worker.register_warm_up(fine)  # registered once
    with caplog.at_level(logging.INFO, logger="django_tasks_db"):
        worker.run_warm_ups()
    assert calls == ["broken", "fine"]
    assert "Warm-up broken failed" in caplog.text and "kaputt" in caplog.text


@pytest.mark.django_db
def test_the_homepages_warm_up_compiles_every_site_template(monkeypatch):
    from cms.homepages import builds
    from sites.engine import rendering

    compiled = rendering._MemoryBytecodeCache()
    monkeypatch.setattr(rendering, "_BYTECODE", compiled)
    rendering._environment.cache_clear()
    try:
        assert builds.warm_up in worker._warm_ups  # registered by the app
        builds.warm_up()
        names = set(compiled.code)
        # Every template file of the engine, the two site kinds and the installed plugins.
        from sites.engine.plugins import installed

        expected = sum(
            1
            for folder in [
                rendering.ENGINE_TEMPLATES,
                *(p.template_dir for p in installed().plugins.values()),
            ]
            if folder.is_dir()
            for path in folder.rglob("*")
            if path.is_file()
        )
        assert len(names) >= expected > 20
    finally:
        rendering._environment.cache_clear()


@pytest.mark.django_db
def test_the_warm_up_loads_every_locales_catalogues_for_the_forked_builds():
    """A portal build's forked processes inherit the worker's loaded catalogues and template
    environments; what they load themselves is lost when they end."""
    from django.utils.translation import trans_real

    from cms import locales
    from cms.homepages import builds
    from sites.engine import i18n, rendering
    from sites.engine.plugins import installed
    from sites.engine.site import catalog_packages
    from sites.portal import choose_plugins

    builds.load_catalogues()
    codes = locales.codes()
    assert len(codes) > 10
    assert set(codes) <= set(trans_real._translations)
    theme, plugins = choose_plugins(installed())
    portal = [theme, *plugins]
    catalogues = catalog_packages(portal)
    merged, environments = i18n._merged.cache_info(), rendering._environment.cache_info()
    for code in codes:
        i18n.translations(catalogues, code)
        rendering.make_environment([p.template_dir for p in portal], catalogues, code)
    assert i18n._merged.cache_info().misses == merged.misses
    assert rendering._environment.cache_info().misses == environments.misses
