"""Six invented funding programmes with realistic terms: state start-up and project funding for
MSO, the mentoring programme, a district fund, a municipal fund and a foundation. Deadlines are
relative to the day the demo is loaded, so some are always ahead."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from cms.clubs.models import LegalForm
from cms.funding.models import FundingDeadline, FundingProgramme, Recurrence
from cms.taxonomy.models import FocusArea, Municipality

AGENCY_EMAIL = "foerderberatung@vereinsnetz.example"


@dataclass(frozen=True)
class ProgrammeSeed:
    slug: str
    title: str
    funder: str
    summary: str
    min_amount: int | None
    max_amount: int | None
    legal_forms: tuple[str, ...] = ()
    min_club_age_years: int | None = None
    max_club_age_years: int | None = None
    focus: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    # (days from today, recurrence, label); a yearly deadline repeats on that day every year
    deadlines: tuple[tuple[int, str, str], ...] = ()
    documents: tuple[str, ...] = ()
    contact_name: str = "Förderberatung der Integrationsagentur"
    contact_email: str = AGENCY_EMAIL
    link: str = ""


STANDARD_DOCUMENTS = ("Satzung", "Auszug aus dem Vereinsregister", "Freistellungsbescheid")

PROGRAMMES = [
    ProgrammeSeed(
        slug="mso-starthilfe",
        title="MSO-Starthilfe",
        funder="Land NRW (Kompetenzzentrum für Integration)",
        summary=(
            "Anschubfinanzierung für neu gegründete Migrantenselbstorganisationen: Ausstattung, "
            "erste Öffentlichkeitsarbeit, Qualifizierung des Vorstands."
        ),
        min_amount=500,
        max_amount=5000,
        legal_forms=(LegalForm.EV, LegalForm.NON_REGISTERED, LegalForm.INITIATIVE),
        max_club_age_years=3,
        deadlines=((45, Recurrence.YEARLY, "Antragsfrist"),),
        documents=("Satzung oder Gründungsprotokoll", "Kosten- und Finanzierungsplan"),
        link="https://foerderung.example/mso-starthilfe",
    ),
    ProgrammeSeed(
        slug="mso-projektfoerderung",
        title="Projektförderung für Migrantenselbstorganisationen",
        funder="Land NRW (Kompetenzzentrum für Integration)",
        summary=(
            "Einzelprojekte zur Teilhabe, etwa Sprachkurse, Hausaufgabenhilfe oder "
            "Informationsabende. Religiöse und folkloristische Vorhaben sind ausgeschlossen."
        ),
        min_amount=2000,
        max_amount=15000,
        legal_forms=(LegalForm.EV, LegalForm.GGMBH),
        min_club_age_years=2,
        focus=("Bildung", "Sprache", "Integration", "Jugend", "Frauen", "Eltern"),
        deadlines=(
            (20, Recurrence.ONCE, "Antragsfrist 1. Runde"),
            (140, Recurrence.ONCE, "Antragsfrist 2. Runde"),
        ),
        documents=(*STANDARD_DOCUMENTS, "Projektbeschreibung", "Kosten- und Finanzierungsplan"),
        link="https://foerderung.example/mso-projekte",
    ),
    ProgrammeSeed(
        slug="unterstuetzungsfoerderung",
        title="Unterstützungsförderung: Etablierte begleiten Neue",
        funder="Land NRW (Kompetenzzentrum für Integration)",
        summary=(
            "Etablierte Vereine begleiten junge Initiativen ein Jahr lang: Strukturen aufbauen, "
            "Mitglieder schulen, den ersten eigenen Förderantrag stellen."
        ),
        min_amount=3000,
        max_amount=15000,
        legal_forms=(LegalForm.EV,),
        min_club_age_years=5,
        deadlines=((75, Recurrence.YEARLY, "Interessenbekundung"),),
        documents=(*STANDARD_DOCUMENTS, "Kooperationsvereinbarung mit der begleiteten Initiative"),
        link="https://foerderung.example/unterstuetzung",
    ),
    ProgrammeSeed(
        slug="kreis-integrationsfonds",
        title="Integrationsfonds des Kreises",
        funder="Kreis Düren, Kommunales Integrationszentrum",
        summary="Kleine Vorhaben im Kreis: Feste der Begegnung, Ausflüge, Anschaffungen.",
        min_amount=200,
        max_amount=2500,
        deadlines=(
            (10, Recurrence.YEARLY, "Frühjahrsrunde"),
            (190, Recurrence.YEARLY, "Herbstrunde"),
        ),
        documents=("Kurzantrag (zwei Seiten)", "Kostenaufstellung"),
        contact_name="Kommunales Integrationszentrum",
    ),
    ProgrammeSeed(
        slug="dueren-engagementfonds",
        title="Engagementfonds der Stadt Düren",
        funder="Stadt Düren",
        summary="Zuschüsse für Ehrenamtliche in Vereinen mit Sitz in der Stadt Düren.",
        min_amount=None,
        max_amount=1500,
        municipalities=("Düren",),
        documents=("Formloser Antrag", "Kostenaufstellung"),
        contact_name="Ehrenamtsbüro der Stadt",
        contact_email="ehrenamt@stadt.example",
    ),
    ProgrammeSeed(
        slug="stiftung-jugend-und-sport",
        title="Jugend bewegt – Sport und Bildung",
        funder="Stiftung Rureifel (erfunden)",
        summary="Sport- und Bildungsangebote für Kinder und Jugendliche mit Migrationsgeschichte.",
        min_amount=1000,
        max_amount=8000,
        legal_forms=(LegalForm.EV, LegalForm.GGMBH, LegalForm.FOUNDATION),
        min_club_age_years=1,
        focus=("Sport", "Jugend", "Bildung"),
        deadlines=(
            (-30, Recurrence.ONCE, "Antragsfrist 2025"),
            (100, Recurrence.ONCE, "Antragsfrist"),
        ),
        documents=(*STANDARD_DOCUMENTS, "Jahresbericht", "Projektskizze"),
        contact_name="Geschäftsstelle der Stiftung",
        contact_email="foerderung@stiftung.example",
        link="https://stiftung.example/jugend-bewegt",
    ),
]


def ensure_funding_programmes(context) -> None:
    today: datetime.date = context.today
    for seed in PROGRAMMES:
        if FundingProgramme.objects.filter(slug=seed.slug).exists():
            continue
        programme = FundingProgramme(
            slug=seed.slug,
            title=seed.title,
            funder=seed.funder,
            summary=seed.summary,
            min_amount=Decimal(seed.min_amount) if seed.min_amount is not None else None,
            max_amount=Decimal(seed.max_amount) if seed.max_amount is not None else None,
            legal_forms=[str(form) for form in seed.legal_forms],
            min_club_age_years=seed.min_club_age_years,
            max_club_age_years=seed.max_club_age_years,
            link=seed.link,
            contact_name=seed.contact_name,
            contact_email=seed.contact_email,
            required_documents="\n".join(seed.documents),
        )
        programme.focus_areas = list(FocusArea.objects.filter(name__in=seed.focus))
        programme.municipalities = list(Municipality.objects.filter(name__in=seed.municipalities))
        programme.deadlines = [
            FundingDeadline(
                date=today + datetime.timedelta(days=offset),
                recurrence=recurrence,
                label=label,
                sort_order=position,
            )
            for position, (offset, recurrence, label) in enumerate(seed.deadlines)
        ]
        programme.full_clean(exclude=["focus_areas", "municipalities"])
        programme.save()
        context.created["Förderprogramme"] += 1
