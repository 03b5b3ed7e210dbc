"""What the editor and the agency see of a site's build: *wird aktualisiert*, *aktuell (seit …)*
or *Fehler – neuer Versuch um …*, for the sites a user edits (their clubs' homepages and the
portal), on the dashboard and after a request that published."""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cms.core.access import club_tenants_of

from .models import BuildState, SiteBuild


@dataclass
class SiteProgress:
    site: str
    name: str
    label: str
    pending: bool
    failed: bool


def when(moment) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return formats.time_format(local, "H:i")
    return formats.date_format(local, "j. F, H:i")


def describe(row: SiteBuild | None) -> tuple[str, bool, bool]:
    """(label, pending, failed) of one site's build row."""
    if row is None or (row.state == BuildState.PENDING and not (row.queued or row.building)):
        return _("noch nicht gebaut"), False, False
    if row.state == BuildState.FAILED and not row.building:
        if row.next_attempt_at:
            return (
                _("Fehler – neuer Versuch um %(time)s") % {"time": when(row.next_attempt_at)},
                True,
                True,
            )
        return _("Fehler – die Integrationsagentur ist informiert"), False, True
    if row.building or row.queued or not row.up_to_date:
        return _("wird aktualisiert"), True, False
    return _("aktuell (seit %(time)s)") % {"time": when(row.last_success_at)}, False, False


def sites_of(user) -> list[tuple[str, str]]:
    """(site, name) of the sites the user's work appears on."""
    sites = [
        (f"vereine/{tenant.root_page.slug}", _("Homepage von %(club)s") % {"club": tenant.name})
        for tenant in club_tenants_of(user).select_related("root_page").order_by("name")
    ]
    if sites or user.has_perm("homepages.view_sitebuild"):
        sites.append(("portal", _("Kreisportal")))
    return sites


def progress(sites: list[tuple[str, str]]) -> list[SiteProgress]:
    rows = {row.site: row for row in SiteBuild.objects.filter(site__in=[s for s, _n in sites])}
    entries = []
    for site, name in sites:
        label, pending, failed = describe(rows.get(site))
        entries.append(SiteProgress(site, name, label, pending, failed))
    return entries
