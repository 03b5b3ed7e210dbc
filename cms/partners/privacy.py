"""The partners' rule of the privacy layer (``cms.core.privacy.public_pages`` applies it to every
page queryset): a cooperation page is public only once at least one club and the partner have
both confirmed it; until then only the partner's editors see it, in the admin."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q


def unconfirmed_cooperations() -> Q:
    from .models import CooperationLink, CooperationPage

    confirmed = CooperationLink.objects.confirmed().values("cooperation__translation_key")
    return Q(content_type=ContentType.objects.get_for_model(CooperationPage)) & ~Q(
        translation_key__in=confirmed
    )
