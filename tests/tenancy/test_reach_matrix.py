"""The reach matrix: every admin URL and every /api/v1/ endpoint, requested by every kind of
actor, with its arguments pointing at another tenant's objects.

``tests/tenancy/test_isolation_matrix.py`` and ``tests/rooms/test_booking_matrix.py`` spell out
the working paths (who may edit, publish, confirm what). This matrix makes sure nothing was
forgotten: the routes are enumerated from Django's URL resolver, the models from the app
registry, so a feature that lands with a new view or model fails ``test_every_*_has_a_policy``
until it is given a policy here (or an exemption with its reason).

Policies (``POLICY``, first matching pattern wins):

- ``public`` — meant for everyone (login, password reset, the JavaScript catalogue, the public
  read-only API, whose privacy is the subject of tests/hardening/test_privacy_properties.py);
  cells only check: no 500.
- ``agency`` — only the agency (superusers) may enter: anonymous → ``login`` (admin) or
  ``401/403`` (API), every editor → ``refused`` (Wagtail's denial, 403, 404 or 405).
- ``object`` — the URL names another tenant's object (club_b's page, image, booking …):
  anonymous → ``login``/``401/403``, every editor → ``refused``.
- ``own`` — an editor may use it on their own tenant's data (listings, choosers, add forms,
  account): anonymous → ``login``/``401/403``, editors → ``clean``: no 500 and none of the
  other tenants' secret markers anywhere in the response.

Actors: anonymous, the editor of club_a, the editor of the partner organisation
``partner_p`` (in a cooperation with club_a), an unrelated partner ``partner_q``. Every cell
is a GET; for editors every non-public route also gets an empty POST, and every actor POSTs to
the public read-only API (all but its two forms): nothing may be accepted, and no row of any
project or Wagtail model may appear or vanish.
"""

import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail import hooks
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site, Task, Workflow
from wagtail.snippets.models import get_snippet_models

from cms.board.services import answer as answer_board_post
from cms.clubs.models import ContentPage
from cms.homepages.models import BuildState, SiteBuild
from cms.partners.models import CooperationLink, CooperationPage
from cms.portal.models import Feedback, PortalHomePage, PortalPage
from cms.taxonomy.models import Country, FocusArea, Language, Municipality, UmbrellaOrganisation
from cms.tenancy.models import RegistrationRequest
from tests.factories import (
    AgencyUserFactory,
    ClubFactory,
    PartnerFactory,
    add_child,
    board_post,
    booking,
    cooperation,
    document,
    event_index,
    event_page,
    funding_programme,
    image,
    mentoring,
    municipality,
    room,
    signup,
    signup_options,
)
from tests.tenancy.test_isolation_matrix import observe
from tests.tenancy.worlds import module_world

# --- the policy table --------------------------------------------------------------------------
# (pattern on the URL name, policy, why). Namespaced names as ``namespace:name``.

