"""A club's own domain is a Wagtail ``Site`` whose root page is the club; requests for that host
are answered with the club's built homepage."""

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Site

from cms.clubs.models import ClubPage

CACHE_KEY = "homepages:own-domains"


@transaction.atomic
def sync_own_domain(club: ClubPage) -> None:
    stale = Site.objects.filter(root_page=club)
    if club.own_domain:
        stale = stale.exclude(hostname=club.own_domain)
    stale.delete()
    if club.own_domain and club.live:
        Site.objects.update_or_create(
            hostname=club.own_domain,
            port=443,
            defaults={"root_page": club, "site_name": club.title, "is_default_site": False},
        )
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def own_domains() -> dict[str, str]:
    """Host name → club slug, cached (the lookup runs on every request)."""
    domains = cache.get(CACHE_KEY)
    if domains is None:
        domains = {
            site.hostname: site.root_page.slug
            for site in Site.objects.filter(
                is_default_site=False, root_page__in=ClubPage.objects.all()
            ).select_related("root_page")
        }
        cache.set(CACHE_KEY, domains, 300)
    return domains


class OwnDomainMiddleware:
    """Serve ``/`` of a club's own domain from its built homepage; other hosts pass through."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .views import club_site

        host = request.get_host().rsplit(":", 1)[0].lower()
        slug = own_domains().get(host)
        if slug is not None:
            return club_site(request, slug, request.path.lstrip("/"))
        return self.get_response(request)
