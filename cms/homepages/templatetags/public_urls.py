"""``{% public_url page as url %}``: where a page can be seen by the public — on its club's
homepage, or the portal at ``PUBLIC_BASE_URL`` — for Wagtail's e-mails, which would print
``page.full_url`` (None here: Wagtail does not serve pages, the built sites do)."""

from django import template
from django.conf import settings
from wagtail.models import Page

from cms.clubs.homepage_links import page_homepage_url
from cms.clubs.models import ClubPage

register = template.Library()


@register.simple_tag
def public_url(page) -> str:
    base = f"{settings.PUBLIC_BASE_URL}/"
    if not isinstance(page, Page):
        return base
    page = page.specific_deferred if type(page) is Page else page
    club = ClubPage.objects.ancestor_of(page, inclusive=True).filter(locale=page.locale).last()
    if club is None:
        return base
    page.club = club
    return page_homepage_url(page) or base