POLICY = [
    # Meant for everyone.
    (r"wagtailadmin_(login|password_reset.*|javascript_catalog|sprite)$", "public", "login"),
    (r"hardening_otp_verify$", "own", "second factor of the logged-in user"),
    (
        r"api-(news|project|municipalities|search|schema|docs|redoc|event|club-event|club-news)",
        "public",
        "read-only published content",
    ),
    (
        r"api-(news-feed|portal|registration-options|partner|cooperation-list|network)",
        "public",
        "read-only published content",
    ),
    (
        r"api-(room-list|room-detail|room-availability|room-ics|funding|stats|brochure|club)",
        "public",
        "read-only published content and anonymous occupancy",
    ),
    (r"api-(registration-create|feedback-create)$", "public", "public forms, rate-limited"),
    (r"api-locales$", "public", "the platform's locale list"),
    (r"api-open-data(-[\w-]+)?$", "public", "the open-data export: published club data only"),
    (
        r"api-(event-signup|signup-list|board-list|board-feed|board-answer)$",
        "public",
        "sign-up state and form, the board and its relay form: no personal data, rate-limited",
    ),
    (r"signups:(cancel|accept)$", "public", "links in mails: a signed token, else 404"),
    (r"(signups_admin:index|board_admin:(index|add))$", "own", "filtered to the tenants"),
    (
        r"board_admin:post$",
        "own",
        "another organisation's post may be read and answered; its answers stay hidden",
    ),
    (r"homepages_status$", "own", "the build state of the user's own sites (and the portal)"),
    (r"vereinsnetz_help$", "own", "the German help: the same text for every admin user"),
    # Bookings: the API answers an editor's own club only (tests/rooms/test_booking_matrix.py).
    (r"api-booking-list$", "own", "filtered to the editor's club"),
    (r"api-booking-", "object", "another club's booking"),
    # Wagtail's task chooser is open to every admin user (it lists task names, no tenant data).
    (
        r"wagtailadmin_workflows:(task_chooser|task_chooser_results|task_chosen)$",
        "own",
        "Wagtail's task chooser: names of the workflow tasks, no tenant data",
    ),
    (
        r"wagtailadmin_workflows:task_chooser_create$",
        "own",
        "offers its form only to users who may add tasks; a POST without it is a 400",
    ),
    # The agency's areas.
    (
        r"(tenants|registrations|feedback|wagtailsites|wagtaillocales|wagtailusers_users"
        r"|wagtailusers_groups|wagtailredirects|wagtailsettings|wagtailadmin_workflows"
        r"|wagtailadmin_collections):",
        "agency",
        "agency administration",
    ),
    (
        r"wagtailsnippets_(taxonomy_\w+|rooms_room|funding_fundingprogramme):",
        "agency",
        "agency-maintained snippets",
    ),
    (
        r"(homepages_builds|stats_report|freshness_stale_clubs.*|wagtailadmin_error_test)$",
        "agency",
        "agency reports",
    ),
    (
        r"wagtailadmin_reports:(workflow|workflow_tasks|aging_pages|page_types_usage)",
        "agency",
        "district-wide reports a club cannot use (page_guard.AGENCY_ONLY)",
    ),
    (
        r"wagtailadmin_pages:(type_use|type_use_results)$",
        "agency",
        "page type usage: district-wide (page_guard.AGENCY_ONLY)",
    ),
    (
        r"wagtailadmin_pages:choose_parent$",
        "own",
        "parent choice, filtered to pages the user may edit",
    ),
    (
        r"wagtailadmin_pages:revisions_index$",
        "own",
        "redirects to the page history, which refuses (wagtailadmin_pages:history cells)",
    ),
    (
        r"wagtailadmin_explore(_results)?$",
        "own",
        "another club's page redirects to the editor's own club (test_isolation_matrix explore)",
    ),
    (r"wagtailadmin_editing_sessions:release$", "own", "deletes only the user's own session"),
    (r"wagtail_bulk_action$", "agency", "bulk actions (checked per object)"),
    (r"wagtailadmin_pages:(search|search_results)$", "own", "search filtered to own pages"),
    (r"wagtailadmin_reports:(site_history|locked_pages).*", "own", "filtered to own pages"),
    # Choosers editors use on their own pages; snippets they may choose are public taxonomy.
    (
        r"wagtailsnippetchoosers_\w+:(choose|choose_results|chosen_multiple)$",
        "own",
        "choosers of public taxonomy, rooms and programmes",
    ),
    (r"wagtailsnippetchoosers_\w+:(chosen|create)$", "own", "public taxonomy"),
    (
        r"wagtail(images|docs)_chooser:(choose|choose_results|chosen_multiple|create)$",
        "own",
        "chooser listing filtered to the editor's collection",
    ),
    (
        r"wagtail(images|docs):(index|index_results|add|add_multiple)$",
        "own",
        "library filtered to the editor's collection",
    ),
    (r"wagtailadmin_api:\w+:(listing|find)$", "own", "admin API filtered by permission"),
    (r"wagtailembeds:", "own", "embeds of external URLs"),
    (r"wagtailadmin_logout$", "logout", "ends the session: answers with the login page"),
    (
        r"wagtailadmin_(home|account|dismissibles|explore_root|block_preview"
        r"|choose_page|choose_page_(search|external_link|email_link|phone_link|anchor_link"
        r"|chosen_multiple)|tag_autocomplete|tag_model_autocomplete)$",
        "own",
        "the user's own",
    ),
    (r"hardening_otp_setup$", "own", "second factor of the logged-in user"),
    (
        r"(cooperations:(index|propose|add_mentoring)|rooms_admin:(index|request|week|export))$",
        "own",
        "filtered to the editor's tenants",
    ),
    (r"homepages_preview_static$", "own", "static assets of the preview"),
    # Everything else names an object: with club_b's (or the agency's) object, refused.
    (r".", "object", "another tenant's object"),
]

# Routes without a name (Wagtail's test404 and catch-all) cannot be linked to.
UNNAMED = "unnamed"


# The two public forms of the API (anonymous writes by design, throttled; tests/portal).
PUBLIC_FORMS = {
    "api-registration-create",
    "api-feedback-create",
    "api-event-signup",
    "api-board-answer",
}


