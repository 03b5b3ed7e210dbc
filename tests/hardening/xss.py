"""XSS payloads a club editor could type or paste, and a club that carries them in every text,
rich-text and StreamField field an editor can fill.

Every payload, if it ever ran, calls ``window.__xss(n)`` (a binding the browser test exposes)
or opens a dialog; the test fails on either.
"""

from __future__ import annotations

import datetime
import json

from django.utils import timezone

PAYLOADS = [
    "<script>window.__xss(1)</script>",
    '<img src=x onerror="window.__xss(2)">',
    '"><svg onload=window.__xss(3)>',
    '\'><iframe srcdoc="<script>parent.__xss(4)</script>"></iframe>',
    "</title></textarea></style><script>window.__xss(5)</script>",
    "</script><script>window.__xss(6)</script>",
    '" autofocus onfocus="window.__xss(7)" x="',
    "<details open ontoggle=window.__xss(8)>",
    '<a href="javascript:window.__xss(9)">Link</a>',
    "{{ 7*7 }}{% raw %}<b onclick=window.__xss(10)>{% endraw %}",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss(11)>",
    "<svg><animate onbegin=window.__xss(12) attributeName=x dur=1s>",
    "<body onload=window.__xss(13)>",
    '<object data="javascript:window.__xss(14)"></object>',
    "<input onfocus=window.__xss(15) autofocus>",
    '<noscript><p title="</noscript><img src=x onerror=window.__xss(16)>">',
    "\u202e<img src=x onerror=window.__xss(17)>",
]
LINK_PAYLOADS = ["javascript:window.__xss(18)", "data:text/html,<script>parent.__xss(19)</script>"]
ALL = " ".join(PAYLOADS)


def short(limit: int) -> str:
    """As many payloads as fit into a field of ``limit`` characters."""
    text = ""
    for payload in PAYLOADS:
        if len(text) + len(payload) + 1 > limit:
            break
        text += payload + " "
    return text.strip() or PAYLOADS[0][:limit]


def rich_text(features) -> str:
    """Rich text as the admin's editor (Draftail) stores it: the payloads as typed text, and as
    link targets."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    blocks = [
        {
            "key": f"b{index}",
            "type": "unstyled",
            "text": payload,
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [{"offset": 0, "length": 4, "key": index}]
            if index < len(LINK_PAYLOADS)
            else [],
            "data": {},
        }
        for index, payload in enumerate(PAYLOADS)
    ]
    entities = {
        str(index): {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        for index, url in enumerate(LINK_PAYLOADS)
    }
    contentstate = json.dumps({"blocks": blocks, "entityMap": entities})
    return ContentstateConverter(features).to_database_format(contentstate)


def stream(image) -> list[dict]:
    from cms.clubs.blocks import RICH_TEXT_FEATURES

    return [
        {"type": "text", "value": rich_text(RICH_TEXT_FEATURES)},
        {"type": "quote", "value": {"text": short(1000), "attribution": short(120)}},
        {
            "type": "image",
            "value": {"image": image.pk, "caption": short(250), "alt_text": short(250)},
        },
        {
            "type": "gallery",
            "value": {
                "title": short(120),
                "images": [{"image": image.pk, "caption": short(250), "alt_text": short(250)}],
            },
        },
    ]


def hostile_club():
    """A published club whose every editor-fillable text carries payloads."""
    from cms.clubs.blocks import RICH_TEXT_FEATURES
    from cms.clubs.models import (
        ContentPage,
        GalleryImage,
        GalleryPage,
        MeetingTime,
        ProjectPage,
    )
    from tests.factories import (
        ClubFactory,
        add_child,
        event_index,
        event_page,
        image,
        news_index,
        news_page,
    )

    club = ClubFactory(
        short(255),
        short_description=short(300),
        description=rich_text(RICH_TEXT_FEATURES),
        plain_summary=short(2000),
        street=short(200),
        postal_code="52349",
        city=short(100),
        publish_address=True,
        contact_name=short(200),
        contact_role=short(100),
        contact_email="kontakt@example.org",
        contact_consent=True,
        register_court=short(100),
        imprint_representatives=short(1000),
        imprint_responsible=short(200),
        imprint_email="vorstand@example.org",
    )
    picture = image(club.tenant.collection, title=short(255), description=short(255))
    club.logo = picture
    club.cover_image = picture
    club.meeting_times.add(
        MeetingTime(weekday=2, start_time=datetime.time(18), place=short(200), note=short(200))
    )
    club.save_revision().publish()
    club.refresh_from_db()

    news = news_index(club, intro=short(600))
    news_page(news, short(255), teaser=short(400), image=picture, body=stream(picture))
    events = event_index(club, intro=short(600))
    event_page(
        events,
        short(255),
        start=timezone.now() + datetime.timedelta(days=5),
        location_address=short(300),
        summary=short(400),
        body=stream(picture),
    )
    gallery = GalleryPage(title=short(255), slug="galerie", intro=short(600))
    gallery.gallery_images.add(GalleryImage(image=picture, caption=short(250), photo_consent=True))
    add_child(club, gallery)
    add_child(
        club,
        ProjectPage(
            title=short(255),
            slug="projekt",
            funding_source=short(200),
            summary=short(400),
            body=stream(picture),
        ),
    )
    content = add_child(club, ContentPage(title=short(255), slug="seite", body=stream(picture)))
    return club, content
