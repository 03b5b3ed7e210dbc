"""Give the portal home its default sections and create the portal pages (Mitmachen, Einfache
Sprache, Impressum, Datenschutz, Barrierefreiheit) with German starting texts.

Existing sections are kept: the dynamic ones are only added when the home has none of them, the
call to action only when it has none. Pages are only created for roles without a page."""

import json
import uuid

from django.db import migrations
from django.utils import timezone

from cms.portal import defaults

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DYNAMIC_SECTIONS = {"featured_clubs", "upcoming_events", "latest_news"}


def next_child_path(Page, parent) -> str:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEPLEN:], 36) + 1 if last else 1
    segment = ""
    for _position in range(STEPLEN):
        number, digit = divmod(number, 36)
        segment = ALPHABET[digit] + segment
    return parent.path + segment


def create_pages(apps, home) -> dict:
    """Portal pages by role (existing or new)."""
    Page = apps.get_model("wagtailcore.Page")
    ContentType = apps.get_model("contenttypes.ContentType")
    PortalPage = apps.get_model("portal.PortalPage")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="portal", model="portalpage"
    )
    now = timezone.now()
    pages = {}
    for role, slug, title, body in defaults.PORTAL_PAGES:
        existing = PortalPage.objects.filter(page_role=role, locale_id=home.locale_id).first()
        if existing is not None:
            pages[role] = existing
            continue
        siblings = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        if siblings.filter(slug=slug).exists():
            slug = f"{slug}-{role}"
        pages[role] = PortalPage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=next_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            page_role=role,
            body=json.dumps(body),
        )
        Page.objects.filter(pk=home.pk).update(numchild=Page.objects.get(pk=home.pk).numchild + 1)
    return pages


def sections_for(raw: list, mitmachen_id: int) -> list:
    kinds = {item.get("type") for item in raw}
    sections = list(raw)
    if not kinds & DYNAMIC_SECTIONS:
        sections = defaults.home_sections() + (sections or [defaults.text(defaults.HOME_TEXT)])
    if "call_to_action" not in kinds:
        sections.append(defaults.home_call_to_action(mitmachen_id))
    return sections


def set_revision_body(Revision, revision_id, body_json: str) -> None:
    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is None:
        return
    stored = revision.content.get("body")
    revision.content["body"] = body_json if isinstance(stored, str) or stored is None else (
        json.loads(body_json)
    )
    revision.save(update_fields=["content"])


def fill_portal(apps, schema_editor):
    PortalHomePage = apps.get_model("portal.PortalHomePage")
    Revision = apps.get_model("wagtailcore.Revision")
    for home in PortalHomePage.objects.order_by("path"):
        if home.locale.language_code != "de":
            continue
        pages = create_pages(apps, home)
        home.refresh_from_db()
        body_json = json.dumps(sections_for(list(home.body.raw_data), pages["mitmachen"].pk))
        home.body = body_json
        home.save(update_fields=["body"])
        for revision_id in {home.latest_revision_id, home.live_revision_id} - {None}:
            set_revision_body(Revision, revision_id, body_json)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_sections_pages_feedback"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(fill_portal, migrations.RunPython.noop)]
