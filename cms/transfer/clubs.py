"""Moving a club between installations: ``export_club`` writes one self-contained ZIP archive,
``import_club`` recreates the club from it elsewhere (or here again, after a deletion).

The archive holds ``club.json`` and the original files of the club's images and documents
under ``media/``. ``club.json`` has the tenant (name, publishing mode), the editors (e-mail and
name; never passwords — imported editors set theirs through the usual invitation), every page
of the club's tree in every language in tree order (live state, content, and a newer draft where
one is pending), and the images and documents. Format 2 adds the club's cooperation links,
mentorings and room bookings with their status log (see :mod:`cms.transfer.links`,
which also says what is skipped, and reported, when the target lacks a partner, club, room or
free slot); format 1 archives are still read.

Ids mean nothing on another installation, so references are rewritten on the way out and back
in: taxonomy by natural key (municipality and focus area by slug, country by ISO code, language
by BCP 47 tag, umbrella and room by name, tags by name), images and documents by their position
in the archive, pages of the club by their position in the tree, other clubs (project partners)
by slug. The same applies inside StreamField blocks and rich text (embedded images, document
and page links). A link to a page outside the club that the target installation does not have
is turned into plain text; everything else arrives as it left.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils.dateparse import parse_datetime
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page

from cms.tenancy.models import Tenant, TenantKind
from cms.tenancy.provisioning import (
    apply_publishing_mode,
    club_index,
    ensure_editor,
    grant_page_permissions,
    provision_tenant,
    sync_translation,
)

from .errors import TransferError
from .links import export_links, import_links

FORMAT = 2  # 2 added cooperations, mentorings, bookings and the pages' revision dates
READABLE_FORMATS = (1, 2)
NATURAL_KEYS = {
    "taxonomy.municipality": "slug",
    "taxonomy.country": "code",
    "taxonomy.language": "tag",
    "taxonomy.focusarea": "slug",
    "taxonomy.umbrellaorganisation": "name",
    "rooms.room": "name",
    "taggit.tag": "name",
}
# Page fields that belong to this installation's tree, not to the content.
VOLATILE = {
    "pk",
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "live",
    "locale",
    "alias_of",
    "draft_title",
    "wagtail_admin_comments",
    "comment_notifications",
}
RICH_TAG = re.compile(r"<(a|embed)\b([^>]*)>")
ATTRIBUTE = re.compile(r'\b(linktype|embedtype|id)="([^"]*)"')


@dataclass
class References:
    """Translating this installation's ids to archive references and back."""

    pages: dict[int, int] = field(default_factory=dict)  # id → position, or back
    images: dict[int, int] = field(default_factory=dict)
    documents: dict[int, int] = field(default_factory=dict)
    outside_pages: dict = field(default_factory=dict)  # export: id → slug; import: slug → id
    exporting: bool = True

    def image(self, value):
        return self.images.get(value) if value is not None else None

    def document(self, value):
        return self.documents.get(value) if value is not None else None

    def page(self, value):
        if value is None:
            return None
        if self.exporting:
            if value in self.pages:
                return self.pages[value]
            slug = Page.objects.filter(pk=value).values_list("slug", flat=True).first()
            return f"slug:{slug}" if slug else None
        if isinstance(value, str) and value.startswith("slug:"):
            return Page.objects.filter(slug=value[5:]).values_list("pk", flat=True).first()
        return self.pages.get(value)


# --- Rich text and StreamField ---------------------------------------------------------------


