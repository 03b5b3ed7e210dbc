"""Pictures for the demo district, drawn with Pillow (coloured shapes and a caption) and
stored as Wagtail images, so galleries, news and logos have something to show without
shipping photos of real people."""

import hashlib
import io
import random
from functools import cache

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

PICTURE_SIZE = (400, 300)
LOGO_SIZE = (200, 200)


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@cache
def font(size: int) -> ImageFont.ImageFont:
    """DejaVu Sans where installed (it has umlauts), else Pillow's own font."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def picture_jpeg(seed: str, primary: str, accent: str, motif: str, label: str) -> bytes:
    """A 400×300 JPEG: shapes in the club's colours, the motif large and the club below."""
    rng = random.Random(seed)
    background, shape = hex_to_rgb(primary), hex_to_rgb(accent)
    image = Image.new("RGB", PICTURE_SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = PICTURE_SIZE
    for _ in range(rng.randint(4, 8)):
        x, y = rng.randint(-40, width), rng.randint(-40, height)
        size = rng.randint(30, 140)
        tint = tuple(min(255, c + rng.randint(0, 80)) for c in shape)
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + size, y + size), fill=tint)
        else:
            draw.rectangle((x, y, x + size, y + size * 2 // 3), fill=tint)
    draw.rectangle((0, height - 70, width, height), fill=(255, 255, 255))
    draw.text((16, height - 64), motif, fill=background, font=font(30))
    draw.text((16, height - 26), label[:48], fill=(40, 40, 40), font=font(15))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def logo_png(primary: str, accent: str, initials: str) -> bytes:
    """A 200×200 round logo with the club's initials."""
    image = Image.new("RGB", LOGO_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 192, 192), fill=hex_to_rgb(primary), outline=hex_to_rgb(accent), width=10)
    draw.text((100, 100), initials, fill=(255, 255, 255), font=font(64), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def store_picture(collection, title: str, filename: str, content: bytes, user=None):
    """Save the bytes as a Wagtail image in the club's collection."""
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(io.BytesIO(content), name=filename),
        collection=collection,
        uploaded_by_user=user,
        file_size=len(content),
        file_hash=hashlib.sha1(content).hexdigest(),
    )
