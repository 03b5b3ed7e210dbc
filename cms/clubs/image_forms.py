"""The image form of the admin: the alt text is asked for, never taken from the file name.

Wagtail fills an image's title from the file name ("teestube") and used the title as alt text
when no description was given; the alt text is what a screen reader says in place of the
photo, so it is a required field with a German explanation (the API never falls back to the
title either, ``cms/core/media.py``)."""

from django.utils.translation import gettext_lazy as _

from cms.hardening.uploads import HardenedImageForm


class ImageForm(HardenedImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            # The multiple uploader validates each file with only a title and a collection; the
            # image is stored and its edit form right below the upload asks for the alt text.
            field.required = not (self.is_bound and set(self.data) <= {"title", "collection"})
            field.label = _("Alternativtext")
            field.help_text = _(
                "Beschreiben Sie in einem Satz, was auf dem Foto zu sehen ist, z. B. „Zehn "
                "Kinder tanzen in Trachten auf der Bühne des Bürgerhauses“. Blinde Menschen "
                "hören diesen Text statt des Bildes. Nicht der Dateiname."
            )
            field.error_messages["required"] = _(
                "Bitte beschreiben Sie, was auf dem Foto zu sehen ist (Alternativtext)."
            )
