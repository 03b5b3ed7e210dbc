"""Values that apps above the domain contribute to the club serializers.

The API may not import those apps (they build on the domain, not the other way round), so they
register here, in their ``AppConfig.ready``, a queryset annotation per value; the club views
apply every registered annotation, and the serializers read the annotated attribute (``None``
when nothing registered it). An annotation keeps the directory at a constant number of
queries, however many clubs it lists.
"""

from collections.abc import Callable

from django.db.models import Expression, QuerySet

_club_annotations: dict[str, Callable[[], Expression]] = {}


def register_club_annotation(name: str, expression: Callable[[], Expression]) -> None:
    """Annotate every club queryset of the API with ``name``; ``expression`` is called per
    queryset (so it may depend on the time or on settings) and may refer to the club's own
    fields through ``OuterRef``/``F`` and to annotations registered before it by name."""
    _club_annotations[name] = expression


def annotate_clubs(queryset: QuerySet) -> QuerySet:
    for name, make in _club_annotations.items():
        queryset = queryset.annotate(**{name: make()})
    return queryset


def contributed(club, name: str):
    return getattr(club, name, None)