def policy_of(name: str) -> tuple[str, str]:
    for pattern, policy, why in POLICY:
        if re.match(pattern, name):
            return policy, why
    raise LookupError(name)


# --- enumerating ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    args: tuple[str, ...]


def walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield prefix + str(entry.pattern), name or UNNAMED, entry.pattern.regex.groupindex


def reachable_routes() -> list[Route]:
    """Every admin URL and every /api/v1/ endpoint (by name; one route per name and shape)."""
    routes, seen = [], set()
    for pattern, name, groups in walk(get_resolver().url_patterns):
        if not pattern.startswith(("admin/", "api/v1/")) or name == UNNAMED:
            continue
        args = tuple(sorted(groups))
        if (name, args) not in seen:
            seen.add((name, args))
            routes.append(Route(name, pattern, args))
    return routes


def project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("cms.")]


# Where each model a club, partner or agency user can reach is covered. Models not listed here
# fail test_every_model_is_covered.
MODEL_COVERAGE = {
    "taxonomy.Municipality": "snippets: agency; choosers: own (public taxonomy)",
    "taxonomy.Country": "snippets: agency; choosers: own (public taxonomy)",
    "taxonomy.Language": "snippets: agency; choosers: own (public taxonomy)",
    "taxonomy.FocusArea": "snippets: agency; choosers: own (public taxonomy)",
    "taxonomy.UmbrellaOrganisation": "snippets: agency; choosers: own (public taxonomy)",
    "portal.PortalHomePage": "pages: object cells on the portal (agency-owned)",
    "portal.PortalPage": "pages: agency-owned, refused to editors (page cells)",
    "portal.Feedback": "feedback:* agency cells; api-feedback-create public",
    "clubs.ClubIndexPage": "pages; test_isolation_matrix explore_club_index",
    "clubs.ClubPage": "pages; test_isolation_matrix",
    "clubs.ContentPage": "pages; test_isolation_matrix (the draft marker)",
    "clubs.NewsIndexPage": "pages; test_isolation_matrix (same permissions as ContentPage)",
    "clubs.NewsPage": "pages; test_isolation_matrix (same permissions as ContentPage)",
    "clubs.GalleryPage": "pages; test_isolation_matrix (same permissions as ContentPage)",
    "clubs.ProjectPage": "pages; test_isolation_matrix (same permissions as ContentPage)",
    "events.EventIndexPage": "pages; test_isolation_matrix (same permissions as ContentPage)",
    "events.EventPage": "pages; test_isolation_matrix (same permissions as ContentPage)",
    "partners.PartnerIndexPage": "pages: agency-owned, refused to editors",
    "partners.PartnerPage": "pages; test_isolation_matrix partner cells",
    "partners.CooperationPage": "pages; test_isolation_matrix partner cells",
    "partners.CooperationLink": "cooperations:decide_link object cells; isolation matrix",
    "partners.Mentoring": "cooperations:decide_mentoring object cells",
    "rooms.Room": "wagtailsnippets_rooms_room agency cells; api-room-* public",
    "rooms.Booking": "rooms_admin:* and api-booking-* cells; test_booking_matrix",
    "tenancy.Tenant": "tenants:* agency cells",
    "tenancy.RegistrationRequest": "registrations:* agency cells",
    "homepages.SiteBuild": "homepages_builds agency cells",
    "funding.FundingProgramme": "wagtailsnippets_funding_* agency cells; dashboard panel",
    "signups.SignupOptions": "signups_admin:options object cells; isolation matrix",
    "signups.Signup": "signups_admin:* object cells; isolation matrix signups_*",
    "signups.SignupDeletion": "signups_admin:index own cells (the agency's record)",
    "board.BoardPost": "board_admin:* cells; isolation matrix board_*",
    "board.BoardAnswer": "board_admin:post own cells (answers hidden); isolation matrix",
}

# Models nobody edits on their own: inline children edited only through their parent's form
# (covered by the parent's cells), and rows only the system writes.
MODEL_EXEMPT = {
    "ops.ScheduledRun": "no admin view; the worker's record of periodic jobs",
    "homepages.RunningEdit": "no admin view; a row per admin POST while it runs, no content",
    "freshness.ProfileConfirmation": "no admin view; written by the signed one-click link",
    "freshness.ProfileReminder": "no admin view; one row per reminder mail sent",
    "tenancy.DocumentRelease": "the „öffentlich“ checkbox of the document form (document matrix)",
    "clubs.ClubTag": "through table of ClubPage tags, edited in the club page's form",
    "clubs.NewsTag": "through table of NewsPage tags, edited in the news page's form",
    "clubs.MeetingTime": "inline of ClubPage",
    "clubs.HomepageSection": "inline of ClubPage",
    "clubs.GalleryImage": "inline of GalleryPage",
    "rooms.OpeningHours": "inline of Room (agency snippet)",
    "rooms.BlockedPeriod": "inline of Room (agency snippet)",
    "rooms.BookingTransition": "written by the system on each booking decision, never edited",
    "funding.FundingDeadline": "inline of FundingProgramme (agency snippet)",
}


