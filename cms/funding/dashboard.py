"""The dashboard panel „Passende Förderprogramme“ for club editors: the programmes their club
is eligible for, soonest deadline first, with the reasons."""

from django.utils import timezone

from cms.core.access import club_tenants_of
from cms.tenancy.panels import DashboardPanel

from . import matching
from .api import open_programmes

MAX_PROGRAMMES = 5


class MatchingProgrammesPanel(DashboardPanel):
    name = "matching_funding_programmes"
    template_name = "funding/admin/matching_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        programmes = open_programmes(today)
        entries = []
        for tenant in club_tenants_of(self.user):
            club = tenant.root_page.specific
            matches = []
            for programme, found in matching.matching_programmes(programmes, club, today):
                upcoming = programme.upcoming_deadlines(today)
                matches.append(
                    {
                        "programme": programme,
                        "reasons": found,
                        "next_date": upcoming[0][0] if upcoming else None,
                        "next_label": upcoming[0][1].label if upcoming else "",
                    }
                )
            matches.sort(
                key=lambda m: (
                    m["next_date"] is None,
                    m["next_date"] or today,
                    m["programme"].title,
                )
            )
            entries.append(
                {
                    "club": club,
                    "matches": matches[:MAX_PROGRAMMES],
                    "more": len(matches) > MAX_PROGRAMMES,
                }
            )
        return {"entries": entries, "today": today}
