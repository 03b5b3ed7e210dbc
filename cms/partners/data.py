"""What leaves the CMS about partners, cooperations, mentoring and joint projects: only links
that both sides confirmed, between organisations whose pages are public, in a fixed number of
queries whatever their number. Shared by the API views, the club bundle and the network."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page

from cms.clubs.models import ClubPage, ProjectPage
from cms.core.privacy import public_pages

from .models import (
    CooperationKind,
    CooperationLink,
    CooperationPage,
    Mentoring,
    PartnerPage,
)
from .models import is_active as period_is_active

MENTORING = "mentoring"
JOINT_PROJECT = "joint_project"


def kind_label(kind: str) -> str:
    """The German label (the language of the admin); sites translate kinds themselves."""
    with translation.override("de"):
        if kind == MENTORING:
            return str(translation.gettext("Mentoring"))
        if kind == JOINT_PROJECT:
            return str(translation.gettext("Gemeinsames Projekt"))
        return str(CooperationKind(kind).label) if kind in CooperationKind.values else kind


EDGE_KINDS = [*CooperationKind.values, MENTORING, JOINT_PROJECT]


def partner_ref(partner: PartnerPage) -> dict:
    return {"name": partner.title, "slug": partner.slug, "url": partner.website or None}


def club_ref(club: ClubPage) -> dict:
    return {"slug": club.slug, "name": club.title}


def municipality_ref(municipality) -> dict | None:
    return {"slug": municipality.slug, "name": municipality.name} if municipality else None


@dataclass
class Cooperation:
    page: CooperationPage  # in the requested locale, or German
    partner: PartnerPage
    clubs: list[ClubPage] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return period_is_active(self.page.start_date, self.page.end_date)

    def sort_key(self):
        start = self.page.start_date.toordinal() if self.page.start_date else 0
        return (not self.active, -start, self.page.title)

    def as_dict(self) -> dict:
        page = self.page
        return {
            "id": page.translation_key.hex,
            "slug": page.slug,
            "title": page.title,
            "kind": page.kind,
            "kind_label": kind_label(page.kind),
            "start": page.start_date.isoformat() if page.start_date else None,
            "end": page.end_date.isoformat() if page.end_date else None,
            "active": self.active,
            "description": page.description,
            "locale": page.locale.language_code,
            "partner": partner_ref(self.partner),
            "clubs": [club_ref(club) for club in self.clubs],
        }

    def for_club(self) -> dict:
        """The shape the club site's ``cooperations`` plugin renders."""
        data = self.as_dict()
        return {
            key: data[key]
            for key in ("partner", "kind", "kind_label", "start", "end", "title", "description")
        }


class Directory:
    """Public partners and clubs of one locale, read once and looked up by page or path.

    The privacy layer is evaluated once (``self.public``, a subquery of every public page) and
    reused by every later query, so a whole answer takes a fixed number of queries."""

    def __init__(self, locale: Locale):
        self.locale = locale
        self.default = Locale.get_default()
        self.public = Q(pk__in=public_pages(Page.objects.all()).values("pk"))
        partners = list(self.localized(PartnerPage).select_related("municipality", "locale"))
        clubs = list(self.localized(ClubPage).select_related("municipality"))
        self.partners = sorted(partners, key=lambda page: page.title.casefold())
        self.partner_by_key = {page.translation_key: page for page in partners}
        self.club_by_key = {page.translation_key: page for page in clubs}
        # German (default-locale) pages carry the links; map their paths and ids to the pages
        # shown in this locale.
        self.partner_by_path = {}
        for path, key in PartnerPage.objects.filter(self.public, locale=self.default).values_list(
            "path", "translation_key"
        ):
            if key in self.partner_by_key:
                self.partner_by_path[path] = self.partner_by_key[key]
        self.club_by_id, self.club_by_path = {}, {}
        for pk, path, key in ClubPage.objects.filter(self.public, locale=self.default).values_list(
            "pk", "path", "translation_key"
        ):
            if key in self.club_by_key:
                self.club_by_id[pk] = self.club_by_path[path] = self.club_by_key[key]

    def localized(self, model, queryset=None):
        """Like ``cms.core.locales.localized``, on the privacy subquery read once."""
        pages = (model.objects.all() if queryset is None else queryset).filter(self.public)
        if self.locale.pk == self.default.pk:
            return pages.filter(locale=self.default)
        translated = model.objects.filter(self.public, locale=self.locale).values("translation_key")
        return pages.filter(
            Q(locale=self.locale) | (Q(locale=self.default) & ~Q(translation_key__in=translated))
        )

    def confirmed_links(self):
        return CooperationLink.objects.confirmed().filter(
            cooperation__in=CooperationPage.objects.filter(self.public).values("pk")
        )

    def partner_of_path(self, path: str) -> PartnerPage | None:
        for length in range(Page.steplen, len(path), Page.steplen):
            partner = self.partner_by_path.get(path[:length])
            if partner is not None:
                return partner
        return None

    def club_of_path(self, path: str) -> ClubPage | None:
        for length in range(Page.steplen, len(path), Page.steplen):
            club = self.club_by_path.get(path[:length])
            if club is not None:
                return club
        return None