# --- the world ---------------------------------------------------------------------------------

SECRET = "Geheim"


@pytest.fixture(autouse=True)
def _isolated_media():
    """Replaces the per-test media directory: the world's files live for the whole module."""
    yield


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from module_world(django_db_blocker, tmp_path_factory, build_world, "reach-media")


def tenant_objects(page, key):
    """Secret things of one tenant, each carrying the marker ``Geheim<key>``."""
    marker = f"{SECRET}{key}"
    collection = page.tenant.collection
    return SimpleNamespace(
        key=key,
        marker=marker,
        page=page,
        editor=page.editor,
        tenant=page.tenant,
        draft=add_child(
            page, ContentPage(title=f"{marker} Entwurf", slug="geheim", live=False), publish=False
        )
        if key.startswith("club")
        else add_child(
            page, CooperationPage(title=f"{marker} Entwurf", slug="geheim"), publish=False
        ),
        image=image(collection, title=f"{marker} Foto"),
        document=document(collection, title=f"{marker} Satzung"),
    )


def build_world():
    club_a = tenant_objects(ClubFactory("Anadolu Reichweite e. V."), "ClubA")
    club_b = tenant_objects(ClubFactory("Baobab Reichweite e. V."), "ClubB")
    partner_p = tenant_objects(PartnerFactory("Phönix Reichweite"), "PartnerP")
    partner_q = tenant_objects(PartnerFactory("Quelle Reichweite"), "PartnerQ")
    hall = room("Reichweite Saal", capacity=20)
    club_b.booking = booking(hall, club_b.page, purpose=f"{club_b.marker} Treffen")
    club_a.booking = booking(hall, club_a.page, purpose=f"{club_a.marker} Treffen")
    # A partner that is no actor cooperates with club_b: the link is theirs and club_b's.
    partner_r = PartnerFactory("Rabe Reichweite")
    club_b.link = CooperationLink.objects.get(
        cooperation=cooperation(partner_r, [club_b.page], title="Kooperation ClubB", slug="kb")
    )
    cooperation(partner_p.page, [club_a.page], title="Kooperation ClubA", slug="koop-a")
    third = ClubFactory("Dritter Reichweite e. V.")
    club_b.mentoring = mentoring(club_b.page, third, confirmed=False)
    club_b.draft.get_workflow().start(club_b.draft, club_b.editor)
    funding_programme("Offenes Programm Reichweite", active=True)
    # The event is public (its title may show anywhere); the sign-up's personal data is not.
    club_b.event = event_page(event_index(club_b.page), title="Workshop Baobab")
    club_b.signup = signup(
        signup_options(club_b.event), name=f"{club_b.marker} Teilnehmerin", email="g@example.org"
    )
    club_b.board_post = board_post(club_b.tenant, "Gesuch Baobab")
    answer_board_post(
        club_b.board_post,
        name="Helferin",
        email="h@example.org",
        message=f"{club_b.marker} Antwort",
    )
    agency = SimpleNamespace(
        key="Agentur",
        marker=f"{SECRET}Agentur",
        user=AgencyUserFactory(),
        draft=add_child(
            PortalHomePage.objects.first(),
            PortalPage(title=f"{SECRET}Agentur Entwurf", slug="geheim-agentur"),
            publish=False,
        ),
        feedback=Feedback.objects.create(message=f"{SECRET}Agentur Rückmeldung"),
        registration=RegistrationRequest.objects.create(
            club_name=f"{SECRET}Agentur Anmeldung",
            legal_form="ev",
            municipality=municipality(),
            applicant_name="Antragstellerin",
            applicant_email="geheim-anmeldung@example.org",
        ),
        programme=funding_programme(f"{SECRET}Agentur Programme", active=False),
        build=SiteBuild.objects.create(
            site="vereine/geheim", state=BuildState.FAILED, error=f"{SECRET}Agentur Fehler"
        ),
        room=hall,
        workflow=Workflow.objects.first(),
        task=Task.objects.first(),
        redirect=None,
    )
    return SimpleNamespace(
        club_a=club_a, club_b=club_b, partner_p=partner_p, partner_q=partner_q, agency=agency
    )


