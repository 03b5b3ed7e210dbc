from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.partners.provisioning import provision_partner
from cms.taxonomy.models import Municipality
from cms.tenancy.commands import invite_and_report


class Command(BaseCommand):
    help = (
        "Provision a partner organisation (fire brigade, Red Cross, …): draft PartnerPage, "
        "editors' group with page permissions, collection with permissions and (optionally) an "
        "editor account that is mailed a one-time password link. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Name, e.g. 'THW Ortsverband Düren'")
        parser.add_argument("--municipality", help="Name or slug of the municipality")
        parser.add_argument("--slug", help="URL slug (default: derived from the name)")
        parser.add_argument("--website", default="")
        parser.add_argument("--email", default="", help="The organisation's general address")
        parser.add_argument("--description", default="", help="Short description")
        parser.add_argument("--editor-email")

    def handle(self, *args, **options):
        municipality = None
        if options["municipality"]:
            municipality = (
                Municipality.objects.filter(name=options["municipality"]).first()
                or Municipality.objects.filter(slug=options["municipality"]).first()
            )
            if municipality is None:
                raise CommandError(f"Unknown municipality: {options['municipality']}")
        try:
            result = provision_partner(
                name=options["name"],
                slug=options["slug"],
                municipality=municipality,
                short_description=options["description"],
                website=options["website"],
                email=options["email"],
                editor_email=options["editor_email"],
            )
        except (ValidationError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        invite_and_report(self, result)
