from django.urls import path
from wagtail import hooks

from .translation_views import SubmitPageTranslationWithParentsView


@hooks.register("register_admin_urls")
def translate_pages_with_a_clear_message():
    # Registered before wagtail.contrib.simple_translation's own hook (cms apps come first in
    # INSTALLED_APPS), so this path answers "Übersetzen" of a page.
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            SubmitPageTranslationWithParentsView.as_view(),
            name="submit_page_translation_with_parents",
        )
    ]
