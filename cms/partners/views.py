"""The admin's "Kooperationen" area: what a club's or partner's editors have to decide, every
link of their organisations, and the forms to propose a cooperation or record a mentoring.

Only a tenant's own editors decide for it (``links.speaks_for``); the agency sees everything
but decides nothing, since a confirmation is the organisation's own consent.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied

from cms.clubs.models import ClubPage
from cms.core.access import tenants_of

from . import links
from .forms import MentoringForm, ProposalForm
from .models import CooperationLink, Decision, Mentoring, PartnerPage, Side


def own_pages(user, model):
    """The user's tenants' root pages of ``model`` (default locale)."""
    root_ids = tenants_of(user).values("root_page_id")
    return model.objects.filter(pk__in=root_ids).order_by("title")


def visible_links(user):
    links_qs = CooperationLink.objects.select_related("cooperation", "club")
    if user.has_perm("tenancy.work_across_tenants"):
        return links_qs
    partner_paths = list(own_pages(user, PartnerPage).values_list("path", flat=True))
    condition = Q(club__in=own_pages(user, ClubPage))
    for path in partner_paths:
        condition |= Q(cooperation__path__startswith=path)
    return links_qs.filter(condition)


def visible_mentorings(user):
    mentorings = Mentoring.objects.select_related("mentor", "mentee")
    if user.has_perm("tenancy.work_across_tenants"):
        return mentorings
    clubs = own_pages(user, ClubPage)
    return mentorings.filter(Q(mentor__in=clubs) | Q(mentee__in=clubs))


def awaiting_user(user):
    """Links and mentorings waiting for a decision of one of the user's organisations."""
    clubs = own_pages(user, ClubPage)
    partner_paths = list(own_pages(user, PartnerPage).values_list("path", flat=True))
    partner_side = Q(pk__in=[])
    for path in partner_paths:
        partner_side |= Q(cooperation__path__startswith=path)
    pending_links = CooperationLink.objects.select_related("cooperation", "club").filter(
        Q(club__in=clubs, club_status=Decision.PENDING)
        | (partner_side & Q(partner_status=Decision.PENDING))
    )
    pending_mentorings = Mentoring.objects.select_related("mentor", "mentee").filter(
        Q(mentor__in=clubs, mentor_status=Decision.PENDING)
        | Q(mentee__in=clubs, mentee_status=Decision.PENDING)
    )
    return pending_links, pending_mentorings


def link_rows(user, queryset, keys=None):
    """The links with their partner and the user's side, in a constant number of queries
    (``keys``: the user's ``links.spoken_keys``, read once per page)."""
    found = list(queryset)
    if not found:
        return []
    keys = links.spoken_keys(user) if keys is None else keys
    partners = links.partners_of({link.cooperation for link in found})
    rows = []
    for link in found:
        partner = partners[link.cooperation.pk]
        side = links.side_of(user, link, keys, partner)
        rows.append(
            {
                "link": link,
                "partner": partner,
                "side": side,
                "own_status": link.status_of(side) if side else None,
            }
        )
    return rows


def mentoring_rows(user, queryset, keys=None):
    found = list(queryset)
    if not found:
        return []
    keys = links.spoken_keys(user) if keys is None else keys
    rows = []
    for mentoring in found:
        sides = links.mentoring_sides(user, mentoring, keys)
        rows.append(
            {
                "mentoring": mentoring,
                "sides": sides,
                "own_status": getattr(mentoring, f"{sides[0]}_status") if sides else None,
            }
        )
    return rows


def index(request):
    user = request.user
    pending_links, pending_mentorings = awaiting_user(user)
    keys = links.spoken_keys(user)
    context = {
        "pending_links": link_rows(user, pending_links, keys),
        "pending_mentorings": mentoring_rows(user, pending_mentorings, keys),
        "all_links": link_rows(user, visible_links(user)[:200], keys),
        "all_mentorings": mentoring_rows(user, visible_mentorings(user)[:200], keys),
        "can_propose": own_pages(user, ClubPage).exists(),
        "decision": Decision,
        "side": Side,
    }
    return TemplateResponse(request, "partners/admin/index.html", context)


def _decide(request, obj, decide, confirm: bool):
    try:
        decided = decide(request.user, obj, confirm)
    except links.NotAllowed:
        return permission_denied(request)
    if confirm and getattr(decided, "section_added", False):
        messages.success(
            request,
            _(
                "Bestätigt. Ihre Homepage hatte noch keinen Abschnitt „Kooperationen“; er ist "
                "jetzt eingeschaltet (Vereinsprofil, Reiter „Homepage“). Die Homepage wird neu "
                "erstellt."
            ),
        )
    elif confirm:
        messages.success(request, _("Bestätigt. Die Homepage wird neu erstellt."))
    else:
        messages.success(request, _("Abgelehnt. Es erscheint nirgends öffentlich."))
    return redirect("cooperations:index")


DECISIONS = {"bestaetigen": True, "ablehnen": False}


@require_POST
def decide_link(request, pk, decision):
    if decision not in DECISIONS:
        raise Http404
    link = get_object_or_404(CooperationLink, pk=pk)
    return _decide(request, link, links.decide_link, DECISIONS[decision])


@require_POST
def decide_mentoring(request, pk, decision):
    if decision not in DECISIONS:
        raise Http404
    mentoring = get_object_or_404(Mentoring, pk=pk)
    return _decide(request, mentoring, links.decide_mentoring, DECISIONS[decision])


def propose(request):
    clubs = own_pages(request.user, ClubPage)
    if not clubs.exists():
        return permission_denied(request)
    form = ProposalForm(request.POST or None, clubs=clubs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            links.propose_cooperation(
                request.user,
                data["club"],
                data["partner"],
                title=data["title"],
                kind=data["kind"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                description=data["description"],
            )
        except links.NotAllowed:
            return permission_denied(request)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(
                request,
                _("Vorschlag gesendet. Sobald %(partner)s bestätigt, wird er öffentlich.")
                % {"partner": data["partner"].title},
            )
            return redirect("cooperations:index")
    return TemplateResponse(
        request,
        "partners/admin/form.html",
        {"form": form, "heading": _("Kooperation vorschlagen")},
    )


def add_mentoring(request):
    clubs = own_pages(request.user, ClubPage)
    if not clubs.exists():
        return permission_denied(request)
    form = MentoringForm(request.POST or None, clubs=clubs)
    if request.method == "POST" and form.is_valid():
        try:
            links.record_mentoring(request.user, **form.mentoring_fields())
        except links.NotAllowed:
            return permission_denied(request)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Mentoring eingetragen; der andere Verein bestätigt es."))
            return redirect("cooperations:index")
    return TemplateResponse(
        request, "partners/admin/form.html", {"form": form, "heading": _("Mentoring eintragen")}
    )
