"""Every new image file is stripped of its metadata before it is written (cms/hardening/
photos.py)."""

import os
from io import BytesIO

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .photos import without_metadata


@receiver(pre_save, sender=get_image_model())
def strip_photo_metadata(sender, instance, **kwargs):
    upload = instance.file
    if not upload or getattr(upload, "_committed", True):
        return
    upload.open("rb")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    cleaned = without_metadata(data)
    if cleaned is None:
        return
    instance.file = ContentFile(cleaned, name=os.path.basename(upload.name))
    instance.width, instance.height = _size(cleaned)
    instance.file_size = len(cleaned)
    instance.file_hash = hash_filelike(BytesIO(cleaned))


def _size(data: bytes) -> tuple[int, int]:
    from PIL import Image as PILImage

    with PILImage.open(BytesIO(data)) as image:
        return image.size
