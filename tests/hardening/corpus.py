"""Hostile uploads, generated (nothing binary in the repository): each one a file a careless or
malicious uploader could send, with the German message the admin must answer with.

``HOSTILE_IMAGES`` and ``HOSTILE_DOCUMENTS`` map a case name to a ``Hostile`` (file name,
content, a phrase of the expected error). ``good_photo_with_gps`` and friends build the files
that must be accepted.
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from PIL import Image as PILImage

MAX_UPLOAD = 10 * 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    filename: str
    build: callable
    expected: str  # a phrase of the German error message

    @functools.cached_property
    def content(self) -> bytes:
        return self.build()


# --- building blocks ---------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_header_only(width: int, height: int, rows: int = 64) -> bytes:
    """A 1-bit greyscale PNG of the given size whose data is a few thousand bytes: zeros that
    inflate to ``width × height`` pixels (a decompression bomb when large)."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(min(rows, height)))
    body += compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
        + png_chunk(b"IDAT", body)
        + png_chunk(b"IEND", b"")
    )


def png_bomb(width: int, height: int) -> bytes:
    """A complete 1-bit PNG of ``width × height`` black pixels: tiny on disk, huge in memory."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
        + png_chunk(b"IDAT", body)
        + png_chunk(b"IEND", b"")
    )


def encoded(image: PILImage.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def noise(size=(240, 180)) -> PILImage.Image:
    """Random-looking pixels (deterministic), so compressed data is dense like a photo's."""
    return PILImage.frombytes(
        "RGB", size, bytes((i * 7919 + 13) % 251 for i in range(size[0] * size[1] * 3))
    )


def valid_png() -> bytes:
    return encoded(noise((64, 48)), "PNG")


def valid_jpeg(size=(240, 180), **options) -> bytes:
    return encoded(noise(size), "JPEG", quality=85, **options)


def valid_gif() -> bytes:
    return encoded(noise((32, 24)).convert("P"), "GIF")


def animated_gif(frames: int, size: tuple[int, int]) -> bytes:
    colours = [(200, 30, 30), (30, 30, 200)]
    images = [PILImage.new("RGB", size, colours[index % 2]) for index in range(frames)]
    return encoded(images[0], "GIF", save_all=True, append_images=images[1:], duration=40)


def jpeg_with_comment(comment: bytes) -> bytes:
    data = valid_jpeg()
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:]


def png_with_text(text: bytes) -> bytes:
    data = valid_png()
    return data[:33] + png_chunk(b"tEXt", b"Comment\x00" + text) + data[33:]


def gif_js_polyglot() -> bytes:
    """``GIF89a/*…*/=alert(1)``: a GIF whose width bytes open a JavaScript comment, and script
    after the trailer; loaded with ``<script src>`` it runs."""
    data = bytearray(valid_gif())
    data[6:8] = b"/*"
    return bytes(data) + b"*/=window.__xss&&window.__xss(9001);"


def jpeg_zip_polyglot() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("index.html", "<p>hidden</p>")
    return valid_jpeg() + archive.getvalue()


def oversized_png() -> bytes:
    return valid_png() + b"\x00" * MAX_UPLOAD


def truncated(data: bytes, keep: float = 0.6) -> bytes:
    return data[: int(len(data) * keep)]


# --- documents ---------------------------------------------------------------------------


