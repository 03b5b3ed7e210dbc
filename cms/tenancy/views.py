"""The agency's decision view for one registration (approve, or reject with a reason)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import deletion
from . import registration as decisions
from .forms import RejectionForm, TenantDeletionForm
from .models import RegistrationRequest, Tenant

REGISTRATION_INDEX = "registrations:index"


@require_http_methods(["GET", "POST"])
def decide(request, pk):
    if not request.user.has_perm("tenancy.change_registrationrequest"):
        raise PermissionDenied
    registration = get_object_or_404(
        RegistrationRequest.objects.select_related("municipality", "tenant", "decided_by"), pk=pk
    )
    rejection_form = RejectionForm()
    if request.method == "POST" and registration.is_pending:
        try:
            if request.POST.get("decision") == "approve":
                decisions.approve(registration, request.user)
                messages.success(
                    request,
                    _("„%(name)s“ wurde angenommen und eingerichtet.") % {"name": registration},
                )
                return redirect(REGISTRATION_INDEX)
            if request.POST.get("decision") == "reject":
                rejection_form = RejectionForm(request.POST)
                if rejection_form.is_valid():
                    decisions.reject(
                        registration, request.user, rejection_form.cleaned_data["reason"]
                    )
                    messages.success(
                        request, _("„%(name)s“ wurde abgelehnt.") % {"name": registration}
                    )
                    return redirect(REGISTRATION_INDEX)
        except (decisions.DecisionError, ValidationError, ValueError) as exc:
            messages.error(
                request, _("Die Entscheidung ist fehlgeschlagen: %(error)s") % {"error": exc}
            )
    return TemplateResponse(
        request,
        "tenancy/admin/decide.html",
        {
            "registration": registration,
            "rejection_form": rejection_form,
            "countries": registration.countries.all(),
            "languages": registration.languages.all(),
            "focus_areas": registration.focus_areas.all(),
        },
        status=400 if rejection_form.is_bound and not rejection_form.is_valid() else 200,
    )


@require_http_methods(["GET", "POST"])
def delete_tenant(request, pk):
    """The agency deletes a club with everything that belongs to it (cms/tenancy/deletion.py)."""
    if not request.user.has_perm("tenancy.delete_tenant"):
        raise PermissionDenied
    tenant = get_object_or_404(Tenant.objects.select_related("root_page"), pk=pk)
    form = TenantDeletionForm(request.POST or None, tenant=tenant)
    if request.method == "POST" and form.is_valid():
        report = deletion.delete_tenant(tenant, by=request.user)
        messages.success(
            request,
            _(
                "„%(name)s“ wurde gelöscht: %(pages)s Seiten, %(images)s Bilder, "
                "%(documents)s Dokumente, %(accounts)s Zugänge."
            )
            % {
                "name": report.tenant,
                "pages": report.pages,
                "images": report.images,
                "documents": report.documents,
                "accounts": report.accounts_deleted,
            },
        )
        return redirect("tenants:index")
    return TemplateResponse(
        request, "tenancy/admin/delete_tenant.html", {"tenant": tenant, "form": form}
    )
