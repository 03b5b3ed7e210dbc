"""Provisioning a partner organisation: a draft ``PartnerPage`` under the partner index plus
its tenancy, through the same ``provision_tenant`` as every club (group, page and collection
permissions, publishing mode, first editor)."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.portal.models import PortalHomePage
from cms.taxonomy.loaders import german_slug
from cms.tenancy.models import TenantKind
from cms.tenancy.provisioning import Provisioned, provision_tenant

from .models import PartnerIndexPage, PartnerPage

INDEX_SLUG = "partner"


def partner_index(locale=None, create: bool = False) -> PartnerIndexPage | None:
    """The partner index of ``locale`` (default: German); with ``create``, made under the
    portal home if it does not exist yet."""
    locale = locale or Locale.get_default()
    index = PartnerIndexPage.objects.filter(locale=locale).first()
    if index is not None or not create:
        return index
    home = PortalHomePage.objects.filter(locale=locale).first()
    if home is None:
        raise ValueError("The portal home page is missing; run migrate first.")
    index = PartnerIndexPage(title=_("Partnerorganisationen"), slug=INDEX_SLUG, locale=locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@transaction.atomic
def provision_partner(
    *,
    name: str,
    slug: str | None = None,
    municipality=None,
    short_description: str = "",
    website: str = "",
    email: str = "",
    editor_email: str | None = None,
    editor_first_name: str = "",
    editor_last_name: str = "",
) -> Provisioned:
    page = PartnerPage(
        title=name,
        slug=slug or german_slug(name)[:255],
        municipality=municipality,
        short_description=short_description,
        website=website,
        email=email,
    )
    page.full_clean(
        exclude=["path", "depth", "translation_key", "locale", "draft_title", "url_path"]
    )
    return provision_tenant(
        kind=TenantKind.PARTNER,
        parent=partner_index(create=True),
        page=page,
        editor_email=editor_email,
        editor_first_name=editor_first_name,
        editor_last_name=editor_last_name,
    )
