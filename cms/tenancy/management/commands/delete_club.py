from django.core.management.base import BaseCommand, CommandError

from cms.tenancy.deletion import delete_tenant
from cms.tenancy.models import Tenant


class Command(BaseCommand):
    help = (
        "Delete a club with its pages, media, accounts and personal data (cannot be undone; "
        "recorded in the audit log). The same as 'Löschen' under Mandanten in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Slug of the club's page")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args, slug, yes, **options):
        tenant = Tenant.objects.filter(root_page__slug=slug).select_related("root_page").first()
        if tenant is None:
            raise CommandError(f"No club with the slug {slug!r}")
        if not yes:
            answer = input(f"Delete {tenant.name} and everything it holds? Type its slug: ")
            if answer.strip() != slug:
                raise CommandError("Not confirmed; nothing was deleted.")
        report = delete_tenant(tenant)
        self.stdout.write(
            f"Deleted {report.tenant}: {report.pages} pages, {report.images} images, "
            f"{report.documents} documents, {report.accounts_deleted} accounts "
            f"({report.accounts_kept} kept), {report.registrations} registrations."
        )
