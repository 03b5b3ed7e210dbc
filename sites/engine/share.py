"""Sharing a page: the addresses that hand its link to a messenger or a mail program, and the
Open Graph locale of a page's language.

Only plain links to the services' documented share addresses (``wa.me``, ``t.me/share``,
``mailto:``): nothing is loaded from a third party, and the page works without script. Every
part is percent-encoded (spaces as ``%20``, also in ``mailto:``, where ``+`` would stay a plus).
"""

from __future__ import annotations

import functools
from urllib.parse import quote

from babel.core import get_global

from .i18n import cldr_name


def _encode(value: str) -> str:
    return quote(value, safe="")


def share_links(url: str, title: str, text: str = "") -> dict[str, str]:
    """The share addresses of a page at ``url``; ``text`` follows the title (e.g. the date),
    both in the page's language."""
    message = f"{title} – {text}" if text else title
    with_url = f"{message}\n{url}"
    mail_body = f"{message}\n\n{url}"
    return {
        "url": url,
        "title": title,
        "text": message,
        "whatsapp": f"https://wa.me/?text={_encode(with_url)}",
        "telegram": f"https://t.me/share/url?url={_encode(url)}&text={_encode(message)}",
        "email": f"mailto:?subject={_encode(title)}&body={_encode(mail_body)}",
    }


@functools.lru_cache(maxsize=64)
def og_locale(code: str) -> str:
    """Open Graph wants ``language_TERRITORY``: the territory CLDR finds most likely for the
    language (``de`` → ``de_DE``, ``ar`` → ``ar_EG``, ``prs`` → ``fa_AF``)."""
    name = cldr_name(code)
    likely = get_global("likely_subtags").get(name, name)
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if p.isupper() and len(p) in (2, 3)), "")
    return f"{parts[0]}_{territory}" if territory else parts[0]
