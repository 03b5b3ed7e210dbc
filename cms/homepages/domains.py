"""A club's own domain is a Wagtail ``Site`` whose root page is the club; requests for that host
are answered with the club's built homepage.

The ``Site`` rows are keyed by the club (its translation group), never by the host name: a club
changing its domain only ever touches its own row, and a host name held by another site is
left alone (``ClubPage.own_domain_error`` refuses it before it is saved). The platform's own
hosts (``cms/clubs/domains.py``) are never answered by a club, whatever the database holds.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Site

from cms.clubs.domains import is_reserved
from cms.clubs.models import ClubPage

CACHE_KEY = "homepages:own-domains"

logger = logging.getLogger(__name__)


def canonical_club(club: ClubPage) -> ClubPage:
    """The page of the club's translation group that decides its domain: the one in the
    default locale, else the given one."""
    default = (
        ClubPage.objects.filter(translation_key=club.translation_key, locale=Locale.get_default())
        .only("pk", "own_domain", "live", "title", "slug")
        .first()
    )
    return default or club


@transaction.atomic
def sync_own_domain(club: ClubPage) -> None:
    club = canonical_club(club)
    group = ClubPage.objects.filter(translation_key=club.translation_key).values("pk")
    own_sites = list(Site.objects.filter(root_page__in=group).order_by("pk"))
    domain = club.own_domain if club.live else ""
    if domain and (
        is_reserved(domain)
        or Site.objects.filter(hostname__iexact=domain).exclude(root_page__in=group).exists()
    ):
        logger.warning("Club %s: own domain %r is not available, not served", club.pk, domain)
        domain = ""
    if domain:
        keep, stale = (own_sites[0], own_sites[1:]) if own_sites else (Site(), [])
        keep.hostname, keep.port = domain, 443
        keep.root_page_id, keep.site_name, keep.is_default_site = club.pk, club.title, False
        for site in stale:
            site.delete()
        keep.save()
    else:
        for site in own_sites:
            site.delete()
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def own_domains() -> dict[str, str]:
    """Host name → club slug, cached (the lookup runs on every request)."""
    domains = cache.get(CACHE_KEY)
    if domains is None:
        domains = {
            site.hostname.lower(): site.root_page.slug
            for site in Site.objects.filter(
                is_default_site=False, root_page__in=ClubPage.objects.all()
            ).select_related("root_page")
            if not is_reserved(site.hostname)
        }
        cache.set(CACHE_KEY, domains, 300)
    return domains


class OwnDomainMiddleware:
    """Serve a club's own domain from its built homepage; other hosts pass through. A platform
    host never reaches a club (its ``/admin/``, ``/api/`` … stay the platform's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .views import club_site

        host = request.get_host().rsplit(":", 1)[0].lower().rstrip(".")
        slug = own_domains().get(host)
        if slug is not None and not is_reserved(host):
            return club_site(request, slug, request.path.lstrip("/"))
        return self.get_response(request)
