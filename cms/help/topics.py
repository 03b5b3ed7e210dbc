"""The questions clubs ask the agency, answered for volunteers who know word processing but
no HTML. Each answer names the buttons as the admin labels them and shows screenshots that
``manage.py help_screenshots`` takes from the real admin (``SCREENS``), so they stay true
when the admin changes."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

SCREEN_DIR = "help/screens"  # below the app's static folder


@dataclass(frozen=True)
class Screen:
    file: str  # PNG in static/help/screens/
    alt: str


@dataclass(frozen=True)
class Topic:
    slug: str
    question: str
    steps: list[str]
    screens: list[Screen] = field(default_factory=list)
    tip: str = ""


TOPICS = [
    Topic(
        slug="anmelden",
        question=_("Wie melden wir unseren Verein an?"),
        steps=[
            _(
                "Öffnen Sie im Portal die Seite „Mitmachen“ und füllen Sie das Formular aus: "
                "Name des Vereins, Gemeinde, eine Ansprechperson mit E-Mail-Adresse und kurz, "
                "was Ihr Verein macht."
            ),
            _(
                "Die Integrationsagentur prüft die Anmeldung und schaltet Ihren Verein frei. "
                "Sie bekommen dann eine E-Mail mit einem Link, über den Sie einmalig Ihr "
                "Passwort festlegen."
            ),
            _(
                "Danach melden Sie sich unter /admin/ mit Ihrer E-Mail-Adresse und Ihrem "
                "Passwort an. Sie sehen nur die Seiten Ihres eigenen Vereins."
            ),
        ],
        screens=[
            Screen("anmelden-formular.png", _("Das Formular „Mitmachen“ im Portal")),
            Screen("anmelden-login.png", _("Die Anmeldung zur Redaktion")),
        ],
        tip=_("Melden Sie sich nach der Arbeit über Ihr Profil unten links ab."),
    ),
    Topic(
        slug="artikel",
        question=_("Wie erstellen wir Artikel und stellen sie online?"),
        steps=[
            _("Klicken Sie links auf „Seiten“, dann auf Ihren Verein und auf „Neuigkeiten“."),
            _(
                "Klicken Sie auf „Unterseite hinzufügen“. Schreiben Sie einen Titel und den "
                "Text wie in einem Textprogramm: Überschriften, fett, Listen und Links finden "
                "Sie in der Leiste über dem Text."
            ),
            _(
                "Unten auf der Seite speichern Sie mit „Entwurf speichern“. Mit "
                "„Veröffentlichen“ (oder „Zur Freigabe einreichen“, wenn die Agentur Ihre "
                "Artikel freigibt) kommt der Artikel auf Ihre Homepage und ins Portal."
            ),
        ],
        screens=[
            Screen("artikel-liste.png", _("Die Neuigkeiten des Vereins in der Seitenliste")),
            Screen("artikel-neu.png", _("Ein neuer Artikel im Editor")),
        ],
        tip=_("Mit „Vorschau“ sehen Sie den Artikel so, wie ihn Besucher sehen werden."),
    ),
    Topic(
        slug="seite",
        question=_("Wie erstellen wir eine Seite?"),
        steps=[
            _("Klicken Sie links auf „Seiten“ und dann auf den Namen Ihres Vereins."),
            _(
                "Klicken Sie auf „Unterseite hinzufügen“ und wählen Sie „Inhaltsseite“ für "
                "eine Seite wie „Über uns“ oder „Unsere Kurse“."
            ),
            _(
                "Geben Sie der Seite einen Titel, fügen Sie Textabschnitte, Bilder oder "
                "Termine als Blöcke hinzu (das Plus-Zeichen) und veröffentlichen Sie sie."
            ),
        ],
        screens=[Screen("seite-neu.png", _("Eine neue Inhaltsseite im Editor"))],
    ),
    Topic(
        slug="aktualisieren",
        question=_("Wie aktualisieren wir den Inhalt?"),
        steps=[
            _(
                "Klicken Sie links auf „Seiten“, suchen Sie die Seite und klicken Sie auf "
                "ihren Titel. Das Profil Ihres Vereins (Beschreibung, Treffen, Kontakt) "
                "ist die oberste Seite mit dem Namen des Vereins."
            ),
            _(
                "Ändern Sie den Text und klicken Sie unten auf „Veröffentlichen“. Die "
                "Homepage und das Portal werden danach in wenigen Minuten neu erstellt."
            ),
            _("Unter „Verlauf“ sehen Sie frühere Fassungen und können eine davon zurückholen."),
            _(
                "Fällt ein regelmäßiger Termin aus, etwa in den Ferien: Öffnen Sie die "
                "Veranstaltung, tragen Sie den Tag unter „Ausfallende Termine“ ein und "
                "veröffentlichen Sie. Der Tag verschwindet von der Homepage, aus dem Kalender "
                "des Portals und aus abonnierten Kalendern."
            ),
        ],
        screens=[Screen("inhalt-bearbeiten.png", _("Das Profil des Vereins im Editor"))],
    ),
    Topic(
        slug="fotos",
        question=_("Wie binden wir Fotos ein?"),
        steps=[
            _(
                "Klicken Sie links auf „Bilder“ und dann auf „Ein Bild hinzufügen“. Ziehen "
                "Sie die Fotos in das Feld oder wählen Sie sie auf Ihrem Gerät aus."
            ),
            _(
                "Beschreiben Sie bei jedem Foto in einem Satz, was darauf zu sehen ist "
                "(Alternativtext). Das lesen blinde Menschen vor."
            ),
            _(
                "Im Editor einer Seite fügen Sie das Foto mit dem Block „Bild“ ein oder "
                "legen eine Galerie an. Zeigen Sie Menschen nur, wenn sie zugestimmt haben."
            ),
        ],
        screens=[Screen("fotos-hochladen.png", _("Fotos hochladen"))],
    ),
    Topic(
        slug="netzwerk",
        question=_("Wie nutzen wir das Vereinsnetz für die Netzwerkarbeit?"),
        steps=[
            _(
                "Unter „Kooperationen“ sehen Sie, welche Partner (z. B. Wohlfahrtsverbände, "
                "Feuerwehr) mit Ihrem Verein zusammenarbeiten möchten. Bestätigen Sie eine "
                "Kooperation, erscheint sie auf Ihrer Homepage und im Netzwerk des Portals."
            ),
            _(
                "Im Portal finden Sie unter „Vereine“ alle Vereine des Kreises, unter "
                "„Netzwerk“ die Kooperationen und unter „Räume“ die Räume der Agentur, die "
                "Sie für Veranstaltungen buchen können."
            ),
            _(
                "Tragen Sie Ihre Termine ein: Sie erscheinen im gemeinsamen Kalender des "
                "Portals, den andere Vereine und Partner abonnieren können."
            ),
        ],
        screens=[
            Screen("netzwerk-kooperationen.png", _("Die Kooperationen des Vereins")),
            Screen("netzwerk-portal.png", _("Das Netzwerk im Portal")),
        ],
    ),
    Topic(
        slug="homepage",
        question=_("Wie bauen wir eine eigene Homepage auf?"),
        steps=[
            _(
                "Jeder Verein hat schon eine Homepage: Sie entsteht aus dem Profil und den "
                "Seiten, die Sie anlegen. Sie finden sie auf der Übersicht unter "
                "„Homepage ansehen“."
            ),
            _(
                "Öffnen Sie das Profil Ihres Vereins und den Reiter „Homepage“: Dort wählen "
                "Sie Farben, Logo und welche Bereiche (Neuigkeiten, Termine, Galerie, "
                "Kontakt …) in welcher Reihenfolge erscheinen."
            ),
            _(
                "Haben Sie eine eigene Internetadresse, tragen Sie sie dort ein. Mit "
                "„Homepage als ZIP herunterladen“ bekommen Sie alle Dateien für einen "
                "eigenen Webspace."
            ),
        ],
        screens=[Screen("homepage-einstellungen.png", _("Der Reiter „Homepage“ im Profil"))],
    ),
]
