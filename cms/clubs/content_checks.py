"""Content a tenant saves must not be able to break shared endpoints (feeds, the v2 API, site
builds) for everybody (issue 15, item 10).

Two checks on every text a page form carries (fields, inline panels, StreamField blocks):
no control characters (XML 1.0 forbids them: one in a teaser broke the Atom feed), and every
rich-text entity that points to an object by id (page and document links, image embeds) has a
numeric id. The renderers are defensive as well (``cms/clubs/feeds.py``,
``cms/clubs/wagtail_hooks.py``): data that bypassed the forms is shown, not raised on.
"""

import re

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

# C0 controls but tab, line feed and carriage return; DEL; C1 controls; the non-characters XML
# forbids; lone surrogates.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
ENTITY = re.compile(r"<(?:a|embed)\b[^>]*\b(?:linktype|embedtype)=\"([^\"]*)\"[^>]*>", re.I)
ENTITY_ID = re.compile(r"\bid=\"([^\"]*)\"")
# Entity types that do not point to a database row by id.
NO_ID_TYPES = {"media", "external", "email", "anchor"}

CONTROL_MESSAGE = _(
    "Der Text enthält unsichtbare Steuerzeichen (z. B. aus einer Kopie aus Word oder PDF). "
    "Bitte den Text neu eingeben oder als reinen Text einfügen."
)
LINK_MESSAGE = _("Ein Link oder Bild im Text verweist auf nichts Gültiges. Bitte neu setzen.")


def strip_control_characters(text: str) -> str:
    return CONTROL.sub("", text)


def strings_in(value):
    """Every string inside a form value: plain text, rich text, StreamField data, lists."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, RichText):
        yield value.source
    elif isinstance(value, StreamValue):
        yield from strings_in(value.get_prep_value())
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def broken_entity(text: str) -> bool:
    for match in ENTITY.finditer(text):
        if match[1].lower() in NO_ID_TYPES:
            continue
        found = ENTITY_ID.search(match[0])
        if found is None or not found[1].isdigit():
            return True
    return False


def content_errors(value) -> list:
    errors = []
    for text in strings_in(value):
        if CONTROL.search(text) and CONTROL_MESSAGE not in errors:
            errors.append(CONTROL_MESSAGE)
        if (
            ("linktype" in text or "embedtype" in text)
            and broken_entity(text)
            and LINK_MESSAGE not in errors
        ):
            errors.append(LINK_MESSAGE)
    return errors


def check_form_content(form) -> None:
    """Add the errors of every cleaned value of ``form`` to its field."""
    for name, value in list(getattr(form, "cleaned_data", {}).items()):
        if name not in form.fields:
            continue
        for message in content_errors(value):
            form.add_error(name, message)
