"""Location data never leaves a phone photo: every uploaded image is re-saved without its
EXIF (GPS position, camera serial, time) and XMP metadata, with the EXIF orientation applied to
the pixels so the picture stays the right way up. Runs when an image is saved with a new file,
whichever way it came in (admin, multiple uploader, chooser, API, shell)."""

from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageOps

# Formats that carry EXIF or XMP and that Pillow writes back faithfully.
REWRITTEN_FORMATS = {"JPEG", "PNG", "WEBP"}
EXIF_ORIENTATION = 0x0112
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "Raw profile type exif"}


def has_metadata(image: PILImage.Image) -> bool:
    return bool(image.getexif()) or bool(METADATA_KEYS & set(image.info))


def without_metadata(data: bytes) -> bytes | None:
    """The image re-encoded without EXIF and XMP, orientation applied; None when it carries
    no such metadata (then the upload is stored as it came)."""
    with PILImage.open(BytesIO(data)) as image:
        if image.format not in REWRITTEN_FORMATS or not has_metadata(image):
            return None
        fmt = image.format
        animated = getattr(image, "n_frames", 1) > 1
        icc_profile = image.info.get("icc_profile")
        options: dict = {}
        if icc_profile:
            options["icc_profile"] = icc_profile
        if fmt == "JPEG":
            needs_turn = image.getexif().get(EXIF_ORIENTATION, 1) not in (1, None)
            if needs_turn:
                output = ImageOps.exif_transpose(image)
                options.update(quality=90, optimize=True)
            else:
                output = image
                # Same quantisation tables and subsampling: no visible loss.
                options.update(quality="keep", subsampling="keep")
        elif animated:
            output = image
            options.update(save_all=True, lossless=image.info.get("lossless", False))
        else:
            output = ImageOps.exif_transpose(image)
            if fmt == "WEBP":
                options.update(lossless=image.info.get("lossless", False), quality=90)
        # Nothing of the original's info travels along implicitly.
        output.info = {}
        buffer = BytesIO()
        output.save(buffer, format=fmt, exif=b"", **options)
        return buffer.getvalue()
