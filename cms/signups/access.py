"""Who organises which event's sign-ups: the agency every event, a club's or partner's
editors the events in their own tenant's tree (in every locale)."""

from django.db.models import Q

from cms.core.access import tenants_of
from cms.events.models import EventPage


def manageable_events(user):
    """The events (default-locale originals and translations alike) the user organises."""
    events = EventPage.objects.all()
    if not user.is_authenticated:
        return events.none()
    if user.has_perm("signups.view_all_signups"):
        return events
    condition = Q(pk__in=[])
    for tenant in tenants_of(user):
        for path in tenant.root_pages().values_list("path", flat=True):
            condition |= Q(path__startswith=path)
    return events.filter(condition)


def may_manage(user, event: EventPage) -> bool:
    return manageable_events(user).filter(pk=event.pk).exists()
