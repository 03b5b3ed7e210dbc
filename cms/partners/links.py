"""Who takes part in what, and who decided: keeping ``CooperationLink`` rows in step with the
published cooperation pages, the decisions of clubs and partners, club proposals and
mentoring, the e-mails they send and the rebuilds they trigger.

Every change that alters what is public queues the rebuild of the affected club homepages
(and of the portal, once the CMS offers a hook for it) after the transaction commits.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.clubs.models import ClubPage, HomepageSection
from cms.core.mail import notify_on_commit
from cms.core.signals import content_changed
from cms.tenancy.models import Tenant

from .models import CooperationLink, CooperationPage, Decision, Mentoring, PartnerPage, Side

# The homepage section (a plugin of the club site kind, by name) that lists the club's
# confirmed cooperations.
COOPERATIONS_SECTION = "cooperations"


class NotAllowed(Exception):
    """The user does not speak for the side that has to decide."""


# --- rebuilds ------------------------------------------------------------------------------


def queue_rebuilds(club_slugs) -> None:
    """The homepages of the clubs concerned and the portal (its network pages) show links."""
    content_changed.send(CooperationLink, club_slugs=sorted(set(club_slugs)), portal=True)


def confirmed_club_slugs(cooperations) -> list[str]:
    return list(
        CooperationLink.objects.confirmed()
        .filter(cooperation__in=cooperations)
        .values_list("club__slug", flat=True)
    )


# --- who speaks for whom -----------------------------------------------------------------


def original(page: Page) -> Page:
    """The default-locale version of a page (links and tenants hang on it)."""
    if page.locale_id == Locale.get_default().pk:
        return page
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale=Locale.get_default())
        .first()
        or page
    )


def tenant_of_page(page: Page) -> Tenant | None:
    return Tenant.objects.filter(root_page__translation_key=page.translation_key).first()


def spoken_keys(user) -> frozenset:
    """The translation keys of the root pages of the tenants ``user`` edits: one query for a
    whole listing's ``speaks_for`` (``keys=``)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        Tenant.objects.filter(group__in=user.groups.all()).values_list(
            "root_page__translation_key", flat=True
        )
    )


def speaks_for(user, page: Page, keys: frozenset | None = None) -> bool:
    """Whether ``user`` is an editor of the tenant whose root page is ``page``. Deciding is
    the tenant's own business: neither the agency nor another tenant decides for it.
    ``keys``: the user's :func:`spoken_keys`, read once for many pages."""
    if not user.is_authenticated:
        return False
    if keys is not None:
        return page.translation_key in keys
    return Tenant.objects.filter(
        root_page__translation_key=page.translation_key, group__in=user.groups.all()
    ).exists()


def partner_of(cooperation: CooperationPage) -> PartnerPage | None:
    return PartnerPage.objects.ancestor_of(cooperation).first()


def partners_of(cooperations) -> dict[int, PartnerPage | None]:
    """:func:`partner_of` for many cooperations (by page id) in one query: the partner pages
    among their ancestors' paths."""
    cooperations = list(cooperations)
    step = Page.steplen
    ancestors = {
        page.path[:end] for page in cooperations for end in range(step, len(page.path), step)
    }
    partners = {partner.path: partner for partner in PartnerPage.objects.filter(path__in=ancestors)}
    found = {}
    for page in cooperations:
        candidates = [
            partners[page.path[:end]]
            for end in range(step, len(page.path), step)
            if page.path[:end] in partners
        ]
        found[page.pk] = candidates[0] if candidates else None
    return found


def editor_emails(page: Page) -> list[str]:
    tenant = tenant_of_page(page)
    if tenant is None:
        return []
    return sorted(
        {
            email
            for email in tenant.group.user_set.filter(is_active=True).values_list(
                "email", flat=True
            )
            if email
        }
    )


def review_url() -> str:
    from django.urls import reverse
    from wagtail.admin.utils import get_admin_base_url

    return get_admin_base_url() + reverse("cooperations:index")


def notify(page: Page, template: str, context: dict) -> None:
    for email in editor_emails(page):
        notify_on_commit(email, template, {**context, "review_url": review_url()})


# --- cooperations ------------------------------------------------------------------------


@transaction.atomic
def sync_links(cooperation: CooperationPage) -> None:
    """After a cooperation page is published: every named club has a link (new ones wait for
    the club, whose editors are mailed), clubs no longer named lose theirs."""
    cooperation = original(cooperation).specific
    if not cooperation.live:
        return
    clubs = [original(club) for club in cooperation.clubs.all()]
    existing = {link.club_id: link for link in cooperation.links.select_related("club")}
    named = {club.pk for club in clubs}
    removed = [link for club_id, link in existing.items() if club_id not in named]
    rebuild = [link.club.slug for link in removed if link.is_confirmed]
    CooperationLink.objects.filter(pk__in=[link.pk for link in removed]).delete()
    partner = partner_of(cooperation)
    for club in clubs:
        if club.pk in existing:
            if existing[club.pk].is_confirmed:
                rebuild.append(club.slug)
            continue
        CooperationLink.objects.create(
            cooperation=cooperation,
            club=club,
            proposed_by=Side.PARTNER,
            partner_status=Decision.CONFIRMED,
            partner_decided_at=timezone.now(),
        )
        notify(
            club,
            "partners/emails/cooperation_request.txt",
            {"cooperation": cooperation, "partner": partner, "club": club},
        )
    queue_rebuilds(rebuild)


def side_of(user, link: CooperationLink, keys=None, partner=False) -> str | None:
    """The side of ``link`` the user decides for, or None. A listing passes the user's
    :func:`spoken_keys` and the cooperation's partner page (``partners_of``)."""
    if speaks_for(user, link.club, keys):
        return Side.CLUB
    if partner is False:
        partner = partner_of(link.cooperation)
    if partner is not None and speaks_for(user, partner, keys):
        return Side.PARTNER
    return None