def pdf(objects: list[bytes]) -> bytes:
    """A small PDF with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


PDF_PAGES = [
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
]


def valid_pdf() -> bytes:
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", *PDF_PAGES])


def pdf_with_javascript() -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
            *PDF_PAGES,
            b"<< /S /JavaScript /JS (app.alert\\('xss'\\);) >>",
        ]
    )


def pdf_with_escaped_javascript() -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
            *PDF_PAGES,
            b"<< /S /J#61vaScript /J#53 (app.alert\\(1\\);) >>",
        ]
    )


def pdf_with_javascript_in_object_stream() -> bytes:
    hidden = zlib.compress(b"5 0 << /S /JavaScript /JS (app.alert\\(1\\);) >>")
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            *PDF_PAGES,
            b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(hidden)
            + hidden
            + b"\nendstream",
        ]
    )


def pdf_with_launch_action() -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>",
            *PDF_PAGES,
        ]
    )


def valid_docx() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("word/document.xml", "<w:document/>")
    return archive.getvalue()


def zip_bomb_docx(megabytes: int = 210) -> bytes:
    archive = io.BytesIO()
    chunk = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        with zipped.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)
    return archive.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>window.__xss&&window.__xss(9002)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>window.__xss&&window.__xss(9003)</script><rect width='10' height='10'/></svg>"
)

# Phrases of the German messages (Wagtail's, Django's and cms/hardening/uploads.py's).
NOT_AN_IMAGE = "Lade ein gültiges Bild hoch"
UNSUPPORTED = "Nicht unterstütztes Bildformat"
MARKUP = "enthält HTML oder Skript-Code"
BROKEN = "beschädigt oder unvollständig"
POLYGLOT = "zugleich ein Bild und eine andere Datei"
TOO_MANY_PIXELS = "zu viele Pixel"
EMPTY = "Die übermittelte Datei ist leer"
DOC_TYPE = "passt nicht zur Endung"
PDF_ACTIVE = "enthält aktive Inhalte"

HOSTILE_IMAGES = {
    "decompression_bomb": Hostile("bombe.png", lambda: png_bomb(8000, 8000), TOO_MANY_PIXELS),
    "decompression_bomb_beyond_pillow": Hostile(
        "riesig.png", lambda: png_header_only(30000, 30000), TOO_MANY_PIXELS
    ),
    "huge_dimensions_gif": Hostile(
        "breit.gif",
        lambda: valid_gif()[:6] + struct.pack("<HH", 65535, 65535) + valid_gif()[10:],
        TOO_MANY_PIXELS,
    ),
    "truncated_png": Hostile("kaputt.png", lambda: truncated(valid_png()), BROKEN),
    "truncated_jpeg": Hostile("kaputt.jpg", lambda: truncated(valid_jpeg()), BROKEN),
    "polyglot_gif_js": Hostile("bild.gif", gif_js_polyglot, POLYGLOT),
    "polyglot_jpeg_zip": Hostile("bild.jpg", jpeg_zip_polyglot, POLYGLOT),
    "polyglot_jpeg_html_comment": Hostile(
        "bild.jpg",
        lambda: jpeg_with_comment(b"<script>window.__xss&&window.__xss(9004)</script>"),
        MARKUP,
    ),
    "png_with_script_text_chunk": Hostile(
        "bild.png", lambda: png_with_text(b"<svg onload=alert(1)>"), MARKUP
    ),
    "wrong_extension": Hostile("foto.jpg", valid_png, "Kein gültiges .jpeg-Bild"),
    "zero_bytes": Hostile("leer.jpg", lambda: b"", EMPTY),
    "too_many_bytes": Hostile("gross.png", oversized_png, "Die Datei ist zu groß"),
    "many_frames_gif": Hostile(
        "animation.gif", lambda: animated_gif(150, (8, 8)), "zu viele Einzelbilder"
    ),
    "many_frames_pixels_gif": Hostile(
        "animation.gif", lambda: animated_gif(41, (1000, 1000)), TOO_MANY_PIXELS
    ),
    "svg_with_script": Hostile("logo.svg", lambda: SVG, NOT_AN_IMAGE),
    "svg_named_png": Hostile("logo.png", lambda: SVG, NOT_AN_IMAGE),
    "html_named_jpeg": Hostile("foto.jpg", lambda: HTML, NOT_AN_IMAGE),
    "executable_named_png": Hostile(
        "foto.png", lambda: b"MZ\x90\x00" + b"\x00" * 200, NOT_AN_IMAGE
    ),
}

HOSTILE_DOCUMENTS = {
    "pdf_with_javascript": Hostile("satzung.pdf", pdf_with_javascript, PDF_ACTIVE),
    "pdf_with_escaped_javascript": Hostile("satzung.pdf", pdf_with_escaped_javascript, PDF_ACTIVE),
    "pdf_with_javascript_in_object_stream": Hostile(
        "satzung.pdf", pdf_with_javascript_in_object_stream, PDF_ACTIVE
    ),
    "pdf_with_launch_action": Hostile("satzung.pdf", pdf_with_launch_action, PDF_ACTIVE),
    "html_named_pdf": Hostile("satzung.pdf", lambda: HTML, DOC_TYPE),
    "executable_named_pdf": Hostile("satzung.pdf", lambda: b"MZ\x90\x00" + b"\x00" * 200, DOC_TYPE),
    "html_document": Hostile("seite.html", lambda: HTML, "ist nicht erlaubt"),
    "svg_document": Hostile("logo.svg", lambda: SVG, "ist nicht erlaubt"),
    "zero_bytes": Hostile("leer.pdf", lambda: b"", EMPTY),
    "docx_not_a_zip": Hostile("brief.docx", lambda: HTML, DOC_TYPE),
    "docx_zip_bomb": Hostile("brief.docx", zip_bomb_docx, "ungewöhnlich stark gepackt"),
    "binary_text": Hostile("liste.csv", lambda: b"name;ort\n\x00\x01\x02", "keine Binärdaten"),
}


# --- files that must be accepted ---------------------------------------------------------

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_with_gps(orientation: int = 1, size=(60, 30), fmt="JPEG") -> bytes:
    """A phone photo: EXIF with a GPS position (Düren town hall), camera model, orientation."""
    image = noise(size)
    exif = PILImage.Exif()
    exif[0x010F] = "Telefonhersteller"
    exif[0x0110] = "Telefon 12"
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (50.0, 48.0, 14.0), 3: "E", 4: (6.0, 29.0, 0.5)}
    return encoded(image, fmt, exif=exif.tobytes(), **({"quality": 90} if fmt == "JPEG" else {}))


GOOD_IMAGES = {
    "png": ("bild.png", valid_png),
    "jpeg_photo_sized": ("foto.jpg", lambda: valid_jpeg((1600, 1200))),
    "gif_animation": ("winken.gif", lambda: animated_gif(12, (40, 40))),
    "webp": ("bild.webp", lambda: encoded(noise((64, 48)), "WEBP")),
    "jpeg_with_gps": ("handy.jpg", photo_with_gps),
}
GOOD_DOCUMENTS = {
    "pdf": ("satzung.pdf", valid_pdf),
    "docx": ("brief.docx", valid_docx),
    "csv": ("liste.csv", lambda: "name;ort\nAyşe;Düren\n".encode()),
}
