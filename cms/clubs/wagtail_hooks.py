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


class NumericIdsOnly:
    """Mixin for a rich-text entity handler that looks its object up by id: an id that is no
    number (stored by a path that bypassed the forms) finds nothing, so the link renders as
    text and the embed as nothing, instead of a ``ValueError`` from the database lookup."""

    @classmethod
    def get_instance(cls, attrs):
        if not str(attrs.get("id", "")).isdigit():
            raise cls.get_model().DoesNotExist
        return super().get_instance(attrs)

    @classmethod
    def get_many(cls, attrs_list):
        valid = [attrs for attrs in attrs_list if str(attrs.get("id", "")).isdigit()]
        found = iter(super().get_many(valid) if valid else [])
        return [next(found) if str(attrs.get("id", "")).isdigit() else None for attrs in attrs_list]


def _looks_up_by_id(handler) -> bool:
    try:
        handler.get_model()
    except (NotImplementedError, AttributeError):
        return False
    return not issubclass(handler, NumericIdsOnly)


@hooks.register("register_rich_text_features", order=1000)
def rich_text_entities_with_numeric_ids_only(features):
    # Runs after every other app's registration (order), so it wraps whatever handler is in
    # place for each link and embed type, Wagtail's own or a project's.
    for registry in (features.link_types, features.embed_types):
        for identifier, handler in list(registry.items()):
            if _looks_up_by_id(handler):
                registry[identifier] = type(
                    f"NumericIds{handler.__name__}", (NumericIdsOnly, handler), {}
                )
