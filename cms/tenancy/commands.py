"""What the provisioning commands (provision_club, provision_partner) do after provisioning:
invite a new editor and report the result."""

from cms.core.mail import notify_on_commit


def invite_and_report(command, result) -> None:
    if result.invite_url:
        notify_on_commit(
            result.editor.email,
            "tenancy/emails/invitation.txt",
            {"tenant": result.tenant, "invite_url": result.invite_url},
        )
    verb = "Provisioned" if result.created else "Already provisioned"
    command.stdout.write(
        command.style.SUCCESS(f"{verb}: {result.tenant} (page {result.tenant.root_page_id})")
    )
    if result.editor:
        state = "created and invited" if result.editor_created else "already existed"
        command.stdout.write(f"Editor {result.editor.email}: {state}")
