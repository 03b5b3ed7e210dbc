"""StreamField bodies resolved for API clients: images become renditions, documents download
URLs, rich text real links. Works on the stored JSON of many pages at once, so the images and
documents of a whole result are loaded in two queries instead of one per block."""

import re

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from .media import document_data, image_data, load_documents, load_images

_LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_PAGE_ID = re.compile(r"""\bid=["'](\d+)["']""")


def linked_page_ids(html: str) -> set[int]:
    """The ids of the pages a stored rich text links to (``<a linktype="page" id="…">``)."""
    found = set()
    for tag in _LINK.findall(html or ""):
        if 'linktype="page"' in tag or "linktype='page'" in tag:
            match = _PAGE_ID.search(tag)
            if match:
                found.add(int(match.group(1)))
    return found


def _items(raw_list):
    """ListBlock values are stored as ``[{"type": "item", "value": …}]`` or as bare values."""
    for item in raw_list or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"]
        else:
            yield item


class StreamResolver:
    """Collect the streams of a result first (:meth:`add`), then resolve them (:meth:`resolve`)."""

    def __init__(self, request=None):
        self.request = request
        self.image_ids: set[int] = set()
        self.document_ids: set[int] = set()
        # Pages the rich texts link to (their addresses are resolved into the text) and the
        # page choosers name: what the result depends on besides its own page.
        self.page_ids: set[int] = set()
        self.images: dict = {}
        self.documents: dict = {}
        self._loaded = False

    def add(self, stream_value) -> None:
        self._collect(stream_value.stream_block, list(stream_value.raw_data))
        self._loaded = False

    def add_images(self, ids) -> None:
        """Images needed besides those in the streams, loaded in the same query."""
        self.image_ids.update(ids)
        self._loaded = False

    def load(self) -> dict:
        """Load what was collected (images and documents); returns the images by id."""
        if not self._loaded:
            self.images = load_images(self.image_ids)
            self.documents = load_documents(self.document_ids)
            self._loaded = True
        return self.images

    def resolve(self, stream_value) -> list:
        self.load()
        return self._resolve(stream_value.stream_block, list(stream_value.raw_data))

    def _collect(self, block, raw) -> None:
        if isinstance(block, blocks.StreamBlock):
            for item in raw or []:
                child = block.child_blocks.get(item.get("type"))
                if child is not None:
                    self._collect(child, item.get("value"))
        elif isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                self._collect(child, (raw or {}).get(name))
        elif isinstance(block, blocks.ListBlock):
            for value in _items(raw):
                self._collect(block.child_block, value)
        elif isinstance(block, ImageChooserBlock) and raw:
            self.image_ids.add(int(raw))
        elif isinstance(block, DocumentChooserBlock) and raw:
            self.document_ids.add(int(raw))
        elif isinstance(block, blocks.RichTextBlock) and raw:
            self.page_ids |= linked_page_ids(raw)
        elif isinstance(block, blocks.PageChooserBlock) and raw:
            self.page_ids.add(int(raw))

    def _resolve(self, block, raw):
        if isinstance(block, blocks.StreamBlock):
            return [
                {
                    "type": item["type"],
                    "id": item.get("id"),
                    "value": self._resolve(block.child_blocks[item["type"]], item.get("value")),
                }
                for item in raw or []
                if item.get("type") in block.child_blocks
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self._resolve(child, (raw or {}).get(name))
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [self._resolve(block.child_block, value) for value in _items(raw)]
        if isinstance(block, ImageChooserBlock):
            return image_data(self.images.get(int(raw)), self.request) if raw else None
        if isinstance(block, DocumentChooserBlock):
            return document_data(self.documents.get(int(raw)), self.request) if raw else None
        if isinstance(block, blocks.RichTextBlock):
            return expand_db_html(raw or "")
        if isinstance(block, EmbedBlock):
            return {"url": raw or ""}
        return raw


def resolve_streams(stream_values, request=None, page_ids: set | None = None) -> list[list]:
    """Resolve several stream values with shared image and document lookups; ``page_ids``
    (a set), if given, receives the ids of the pages they link to."""
    resolver = StreamResolver(request)
    for value in stream_values:
        resolver.add(value)
    if page_ids is not None:
        page_ids |= resolver.page_ids
    return [resolver.resolve(value) for value in stream_values]


def stream_text(stream_value) -> str:
    """The plain text of a stream (for search highlights)."""
    parts: list[str] = []

    def walk(raw):
        if isinstance(raw, str):
            parts.append(strip_tags(raw))
        elif isinstance(raw, dict):
            for key, value in raw.items():
                if key not in ("type", "id"):
                    walk(value)
        elif isinstance(raw, list):
            for value in raw:
                walk(value)

    walk(list(stream_value.raw_data))
    return " ".join(part for part in parts if part)
