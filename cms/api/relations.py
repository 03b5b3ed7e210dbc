"""Many small relations of many objects in one query.

A club profile shows countries, languages, focus areas, tags, umbrella organisations, meeting
times and homepage sections; a bundle adds the tags of news pages, the languages of events, the
pictures of galleries and the partners of projects. ``prefetch_related`` spends one query on
each. :func:`prefetch_relations` reads them all with one ``UNION ALL`` of text columns, turns
the rows back into model instances and hands them to the owners exactly as
``prefetch_related`` would (``owner.<relation>.all()`` then needs no query).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, F, IntegerField, Model, QuerySet, Value
from django.db.models.functions import Cast

from cms.clubs.models import ClubPage


@dataclass(frozen=True)
class Relation:
    """One relation of ``owner_model`` to be loaded.

    ``rows``: a queryset of the table that links owners to related objects (an M2M through
    model, or the related model itself for a foreign key to the owner); ``owner``: the lookup
    of the owner's id in it; ``target``: the lookup prefix from a row to the related object
    ("" when the rows are the related objects); ``fields``: the related model's fields to
    load besides its primary key; ``order``: lookups on ``rows`` giving the order within one
    owner (default: the related model's ``Meta.ordering``, then the row id)."""

    name: str
    owner_model: type[Model]
    model: type[Model]
    rows: QuerySet
    owner: str
    target: str
    fields: tuple[str, ...]
    order: tuple[str, ...] = field(default=())


def m2m(owner_model, name: str, fields: tuple[str, ...], rows: QuerySet | None = None) -> Relation:
    """A many-to-many field (Django's, modelcluster's ParentalManyToManyField)."""
    descriptor_field = owner_model._meta.get_field(name)
    through = descriptor_field.remote_field.through
    owner = descriptor_field.m2m_field_name()
    target = descriptor_field.m2m_reverse_field_name()
    return Relation(
        name=name,
        owner_model=owner_model,
        model=descriptor_field.related_model,
        rows=rows if rows is not None else through.objects.all(),
        owner=f"{owner}_id",
        target=f"{target}__",
        fields=fields,
    )


def tags(owner_model, name: str = "tags") -> Relation:
    """A taggit (ClusterTaggableManager) tag relation; tags in the order they were added."""
    manager = owner_model._meta.get_field(name)
    through = manager.through
    return Relation(
        name=name,
        owner_model=owner_model,
        model=manager.related_model,
        rows=through.objects.all(),
        owner="content_object_id",
        target="tag__",
        fields=("name", "slug"),
        order=("pk",),
    )


def children(owner_model, name: str, fields: tuple[str, ...], rows=None) -> Relation:
    """A reverse foreign key (``ParentalKey`` child objects such as meeting times)."""
    relation = owner_model._meta.get_field(name)
    model = relation.related_model
    return Relation(
        name=name,
        owner_model=owner_model,
        model=model,
        rows=rows if rows is not None else model.objects.all(),
        owner=f"{relation.field.attname}",
        target="",
        fields=fields,
    )


def _order_columns(relation: Relation) -> dict:
    """Three sort columns (text, number, row id) from the relation's order, so that the
    database sorts (with its own collation, as ``prefetch_related`` would)."""
    text, number = Value("", output_field=CharField()), Value(0, output_field=IntegerField())
    lookups = list(relation.order) or [
        f"{relation.target}{item}" for item in relation.model._meta.ordering or []
    ]
    for lookup in lookups:
        if lookup == "pk":
            continue
        model_field = relation.rows.model._meta.get_field(lookup.split("__")[0])
        if lookup.split("__")[-1] == "sort_order" or model_field.get_internal_type().endswith(
            "IntegerField"
        ):
            number = F(lookup)
        else:
            text = F(lookup)
    return {"rel_o_text": text, "rel_o_number": number, "rel_o_row": F("pk")}


def prefetch_relations(owners_by_model: dict[type[Model], list], relations: list[Relation]):
    """Load ``relations`` for the owners (instances grouped by their model) in one query."""
    width = max((len(rel.fields) for rel in relations), default=0)
    parts = []
    for index, relation in enumerate(relations):
        owner_ids = [owner.pk for owner in _owners(owners_by_model, relation)]
        if not owner_ids:
            continue
        text = CharField()
        columns = {
            "rel_index": Value(index, output_field=IntegerField()),
            "rel_owner": F(relation.owner),
            "rel_object": F(f"{relation.target}pk"),
            **{
                f"rel_f{number}": Cast(F(f"{relation.target}{name}"), text)
                for number, name in enumerate(relation.fields)
            },
            **{
                f"rel_f{number}": Value("", output_field=text)
                for number in range(len(relation.fields), width)
            },
            **_order_columns(relation),
        }
        parts.append(
            relation.rows.filter(**{f"{relation.owner}__in": owner_ids})
            .order_by()
            .values(**columns)
            .values_list(*columns)
        )
    results: dict[tuple[int, Any], list] = defaultdict(list)
    if parts:
        query = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        query = query.order_by("rel_index", "rel_owner", "rel_o_text", "rel_o_number", "rel_o_row")
        for row in query:
            relation = relations[row[0]]
            instance = relation.model(
                pk=row[2],
                **{
                    name: _from_text(relation.model._meta.get_field(name), value)
                    for name, value in zip(relation.fields, row[3:], strict=False)
                },
            )
            instance._state.adding = False
            instance._state.db = relation.rows.db
            results[(row[0], row[1])].append(instance)
    for index, relation in enumerate(relations):
        for owner in _owners(owners_by_model, relation):
            _set_prefetched(owner, relation, results.get((index, owner.pk), []))


def _from_text(model_field, value):
    """A column cast to text back to the field's Python value (booleans read "1" in SQLite
    and "true" in PostgreSQL)."""
    if value is None:
        return None
    if model_field.get_internal_type() == "BooleanField":
        return value.lower() in ("1", "t", "true")
    return model_field.to_python(value)


def _owners(owners_by_model: dict, relation: Relation) -> list:
    return [
        owner
        for model, instances in owners_by_model.items()
        if issubclass(model, relation.owner_model)
        for owner in instances
    ]


def _set_prefetched(owner, relation: Relation, items: list) -> None:
    """What ``prefetch_related`` leaves on an owner: a finished queryset in its cache."""
    queryset = relation.model._default_manager.all()
    queryset._result_cache = items
    queryset._prefetch_done = True
    if not hasattr(owner, "_prefetched_objects_cache"):
        owner._prefetched_objects_cache = {}
    owner._prefetched_objects_cache[relation.name] = queryset


def club_relations(detail: bool) -> list[Relation]:
    """What a club summary (``detail=False``) or profile shows besides its own fields."""
    relations = [
        m2m(ClubPage, "countries", ("code", "name")),
        m2m(ClubPage, "languages", ("tag", "name", "native_name", "direction")),
        m2m(ClubPage, "focus_areas", ("name", "slug", "translations")),
        tags(ClubPage),
    ]
    if detail:
        relations += [
            m2m(ClubPage, "umbrellas", ("name", "website")),
            children(
                ClubPage,
                "meeting_times",
                ("sort_order", "weekday", "start_time", "end_time", "place", "note"),
            ),
            children(ClubPage, "homepage_sections", ("sort_order", "section")),
        ]
    return relations
