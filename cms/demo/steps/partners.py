"""The four partner organisations of the demo district, a dozen cooperations with clubs (most
confirmed, some still waiting, one declined, one proposed by a club) and a few mentoring pairs.

Clubs are picked from the plan with a fixed seed among the published ones; dates are relative
to the demo day. A partner, cooperation or mentoring that exists is left alone, so a second run
changes nothing. Each partner gets an editor login (``demo-partner``)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from cms.clubs.models import ClubPage, ProjectPage
from cms.partners.models import CooperationLink, CooperationPage, Decision, Mentoring, Side
from cms.partners.provisioning import provision_partner
from cms.taxonomy.models import Municipality
from cms.tenancy.provisioning import club_index

from ..pages import add_page
from .accounts import set_demo_password

PARTNER_PASSWORD = "demo-partner"
SEED = "vereinsnetz-partner"

# slug, name, municipality, description, website
PARTNERS = [
    (
        "drk-kreisverband-dueren",
        "DRK Kreisverband Düren",
        "Düren",
        "Erste Hilfe, Sanitätsdienst, Blutspende und Jugendrotkreuz im ganzen Kreis.",
    ),
    (
        "thw-ortsverband-dueren",
        "THW Ortsverband Düren",
        "Düren",
        "Technisches Hilfswerk: Bergung, Notstrom und Notversorgung, mit Jugendgruppe.",
    ),
    (
        "malteser-hilfsdienst-dueren",
        "Malteser Hilfsdienst Düren",
        "Düren",
        "Sanitätsdienst, Erste-Hilfe-Ausbildung, Besuchs- und Integrationsdienste.",
    ),
    (
        "freiwillige-feuerwehr-juelich",
        "Freiwillige Feuerwehr Jülich",
        "Jülich",
        "Brandschutz, technische Hilfe und Jugendfeuerwehr, getragen von Ehrenamtlichen.",
    ),
]

# partner, slug, title, kind, start (months from today), length in months (None: open),
# description, decisions of the named clubs ("confirmed", "pending", "declined")
COOPERATIONS = [
    (
        0,
        "erste-hilfe-mehrsprachig",
        "Erste-Hilfe-Kurs auf Türkisch und Arabisch",
        "first_aid",
        -4,
        8,
        "Acht Abende in den Räumen der Vereine, mit Übersetzung.",
        ["confirmed", "confirmed"],
    ),
    (
        0,
        "blutspende-gemeindezentrum",
        "Blutspendeaktion im Gemeindezentrum",
        "event",
        -2,
        1,
        "Ein Blutspendetermin mit Informationen in mehreren Sprachen.",
        ["confirmed"],
    ),
    (
        0,
        "jugendrotkreuz-stellt-sich-vor",
        "Das Jugendrotkreuz stellt sich vor",
        "recruiting",
        1,
        3,
        "Schnupperabende für Jugendliche aus den Vereinen.",
        ["pending"],
    ),
    (
        1,
        "thw-jugend-ausprobieren",
        "THW-Jugend zum Ausprobieren",
        "recruiting",
        -6,
        None,
        "Monatliche Mitmach-Samstage für Jugendliche ab zehn Jahren.",
        ["confirmed", "pending"],
    ),
    (
        1,
        "uebung-notstrom-vereinsheim",
        "Gemeinsame Übung: Notstrom im Vereinsheim",
        "exercise",
        -1,
        1,
        "Wie ein Vereinsheim bei Stromausfall zur Anlaufstelle wird.",
        ["confirmed"],
    ),
    (
        1,
        "helferausbildung-einfache-sprache",
        "Helferausbildung in Einfacher Sprache",
        "training",
        2,
        6,
        "Grundausbildung mit Unterlagen in Einfacher Sprache.",
        ["pending"],
    ),
    (
        2,
        "sanitaetsdienst-sommerfest",
        "Sanitätsdienst beim Sommerfest",
        "event",
        -5,
        1,
        "Die Malteser sichern das Sommerfest der Vereine ab.",
        ["confirmed"],
    ),
    (
        2,
        "besuchsdienst-herkunftssprachen",
        "Besuchsdienst in Herkunftssprachen",
        "information",
        -10,
        None,
        "Ehrenamtliche besuchen ältere Menschen in ihrer Sprache.",
        ["confirmed", "confirmed"],
    ),
    (
        2,
        "erste-hilfe-am-kind",
        "Erste Hilfe am Kind für Eltern",
        "first_aid",
        -3,
        2,
        "Ein Kurs für Eltern an zwei Samstagen.",
        ["declined"],
    ),
    (
        3,
        "brandschutz-herkunftssprachen",
        "Brandschutzaufklärung in Herkunftssprachen",
        "information",
        -8,
        12,
        "Rauchmelder, Notruf 112 und Fluchtwege, erklärt in sechs Sprachen.",
        ["confirmed", "confirmed"],
    ),
    (
        3,
        "tag-der-offenen-tuer",
        "Tag der offenen Tür mit den Vereinen",
        "event",
        -14,
        1,
        "Vereine stellen sich in der Wache vor, die Feuerwehr in den Vereinen.",
        ["confirmed"],
    ),
    (
        3,
        "jugendfeuerwehr-schnuppertage",
        "Schnuppertage der Jugendfeuerwehr",
        "recruiting",
        1,
        2,
        "Zwei Nachmittage zum Kennenlernen.",
        ["pending"],
    ),
]
# A club proposes one more to the fire brigade, which has not decided yet.
PROPOSAL = (
    3,
    "rauchmelder-aktion",
    "Rauchmelder-Aktion im Kulturverein",
    "project",
    "Der Verein verteilt mit der Feuerwehr Rauchmelder an Familien.",
)
MENTORINGS = 4
MENTORING_DESCRIPTION = "Begleitung beim Aufbau: Satzung, Kassenführung, erster Förderantrag."
JOINT_PROJECTS = 2  # demo projects that gain a partner organisation


def months_from(today: datetime.date, months: int) -> datetime.date:
    month = today.month - 1 + months
    return datetime.date(today.year + month // 12, month % 12 + 1, 1)


def build_partners(context) -> None:
    rng = random.Random(SEED)
    published = {
        club.slug: club
        for club in ClubPage.objects.child_of(club_index()).live().specific().order_by("slug")
    }
    candidates = [plan for plan in context.plan if plan.slug in published]
    partners = [ensure_partner(context, *item) for item in PARTNERS]
    chosen = rng.sample(candidates, k=min(len(candidates), 24))
    clubs = iter(published[plan.slug] for plan in chosen)
    for index, slug, title, kind, start, length, description, decisions in COOPERATIONS:
        named = [next(clubs) for _decision in decisions]
        with transaction.atomic():
            add_cooperation(
                context,
                partners[index],
                slug,
                title,
                kind,
                start,
                length,
                description,
                dict(zip(named, decisions, strict=True)),
            )
    with transaction.atomic():
        add_proposal(context, partners[PROPOSAL[0]], next(clubs))
    ensure_mentorings(context, rng, published)
    add_partners_to_projects(context, partners)


def add_partners_to_projects(context, partners) -> None:
    """A few of the clubs' projects run together with a partner organisation."""
    projects = ProjectPage.objects.live().filter(locale=club_index().locale).order_by("path")
    for number, project in enumerate(projects[:JOINT_PROJECTS]):
        if project.partner_organisations.exists():
            continue
        project.partner_organisations = [partners[number % len(partners)]]
        project.save_revision(user=context.users["agency"]).publish(
            user=context.users["agency"], skip_permission_checks=True
        )
        context.created["Gemeinsame Projekte mit Partnern"] += 1


