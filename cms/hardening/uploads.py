"""Upload checks beyond Wagtail's own (extension, size, pixels × frames): a file is decoded in
full before it is accepted, polyglots and animations with too many frames are refused, and
documents must be what their extension says, without active content.

The forms are Wagtail's base forms for images and documents
(``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``), so the single add
view, the multiple uploader and every chooser upload use them.
"""

import re
import struct
import zipfile
import zlib
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Markers of markup or script inside a file that claims to be an image or a binary document.
# Seven or more ASCII characters: they do not occur by chance in compressed image data.
MARKUP_MARKERS = re.compile(
    rb"<\s*(script|html|svg|iframe|object|embed|body|!doctype)|javascript:", re.IGNORECASE
)
# PDF names that run code or carry other files. Names may hide letters as #xx escapes.
PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
PDF_ACTIVE_NAMES = {
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
    b"SubmitForm",
    b"ImportData",
}
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
# Decompressed bytes inspected per PDF stream and per upload (a zip/flate bomb stops here).
PDF_MAX_INFLATE = 20 * 1024 * 1024
OFFICE_MAX_UNCOMPRESSED = 200 * 1024 * 1024

MAGIC = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = {"txt", "csv"}

ERRORS = {
    "markup": _(
        "Die Datei enthält HTML oder Skript-Code und wird deshalb nicht angenommen. "
        "Bitte das Bild in einem Bildprogramm öffnen und neu speichern."
    ),
    "polyglot": _(
        "Die Datei ist zugleich ein Bild und eine andere Datei (Archiv oder Skript) und wird "
        "deshalb nicht angenommen. "
        "Bitte das Bild in einem Bildprogramm öffnen und neu speichern."
    ),
    "broken": _(
        "Das Bild ist beschädigt oder unvollständig und lässt sich nicht öffnen. "
        "Bitte die Datei erneut hochladen oder neu speichern."
    ),
    "pixels": _(
        "Das Bild hat zu viele Pixel (%(pixels)s, alle Einzelbilder zusammengezählt; "
        "höchstens %(max)s erlaubt)."
    ),
    "frames": _("Die Animation hat zu viele Einzelbilder (%(frames)s, höchstens %(max)s erlaubt)."),
    "doc_type": _(
        "Der Inhalt der Datei passt nicht zur Endung „.%(extension)s“. Bitte die Datei im "
        "richtigen Format speichern."
    ),
    "pdf_active": _(
        "Die PDF-Datei enthält aktive Inhalte (%(names)s) und wird deshalb nicht angenommen. "
        "Bitte die Datei ohne Skripte und Anhänge neu als PDF speichern (Drucken → Als PDF)."
    ),
    "office_bomb": _("Die Datei ist ungewöhnlich stark gepackt und wird deshalb nicht angenommen."),
    "text": _("Eine Text- oder CSV-Datei darf keine Binärdaten enthalten."),
}