def rewrite_rich_text(html: str, refs: References) -> str:
    def replace(match):
        attributes = dict(ATTRIBUTE.findall(match.group(2)))
        kind = attributes.get("linktype") or attributes.get("embedtype")
        if kind not in ("page", "document", "image") or "id" not in attributes:
            return match.group(0)
        raw = attributes["id"]
        value = raw if raw.startswith("slug:") else int(raw)
        new = getattr(refs, kind)(value)
        if new is None:
            # A link whose target does not exist here: keep the text, drop the link.
            return "" if match.group(1) == "a" else match.group(0)
        return match.group(0).replace(f'id="{raw}"', f'id="{new}"')

    result = RICH_TAG.sub(replace, html)
    if result.count("<a") < result.count("</a>"):
        # Drop the closing tags of unwrapped links (balanced by construction of the rich text).
        result = _balance_links(result)
    return result


def _balance_links(html: str) -> str:
    out, depth = [], 0
    for token in re.split(r"(<a\b[^>]*>|</a>)", html):
        if token.startswith("<a"):
            depth += 1
        elif token == "</a>":
            if depth == 0:
                continue
            depth -= 1
        out.append(token)
    return "".join(out)


def rewrite_block(block, value, refs: References):
    if value is None:
        return None
    if isinstance(block, ImageChooserBlock):
        return refs.image(value)
    if isinstance(block, DocumentChooserBlock):
        return refs.document(value)
    if isinstance(block, blocks.PageChooserBlock):
        return refs.page(value)
    if isinstance(block, blocks.RichTextBlock):
        return rewrite_rich_text(value, refs)
    if isinstance(block, blocks.StructBlock):
        return {
            name: rewrite_block(block.child_blocks[name], item, refs)
            if name in block.child_blocks
            else item
            for name, item in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": rewrite_block(block.child_block, item["value"], refs)}
            if isinstance(item, dict) and "value" in item and "type" in item
            else rewrite_block(block.child_block, item, refs)
            for item in value
        ]
    if isinstance(block, blocks.StreamBlock):
        return rewrite_stream(block, value, refs)
    return value


def rewrite_stream(stream_block, raw, refs: References):
    data = json.loads(raw) if isinstance(raw, str) else raw
    return [
        {
            **item,
            "value": rewrite_block(stream_block.child_blocks[item["type"]], item["value"], refs),
        }
        for item in data or []
        if item.get("type") in stream_block.child_blocks
    ]


# --- Model data ------------------------------------------------------------------------------


def rewrite_data(model, data: dict, refs: References, natural: NaturalKeys) -> dict:
    """Page (or child object) data from ``serializable_data`` with every reference rewritten."""
    result = {}
    for name, value in data.items():
        if name in VOLATILE:
            continue
        relation = _child_relation(model, name)
        if relation is not None:
            result[name] = [
                rewrite_data(relation.related_model, child, refs, natural)
                for child in value
                if isinstance(child, dict)
            ]
            continue
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not getattr(model_field, "concrete", False) and not model_field.many_to_many:
            continue
        if isinstance(model_field, ParentalKey) or model_field.name in ("content_object",):
            continue
        if isinstance(model_field, StreamField):
            result[name] = rewrite_stream(model_field.stream_block, value, refs)
        elif isinstance(model_field, RichTextField):
            result[name] = rewrite_rich_text(value or "", refs)
        elif isinstance(model_field, ParentalManyToManyField | models.ManyToManyField):
            result[name] = [
                v for v in (natural.convert(model_field, item, refs) for item in value) if v
            ]
        elif isinstance(model_field, models.ForeignKey):
            result[name] = natural.convert(model_field, value, refs)
        elif model_field.primary_key:
            continue
        else:
            result[name] = value
    if not natural.exporting:
        result["pk"] = None  # new objects here (modelcluster expects the key)
    return result


def _child_relation(model, name):
    for relation in model._meta.related_objects:
        if isinstance(relation.remote_field, ParentalKey) and relation.get_accessor_name() == name:
            return relation
    return None