# --- filling a route's arguments with a target ----------------------------------------------


def pk_target(world, name: str):
    """The object a route's ``pk`` names, by the route's namespace: another tenant's."""
    b, agency = world.club_b, world.agency
    targets = {
        "tenants": b.tenant,
        "registrations": agency.registration,
        "feedback": agency.feedback,
        "wagtailsites": Site.objects.first(),
        "wagtaillocales": Locale.objects.first(),
        "wagtailusers_users": b.editor,
        "wagtailusers_groups": b.tenant.group,
        "wagtailadmin_collections": b.tenant.collection,
        "wagtailadmin_workflows": agency.workflow,
        "rooms_admin": b.booking,
        "signups_admin": b.event,
        "board_admin": b.board_post,
        "api-booking": b.booking,
        "api-room": agency.room,
        "cooperations:decide_link": b.link,
        "cooperations:decide_mentoring": b.mentoring,
        "wagtailimages_chooser": b.image,
        "wagtaildocs_chooser": b.document,
        "wagtailadmin_api:images": b.image,
        "wagtailadmin_api:documents": b.document,
        "funding_fundingprogramme": agency.programme,
        "rooms_room": agency.room,
        "taxonomy_municipality": Municipality.objects.first(),
        "taxonomy_country": Country.objects.first(),
        "taxonomy_language": Language.objects.first(),
        "taxonomy_focusarea": FocusArea.objects.first(),
        "taxonomy_umbrellaorganisation": UmbrellaOrganisation.objects.get_or_create(
            name="Dachverband"
        )[0],
    }
    for key, target in targets.items():
        if key in name:
            return target
    return b.draft


def route_kwargs(world, route: Route) -> dict:
    b = world.club_b
    values = {
        "page_id": b.draft.pk,
        "parent_page_id": b.draft.pk,
        "page_to_move_id": b.draft.pk,
        "destination_id": b.page.pk,
        "page_pk": b.draft.pk,
        "revision_id": b.draft.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "image_id": b.image.pk,
        "document_id": b.document.pk,
        "doc_id": b.document.pk,
        "collection_id": b.tenant.collection.pk,
        "uploaded_file_id": 999999,
        "redirect_id": 999999,
        "session_id": 999999,
        "task_id": world.agency.task.pk,
        "task_state_id": 999999,
        "workflow_pk": world.agency.workflow.pk,
        "workflow_state_id": 999999,
        "content_type_app_name": "clubs",
        "content_type_model_name": "contentpage",
        "app_label": "clubs",
        "app_name": "clubs",
        "model_name": "contentpage",
        "object_id": str(b.draft.pk),
        "action_name": "approve",
        "action": "delete",
        "decision": "bestaetigen",
        "filter_spec": "original",
        "path": "none.css",
        "slug": b.page.slug,
        "key": "impressum",
        "uidb64": "MQ",
        "token": "set-password",
        "signup_pk": b.signup.pk,
        "value": "kein-gueltiger-link",
    }
    kwargs = {}
    for arg in route.args:
        if arg == "pk":
            kwargs[arg] = pk_target(world, route.name).pk
        else:
            kwargs[arg] = values[arg]
    if route.name.startswith("wagtailsettings"):
        kwargs.update(app_name="wagtailcore", model_name="site")
    if route.name.startswith("wagtailadmin_workflows:add_task"):
        kwargs.update(app_label="wagtailcore", model_name="groupapprovaltask")
    if route.name.startswith("simple_translation:submit_snippet"):
        kwargs.update(app_label="funding", model_name="fundingprogramme")
    if route.name in ("api-partner-detail", "api-club-detail", "api-club-bundle"):
        kwargs["slug"] = "gibt-es-nicht"
    return kwargs


def url_of(world, route: Route) -> str:
    return reverse(route.name, kwargs=route_kwargs(world, route))


# --- observing ---------------------------------------------------------------------------------

ACTORS = ["anonymous", "editor_a", "partner_p", "partner_q"]
REFUSED = {"denied", "403", "404", "405", "401"}


def actor_user(world, actor):
    return {
        "anonymous": None,
        "editor_a": world.club_a.editor,
        "partner_p": world.partner_p.editor,
        "partner_q": world.partner_q.editor,
    }[actor]


