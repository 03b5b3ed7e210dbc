"""A dozen posts on the board "Gesucht & Geboten" from demo clubs and partner organisations,
some with answers."""

import datetime

from cms.board import services
from cms.board.models import BoardPost
from cms.taxonomy.models import Language, Municipality
from cms.tenancy.models import Tenant, TenantKind

POSTS = [
    # direction, kind, title, languages, municipality, days visible, answered
    (
        "request",
        "volunteers",
        "Zwei Ehrenamtliche mit Tigrinya für Samstag",
        ["ti", "de"],
        "Düren",
        20,
        True,
    ),
    ("offer", "equipment", "Wir verleihen unsere Musikanlage", [], "Düren", 60, True),
    ("request", "rooms", "Raum für Hausaufgabenhilfe dienstags gesucht", [], "Jülich", 30, False),
    (
        "offer",
        "interpreting",
        "Dolmetschen Arabisch–Deutsch bei Elternabenden",
        ["ar", "de"],
        "Düren",
        90,
        True,
    ),
    ("request", "knowhow", "Wer hilft beim ersten Förderantrag?", [], "Kreuzau", 45, True),
    (
        "offer",
        "mentoring",
        "Erfahrener Verein begleitet neue Initiativen",
        ["tr", "de"],
        "Düren",
        120,
        False,
    ),
    ("offer", "rooms", "Gruppenraum samstags frei", [], "Langerwehe", 40, False),
    ("request", "equipment", "Pavillon für das Sommerfest gesucht", [], "Nörvenich", 25, True),
    ("offer", "knowhow", "Erste-Hilfe-Kurs für Vereinsmitglieder", ["de"], "Düren", 80, True),
    (
        "request",
        "interpreting",
        "Dolmetscherin Tamil für Beratungstermin",
        ["ta"],
        "Jülich",
        15,
        False,
    ),
    (
        "offer",
        "volunteers",
        "Jugendliche helfen beim Auf- und Abbau",
        ["de", "ru"],
        "Merzenich",
        50,
        True,
    ),
    (
        "request",
        "mentoring",
        "Junger Verein sucht Begleitung beim Aufbau",
        ["uk"],
        "Düren",
        70,
        False,
    ),
]


def ensure_board(context) -> None:
    if BoardPost.objects.exists():
        return
    clubs = list(Tenant.objects.filter(kind=TenantKind.CLUB).order_by("pk")[:12])
    partners = list(Tenant.objects.filter(kind=TenantKind.PARTNER).order_by("pk"))
    if not clubs:
        return
    for number, (direction, kind, title, tags, town, days, answered) in enumerate(POSTS):
        municipality = (
            Municipality.objects.filter(name=town).first() or Municipality.objects.first()
        )
        post = BoardPost.objects.create(
            # every fourth post is a partner organisation's
            tenant=partners[number % len(partners)]
            if partners and number % 4 == 1
            else clubs[number % len(clubs)],
            direction=direction,
            kind=kind,
            title=title,
            description=f"{title}. Bitte melden Sie sich über das Antwortformular.",
            municipality=municipality,
            start=context.today + datetime.timedelta(days=3),
            expires_on=context.today + datetime.timedelta(days=days),
        )
        post.languages.set(Language.objects.filter(tag__in=tags))
        context.created["Einträge Gesucht & Geboten"] += 1
        if answered:
            sender = next(t for t in [*partners, *clubs] if t.pk != post.tenant_id)
            services.answer(
                post,
                name=f"Redaktion {sender.name}",
                email=f"board{number + 1}@example.org",
                message="Wir können helfen. Wann passt es Ihnen?",
                sender_tenant=sender,
            )
            context.created["Antworten Gesucht & Geboten"] += 1
