"""The one place that decides what may leave the CMS.

Every API view and serializer gets its pages and images through these functions, so the rules
hold everywhere at once: only live, public pages (no login, password or group restriction on the
page or an ancestor), never drafts or revisions; images and documents only when used by
published content.

This module is the mechanism and names no domain. The apps add their own rules in their
``AppConfig.ready`` through the ``register_*`` functions of :mod:`.privacy_registry`: the
partners hide unconfirmed cooperation pages (``cms.partners.privacy``), the clubs publish
gallery pictures only with consent (``cms.clubs.privacy``, which also holds the consent rules
for personal data), the tenancy hides the documents of unpublished tenants and releases the
ones marked public (``cms.tenancy.apps``).
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex

from .memo import memoized
from .privacy_registry import (
    consented_images,
    hidden_collection_rules,
    page_exclusions,
    released_documents,
)


def path_successor(path: str) -> str | None:
    """The smallest tree path after every path that starts with ``path`` (``00010002`` →
    ``00010003``, ``0001000Z`` → ``0001001``), or None if there is none."""
    alphabet = Page.alphabet
    chars = list(path)
    while chars:
        position = alphabet.index(chars[-1])
        if position + 1 < len(alphabet):
            chars[-1] = alphabet[position + 1]
            return "".join(chars)
        chars.pop()
    return None


def subtree(path: str, field: str = "path") -> Q:
    """Pages at or below ``path``.

    The prefix condition plus the same set as a range of paths: SQLite cannot answer a
    ``LIKE 'prefix%'`` from an index (its ``LIKE`` ignores case), so without the range it read
    every page of the locale to find one club's tree (5,000 clubs: 100,000 pages per bundle).
    Tree paths are digits and capital letters only, which sort the same in every collation."""
    condition = Q(**{f"{field}__startswith": path, f"{field}__gte": path})
    successor = path_successor(path)
    if successor is not None:
        condition &= Q(**{f"{field}__lt": successor})
    return condition


def hidden_paths() -> list[str]:
    """Tree paths of the pages that hide themselves and everything below them: unpublished
    pages with children, view-restricted pages (login, password, groups), and every
    translation of a default-language page that is unpublished or restricted. One query,
    asked once per API request (:mod:`.memo`)."""

    def load():
        sql, params = _hidden_paths_query(Page.objects.db, settings.LANGUAGE_CODE)
        with connections[Page.objects.db].cursor() as cursor:
            cursor.execute(sql, params)
            return sorted({path for (path,) in cursor.fetchall()})

    return memoized("privacy:hidden-paths", load)


@functools.cache
def _hidden_paths_query(alias: str, language_code: str) -> tuple[str, tuple]:
    """The SQL of :func:`hidden_paths`, composed once per process: it depends on nothing but
    the database and the default language, and composing it took most of the function's
    time (4 of 5 ms at 72 clubs)."""
    # A non-live leaf hides only itself, which ``live()`` already covers.
    unpublished = Page.objects.filter(live=False, numchild__gt=0).order_by().values_list("path")
    # From the restrictions (a few rows), not from every page joined to them.
    restricted_ids = PageViewRestriction.objects.values("page_id")
    restricted = Page.objects.filter(pk__in=restricted_ids).order_by().values_list("path")
    # Per translation group, not per tree path: a page of the default language (the original)
    # that is unpublished or restricted hides its translations and their subtrees too — an
    # unpublished club's Turkish translation is not public. Each kind of original through an
    # index of its own (migration ``api.0002``; the restricted ones from the restrictions):
    # one condition for both read every page of the default locale (16 ms at 1,000 clubs).
    default = Locale.objects.filter(language_code=language_code).values("pk")
    unpublished_originals = Page.objects.filter(live=False, locale__in=default)
    restricted_originals = Page.objects.filter(pk__in=restricted_ids, locale__in=default)
    translations = (
        Page.objects.filter(
            Q(translation_key__in=unpublished_originals.values("translation_key"))
            | Q(translation_key__in=restricted_originals.values("translation_key"))
        )
        .exclude(locale__in=default)
        .order_by()
        .values_list("path")
    )
    query = unpublished.union(restricted, translations).query
    sql, params = query.get_compiler(using=alias).as_sql()
    return sql, tuple(params)


def hidden_subtree_filter() -> Q:
    """Pages at or below an unpublished or view-restricted page."""
    condition = Q()
    for path in hidden_paths():
        condition |= subtree(path)
    return condition


@functools.cache
def _has_page_subclass(model) -> bool:
    from wagtail.models import get_page_models

    return any(other is not model and issubclass(other, model) for other in get_page_models())


def of_exact_type(queryset: QuerySet) -> QuerySet:
    """A queryset of one page model that has no page subclasses, narrowed to its content type
    as well: the same rows, but the database finds them through the ``(content_type, locale)``
    index (migration ``api.0001``) instead of reading every page of a locale and joining."""
    model = queryset.model
    if model is Page or _has_page_subclass(model):
        return queryset
    return queryset.filter(
        content_type_id=ContentType.objects.get_for_model(model, for_concrete_model=False).pk
    )


def public_pages(queryset: QuerySet) -> QuerySet:
    """Narrow a page queryset (of any page type) to what the public may see.

    Wagtail's ``public()`` would exclude the subtrees of view restrictions with a query of its
    own; :func:`hidden_paths` covers them in the same query as unpublished subtrees. The apps'
    exclusions (:func:`.privacy_registry.register_page_exclusion`) apply too."""
    queryset = of_exact_type(queryset).live()
    for exclusion, model in page_exclusions:
        if model is None or _may_hold(queryset.model, model):
            queryset = queryset.exclude(exclusion())
    hidden = hidden_subtree_filter()
    return queryset.exclude(hidden) if hidden else queryset


def _may_hold(queryset_model, model) -> bool:
    """Whether a queryset of ``queryset_model`` can hold pages of type ``model``: a page of one
    type is a row of its own table and of its ancestors' (``Page``'s among them), never of
    another branch of the type tree's. Each exclusion costs a subquery to build and run, in
    every public page query (a bundle makes about ten)."""
    return issubclass(model, queryset_model) or issubclass(queryset_model, model)


def is_public(page: Page) -> bool:
    return public_pages(Page.objects.filter(pk=page.pk)).exists()


def _public_page_references(to_model) -> QuerySet:
    """Reference-index rows from public pages to objects of ``to_model``. References from the
    relations with a consent rule are left out here: they count only with consent (see
    :func:`.privacy_registry.register_consented_images`)."""
    public_ids = public_pages(Page.objects.all()).annotate(
        pk_text=Cast("pk", output_field=CharField())
    )
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=public_ids.values("pk_text"),
        to_content_type=ContentType.objects.get_for_model(to_model),
    ).exclude(_consent_relations())


def _consent_relations() -> Q:
    condition = Q(pk__in=[])
    for relation in consented_images:
        condition |= Q(model_path__startswith=f"{relation}.")
    return condition


def public_images(queryset: QuerySet | None = None) -> QuerySet:
    """Images used by public pages (fields, blocks, rich text); in the relations with a consent
    rule (gallery pictures) only with consent. Relies on Wagtail's reference index, kept
    current on save."""
    image_model = get_image_model()
    queryset = image_model.objects.all() if queryset is None else queryset
    referenced = _public_page_references(image_model).values("to_object_id")
    condition = Q(pk_text__in=referenced)
    for consented in consented_images.values():
        condition |= Q(pk__in=consented(public_pages(Page.objects.all())))
    return queryset.annotate(pk_text=Cast("pk", output_field=CharField())).filter(condition)


def hidden_collections() -> Q:
    """Documents in the registered hidden collections (with their sub-collections), e.g. an
    unpublished club's: nobody's business, linked or not."""
    condition = Q(pk__in=[])
    for hidden in hidden_collection_rules:
        for path in hidden(public_pages(Page.objects.all())):
            condition |= Q(collection__path__startswith=path)
    return condition


def public_documents(queryset: QuerySet | None = None) -> QuerySet:
    """Documents anyone may download: linked by public pages (rich text, document blocks), or
    released by a registered rule (``register_document_release``, e.g. marked "öffentlich" by
    their club) — in both cases only outside the hidden collections
    (``register_hidden_collections``). Everything else is private (cms/tenancy/documents.py).
    """
    document_model = get_document_model()
    queryset = document_model.objects.all() if queryset is None else queryset
    referenced = _public_page_references(document_model).values("to_object_id")
    condition = Q(pk_text__in=referenced)
    for released in released_documents:
        condition |= released()
    return (
        queryset.annotate(pk_text=Cast("pk", output_field=CharField()))
        .filter(condition)
        .exclude(hidden_collections())
    )