def foreign_markers(world, actor) -> list[str]:
    own = {"editor_a": "ClubA", "partner_p": "PartnerP", "partner_q": "PartnerQ"}.get(actor)
    everyone = ["ClubA", "ClubB", "PartnerP", "PartnerQ", "Agentur"]
    return [f"{SECRET}{key}" for key in everyone if key != own]


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def label_of(response, world, actor, api: bool) -> str:
    """``login``, ``refused``, ``5xx``, ``… shows <markers>`` or ``clean (<status>)``."""
    label = observe(response)
    if label.startswith("5"):
        return label
    if label == "login" or (api and label in ("401", "403") and actor == "anonymous"):
        return "login"
    if label in REFUSED:
        return "refused"
    # Messages travel in the label of a redirect ("302 home without message [...]").
    seen = body_of(response) + label
    leaked = [marker for marker in foreign_markers(world, actor) if marker in seen]
    if leaked:
        return f"{label} shows {','.join(leaked)}"
    return f"clean ({label})"


def verdict(label: str) -> str:
    return "clean" if label.startswith("clean") else label


def expected_label(policy: str, actor: str, api: bool) -> set[str]:
    if policy == "public":
        return {"clean", "login", "refused"} if api else {"clean"}
    if policy == "logout":
        return {"clean", "login", "refused"}
    if actor == "anonymous":
        return {"login", "refused"} if api else {"login"}
    if policy == "own":
        return {"clean", "refused"}
    return {"refused"}


def fingerprint() -> dict:
    """Row counts of every model a matrix cell could change."""
    models = [*project_models(), Page, Image, Document, Collection, User, Group, Site, Locale]
    return {model._meta.label: model._base_manager.count() for model in models}


# --- completeness -----------------------------------------------------------------------------


def test_every_route_has_a_policy():
    """A new admin view or API endpoint fails here until POLICY says who may use it."""
    missing = []
    for route in reachable_routes():
        try:
            policy_of(route.name)
        except LookupError:
            missing.append(route.name)
    assert not missing


def test_every_route_can_be_called_in_the_matrix(world, db):
    """Each route's arguments can be filled (a new argument name fails here, naming it)."""
    failures = []
    for route in reachable_routes():
        try:
            url_of(world, route)
        except Exception as error:  # noqa: BLE001 - reported with the route's name
            failures.append(f"{route.name} {route.args}: {error!r}")
    assert not failures


def test_every_model_is_covered():
    """Every concrete model of the project is either covered by a matrix or exempt, saying
    why; a new model fails here, naming it."""
    labels = {model._meta.label for model in project_models()}
    assert sorted(labels - MODEL_COVERAGE.keys() - MODEL_EXEMPT.keys()) == []
    assert sorted((MODEL_COVERAGE.keys() | MODEL_EXEMPT.keys()) - labels) == []


def test_every_snippet_and_viewset_has_routes_in_the_matrix():
    """Snippets and admin viewsets register their URLs; the matrix sees them as routes."""
    names = {route.name.split(":")[0] for route in reachable_routes()}
    for model in get_snippet_models():
        namespace = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"
        assert namespace in names, model
        assert model._meta.label in MODEL_COVERAGE, model


def test_every_menu_item_leads_to_a_route_with_a_policy(rf, world, db):
    """Registered menu items (main menu and reports) point at URLs the matrix covers."""
    from django.urls import resolve

    request = rf.get("/admin/")
    request.user = world.agency.user
    urls = []
    for hook in ("register_admin_menu_item", "register_reports_menu_item"):
        for register in hooks.get_hooks(hook):
            item = register()
            urls.extend(getattr(child, "url", None) for child in getattr(item, "menu_items", []))
            urls.append(getattr(item, "url", None))
    for url in urls:
        if not url or not url.startswith("/"):
            continue  # a group's menu item opens a submenu
        match = resolve(url)
        policy_of(match.view_name)


# --- the cells ---------------------------------------------------------------------------------


def cells():
    params = []
    for route in reachable_routes():
        policy, why = policy_of(route.name)
        api = route.pattern.startswith("api/")
        for actor in ACTORS:
            target = "club_b" if route.args else "none"
            expected = "|".join(sorted(expected_label(policy, actor, api)))
            params.append(
                pytest.param(
                    route, actor, policy, id=f"{actor}-get-{route.name}-{target}-{expected}"
                )
            )
    return params


