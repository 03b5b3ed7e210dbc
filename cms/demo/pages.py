"""Adding demo pages the way an editor would: as a child, with a revision, published or
left as a draft, or submitted to the agency's approval workflow."""

from wagtail.models import Page


def add_page(parent: Page, page: Page, *, user, publish: bool = True) -> Page:
    """Create ``page`` (unsaved) under ``parent``; publish it unless told otherwise."""
    page.live = publish  # a new page is live by default, even before its first publication
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, clean=False)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
    return page


def submit_for_approval(page: Page, user) -> None:
    """Start the page's workflow as its editor would."""
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
