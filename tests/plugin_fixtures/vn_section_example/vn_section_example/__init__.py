"""Vereinschronik: when the club was founded, as a block on its home page.

An example of a section plugin that lives outside the project: it imports only the engine's
public API (``sites.engine``), brings its own template and gettext catalogues, and is found
through its entry point. The CMS offers it to club editors because it is installed.
"""

from sites.engine.i18n import Catalog
from sites.engine.plugins import Plugin

catalog = Catalog(__name__)

plugin = Plugin(
    name="chronik",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Vereinschronik"),
    needs=("club",),
    section="vn_section_example/section.html",
)