@pytest.mark.parametrize(("route", "actor", "policy"), cells())
def test_reach(route, actor, policy, world, db, client):
    api = route.pattern.startswith("api/")
    user = actor_user(world, actor)
    if user is not None:
        client.force_login(user)
    url = url_of(world, route)
    observed = label_of(client.get(url), world, actor, api)
    assert verdict(observed) in expected_label(policy, actor, api), (url, observed)
    if policy != "public" and actor != "anonymous":
        before = fingerprint()
        observed = label_of(client.post(url, {}), world, actor, api)
        assert verdict(observed) in expected_label(policy, actor, api), ("POST", url, observed)
        assert fingerprint() == before, ("POST changed rows", url)
    elif api and policy == "public" and route.name not in PUBLIC_FORMS:
        # The public API is read-only for everyone: a write is refused and changes nothing.
        before = fingerprint()
        observed = label_of(client.post(url, {}), world, actor, api)
        assert observed in ("refused", "login"), ("POST", url, observed)
        assert fingerprint() == before, ("POST changed rows", url)


# --- the agency's rights are permissions, not a group name -----------------------------------


def agency_walk(world, client) -> dict[str, str]:
    """What the agency sees on every route meant for it (GET), with the markers it finds
    (Wagtail's error test answers 500 on purpose)."""
    client.force_login(world.agency.user)
    client.raise_request_exception = False
    seen = {}
    for route in reachable_routes():
        if policy_of(route.name)[0] != "agency":
            continue
        response = client.get(url_of(world, route))
        markers = [
            marker for marker in foreign_markers(world, "agency") if marker in body_of(response)
        ]
        seen[route.name] = f"{observe(response)} {','.join(markers)}"
    return seen


def test_renaming_the_agency_group_keeps_every_right(world, db, client):
    """Every agency check asks has_perm: a renamed group keeps reaching, and seeing, all it
    reached before; a new group that merely carries the old name gets nothing."""
    from cms.tenancy.platform import AGENCY_GROUP_NAME, MODEL_PERMISSIONS_AGENCY

    before = agency_walk(world, client)
    opened = ("stats_report", "homepages_builds", "freshness_stale_clubs")
    assert {name: before[name].split()[0] for name in opened} == dict.fromkeys(opened, "200")
    Group.objects.filter(name=AGENCY_GROUP_NAME).update(name="Kreisintegrationszentrum")
    user = User.objects.get(pk=world.agency.user.pk)  # no cached permissions
    assert all(user.has_perm(f"{app}.{code}") for app, code in MODEL_PERMISSIONS_AGENCY)
    world.agency.user = user
    assert agency_walk(world, client) == before

    lookalike = User.objects.create_user("namensvetter@example.org", password="x")
    lookalike.groups.add(Group.objects.create(name=AGENCY_GROUP_NAME))
    assert not any(lookalike.has_perm(f"{app}.{code}") for app, code in MODEL_PERMISSIONS_AGENCY)
    client.force_login(lookalike)
    assert observe(client.get(reverse("stats_report"))) in REFUSED | {"login"}


# --- dashboard panels -------------------------------------------------------------------------
# The editors' dashboard: club panel (pages awaiting review), cooperation panel (decisions
# waiting), matching funding programmes; menu counts of the agency's areas.

DASHBOARD_MARKERS = {
    "own club": "Anadolu Reichweite",
    "partner_p (own, or cooperating with club_a)": "Phönix Reichweite",
    "unrelated partner": "Quelle Reichweite",
    "club_a's pending cooperation": "Kooperation ClubA",
    "club_b's pending cooperation": "Kooperation ClubB",
    "club_b's pending mentoring": "Dritter Reichweite",
    "club_b's page in review": f"{SECRET}ClubB Entwurf",
    "inactive programme": f"{SECRET}Agentur Programme",
    "failed builds count": "Website-Builds (",
    "registrations count": "Anmeldungen (",
    # The menu travels as JSON in the page: the "ü" of "Rückmeldungen" as an escape.
    "feedback count": "ckmeldungen (",
}

DASHBOARD = {
    "editor_a": "own club, partner_p (own, or cooperating with club_a), club_a's pending "
    "cooperation",
    "partner_p": "partner_p (own, or cooperating with club_a)",
    "partner_q": "unrelated partner",
}


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        pytest.param(actor, seen, id=f"{actor}-dashboard-sees-{seen}")
        for actor, seen in DASHBOARD.items()
    ],
)
def test_dashboard_panels_show_only_own_data(actor, expected, world, db, client):
    client.force_login(actor_user(world, actor))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    content = response.content.decode()
    seen = [label for label, marker in DASHBOARD_MARKERS.items() if marker in content]
    assert ", ".join(seen) == expected


def test_the_agency_dashboard_sees_the_counts(world, db, client):
    """The negative cells above would pass if nothing were ever shown: the agency sees them."""
    client.force_login(world.agency.user)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("failed builds count", "registrations count", "feedback count"):
        assert DASHBOARD_MARKERS[label] in content, label