def ensure_partner(context, slug, name, municipality, description):
    email = f"redaktion@{slug}.vereinsnetz.example"
    result = provision_partner(
        name=name,
        slug=slug,
        municipality=Municipality.objects.get(name=municipality),
        short_description=description,
        website=f"https://{slug}.vereinsnetz.example/",
        editor_email=email,
        editor_first_name="Demo",
        editor_last_name=name,
    )
    tenant, editor = result.tenant, result.editor
    set_demo_password(editor, PARTNER_PASSWORD)
    if result.created:
        # Large, established organisations publish without the agency's approval.
        tenant.direct_publishing = True
        tenant.save()
        context.created["Partnerorganisationen"] += 1
    page = tenant.root_page.specific
    if not page.live:
        page.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    context.logins.append(("Partnerorganisation", email, PARTNER_PASSWORD))
    page.editor = editor
    return page


def add_cooperation(context, partner, slug, title, kind, start, length, description, decisions):
    if partner.get_children().filter(slug=slug).exists():
        return
    start_date = months_from(context.today, start)
    end_date = (
        months_from(context.today, start + length) - datetime.timedelta(days=1) if length else None
    )
    page = CooperationPage(
        title=title,
        slug=slug,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        description=description,
    )
    page.clubs = list(decisions)
    add_page(partner, page, user=partner.editor)  # publishing creates the pending links
    now = timezone.now()
    for club, decision in decisions.items():
        if decision != Decision.PENDING:
            CooperationLink.objects.filter(cooperation=page, club=club).update(
                club_status=decision, club_decided_at=now
            )
    context.created["Kooperationen"] += 1


def add_proposal(context, partner, club) -> None:
    _index, slug, title, kind, description = PROPOSAL
    if partner.get_children().filter(slug=slug).exists():
        return
    proposer = club.tenant.group.user_set.order_by("pk").first()
    page = CooperationPage(
        title=title,
        slug=slug,
        kind=kind,
        start_date=months_from(context.today, 1),
        description=description,
        owner=proposer,
    )
    page.clubs = [club]
    partner.add_child(instance=page)
    CooperationLink.objects.create(
        cooperation=page,
        club=club,
        proposed_by=Side.CLUB,
        club_status=Decision.CONFIRMED,
        club_decided_at=timezone.now(),
        partner_status=Decision.PENDING,
    )
    page.save_revision(user=proposer).publish(user=proposer, skip_permission_checks=True)
    context.created["Kooperationen"] += 1


def ensure_mentorings(context, rng, published) -> None:
    year = context.today.year
    established = [p for p in context.plan if p.slug in published and p.founding_year <= year - 10]
    new = [p for p in context.plan if p.slug in published and p.founding_year >= year - 3]
    pairs = list(
        zip(
            rng.sample(established, k=min(MENTORINGS, len(established))),
            rng.sample(new, k=min(MENTORINGS, len(new))),
            strict=False,
        )
    )
    for number, (mentor, mentee) in enumerate(pairs):
        confirmed = number < len(pairs) - 1  # the last pair waits for the new club
        _mentoring, created = Mentoring.objects.get_or_create(
            mentor=published[mentor.slug],
            mentee=published[mentee.slug],
            defaults={
                "start_date": months_from(context.today, -6 - 3 * number),
                "end_date": months_from(context.today, 18 - 3 * number),
                "funding_reference": f"UF-{year - 1}-{17 + number:03d}",
                "description": MENTORING_DESCRIPTION,
                "mentor_status": Decision.CONFIRMED,
                "mentee_status": Decision.CONFIRMED if confirmed else Decision.PENDING,
            },
        )
        if created:
            context.created["Mentorings"] += 1
