"""A small plugin used by the engine tests (not registered in pyproject.toml); its Arabic
catalogue is in ``locale/``."""

from sites.engine.plugins import PageSpec, Plugin


def pages(view):
    yield PageSpec(
        path="sample",
        template="sample/list.html",
        title="Beispiel",
        menu="main",
        label="Beispiel",
        context={"items": view.data.get("items", [])},
    )
    for item in view.data.get("items", []):
        yield PageSpec(
            path=f"sample/{item['slug']}",
            template="sample/detail.html",
            title=item["title"],
            context={"item": item},
        )


plugin = Plugin(
    name="sample",
    kinds=frozenset({"club"}),
    package=__name__,
    label={"de": "Beispiel"},
    pages=pages,
)


def broken_pages(view):
    raise RuntimeError("kaputt")


broken = Plugin(name="broken", kinds=frozenset({"club"}), package=__name__, pages=broken_pages)


def home_pages(view):
    yield PageSpec(path="", template="sample/home.html", title="", context={})


home = Plugin(name="home", kinds=frozenset({"club"}), package=__name__, pages=home_pages)


# Plugins that declare what they require: one met (the sample above), one not, and one that
# requires the unmet one (skipped in turn).
extends_sample = Plugin(
    name="extends_sample", kinds=frozenset({"club"}), package=__name__, requires=("sample",)
)
needs_missing = Plugin(
    name="needs_missing", kinds=frozenset({"club"}), package=__name__, requires=("no_such",)
)
needs_needs_missing = Plugin(
    name="needs_needs_missing",
    kinds=frozenset({"club"}),
    package=__name__,
    requires=("needs_missing",),
)
