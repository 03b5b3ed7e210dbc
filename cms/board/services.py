"""What happens on the board: who sees which posts, answers relayed by mail, matching offers
to requests, the reminder before a post expires, and the agency's figures."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from cms.core.access import tenants_of

from .models import BoardAnswer, BoardDirection, BoardKind, BoardPost

REMIND_DAYS_BEFORE = 7


def own_posts(user):
    """The posts the user edits: the agency every post, editors their tenants' posts."""
    posts = BoardPost.objects.select_related("tenant", "municipality")
    if user.has_perm("board.moderate_boardpost"):
        return posts
    return posts.filter(tenant__in=tenants_of(user))


def visible_answers(user):
    """Answers to the user's tenants' posts and the answers the user's tenants sent."""
    answers = BoardAnswer.objects.select_related("post__tenant", "sender_tenant")
    if user.has_perm("board.moderate_boardpost"):
        return answers
    tenants = tenants_of(user)
    return answers.filter(Q(post__tenant__in=tenants) | Q(sender_tenant__in=tenants))


def editors_of(tenant) -> list[str]:
    return list(
        tenant.group.user_set.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


@task()
def relay_answer(answer_id: int) -> None:
    answer = BoardAnswer.objects.select_related("post__tenant", "sender_tenant").get(pk=answer_id)
    recipients = editors_of(answer.post.tenant)
    if not recipients:
        return
    with translation.override("de"):
        text = render_to_string(
            "board/emails/answer.txt",
            {
                "answer": answer,
                "post": answer.post,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/gesucht-geboten/",
            },
        ).strip()
    subject, _, body = text.partition("\n")
    # The answer's address is the Reply-To: the organisation answers with its own mail
    # program, and the board never shows it.
    EmailMessage(
        subject.strip(), body.strip(), None, recipients, reply_to=[answer.sender_email]
    ).send()


def answer(post: BoardPost, *, name: str, email: str, message: str, sender_tenant=None):
    with transaction.atomic():
        created = BoardAnswer.objects.create(
            post=post,
            sender_tenant=sender_tenant,
            sender_name=name,
            sender_email=email,
            message=message,
        )
        transaction.on_commit(lambda: relay_answer.enqueue(answer_id=created.pk))
    return created


def matches(post: BoardPost, candidates=None):
    """Active posts of the other direction and the same kind from other organisations, that
    share a language or the municipality (or either side names no language)."""
    other = (
        BoardDirection.OFFER if post.direction == BoardDirection.REQUEST else BoardDirection.REQUEST
    )
    queryset = candidates if candidates is not None else BoardPost.objects.active()
    queryset = queryset.filter(direction=other, kind=post.kind).exclude(tenant=post.tenant_id)
    languages = list(post.languages.values_list("pk", flat=True))
    condition = Q(municipality=post.municipality_id)
    if languages:
        condition |= Q(languages__in=languages)
    return queryset.filter(condition).distinct()


@task()
def send_expiry_reminder(post_id: int) -> None:
    post = BoardPost.objects.select_related("tenant").get(pk=post_id)
    recipients = editors_of(post.tenant)
    if not recipients:
        return
    with translation.override("de"):
        text = render_to_string("board/emails/expiring.txt", {"post": post}).strip()
    subject, _, body = text.partition("\n")
    EmailMessage(subject.strip(), body.strip(), None, recipients).send()


def remind_expiring(today=None) -> int:
    """Remind the authors of posts expiring within a week (once per post)."""
    today = today or timezone.localdate()
    due = BoardPost.objects.active(today).filter(
        reminded_at__isnull=True,
        expires_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
    )
    count = 0
    for post in due:
        with transaction.atomic():
            if BoardPost.objects.filter(pk=post.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            ):
                transaction.on_commit(lambda pk=post.pk: send_expiry_reminder.enqueue(post_id=pk))
                count += 1
    return count


def figures() -> list[dict]:
    """Per kind: offers, requests, answered posts, answers — what the agency reports."""
    rows = (
        BoardPost.objects.values("kind", "direction")
        .annotate(posts=Count("pk", distinct=True), answers=Count("answers"))
        .order_by("kind", "direction")
    )
    answered = dict(
        BoardPost.objects.filter(answers__isnull=False)
        .values("kind")
        .annotate(n=Count("pk", distinct=True))
        .values_list("kind", "n")
    )
    table: dict[str, dict] = {}
    for row in rows:
        entry = table.setdefault(
            row["kind"],
            {
                "kind": row["kind"],
                "label": BoardKind(row["kind"]).label,
                "offer": 0,
                "request": 0,
                "answers": 0,
            },
        )
        entry[row["direction"]] += row["posts"]
        entry["answers"] += row["answers"]
    for kind, entry in table.items():
        entry["answered"] = answered.get(kind, 0)
    return list(table.values())