class NaturalKeys:
    def __init__(self, exporting: bool):
        self.exporting = exporting

    def convert(self, model_field, value, refs: References):
        if value is None:
            return None
        related = model_field.related_model
        label = related._meta.label_lower
        if related is get_image_model():
            return refs.image(value)
        if related is get_document_model():
            return refs.document(value)
        if issubclass(related, Page):
            return refs.page(value)
        key = NATURAL_KEYS.get(label)
        if key is None:
            return None  # belongs to this installation only (e.g. users)
        if self.exporting:
            return related.objects.filter(pk=value).values_list(key, flat=True).first()
        if related is Tag:
            return Tag.objects.get_or_create(name=value)[0].pk
        found = related.objects.filter(**{key: value}).values_list("pk", flat=True).first()
        # Rooms are the agency's, not the club's: an event keeps its text address without one.
        if found is None and label != "rooms.room":
            raise TransferError(
                f"{related._meta.verbose_name} „{value}“ gibt es in dieser Installation nicht."
            )
        return found


# --- Export ----------------------------------------------------------------------------------


def export_club(slug: str) -> bytes:
    tenant = Tenant.objects.select_related("root_page", "collection", "group").filter(
        root_page__slug=slug, kind=TenantKind.CLUB
    )
    tenant = tenant.first()
    if tenant is None:
        raise TransferError(f"Keinen Verein mit dem Kurznamen {slug!r} gefunden.")
    roots = list(tenant.root_pages().order_by("pk"))
    pages = []
    for root in sorted(roots, key=lambda page: page.pk != tenant.root_page_id):
        pages.extend(root.get_descendants(inclusive=True).order_by("path").specific())
    refs = References()
    refs.pages = {page.pk: position for position, page in enumerate(pages)}
    collections = tenant.collection.get_descendants(inclusive=True)
    images = list(get_image_model().objects.filter(collection__in=collections).order_by("pk"))
    documents = list(get_document_model().objects.filter(collection__in=collections).order_by("pk"))
    refs.images = {image.pk: position for position, image in enumerate(images)}
    refs.documents = {doc.pk: position for position, doc in enumerate(documents)}
    natural = NaturalKeys(exporting=True)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        records = []
        for page in pages:
            parent = page.get_parent()
            latest = page.latest_revision
            draft = None
            if page.live and page.has_unpublished_changes and latest is not None:
                draft = rewrite_data(type(page), latest.content, refs, natural)
            records.append(
                {
                    "model": page._meta.label_lower,
                    "parent": refs.pages.get(parent.pk),
                    "locale": page.locale.language_code,
                    "live": page.live,
                    "content": {
                        **rewrite_data(type(page), json.loads(page.to_json()), refs, natural),
                        **publication_stamps(page),
                    },
                    "draft": draft,
                    # Freshness reminders count from the last revision: keep its date.
                    "revised_at": page.latest_revision_created_at.isoformat()
                    if page.latest_revision_created_at
                    else None,
                }
            )
        media = []
        for kind, items in (("image", images), ("document", documents)):
            for position, item in enumerate(items):
                name = f"media/{kind}s/{position}-{item.file.name.rsplit('/', 1)[-1]}"
                with item.file.open("rb") as file:
                    archive.writestr(name, file.read())
                entry = {"kind": kind, "title": item.title, "file": name}
                if kind == "image":
                    entry["focal_point"] = [
                        item.focal_point_x,
                        item.focal_point_y,
                        item.focal_point_width,
                        item.focal_point_height,
                    ]
                entry["tags"] = sorted(item.tags.names())
                media.append(entry)
        editors = [
            {"email": user.email, "first_name": user.first_name, "last_name": user.last_name}
            for user in get_user_model().objects.filter(groups=tenant.group).order_by("email")
        ]
        document = {
            "format": FORMAT,
            "slug": slug,
            "tenant": {"name": tenant.name, "direct_publishing": tenant.direct_publishing},
            "editors": editors,
            "pages": records,
            "media": media,
            **export_links(tenant),
        }
        archive.writestr("club.json", json.dumps(document, indent=1, ensure_ascii=False))
    return buffer.getvalue()


