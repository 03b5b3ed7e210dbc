"""Admin wiring of the second factor: its two pages, and a link in the account settings for
everyone who has not set one up yet."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail import hooks

from . import two_factor


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("zwei-faktor/", two_factor.verify, name="hardening_otp_verify"),
        path("zwei-faktor/einrichten/", two_factor.setup, name="hardening_otp_setup"),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    if user_has_device(request.user):
        return None
    return {
        "url": reverse("hardening_otp_setup"),
        "label": _("Zweiten Faktor einrichten"),
        "help_text": _("Anmeldung zusätzlich mit einem Code aus einer Authenticator-App."),
    }


@hooks.register("before_serve_document")
def hide_documents_of_unpublished_clubs(document, request):
    """A document in the collection of a club that is not published (yet, or any more) is
    for its editors and the agency only; for everyone else it does not exist."""
    from django.http import Http404
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    from cms.tenancy.models import Tenant

    tenant = (
        Tenant.objects.filter(collection__in=document.collection.get_ancestors(inclusive=True))
        .select_related("root_page")
        .first()
    )
    if tenant is None or tenant.root_page.live:
        return None
    policy = policy_registry.get_by_type(get_document_model())
    if policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], document):
        return None
    raise Http404