def read_upload(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def png_end(data: bytes) -> int | None:
    """Offset just after the IEND chunk, walking the chunks."""
    offset = 8
    while offset + 12 <= len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        offset += 12 + length
        if kind == b"IEND":
            return offset
    return None


def gif_end(data: bytes) -> int | None:
    """Offset just after the trailer byte, walking the blocks."""

    def skip_sub_blocks(offset: int) -> int:
        while offset < len(data) and data[offset]:
            offset += data[offset] + 1
        return offset + 1

    if len(data) < 13:
        return None
    offset = 13
    if data[10] & 0x80:
        offset += 3 << ((data[10] & 0x07) + 1)
    while offset < len(data):
        block = data[offset]
        if block == 0x3B:
            return offset + 1
        if block == 0x21:
            offset = skip_sub_blocks(offset + 2)
        elif block == 0x2C:
            if offset + 10 > len(data):
                return None
            flags = data[offset + 9]
            offset += 10
            if flags & 0x80:
                offset += 3 << ((flags & 0x07) + 1)
            offset = skip_sub_blocks(offset + 1)
        else:
            return None
    return None


def has_trailing_data(data: bytes) -> bool:
    """Bytes after the end of a PNG, GIF or WebP: room for a second file (a polyglot). JPEG is
    left out: phone cameras legitimately append further pictures (MPF) after the first."""
    if data.startswith(b"\x89PNG"):
        end = png_end(data)
    elif data.startswith((b"GIF87a", b"GIF89a")):
        end = gif_end(data)
    elif data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        end = 8 + struct.unpack("<I", data[4:8])[0]
    else:
        return False
    return end is not None and bool(data[end:].strip(b"\x00\r\n"))


def check_image_bytes(data: bytes) -> None:
    """Refuse markup and archive polyglots, undecodable files and too many frames."""
    if MARKUP_MARKERS.search(data):
        raise ValidationError(ERRORS["markup"], code="image_markup")
    if zipfile.is_zipfile(BytesIO(data)) or has_trailing_data(data):
        raise ValidationError(ERRORS["polyglot"], code="image_polyglot")
    max_frames = settings.VEREINSNETZ_IMAGE_MAX_FRAMES
    try:
        with PILImage.open(BytesIO(data)) as image:
            frames = getattr(image, "n_frames", 1)
            # Wagtail multiplies by the frame count only with Wand; with Pillow it sees one.
            pixels = image.width * image.height * frames
            if pixels > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise ValidationError(
                    ERRORS["pixels"]
                    % {"pixels": pixels, "max": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS},
                    code="image_pixels",
                )
            if frames > max_frames:
                raise ValidationError(
                    ERRORS["frames"] % {"frames": frames, "max": max_frames},
                    code="image_frames",
                )
            for index in range(frames):
                image.seek(index)
                image.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError) as exc:
        raise ValidationError(ERRORS["broken"], code="image_broken") from exc


class HardenedImageField(WagtailImageField):
    """Wagtail's image field, with a file that fails while Wagtail reads its size (a truncated
    PNG makes Pillow raise ``OSError`` there) reported instead of raised."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ValidationError(ERRORS["broken"], code="image_broken") from exc


class HardenedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, HardenedImageField):
            self.fields["file"] = HardenedImageField(
                label=field.label, required=field.required, widget=field.widget
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_image_bytes(read_upload(upload))
        return upload


def pdf_names(data: bytes) -> set[bytes]:
    def unescape(name: bytes) -> bytes:
        return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)

    return {unescape(match.group(1)) for match in PDF_NAME.finditer(data)}


def inflated_pdf_streams(data: bytes):
    """The content of every Flate-compressed stream, within ``PDF_MAX_INFLATE`` in total."""
    budget = PDF_MAX_INFLATE
    for match in PDF_STREAM.finditer(data):
        if budget <= 0:
            return
        inflater = zlib.decompressobj()
        try:
            content = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(content)
        yield content


def check_pdf(data: bytes) -> None:
    names = pdf_names(data)
    for content in inflated_pdf_streams(data):
        names |= pdf_names(content)
    active = sorted(name.decode("latin-1") for name in names & PDF_ACTIVE_NAMES)
    if active:
        raise ValidationError(
            ERRORS["pdf_active"] % {"names": ", ".join(f"/{name}" for name in active)},
            code="pdf_active",
        )


def check_office(data: bytes, extension: str) -> None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(
            ERRORS["doc_type"] % {"extension": extension}, code="document_type"
        ) from exc
    if total > OFFICE_MAX_UNCOMPRESSED:
        raise ValidationError(ERRORS["office_bomb"], code="document_bomb")


def check_document_bytes(data: bytes, extension: str) -> None:
    """The content matches the extension; PDFs carry no scripts, actions or attachments."""
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in data:
            raise ValidationError(ERRORS["text"], code="document_text")
        return
    signatures = MAGIC.get(extension)
    if signatures and not data.startswith(signatures):
        raise ValidationError(ERRORS["doc_type"] % {"extension": extension}, code="document_type")
    if extension == "pdf":
        check_pdf(data)
    elif signatures == MAGIC["docx"]:
        check_office(data, extension)


class HardenedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
            check_document_bytes(read_upload(upload), extension)
        return upload
