"""Admin wiring of tenancy: the agency's "Anmeldungen" and "Mandanten" views, the decision
view, and the club editor's dashboard panel. Isolation hooks live in ``isolation_hooks``."""

import copy
from collections import defaultdict

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page, WorkflowState

from cms import locales
from cms.core.access import club_tenants_of

from . import admin_ui, deletion, isolation_hooks  # noqa: F401
from .documents import refuse_private_documents
from .models import RegistrationRequest, RegistrationStatus, Tenant
from .panels import DashboardPanel
from .views import decide, delete_tenant


class RegistrationViewSet(ModelViewSet):
    model = RegistrationRequest
    icon = "form"
    menu_label = _("Anmeldungen")
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "anmeldungen"
    name = "registrations"
    list_filter = ["status", "municipality"]
    search_fields = ["club_name", "applicant_name", "applicant_email"]
    form_fields = [
        "club_name",
        "legal_form",
        "municipality",
        "founding_year",
        "countries",
        "languages",
        "focus_areas",
        "short_description",
        "applicant_name",
        "applicant_email",
        "applicant_phone",
        "message",
    ]

    @property
    def list_display(self):
        return [
            TitleColumn(
                "club_name",
                label=_("Verein"),
                get_url=lambda obj: reverse("registrations:decide", args=(obj.pk,)),
            ),
            "municipality",
            "applicant_name",
            Column("status", label=_("Status"), accessor="get_status_display"),
            "created_at",
        ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/entscheiden/", decide, name="decide"),
        ]


def language_name(code: str) -> str:
    """The locale's name in German (CLDR), for the German admin."""
    locale = locales.get(code)
    return locale.babel.get_display_name("de") if locale else code


class TenantFilterSet(WagtailFilterSet):
    homepage_language = django_filters.ChoiceFilter(
        label=_("Homepage übersetzt in"),
        method="filter_homepage_language",
        choices=lambda: [(code, language_name(code)) for code in locales.codes()[1:]],
    )

    class Meta:
        model = Tenant
        fields = ["kind", "direct_publishing"]

    def filter_homepage_language(self, queryset, name, value):
        translated = Page.objects.filter(locale__language_code=value, live=True)
        return queryset.filter(root_page__translation_key__in=translated.values("translation_key"))


class TenantIndexView(IndexView):
    def get_delete_url(self, instance):
        if not self.request.user.has_perm("tenancy.delete_tenant"):
            return None
        return reverse("tenants:delete", args=(instance.pk,))

    def get_table(self, object_list):
        """Each tenant's homepage languages: the locales its root page is published in, looked
        up for the whole page of the listing at once."""
        tenants = list(object_list)
        keys = Page.objects.filter(pk__in=[tenant.root_page_id for tenant in tenants])
        found = defaultdict(list)
        for key, code in (
            Page.objects.filter(translation_key__in=keys.values("translation_key"), live=True)
            .order_by("locale_id")
            .values_list("translation_key", "locale__language_code")
        ):
            found[key].append(code)
        by_root = dict(keys.values_list("pk", "translation_key"))
        order = locales.codes()
        for tenant in tenants:
            codes = sorted(
                found[by_root.get(tenant.root_page_id)],
                key=lambda code: order.index(code) if code in order else len(order),
            )
            tenant.homepage_languages = ", ".join(language_name(code) for code in codes)
        return super().get_table(tenants)


class TenantViewSet(ModelViewSet):
    model = Tenant
    icon = "group"
    menu_label = _("Mandanten")
    menu_order = 220
    add_to_admin_menu = True
    url_prefix = "mandanten"
    name = "tenants"
    list_display = [
        "name",
        "kind",
        Column("homepage_languages", label=_("Sprachen der Homepage")),
        "direct_publishing",
        "created_at",
    ]
    filterset_class = TenantFilterSet
    search_fields = ["name"]
    form_fields = ["direct_publishing"]

    index_view_class = TenantIndexView

    @property
    def delete_view(self):
        """Deleting a tenant row alone would orphan its pages, group and media: "Löschen"
        always means the agency's complete deletion (cms/tenancy/deletion.py)."""
        return delete_tenant


@hooks.register("register_log_actions")
def register_tenant_log_actions(actions):
    actions.register_action(
        deletion.ACTION, _("Mandant mit allen Inhalten gelöscht"), _("Mandant gelöscht")
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [RegistrationViewSet(), TenantViewSet()]


@hooks.register("construct_main_menu")
def show_pending_registration_count(request, menu_items):
    """ "Anmeldungen (3)": the menu items are shared between requests, so the counted label goes
    on a copy."""
    pending = RegistrationRequest.objects.filter(status=RegistrationStatus.PENDING).count()
    if not pending:
        return
    url = reverse("registrations:index")
    for position, item in enumerate(menu_items):
        if getattr(item, "url", None) == url:
            counted = copy.copy(item)
            counted.label = f"{item.label} ({pending})"
            menu_items[position] = counted


class ClubEditorPanel(DashboardPanel):
    name = "club_editor_panel"
    template_name = "tenancy/admin/club_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        entries = []
        for tenant in club_tenants_of(self.user):
            page = tenant.root_page.specific
            children = Page.objects.child_of(page)
            entries.append(
                {
                    "tenant": tenant,
                    "page": page,
                    "news_index": children.filter(content_type__model="newsindexpage").first(),
                    "event_index": children.filter(content_type__model="eventindexpage").first(),
                    "awaiting": WorkflowState.objects.active()
                    .filter(page__path__startswith=page.path)
                    .order_by("-created_at")[:10],
                }
            )
        return {"entries": entries}


@hooks.register("construct_homepage_panels")
def add_club_editor_panel(request, panels):
    if club_tenants_of(request.user).exists():
        panels.insert(0, ClubEditorPanel(request))


hooks.register("before_serve_document", refuse_private_documents)