# --- Import ----------------------------------------------------------------------------------


def read_archive(data: bytes) -> tuple[dict, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        document = json.loads(archive.read("club.json"))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TransferError(f"Kein Vereinsarchiv: {exc}") from exc
    if not isinstance(document, dict):
        raise TransferError("Kein Vereinsarchiv: club.json enthält kein Objekt.")
    if document.get("format") not in READABLE_FORMATS:
        raise TransferError(f"Unbekanntes Archivformat {document.get('format')!r}.")
    return document, archive


def import_club(data: bytes, notes: list[str] | None = None) -> Tenant:
    """Recreate the club in one transaction; any problem raises ``TransferError`` and leaves
    the installation as it was (media files already written are removed again). Parts that
    point to what this installation lacks (a partner, another club, a room, a free slot) are
    skipped; ``notes`` receives one German sentence for each."""
    notes = [] if notes is None else notes
    written: list = []
    try:
        with transaction.atomic():
            return _import(data, notes, written)
    except TransferError:
        _remove(written)
        raise
    except (ValidationError, IntegrityError) as exc:
        _remove(written)
        raise TransferError(f"Das Archiv passt nicht zu dieser Installation: {exc}") from exc
    except (
        KeyError,
        IndexError,
        TypeError,
        AttributeError,
        ValueError,
        ObjectDoesNotExist,
        zipfile.BadZipFile,
    ) as exc:
        # A club.json edited by hand or cut short: whatever is missing or has the wrong type.
        _remove(written)
        raise TransferError(
            f"Archiv beschädigt ({type(exc).__name__}: {exc}); nichts wurde importiert."
        ) from exc


def _remove(files) -> None:
    for storage, name in files:
        storage.delete(name)


def _import(data: bytes, notes: list[str], written: list) -> Tenant:
    document, archive = read_archive(data)
    slug = document["slug"]
    if not isinstance(slug, str) or not slug:
        raise TransferError("Archiv beschädigt: kein Kurzname des Vereins.")
    if Page.objects.filter(slug=slug, depth=club_index().depth + 1).exists():
        raise TransferError(f"Hier gibt es schon einen Verein mit dem Kurznamen {slug!r}.")
    keys = [record["content"].get("translation_key") for record in document["pages"]]
    if Page.objects.filter(translation_key__in=[key for key in keys if key]).exists():
        raise TransferError(
            "Seiten dieses Vereins gibt es hier schon (gleiche Übersetzungsschlüssel)."
        )
    refs = References(exporting=False)
    natural = NaturalKeys(exporting=False)
    tenant = None
    media = document["media"]

    def add_media(collection):
        for kind in ("image", "document"):
            entries = [entry for entry in media if entry["kind"] == kind]
            model = get_image_model() if kind == "image" else get_document_model()
            target = refs.images if kind == "image" else refs.documents
            for position, entry in enumerate(entries):
                content = ContentFile(
                    archive.read(entry["file"]), name=entry["file"].split("/")[-1]
                )
                item = model(title=entry["title"], file=content, collection=collection)
                if kind == "image":
                    (
                        item.focal_point_x,
                        item.focal_point_y,
                        item.focal_point_width,
                        item.focal_point_height,
                    ) = entry["focal_point"]
                item.save()
                written.append((item.file.storage, item.file.name))
                if entry.get("tags"):
                    item.tags.add(*entry["tags"])
                target[position] = item.pk

    # Pages are created in tree order first (their references to media and other pages
    # resolved in a second pass, when everything exists); media go into the tenant's
    # collection as soon as the tenant is there.
    records = document["pages"]
    for position, record in enumerate(records):
        model = _page_model(record["model"])
        content = rewrite_data(model, record["content"], refs, natural)
        page = _instance(model, content)
        page.locale = Locale.objects.get(language_code=record["locale"])
        page.live = False
        if record["parent"] is None:
            if tenant is None:
                provisioned = provision_tenant(kind=TenantKind.CLUB, parent=club_index(), page=page)
                tenant = provisioned.tenant
                page = tenant.root_page.specific
                tenant.direct_publishing = document["tenant"]["direct_publishing"]
                tenant.save(update_fields=["direct_publishing"])
                grant_page_permissions(tenant, page)
                add_media(tenant.collection)
            else:
                parent = club_index(page.locale)
                if parent is None:
                    parent = club_index().copy_for_translation(page.locale)
                    parent.save_revision().publish()
                parent.add_child(instance=page)
                sync_translation(page)
        else:
            Page.objects.get(pk=refs.pages[record["parent"]]).add_child(instance=page)
        refs.pages[position] = page.pk
    # Second pass: content with references to pages (all exist now), publication, drafts.
    for position, record in enumerate(records):
        model = _page_model(record["model"])
        page = model.objects.get(pk=refs.pages[position])
        content = rewrite_data(model, record["content"], refs, natural)
        _assign(page, content)
        page.save()
        revision = page.save_revision()
        if record["live"]:
            revision.publish()
            stamps = {
                key: parse_datetime(content[key])
                for key in ("first_published_at", "last_published_at")
                if content.get(key)
            }
            if stamps:
                Page.objects.filter(pk=page.pk).update(**stamps)
        if record.get("draft"):
            page = model.objects.get(pk=page.pk)
            _assign(page, rewrite_data(model, record["draft"], refs, natural))
            page.save_revision()
        if record.get("revised_at"):
            revised_at = parse_datetime(record["revised_at"])
            if revised_at is None:
                raise TransferError(f"Archiv beschädigt: Seite {position}, Datum der Revision.")
            Page.objects.filter(pk=page.pk).update(latest_revision_created_at=revised_at)
    for editor in document["editors"]:
        ensure_editor(tenant, editor["email"], editor["first_name"], editor["last_name"])
    apply_publishing_mode(tenant)
    import_links(tenant, document, notes)
    return tenant


def _page_model(label: str):
    from django.apps import apps

    try:
        model = apps.get_model(label)
    except LookupError as exc:
        raise TransferError(f"Unbekannter Seitentyp {label!r}.") from exc
    if not issubclass(model, Page):
        raise TransferError(f"{label!r} ist kein Seitentyp.")
    return model


def publication_stamps(page) -> dict[str, str]:
    """When the page was first and last published, to the microsecond. Wagtail's JSON keeps
    milliseconds and leaves them out when they are zero, so a page published at .000 123 s
    came back at .000 and left again without a fraction: an archive of a club that came back
    differed from the first (a flaky round trip, once in a thousand)."""
    stamps = {}
    for key in ("first_published_at", "last_published_at"):
        value = getattr(page, key)
        if value is not None:
            stamps[key] = value.isoformat()
    return stamps


def _instance(model, content: dict):
    page = model.from_serializable_data({**content, "pk": None}, check_fks=False, strict_fks=False)
    page.pk = None
    page.id = None
    return page


def _assign(page, content: dict) -> None:
    """Set the page's content fields, many-to-many fields and child objects from ``content``."""
    fresh = type(page).from_serializable_data(
        {**content, "pk": page.pk}, check_fks=False, strict_fks=False
    )
    for model_field in page._meta.concrete_fields:
        if model_field.name in content and not (
            model_field.name in VOLATILE or model_field.primary_key
        ):
            setattr(page, model_field.attname, getattr(fresh, model_field.attname))
    for model_field in page._meta.get_fields():
        if isinstance(model_field, ParentalManyToManyField) and model_field.name in content:
            setattr(page, model_field.name, list(getattr(fresh, model_field.name).all()))
    for relation in page._meta.related_objects:
        name = relation.get_accessor_name()
        if isinstance(relation.remote_field, ParentalKey) and name in content:
            setattr(page, name, list(getattr(fresh, name).all()))
