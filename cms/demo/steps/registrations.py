"""A few pending registrations for the agency to review."""

from cms.taxonomy.models import Country, FocusArea, Language, Municipality
from cms.tenancy.models import RegistrationRequest

from .. import data


def ensure_registrations(context) -> None:
    for seed in data.REGISTRATIONS:
        if RegistrationRequest.objects.filter(club_name=seed.club_name).exists():
            continue
        request = RegistrationRequest.objects.create(
            club_name=seed.club_name,
            legal_form=seed.legal_form,
            municipality=Municipality.objects.get(name=seed.municipality),
            founding_year=min(seed.founding_year, context.today.year),
            short_description=seed.short_description,
            applicant_name=seed.applicant_name,
            applicant_email=seed.applicant_email,
            message=seed.message,
            privacy_consent=True,
        )
        request.countries.set(Country.objects.filter(code__in=seed.countries))
        request.languages.set(Language.objects.filter(tag__in=seed.languages))
        request.focus_areas.set(FocusArea.objects.filter(name__in=seed.focus))
        context.created["Anmeldungen"] += 1