# --- ids in the query string -------------------------------------------------------------------
# Wagtail's views also take object ids from the query string: the page chooser's
# ``chosen-multiple`` (``?id=…``), every bulk-action confirmation (``?id=…``, ``?id=all&childOf=``),
# the admin API's filters (``child_of``, ``descendant_of`` …), the link choosers'
# ``parent_page_id``. Every admin route (the bulk-action route once per action Wagtail has
# registered for a model) is requested by a club editor and a partner editor with the ids of
# the other tenants' objects — another club's, a partner's, the agency's drafts, images and
# documents — in every such parameter: refused or clean, never a marker. One request per route
# and actor carries all three tenants' ids (a cell per tenant tripled the run time and found
# nothing more: the ids of any one foreign tenant are refused). The parameter names are
# Wagtail's, not the guard's (tests the class, not the implementation).

ID_PARAMETERS = (
    "id",
    "page_id",
    "parent_page_id",
    "parent",
    "childOf",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
)
QUERY_ACTORS = ("editor_a", "partner_q")
# Foreign to both actors: another club, a partner, the agency.
QUERY_TARGETS = ("club_b", "partner_p", "agency")


def bulk_variants() -> list[tuple[str, str, str]]:
    """Every (app_label, model_name, action) Wagtail has registered a bulk action for."""
    bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")  # scans the hooks
    return sorted(
        (app, model, action)
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    )


def query_routes() -> list[tuple[Route, dict]]:
    routes = []
    for route in reachable_routes():
        if not route.pattern.startswith("admin/") or policy_of(route.name)[0] in ("public",):
            continue
        if route.name == "wagtail_bulk_action":
            for app, model, action in bulk_variants():
                fixed = {"app_label": app, "model_name": model, "action": action}
                routes.append((route, fixed))
        elif route.name != "wagtailadmin_logout":
            routes.append((route, {}))
    return routes


def foreign_ids(world) -> list[int]:
    ids = []
    for target in QUERY_TARGETS:
        objects = getattr(world, target)
        ids.append(objects.draft.pk)
        for kind in ("image", "document"):
            if hasattr(objects, kind):
                ids.append(getattr(objects, kind).pk)
    return ids


def query_cells():
    params = []
    for route, fixed in query_routes():
        variant = ".".join(fixed.values())
        name = f"{route.name}[{variant}]" if variant else route.name
        for actor in QUERY_ACTORS:
            params.append(pytest.param(route, fixed, actor, id=f"{actor}-query-{name}"))
    return params


@pytest.mark.parametrize(("route", "fixed", "actor"), query_cells())
def test_reach_with_ids_in_the_query(route, fixed, actor, world, db, client):
    client.force_login(actor_user(world, actor))
    url = reverse(route.name, kwargs={**route_kwargs(world, route), **fixed})
    ids = foreign_ids(world)
    query = "&".join(f"{name}={pk}" for name in ID_PARAMETERS for pk in ids)
    observed = label_of(client.get(f"{url}?{query}"), world, actor, False)
    assert verdict(observed) in ("clean", "refused"), (url, query, observed)


@pytest.mark.parametrize("actor", QUERY_ACTORS)
@pytest.mark.parametrize(("app", "model", "action"), bulk_variants())
def test_bulk_actions_on_all_in_a_listing_show_nothing_foreign(
    app, model, action, actor, world, db, client
):
    """``id=all`` makes Wagtail list every object of the listing (for pages: the children of
    ``childOf``, or every page) and name those the user may not act on."""
    client.force_login(actor_user(world, actor))
    url = reverse(
        "wagtail_bulk_action", kwargs={"app_label": app, "model_name": model, "action": action}
    )
    club_index = world.club_b.page.get_parent()
    for query in ("id=all", f"id=all&childOf={club_index.pk}", "id=all&childOf=1"):
        observed = label_of(client.get(f"{url}?{query}"), world, actor, False)
        assert verdict(observed) in ("clean", "refused"), (url, query, observed)


def test_the_query_cells_see_what_leaks_without_the_guard(world, db, client, settings):
    """The cells above can fail: without the guard, chosen-multiple and a bulk confirmation
    show another club's draft title."""
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "cms.tenancy.page_guard.ForeignPageGuardMiddleware"
    ]
    client.force_login(world.club_a.editor)
    draft = world.club_b.draft.pk
    for url in (
        f"{reverse('wagtailadmin_choose_page_chosen_multiple')}?id={draft}",
        reverse(
            "wagtail_bulk_action",
            kwargs={"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
        )
        + f"?id={draft}",
    ):
        assert world.club_b.marker in body_of(client.get(url)), url
