"""The admin's "Gesucht & Geboten": an organisation's own posts with the answers to them,
the board of every active post (to answer through the platform), the answers it sent; the
agency sees and moderates everything and gets the figures."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from cms.core.access import tenants_of
from cms.tenancy.models import Tenant

from . import services
from .forms import AnswerForm, BoardPostForm
from .models import BoardPost


def may_use(user) -> bool:
    return user.has_perm("board.moderate_boardpost") or tenants_of(user).exists()


def writable_tenants(user):
    return Tenant.objects.all() if user.has_perm("board.moderate_boardpost") else tenants_of(user)


def index(request):
    if not may_use(request.user):
        return permission_denied(request)
    user = request.user
    own = services.own_posts(user).prefetch_related("answers")
    tenants = tenants_of(user)
    return TemplateResponse(
        request,
        "board/admin/index.html",
        {
            "own": own[:200],
            "board": BoardPost.objects.active()
            .exclude(tenant__in=tenants)
            .select_related("tenant", "municipality")[:200],
            "sent": services.visible_answers(user).filter(sender_tenant__in=tenants)[:100],
            "agency": user.has_perm("board.moderate_boardpost"),
            "figures": services.figures() if user.has_perm("board.moderate_boardpost") else [],
        },
    )


def edit(request, pk=None):
    if not may_use(request.user):
        return permission_denied(request)
    post = None
    if pk is not None:
        post = services.own_posts(request.user).filter(pk=pk).first()
        if post is None:
            return permission_denied(request)
    form = BoardPostForm(
        request.POST or None,
        instance=post,
        tenants=writable_tenants(request.user),
        agency=request.user.has_perm("board.moderate_boardpost"),
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if saved.created_by_id is None:
            saved.created_by = request.user
        saved.reminded_at = None
        saved.save()
        form.save_m2m()
        messages.success(request, _("Der Eintrag ist gespeichert."))
        return redirect("board_admin:post", pk=saved.pk)
    return TemplateResponse(request, "board/admin/edit.html", {"form": form, "post": post})


def post_view(request, pk):
    if not may_use(request.user):
        return permission_denied(request)
    user = request.user
    mine = services.own_posts(user).filter(pk=pk).first()
    post = (
        mine
        or BoardPost.objects.active().select_related("tenant", "municipality").filter(pk=pk).first()
    )
    if post is None:
        return permission_denied(request)
    answering_as = tenants_of(user).exclude(pk=post.tenant_id)
    form = AnswerForm(request.POST or None, tenants=answering_as)
    if request.method == "POST":
        if not answering_as.exists():
            return permission_denied(request)
        if form.is_valid():
            services.answer(
                post,
                # Without a full name the organisation signs: the username is an address.
                name=user.get_full_name() or form.cleaned_data["tenant"].name,
                email=user.email,
                message=form.cleaned_data["message"],
                sender_tenant=form.cleaned_data["tenant"],
            )
            messages.success(request, _("Ihre Antwort ist weitergeleitet."))
            return redirect("board_admin:post", pk=post.pk)
    answers = (
        post.answers.select_related("sender_tenant")
        if mine
        else services.visible_answers(user).filter(post=post)
    )
    return TemplateResponse(
        request,
        "board/admin/post.html",
        {
            "post": post,
            "mine": mine is not None,
            "answers": answers,
            "form": form if answering_as.exists() else None,
            "matches": services.matches(post).select_related("tenant", "municipality")[:20]
            if mine
            else [],
        },
    )