def under_any(queryset, field: str, paths):
    """Rows whose ``field`` (a page path) lies below any of ``paths``."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return queryset.filter(condition)


def cooperations(directory: Directory, links=None) -> list[Cooperation]:
    """Confirmed cooperations (of ``links``, a queryset of confirmed links, default all), each
    with every club that confirmed it, best first: running ones, then the latest."""
    links = directory.confirmed_links() if links is None else links
    rows = list(
        directory.confirmed_links()
        .filter(cooperation_id__in=links.values("cooperation_id"))
        .order_by("club__title")
        .values_list("cooperation__translation_key", "cooperation__path", "club_id")
    )
    keys = {row[0] for row in rows}
    pages = {
        page.translation_key: page
        for page in directory.localized(
            CooperationPage, CooperationPage.objects.filter(translation_key__in=keys)
        ).select_related("locale")
    }
    found: dict = {}
    for key, path, club_id in rows:
        page, club = pages.get(key), directory.club_by_id.get(club_id)
        partner = directory.partner_of_path(path)
        if page is None or club is None or partner is None:
            continue
        item = found.setdefault(key, Cooperation(page=page, partner=partner))
        item.clubs.append(club)
    return sorted(found.values(), key=Cooperation.sort_key)


def club_cooperations(club: ClubPage, locale: Locale) -> list[dict]:
    """For the club's bundle: its confirmed cooperations (one query when it has none)."""
    links = CooperationLink.objects.confirmed().filter(club__translation_key=club.translation_key)
    if not links.exists():
        return []
    directory = Directory(locale)
    public_links = links.filter(
        cooperation__in=CooperationPage.objects.filter(directory.public).values("pk")
    )
    return [item.for_club() for item in cooperations(directory, public_links)]


def network(locale: Locale, municipalities=(), kinds=()) -> dict:
    """Nodes (partners, clubs) and edges (cooperation, mentoring, joint project) of the
    confirmed links. Filters keep the edges of those kinds, and those with an end in one of
    those municipalities; nodes are the ends of the kept edges, plus (without filters) every
    public partner."""
    directory = Directory(locale)
    edges = []
    for item in cooperations(directory):
        for club in item.clubs:
            edges.append(
                {
                    "type": "cooperation",
                    "source": node_id(item.partner),
                    "target": node_id(club),
                    "kind": item.page.kind,
                    "kind_label": kind_label(item.page.kind),
                    "title": item.page.title,
                    "start": iso(item.page.start_date),
                    "end": iso(item.page.end_date),
                    "active": item.active,
                    "cooperation": item.page.slug,
                    "funding_reference": "",
                }
            )
    for mentoring in Mentoring.objects.confirmed().order_by("start_date", "pk"):
        mentor = directory.club_by_id.get(mentoring.mentor_id)
        mentee = directory.club_by_id.get(mentoring.mentee_id)
        if mentor is None or mentee is None:
            continue
        edges.append(
            {
                "type": MENTORING,
                "source": node_id(mentor),
                "target": node_id(mentee),
                "kind": MENTORING,
                "kind_label": kind_label(MENTORING),
                "title": "",
                "start": iso(mentoring.start_date),
                "end": iso(mentoring.end_date),
                "active": period_is_active(mentoring.start_date, mentoring.end_date),
                "cooperation": None,
                "funding_reference": mentoring.funding_reference,
            }
        )
    edges += joint_project_edges(directory)

    municipality_slugs = set(municipalities)
    nodes_by_id = {node_id(page): page for page in directory.partners}
    nodes_by_id.update({node_id(page): page for page in directory.club_by_id.values()})

    def municipality_of(identifier):
        municipality = getattr(nodes_by_id[identifier], "municipality", None)
        return municipality.slug if municipality else None

    if kinds:
        edges = [edge for edge in edges if edge["kind"] in kinds]
    if municipality_slugs:
        edges = [
            edge
            for edge in edges
            if {municipality_of(edge["source"]), municipality_of(edge["target"])}
            & municipality_slugs
        ]
    wanted = {edge["source"] for edge in edges} | {edge["target"] for edge in edges}
    if not kinds and not municipality_slugs:
        wanted |= {node_id(page) for page in directory.partners}
    nodes = [node(identifier, nodes_by_id[identifier]) for identifier in sorted(wanted)]
    for number, edge in enumerate(edges, start=1):
        edge["id"] = f"e{number}"
    return {"nodes": nodes, "edges": edges}


def joint_project_edges(directory: Directory) -> list[dict]:
    projects = (
        ProjectPage.objects.filter(directory.public, locale=directory.default)
        .filter(Q(partner_clubs__isnull=False) | Q(partner_organisations__isnull=False))
        .distinct()
        .prefetch_related("partner_clubs", "partner_organisations")
        .order_by("path")
    )
    edges = []
    for project in projects:
        owner = directory.club_of_path(project.path)
        if owner is None:
            continue
        others = [directory.club_by_id.get(club.pk) for club in project.partner_clubs.all()]
        others += [
            directory.partner_by_key.get(partner.translation_key)
            for partner in project.partner_organisations.all()
        ]
        for other in others:
            if other is None or other.pk == owner.pk:
                continue
            edges.append(
                {
                    "type": JOINT_PROJECT,
                    "source": node_id(owner),
                    "target": node_id(other),
                    "kind": JOINT_PROJECT,
                    "kind_label": kind_label(JOINT_PROJECT),
                    "title": project.title,
                    "start": iso(project.start_date),
                    "end": iso(project.end_date),
                    "active": period_is_active(project.start_date, project.end_date),
                    "cooperation": None,
                    "funding_reference": "",
                }
            )
    return edges


def node_id(page) -> str:
    prefix = "partner" if isinstance(page, PartnerPage) else "club"
    return f"{prefix}:{page.slug}"


def node(identifier: str, page) -> dict:
    is_partner = isinstance(page, PartnerPage)
    return {
        "id": identifier,
        "type": "partner" if is_partner else "club",
        "slug": page.slug,
        "name": page.title,
        "municipality": municipality_ref(page.municipality),
        "url": page.website or None,
        "established": None if is_partner else page.is_established,
    }


def iso(value) -> str | None:
    return value.isoformat() if value else None
