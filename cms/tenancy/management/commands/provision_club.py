from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.taxonomy.models import Country, FocusArea, Language, Municipality
from cms.tenancy.commands import invite_and_report
from cms.tenancy.provisioning import provision_club


def lookup(model, field, values):
    found = list(model.objects.filter(**{f"{field}__in": values}))
    missing = set(values) - {getattr(obj, field) for obj in found}
    if missing:
        raise CommandError(f"Unknown {model._meta.verbose_name}: {', '.join(sorted(missing))}")
    return found


class Command(BaseCommand):
    help = (
        "Provision a club: draft ClubPage, editors' group with page permissions, collection with "
        "permissions and (optionally) an editor account that is mailed a one-time password link. "
        "Idempotent: running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Name of the club, e.g. 'Kulturverein Beispiel e. V.'")
        parser.add_argument(
            "--municipality", required=True, help="Name or slug of the municipality"
        )
        parser.add_argument("--slug", help="URL slug (default: derived from the name)")
        parser.add_argument("--legal-form", default="ev")
        parser.add_argument("--founding-year", type=int)
        parser.add_argument("--country", action="append", default=[], help="ISO 3166-1 code")
        parser.add_argument("--language", action="append", default=[], help="BCP 47 tag")
        parser.add_argument("--focus", action="append", default=[], help="Focus area slug")
        parser.add_argument("--editor-email")

    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(name=options["municipality"]).first()
        municipality = (
            municipality or Municipality.objects.filter(slug=options["municipality"]).first()
        )
        if municipality is None:
            raise CommandError(f"Unknown municipality: {options['municipality']}")
        try:
            result = provision_club(
                name=options["name"],
                slug=options["slug"],
                municipality=municipality,
                legal_form=options["legal_form"],
                founding_year=options["founding_year"],
                countries=lookup(Country, "code", [c.upper() for c in options["country"]]),
                languages=lookup(Language, "tag", options["language"]),
                focus_areas=lookup(FocusArea, "slug", options["focus"]),
                editor_email=options["editor_email"],
            )
        except (ValidationError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        invite_and_report(self, result)