def awaiting_side(link: CooperationLink) -> str | None:
    if link.club_status == Decision.PENDING:
        return Side.CLUB
    if link.partner_status == Decision.PENDING:
        return Side.PARTNER
    return None


@transaction.atomic
def decide_link(user, link: CooperationLink, confirm: bool) -> CooperationLink:
    """Confirm or decline ``link`` for the side the user speaks for (a club editor for the
    club, a partner editor for the partner). Changing one's mind later is allowed."""
    link = CooperationLink.objects.select_for_update().select_related("club").get(pk=link.pk)
    side = side_of(user, link)
    if side is None:
        raise NotAllowed
    was_confirmed = link.is_confirmed
    decision = Decision.CONFIRMED if confirm else Decision.DECLINED
    now = timezone.now()
    if side == Side.CLUB:
        link.club_status, link.club_decided_at = decision, now
    else:
        link.partner_status, link.partner_decided_at = decision, now
    link.save()
    if link.is_confirmed and not was_confirmed:
        link.section_added = ensure_cooperations_section(link.club, user)
    if link.is_confirmed != was_confirmed:
        queue_rebuilds([link.club.slug])
    return link


def ensure_cooperations_section(club: Page, user) -> bool:
    """Switch the club's homepage section „Kooperationen“ on, if it is off, so a confirmed
    cooperation is seen (the section is where the homepage shows it). The live page and a
    pending draft both get it, so publishing the draft later does not take it away again;
    the change is recorded as a revision of the club page. True if the section was added."""
    live = ClubPage.objects.get(pk=club.pk)
    if live.homepage_sections.filter(section=COOPERATIONS_SECTION).exists():
        return False
    draft = live.get_latest_revision_as_object() if live.has_unpublished_changes else None
    _append_section(live)
    if draft is None:
        live.save_revision(user=user, log_action=True).publish(
            user=user, skip_permission_checks=True
        )
        return True
    live.save()
    if not any(s.section == COOPERATIONS_SECTION for s in draft.homepage_sections.all()):
        _append_section(draft)
    draft.save_revision(user=user, log_action=True)
    return True


def _append_section(page: ClubPage) -> None:
    orders = [s.sort_order or 0 for s in page.homepage_sections.all()]
    page.homepage_sections.add(
        HomepageSection(section=COOPERATIONS_SECTION, sort_order=max(orders, default=-1) + 1)
    )


@transaction.atomic
def propose_cooperation(
    user, club: ClubPage, partner: PartnerPage, *, title, kind, start_date, end_date, description
) -> CooperationLink:
    """A club proposes a cooperation to a partner: a cooperation page in the partner's tree
    that names the club, which has confirmed it; it shows once the partner confirms."""
    from django.utils.text import slugify

    if not speaks_for(user, club):
        raise NotAllowed
    base = slugify(title)[:60] or "kooperation"
    slugs = set(partner.get_children().values_list("slug", flat=True))
    slug, number = base, 1
    while slug in slugs:
        number += 1
        slug = f"{base}-{number}"
    cooperation = CooperationPage(
        title=title,
        slug=slug,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        description=description,
        owner=user,
    )
    cooperation.clubs = [club]
    cooperation.full_clean(
        exclude=["path", "depth", "translation_key", "locale", "draft_title", "url_path"]
    )
    partner.add_child(instance=cooperation)
    now = timezone.now()
    link = CooperationLink.objects.create(
        cooperation=cooperation,
        club=club,
        proposed_by=Side.CLUB,
        club_status=Decision.CONFIRMED,
        club_decided_at=now,
        partner_status=Decision.PENDING,
    )
    # Published at once, on the club's behalf: nothing of it is public before the partner
    # confirms, and the partner's editors can edit or decline it like their own pages.
    cooperation.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    notify(
        partner,
        "partners/emails/cooperation_proposal.txt",
        {"cooperation": cooperation, "partner": partner, "club": club},
    )
    return link


# --- mentoring ---------------------------------------------------------------------------


@transaction.atomic
def record_mentoring(user, **fields) -> Mentoring:
    """Record a mentoring; the side of the recording club is confirmed, the other club is
    mailed and decides."""
    mentoring = Mentoring(created_by=user, **fields)
    mentoring.full_clean()
    if speaks_for(user, mentoring.mentor):
        mentoring.mentor_status = Decision.CONFIRMED
        other = mentoring.mentee
    elif speaks_for(user, mentoring.mentee):
        mentoring.mentee_status = Decision.CONFIRMED
        other = mentoring.mentor
    else:
        raise NotAllowed
    mentoring.save()
    notify(
        other,
        "partners/emails/mentoring_request.txt",
        {"mentoring": mentoring, "club": other},
    )
    return mentoring


def mentoring_sides(user, mentoring: Mentoring, keys: frozenset | None = None) -> list[str]:
    sides = []
    if speaks_for(user, mentoring.mentor, keys):
        sides.append("mentor")
    if speaks_for(user, mentoring.mentee, keys):
        sides.append("mentee")
    return sides


@transaction.atomic
def decide_mentoring(user, mentoring: Mentoring, confirm: bool) -> Mentoring:
    mentoring = Mentoring.objects.select_for_update().get(pk=mentoring.pk)
    sides = mentoring_sides(user, mentoring)
    if not sides:
        raise NotAllowed
    decision = Decision.CONFIRMED if confirm else Decision.DECLINED
    was_confirmed = mentoring.is_confirmed
    for side in sides:
        setattr(mentoring, f"{side}_status", decision)
    mentoring.save()
    if mentoring.is_confirmed != was_confirmed:
        queue_rebuilds([])
    return mentoring
