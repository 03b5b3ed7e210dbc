"""The agency's decision on a registration: approval provisions the club, rejection records
the reason; the applicant is told either way."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core.mail import notify_on_commit

from .models import RegistrationRequest, RegistrationStatus
from .provisioning import provision_club


class DecisionError(Exception):
    """The registration cannot be decided (already decided, or no reason for a rejection)."""


def _lock_pending(registration: RegistrationRequest) -> RegistrationRequest:
    locked = RegistrationRequest.objects.select_for_update().get(pk=registration.pk)
    if not locked.is_pending:
        raise DecisionError(_("Über diese Anmeldung wurde bereits entschieden."))
    return locked


@transaction.atomic
def approve(registration: RegistrationRequest, by) -> RegistrationRequest:
    registration = _lock_pending(registration)
    first_name, _sep, last_name = registration.applicant_name.partition(" ")
    result = provision_club(
        name=registration.club_name,
        municipality=registration.municipality,
        legal_form=registration.legal_form,
        founding_year=registration.founding_year,
        short_description=registration.short_description,
        countries=registration.countries.all(),
        languages=registration.languages.all(),
        focus_areas=registration.focus_areas.all(),
        editor_email=registration.applicant_email,
        editor_first_name=first_name,
        editor_last_name=last_name,
    )
    registration.status = RegistrationStatus.APPROVED
    registration.tenant = result.tenant
    registration.decided_by = by
    registration.decided_at = timezone.now()
    registration.save()
    notify_on_commit(
        registration.applicant_email,
        "tenancy/emails/approved.txt",
        {"registration": registration, "invite_url": result.invite_url},
        language=registration.language,
    )
    return registration


@transaction.atomic
def reject(registration: RegistrationRequest, by, reason: str) -> RegistrationRequest:
    if not reason.strip():
        raise DecisionError(_("Bitte eine Begründung angeben."))
    registration = _lock_pending(registration)
    registration.status = RegistrationStatus.REJECTED
    registration.decision_reason = reason.strip()
    registration.decided_by = by
    registration.decided_at = timezone.now()
    registration.save()
    notify_on_commit(
        registration.applicant_email,
        "tenancy/emails/rejected.txt",
        {"registration": registration},
        language=registration.language,
    )
    return registration
