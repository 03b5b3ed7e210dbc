"""Provisioning a tenant: its root page, editors' group, permissions, collection and first
editor account, in one transaction and idempotently (running it again changes nothing)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    WorkflowPage,
)

from cms.clubs.models import ClubIndexPage, ClubPage
from cms.taxonomy.loaders import german_slug

from . import platform
from .models import COLLECTION_PARENTS, GROUP_NAME_PATTERNS, Tenant, TenantKind

EDITOR_PAGE_PERMISSIONS = ["add", "change", "lock", "unlock"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("simple_translation", "submit_translation"),
]


def group_name(kind: str, root) -> str:
    """The editors' group name, within ``Group.name``'s length: a long club name (titles may
    have 255 characters) is shortened and made unique by the page id, so two clubs never
    share a group."""
    pattern = GROUP_NAME_PATTERNS[kind]
    limit = Group._meta.get_field("name").max_length
    name = pattern.format(name=root.title)
    if len(name) <= limit:
        return name
    suffix = f"… (#{root.pk})"
    room = limit - len(pattern.format(name="")) - len(suffix)
    return pattern.format(name=root.title[:room].rstrip() + suffix)


@dataclass
class Provisioned:
    tenant: Tenant
    editor: object | None
    created: bool
    editor_created: bool

    @property
    def invite_url(self) -> str | None:
        return password_setup_url(self.editor) if self.editor_created else None


def password_setup_url(user) -> str:
    """A one-time link (Django's password-reset token) for a new account to set a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=(uid, token))
    return get_admin_base_url() + path


def grant_page_permissions(tenant: Tenant, page: Page) -> None:
    actions = EDITOR_PAGE_PERMISSIONS + (["publish"] if tenant.direct_publishing else [])
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=tenant.group, page=page, permission=platform.page_permission(action)
        )


def apply_publishing_mode(tenant: Tenant) -> None:
    """Trusted tenants publish themselves; the others submit to the agency's workflow."""
    publish = platform.page_permission("publish")
    for page in tenant.root_pages():
        if tenant.direct_publishing:
            grant_page_permissions(tenant, page)
            WorkflowPage.objects.filter(page=page).delete()
        else:
            GroupPagePermission.objects.filter(
                group=tenant.group, page=page, permission=publish
            ).delete()
            WorkflowPage.objects.update_or_create(
                page=page, defaults={"workflow": platform.approval_workflow()}
            )


def sync_translation(page: Page) -> None:
    """Give a tenant's editors the same rights on a new translation of their root page."""
    tenant = Tenant.objects.filter(root_page__translation_key=page.translation_key).first()
    if tenant is not None and page.pk != tenant.root_page_id:
        grant_page_permissions(tenant, page)
        apply_publishing_mode(tenant)


def ensure_editor(tenant: Tenant, email: str, first_name: str = "", last_name: str = ""):
    User = get_user_model()
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
    user.groups.add(tenant.group)
    return user, created


@transaction.atomic
def provision_tenant(
    *,
    kind: TenantKind,
    parent: Page,
    page: Page,
    editor_email: str | None = None,
    editor_first_name: str = "",
    editor_last_name: str = "",
) -> Provisioned:
    """Create (or find) the tenant whose root page is ``page`` (matched by slug) under
    ``parent``. ``page`` is an unsaved page instance; it is created as a draft."""
    platform.ensure_platform_setup()
    parent = parent.specific
    root = parent.get_children().filter(slug=page.slug).first()
    created = root is None
    if created:
        page.live = False
        root = parent.add_child(instance=page)
        root.save_revision()
    else:
        root = root.specific

    tenant = Tenant.objects.filter(root_page=root).first()
    if tenant is None:
        group, _ = Group.objects.get_or_create(name=group_name(kind, root))
        collection_parent = platform.tenant_collection_parent(COLLECTION_PARENTS[kind])
        collection = collection_parent.get_children().filter(name=root.title).first()
        collection = collection or collection_parent.add_child(name=root.title)
        tenant = Tenant.objects.create(
            kind=kind, name=root.title, root_page=root, group=group, collection=collection
        )
        created = True
    tenant.group.permissions.add(
        *(platform.permission(app, code) for app, code in EDITOR_MODEL_PERMISSIONS)
    )
    grant_page_permissions(tenant, root)
    for app, code in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=tenant.group,
            collection=tenant.collection,
            permission=platform.permission(app, code),
        )
    apply_publishing_mode(tenant)

    editor, editor_created = (None, False)
    if editor_email:
        editor, editor_created = ensure_editor(
            tenant, editor_email, editor_first_name, editor_last_name
        )
    return Provisioned(tenant=tenant, editor=editor, created=created, editor_created=editor_created)


def club_index(locale=None):
    locale = locale or Locale.get_default()
    return ClubIndexPage.objects.filter(locale=locale).first()


def provision_club(
    *,
    name: str,
    municipality,
    slug: str | None = None,
    legal_form: str = "ev",
    founding_year: int | None = None,
    short_description: str = "",
    countries=(),
    languages=(),
    focus_areas=(),
    editor_email: str | None = None,
    editor_first_name: str = "",
    editor_last_name: str = "",
) -> Provisioned:
    """Provision one club: a draft ``ClubPage`` under the club index plus its tenancy."""
    parent = club_index()
    if parent is None:
        raise ValueError("The club index page is missing; run migrate first.")
    page = ClubPage(
        title=name,
        slug=slug or german_slug(name)[:255],
        legal_form=legal_form,
        municipality=municipality,
        founding_year=founding_year,
        short_description=short_description,
    )
    page.countries = list(countries)
    page.languages = list(languages)
    page.focus_areas = list(focus_areas)
    page.full_clean(
        exclude=["path", "depth", "translation_key", "locale", "draft_title", "url_path"]
    )
    return provision_tenant(
        kind=TenantKind.CLUB,
        parent=parent,
        page=page,
        editor_email=editor_email,
        editor_first_name=editor_first_name,
        editor_last_name=editor_last_name,
    )
