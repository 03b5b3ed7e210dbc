"""Limit/offset pagination for every list endpoint: ``count``, ``next``, ``previous``,
``results``; ``limit`` defaults to 20 and may be at most 100 (more is a 400, not a silent cap).
"""

from django.utils.translation import gettext as _
from rest_framework import pagination
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from .errors import InvalidParameter

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far beyond any real result; larger numbers overflow the database's integers.
MAX_OFFSET = 1_000_000


def parse_non_negative_int(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name) if hasattr(request, "query_params") else None
    if raw is None:
        raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidParameter(name, _("Eine ganze Zahl wird erwartet.")) from None
    if value < 0:
        raise InvalidParameter(name, _("Die Zahl darf nicht negativ sein."))
    if maximum is not None and value > maximum:
        raise InvalidParameter(
            name, _("Höchstens %(maximum)s sind erlaubt.") % {"maximum": maximum}
        )
    return value


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        limit = parse_non_negative_int(
            request, self.limit_query_param, self.default_limit, self.max_limit
        )
        if limit == 0:
            raise InvalidParameter(self.limit_query_param, _("Mindestens 1."))
        return limit

    def get_offset(self, request):
        return parse_non_negative_int(request, self.offset_query_param, 0, MAX_OFFSET)


class BoundedWagtailPagination(WagtailPagination):
    """Wagtail's v2 pagination with ``offset`` bounded like v1's: a number the database cannot
    hold is a 400, not a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            raw = request.GET.get(name, "")
            if len(raw) > 12 or (raw.isdigit() and int(raw) > MAX_OFFSET):
                raise BadRequestError(
                    _("%(name)s: höchstens %(maximum)s.") % {"name": name, "maximum": MAX_OFFSET}
                )
        return super().paginate_queryset(queryset, request, view)
