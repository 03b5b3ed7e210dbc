"""Filters of the list endpoints (django-filter). A value that names nothing (an unknown
municipality, country, language, focus area or tag) is a 400, not an empty result, so a typo
in a client shows up at once."""

import re

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Case, F, IntegerField, Q, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from cms.clubs.models import ClubPage, NewsPage
from cms.clubs.pages import item_club_key
from cms.core.filters import NormalisingFilterSet, canonical_bcp47
from cms.core.privacy import public_pages, subtree
from cms.taxonomy.models import Country, FocusArea, Language, Municipality

# Full-text hits considered per query; more is not a useful answer to a directory search.
MAX_SEARCH_HITS = 500


def search_hits(model, query: str) -> list[int]:
    """Page ids of ``model`` matching ``query``, best first, through Wagtail's search backend
    (PostgreSQL full text on PostgreSQL). Privacy is applied afterwards by the caller's
    queryset, so the search itself needs no filter fields. Only the words of the query are
    passed on: quotes and operators would be search-engine syntax (SQLite's FTS5 fails on an
    unbalanced quote)."""
    words = re.findall(r"\w+", query)
    if not words:
        return []
    results = get_search_backend().search(" ".join(words), model.objects.all(), operator="and")
    return [page.pk for page in results[:MAX_SEARCH_HITS]]


def ranked(queryset, ids: list[int]):
    """Restrict to ``ids`` and annotate ``search_rank`` with their position."""
    rank = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).annotate(search_rank=rank)


class ClubFilter(NormalisingFilterSet):
    municipality = django_filters.ModelMultipleChoiceFilter(
        field_name="municipality__slug",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        help_text=_("Kurzname der Gemeinde, z. B. dueren; mehrfach = oder."),
    )
    country = django_filters.ModelMultipleChoiceFilter(
        field_name="countries__code",
        to_field_name="code",
        queryset=Country.objects.all(),
        help_text=_("Herkunftsland als ISO-3166-1-Alpha-2-Code, z. B. TR; mehrfach = oder."),
    )
    language = django_filters.ModelMultipleChoiceFilter(
        field_name="languages__tag",
        to_field_name="tag",
        queryset=Language.objects.all(),
        help_text=_("Gesprochene Sprache als BCP-47-Tag, z. B. tr, ku-Arab; mehrfach = oder."),
    )
    focus = django_filters.ModelMultipleChoiceFilter(
        field_name="focus_areas__slug",
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        help_text=_("Schwerpunkt (Kurzname), z. B. kultur; mehrfach = oder."),
    )
    tag = django_filters.ModelMultipleChoiceFilter(
        field_name="tags__slug",
        to_field_name="slug",
        queryset=Tag.objects.all(),
        help_text=_("Schlagwort (Kurzname); mehrfach = oder."),
    )
    # Some clubs' entries alone (the portal's build reads those whose profile changed and
    # keeps the rest of the list).
    club = django_filters.ModelMultipleChoiceFilter(
        method="filter_club",
        to_field_name="slug",
        queryset=lambda request: public_clubs(request),
        help_text=_("Kurzname (slug) des Vereins; mehrfach = oder."),
    )
    established = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_established",
        help_text=_("true: seit mindestens einigen Jahren bestehend; false: neu gegründet."),
    )
    q = django_filters.CharFilter(
        method="filter_search", help_text=_("Volltextsuche; ohne ordering nach Relevanz sortiert.")
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("title", "name"),
            ("founding_year", "founding_year"),
            ("last_published_at", "updated"),
        ),
        help_text=_("name, founding_year oder updated; mit - absteigend."),
    )

    normalisers = {"country": str.upper, "language": canonical_bcp47}

    class Meta:
        model = ClubPage
        fields = []

    def filter_club(self, queryset, name, clubs):
        if not clubs:
            return queryset
        return queryset.filter(translation_key__in=[club.translation_key for club in clubs])

    def filter_established(self, queryset, name, value):
        cutoff = timezone.localdate().year - settings.VEREINSNETZ_ESTABLISHED_AFTER_YEARS
        if value == "true":
            return queryset.filter(founding_year__lte=cutoff)
        return queryset.filter(founding_year__gt=cutoff)

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        return ranked(queryset, search_hits(ClubPage, value))

    @property
    def qs(self):
        queryset = super().qs
        if self.form.cleaned_data.get("q") and not self.form.cleaned_data.get("ordering"):
            return queryset.order_by("search_rank")
        return queryset


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (``NumberFilter`` takes decimals)."""

    field_class = forms.IntegerField


# ``per_club``: the directory shows a few per club; more is the club's own list.
MAX_PER_CLUB = 20


def public_clubs(request=None):
    # The filters need a club's slug and translation key; a whole ClubPage (a Wagtail page
    # with a cluster of relations) took half of validating ``club``.
    return public_pages(ClubPage.objects.all()).only("pk", "slug", "translation_key")


def under_any(queryset, paths):
    """Pages below (or at) any of ``paths``."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= subtree(path)
    return queryset.filter(condition)


class ClubTreeFilterSet(NormalisingFilterSet):
    """Filters of pages below clubs (news, projects): ``club`` and ``municipality`` select
    the pages in the trees of the chosen clubs, in every locale."""

    def filter_club(self, queryset, name, clubs):
        if not clubs:
            return queryset
        # The club's tree in every locale it has been translated into.
        keys = [club.translation_key for club in clubs]
        paths = ClubPage.objects.filter(translation_key__in=keys).values_list("path", flat=True)
        return under_any(queryset, list(paths))

    def filter_municipality(self, queryset, name, municipalities):
        if not municipalities:
            return queryset
        paths = ClubPage.objects.filter(municipality__in=municipalities).values_list(
            "path", flat=True
        )
        return under_any(queryset, list(paths))


class NewsFilter(ClubTreeFilterSet):
    club = django_filters.ModelMultipleChoiceFilter(
        method="filter_club",
        to_field_name="slug",
        queryset=public_clubs,
        help_text=_("Kurzname (slug) des Vereins; mehrfach = oder."),
    )
    municipality = django_filters.ModelMultipleChoiceFilter(
        method="filter_municipality",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        help_text=_("Kurzname der Gemeinde des Vereins; mehrfach = oder."),
    )
    tag = django_filters.ModelMultipleChoiceFilter(
        field_name="tags__slug",
        to_field_name="slug",
        queryset=Tag.objects.all(),
        help_text=_("Schlagwort (Kurzname); mehrfach = oder."),
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", help_text=_("Frühestes Datum (JJJJ-MM-TT).")
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", help_text=_("Spätestes Datum (JJJJ-MM-TT).")
    )
    q = django_filters.CharFilter(method="filter_search", help_text=_("Volltextsuche."))
    # Last, so that it ranks what the other filters let through.
    per_club = IntegerFilter(
        method="filter_per_club",
        min_value=1,
        max_value=MAX_PER_CLUB,
        help_text=_("Höchstens so viele der neuesten Neuigkeiten je Verein (1–20)."),
    )

    class Meta:
        model = NewsPage
        fields = []

    def filter_per_club(self, queryset, name, value):
        """The newest ``value`` items of each club (newest first, as the list): a club's items
        are ranked by date and id among those of its translation key (a locale's list mixes
        a club's translated items with German ones that have none)."""
        if not value:
            return queryset
        club_key = item_club_key()
        return queryset.annotate(
            club_rank=Window(
                RowNumber(),
                partition_by=[club_key],
                order_by=[F("date").desc(), F("pk").desc()],
            )
        ).filter(club_rank__lte=int(value))

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        return ranked(queryset, search_hits(NewsPage, value))
