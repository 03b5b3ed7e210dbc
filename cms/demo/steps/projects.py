"""Project pages, built after all clubs exist because projects name partner clubs."""

from cms.clubs.models import ClubPage, ProjectPage
from cms.tenancy.provisioning import club_index

from ..pages import add_page


def build_projects(context) -> None:
    clubs = {page.slug: page for page in ClubPage.objects.child_of(club_index()).specific()}
    for plan in context.plan:
        club = clubs.get(plan.slug)
        if club is None or not plan.projects:
            continue
        existing = set(club.get_children().values_list("slug", flat=True))
        publisher = context.users["agency"]
        for item in plan.projects:
            if item.slug in existing:
                continue
            project = ProjectPage(
                title=item.title,
                slug=item.slug,
                start_date=item.start,
                end_date=item.end,
                status=item.status,
                funding_source=item.funding_source,
                summary=item.summary,
                body=[{"type": "text", "value": item.body_html}],
            )
            project.partner_clubs = [clubs[slug] for slug in item.partner_slugs if slug in clubs]
            add_page(club, project, user=publisher)
            context.created["Seiten"] += 1
            context.created["Projekte"] += 1
