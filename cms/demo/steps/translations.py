"""Translations of the demo content, made the way the agency and the clubs make them: Wagtail
translations of the German pages (``copy_for_translation``), filled in and published.

The texts are in ``cms/demo/translations/<locale>.json``, one file per locale:

- ``portal``: the portal home (title, intro, its text sections, the titles of its dynamic
  sections, the call to action), the club index and the portal pages by role (*Mitmachen*,
  *Einfache Sprache*, the legal pages); a locale without a page keeps the German one, which the
  portal marks as German only;
- ``club_pages``: the titles of a club's news and event indexes;
- ``clubs``: per club slug its profile (short description, description, plain-language
  summary), one news item and one event, each naming the German title it translates
  (``source``); an item whose German page does not exist is skipped.

A page that already has a translation into the locale is left alone, so a second run changes
nothing."""

import json
from functools import cache
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale, Page

from cms import locales
from cms.clubs.models import ClubPage, NewsIndexPage
from cms.events.models import EventIndexPage
from cms.portal.models import PortalHomePage, PortalPage
from cms.tenancy.provisioning import club_index

TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "translations"
DYNAMIC_SECTIONS = {"featured_clubs", "upcoming_events", "latest_news"}


@cache
def texts(code: str) -> dict:
    path = TRANSLATIONS_DIR / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def translated_locales() -> list[str]:
    """The platform's locales that have demo translations, in the platform's order."""
    return [code for code in locales.codes()[1:] if texts(code)]


def translate_content(context) -> None:
    agency = context.users["agency"]
    for code in translated_locales():
        locale, _created = Locale.objects.get_or_create(language_code=code)
        data = texts(code)
        with transaction.atomic():
            translate_portal(context, locale, data.get("portal", {}), agency)
        for slug, club in data.get("clubs", {}).items():
            with transaction.atomic():
                translate_club(context, locale, slug, club, data.get("club_pages", {}))


def translate(context, page: Page, locale: Locale, user, **fields) -> Page | None:
    """Publish ``page`` translated into ``locale`` with ``fields`` changed; ``None`` when a
    translation exists already (it is the agency's or the club's to change)."""
    if page.get_translation_or_none(locale) is not None:
        return None
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision(user=user, clean=False).publish(
        user=user, skip_permission_checks=True
    )
    context.created["Übersetzte Seiten"] += 1
    return translation


def translate_portal(context, locale, portal: dict, agency) -> None:
    home = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None or not portal.get("home"):
        return
    text = portal["home"]
    translate(
        context,
        home,
        locale,
        agency,
        title=text["title"],
        draft_title=text["title"],
        intro=text["intro"],
        body=home_body(home.body.raw_data, text),
    )
    index = club_index()
    if index is not None and portal.get("club_index"):
        translate(context, index, locale, agency, **titled(portal["club_index"]))
    for role, page_text in portal.get("pages", {}).items():
        page = PortalPage.objects.filter(locale=home.locale, page_role=role).first()
        if page is not None:
            body = [{"type": "text", "value": page_text["body"]}]
            translate(context, page, locale, agency, **titled(page_text), body=body)


def titled(text: dict) -> dict:
    fields = {"title": text["title"], "draft_title": text["title"]}
    if "intro" in text:
        fields["intro"] = text["intro"]
    return fields


def home_body(raw: list, text: dict) -> list:
    """The German home's sections with their words translated: text sections in order, the
    dynamic sections' titles, the call to action (its page stays: the portal links the
    visitor's translation of it)."""
    body, texts_left = [], list(text.get("texts", []))
    for item in raw:
        kind, value = item["type"], item["value"]
        if kind == "text":
            if not texts_left:
                continue
            value = texts_left.pop(0)
        elif kind in DYNAMIC_SECTIONS and kind in text.get("section_titles", {}):
            value = {**value, "title": text["section_titles"][kind]}
        elif kind == "call_to_action" and "call_to_action" in text:
            value = {**value, **text["call_to_action"]}
        body.append({"type": kind, "value": value})
    return body


def translate_club(context, locale, slug: str, club: dict, club_pages: dict) -> None:
    page = ClubPage.objects.filter(locale=Locale.get_default(), slug=slug, live=True).first()
    if page is None or club_index(locale) is None:
        return
    publisher = context.users["agency"]
    translated = translate(
        context,
        page,
        locale,
        publisher,
        short_description=club["short_description"],
        description=club["description"],
        plain_summary=club.get("plain_summary", ""),
    )
    name = page.title
    for model, key, item_key in (
        (NewsIndexPage, "news_index", "news"),
        (EventIndexPage, "event_index", "event"),
    ):
        index = model.objects.child_of(page).live().first()
        item = club.get(item_key)
        if index is None or item is None or key not in club_pages:
            continue
        labels = club_pages[key]
        translate(
            context,
            index,
            locale,
            publisher,
            title=labels["title"],
            draft_title=labels["title"],
            intro=labels["intro"].format(club=name),
        )
        source = index.get_children().live().filter(title=item["source"]).first()
        if source is None:
            continue
        fields = {"title": item["title"], "draft_title": item["title"]}
        fields["body"] = [{"type": "text", "value": item["body"]}]
        if item_key == "news":
            fields["teaser"] = item["teaser"]
        else:
            fields["summary"] = item["summary"]
        translate(context, source, locale, publisher, **fields)
    if translated is not None:
        context.created["Übersetzte Vereine"] += 1
