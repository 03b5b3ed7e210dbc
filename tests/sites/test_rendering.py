"""The rendering helpers' fast paths give what the general ones give."""

import datetime
import posixpath

import jinja2
import pytest

from sites.engine.rendering import make_environment, relative

SEGMENTS = ["de", "ar", "news", "a-b", "static", "index.html", "site.css", "media", "."]


def test_relative_matches_posixpath_relpath():
    import random

    rng = random.Random(9)
    for _ in range(5000):
        target = "/".join(rng.choice(SEGMENTS) for _ in range(rng.randint(1, 5)))
        source = "/".join(rng.choice(SEGMENTS) for _ in range(rng.randint(1, 5)))
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert relative(target, source) == expected, (target, source)
    assert relative("index.html", "index.html") == "index.html"
    assert relative("de/index.html", "de/news/eins/index.html") == "../../index.html"
    assert relative("static/x.css", "404.html") == "static/x.css"


def test_dict_lookups_keep_jinja_semantics(tmp_path):
    (tmp_path / "t.html").write_text(
        "{{ d.name }}|{{ d.items() | list | length }}|{{ d['items'] }}|{{ o.real }}"
    )
    env = make_environment([tmp_path])
    html = env.get_template("t.html").render(d={"name": "A", "items": "x"}, o=3)
    assert html == "A|2|x|3"  # a key named like a dict method: the method, as before
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.missing }}").render(d={})


def test_api_objects_look_up_like_the_dicts_they_are(tmp_path):
    """An API object (``deps.Resource``, what the builder's reads give) takes the fast path
    with the same results as Jinja's own lookup: keys, the dict's methods, the keys of its
    read, and a name set on the instance."""
    from sites.engine.deps import Resource, tag

    item = tag({"title": "Sommerfest", "items": "x"}, frozenset({"news:*"}))
    assert type(item) is Resource
    item.shown = "ja"
    (tmp_path / "r.html").write_text(
        "{{ r.title }}|{{ r.items() | list | length }}|{{ r['items'] }}|"
        "{{ r.resource_keys | join(',') }}|{{ r.shown }}"
    )
    env = make_environment([tmp_path])
    html = env.get_template("r.html").render(r=item)
    assert html == "Sommerfest|2|x|news:*|ja"
    plain = jinja2.Environment(undefined=jinja2.StrictUndefined)
    assert html == plain.from_string((tmp_path / "r.html").read_text()).render(r=item)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ r.missing }}").render(r=item)


def test_date_filters_are_memoised_per_locale(tmp_path):
    class Locale:
        def __init__(self, code):
            self.code = code

    (tmp_path / "d.html").write_text(
        '{{ v|date }}|{{ v|date("short") }}|{{ t|time }}|{{ "" | date }}'
    )
    env = make_environment([tmp_path])
    template = env.get_template("d.html")
    value = "2026-11-24T18:00:00Z"
    german = template.render(v=value, t="19:30:00", locale=Locale("de"))
    turkish = template.render(v=value, t="19:30:00", locale=Locale("tr"))
    assert german == "24. November 2026|24.11.26|19:30|"
    assert turkish.startswith("24 Kasım 2026|")
    assert template.render(v=datetime.date(2026, 11, 24), t="19:30:00", locale=Locale("de"))


def test_load_templates_fills_the_environments_cache_and_skips_a_broken_one(tmp_path):
    """A worker loads every template into each locale's environment before its first build
    (``cms.homepages.builds.warm_up``); one that does not compile is left for the build."""
    from sites.engine.rendering import load_templates

    (tmp_path / "page.html").write_text("{{ _('Startseite') }}")
    (tmp_path / "broken.html").write_text("{% if %}")
    env = make_environment([tmp_path], code="ar")
    loaded = load_templates(env)
    assert loaded >= 1
    assert any(name == "page.html" for _loader, name in env.cache)
    assert not any(name == "broken.html" for _loader, name in env.cache)


def test_load_locale_data_loads_cldr_and_leaves_an_unknown_code_alone():
    import babel.localedata

    from sites.engine.i18n import babel_locale, load_locale_data

    load_locale_data("ti")
    assert "ti" in babel.localedata._cache
    assert babel_locale("ti").days["format"]["wide"][0]
    load_locale_data("zz")  # unknown to CLDR: no exception, the build reports it
    load_locale_data("xx-unknown")  # malformed: likewise
