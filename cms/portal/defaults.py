"""German starting content of the portal: the home page's sections and the texts of the portal
pages, as stored StreamField data. Used once by a data migration; the agency edits them in the
admin afterwards (the legal texts name an invented operator and must be adapted)."""

import uuid

OPERATOR = "Integrationsagentur Kreis Düren (Beispiel)"
OPERATOR_STREET = "Beispielstraße 12"
OPERATOR_CITY = "52349 Düren"
OPERATOR_EMAIL = "kontakt@integrationsagentur-dueren.example"
OPERATOR_PHONE = "02421 98765-0"
ACCESSIBILITY_EMAIL = "barrierefreiheit@integrationsagentur-dueren.example"
PRIVACY_EMAIL = "datenschutz@integrationsagentur-dueren.example"
STATEMENT_DATE = "24. November 2026"

OMBUDS_URL = "https://www.lbbp.nrw.de/ombudsstelle"
OMBUDS_EMAIL = "ombudsstelle-barrierefreie-it@mags.nrw.de"
MONITORING_URL = "https://www.mags.nrw/ueberwachungsstelle-barrierefreie-informationstechnik"
MONITORING_EMAIL = "ueberwachungsstelle-nrw@it.nrw.de"
LDI_URL = "https://www.ldi.nrw.de"

ADDRESS_HTML = f"<p>{OPERATOR}<br/>{OPERATOR_STREET}<br/>{OPERATOR_CITY}</p>"


def block(kind: str, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def text(html: str) -> dict:
    return block("text", html)


def home_sections() -> list[dict]:
    """The dynamic sections every portal home starts with."""
    return [
        block(
            "featured_clubs",
            {"title": "Vereine im Porträt", "selection": "recent", "clubs": [], "count": 3},
        ),
        block(
            "upcoming_events",
            {"title": "Nächste Veranstaltungen", "count": 5, "category": "", "municipality": ""},
        ),
        block("latest_news", {"title": "Neues aus den Vereinen", "count": 3}),
    ]


HOME_TEXT = (
    "<h2>Vereine von Menschen aus aller Welt</h2>"
    "<p>Im Kreis Düren engagieren sich viele Vereine und Initiativen von Menschen mit "
    "Einwanderungsgeschichte: für Kultur und Sport, Sprache und Bildung, Familien und ein gutes "
    "Miteinander. Hier finden Sie, was sie anbieten, wann sie sich treffen und wie Sie sie "
    "erreichen.</p>"
)


def home_call_to_action(mitmachen_page_id: int) -> dict:
    return block(
        "call_to_action",
        {
            "title": "Ihr Verein fehlt noch?",
            "text": (
                "Melden Sie Ihren Verein oder Ihre Initiative an. Die Integrationsagentur richtet "
                "Ihnen kostenlos einen eigenen Bereich mit Profil und Homepage ein."
            ),
            "button_label": "Jetzt anmelden",
            "page": mitmachen_page_id,
            "link": "",
        },
    )


MITMACHEN = [
    text(
        "<h2>Was das Vereinsnetz Ihrem Verein bietet</h2>"
        "<ul>"
        "<li>Ein Profil im Vereinsverzeichnis des Kreises: Wer Sie sind, was Sie anbieten, "
        "in welchen Sprachen und wo Sie sich treffen.</li>"
        "<li>Eine eigene Homepage, die aus Ihren Angaben entsteht – ohne Programmierkenntnisse "
        "und ohne Kosten für Webspace.</li>"
        "<li>Ihre Veranstaltungen im gemeinsamen Kalender und Ihre Neuigkeiten auf der "
        "Startseite des Portals.</li>"
        "<li>Beratung durch die Integrationsagentur: zu Vereinsgründung, Förderanträgen, "
        "Öffentlichkeitsarbeit und Kooperationen, etwa mit Feuerwehr, DRK, Maltesern oder "
        "THW.</li>"
        "<li>Räume für Ihre Treffen im Café International und Einladungen zu den „Abenden im "
        "Café“ und zu den Austauschtreffen aller Vereine.</li>"
        "</ul>"
        "<h2>Wer mitmachen kann</h2>"
        "<p>Vereine und Initiativen von Menschen mit Einwanderungsgeschichte, die im Kreis Düren "
        "tätig sind – eingetragene Vereine ebenso wie Gruppen, die sich gerade erst gründen. "
        "Die Teilnahme ist kostenlos.</p>"
        "<h2>So geht es</h2>"
        "<ol>"
        "<li>Füllen Sie das Anmeldeformular auf dieser Seite aus.</li>"
        "<li>Sie erhalten eine Eingangsbestätigung per E-Mail.</li>"
        "<li>Die Integrationsagentur prüft Ihre Anmeldung, meist innerhalb von zwei Wochen, "
        "und meldet sich bei Ihnen.</li>"
        "<li>Nach der Freigabe bekommen Sie einen Link, mit dem Sie Ihr Passwort festlegen. "
        "Danach pflegen Sie Profil, Termine, Neuigkeiten und Fotos selbst.</li>"
        "</ol>"
        "<p>Was mit Ihren Angaben geschieht, steht in der Datenschutzerklärung. Fragen "
        f"beantworten wir gern: {OPERATOR_EMAIL}, Telefon {OPERATOR_PHONE}.</p>"
    )
]

IMPRESSUM = [
    text(
        "<h2>Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)</h2>"
        f"{ADDRESS_HTML}"
        "<p>Die Integrationsagentur ist eine Einrichtung in Trägerschaft des "
        "Beispiel-Wohlfahrtsverbands Kreis Düren e. V.</p>"
        "<p><b>Vertreten durch</b> den Vorstand des Trägervereins: Dr. Petra Beispiel "
        "(Vorsitzende), Jonas Muster (stellvertretender Vorsitzender)</p>"
        "<p><b>Registereintrag:</b> Vereinsregister des Amtsgerichts Düren, VR 0000</p>"
        f"<p><b>E-Mail:</b> {OPERATOR_EMAIL}<br/><b>Telefon:</b> {OPERATOR_PHONE}</p>"
        "<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag (MStV)</h2>"
        f"<p>Samira Beispiel, Leitung der Integrationsagentur, Anschrift wie oben</p>"
        "<h2>Inhalte der Vereine</h2>"
        "<p>Profile, Neuigkeiten, Veranstaltungen und Homepages der Vereine verantworten die "
        "Vereine selbst; ihr Impressum steht jeweils auf ihrer Homepage. Wenn Sie auf einer "
        "Vereinsseite einen Rechtsverstoß bemerken, schreiben Sie uns bitte; wir prüfen den "
        "Hinweis umgehend.</p>"
        "<h2>Verbraucherstreitbeilegung</h2>"
        "<p>Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor "
        "einer Verbraucherschlichtungsstelle teilzunehmen.</p>"
    )
]

DATENSCHUTZ = [
    text(
        "<h2>Wer für die Verarbeitung verantwortlich ist</h2>"
        f"{ADDRESS_HTML}"
        f"<p>E-Mail: {OPERATOR_EMAIL}, Telefon: {OPERATOR_PHONE}</p>"
        f"<p>Unsere Datenschutzbeauftragte erreichen Sie unter {PRIVACY_EMAIL} oder unter der "
        "Anschrift oben mit dem Zusatz „Datenschutz“.</p>"
        "<h2>Beim Besuch des Portals</h2>"
        "<p>Wenn Sie eine Seite aufrufen, verarbeitet unser Webserver Ihre IP-Adresse, den "
        "Zeitpunkt, die aufgerufene Adresse und die Angaben Ihres Browsers, um die Seite "
        "auszuliefern und Angriffe abzuwehren (Art. 6 Abs. 1 Buchst. e DSGVO). Diese "
        "Protokolle löschen wir nach spätestens sieben Tagen.</p>"
        "<p>Das Portal setzt keine Cookies, verwendet keine Analyse- oder Werbedienste und "
        "lädt keine Inhalte von fremden Servern: Schriften, Bilder und Skripte kommen von "
        "unserem eigenen Server.</p>"
        "<h2>Angaben der Vereine</h2>"
        "<p>Die Vereine stellen ihre Profile, Termine und Neuigkeiten selbst ein. Kontaktdaten "
        "einer Ansprechperson erscheinen nur, wenn diese Person eingewilligt hat. "
        "Mitgliederlisten veröffentlichen wir nie, denn die Mitgliedschaft in einem Verein "
        "kann Rückschlüsse auf Herkunft oder Religion zulassen (Art. 9 DSGVO). Fotos, auf "
        "denen Menschen zu erkennen sind, erscheinen nur mit deren Einwilligung.</p>"
        "<h2>Anmeldung eines Vereins</h2>"
        "<p>Mit dem Anmeldeformular verarbeiten wir die Angaben zum Verein sowie Name, "
        "E-Mail-Adresse und (freiwillig) Telefonnummer der Person, die den Verein anmeldet, "
        "um die Anmeldung zu prüfen, Ihnen zu antworten und bei einer Zusage Ihren Zugang "
        "einzurichten (Art. 6 Abs. 1 Buchst. a und b DSGVO). Sie erhalten eine "
        "Eingangsbestätigung per E-Mail. Lehnen wir eine Anmeldung ab, löschen wir die Angaben "
        "sechs Monate nach der Entscheidung. Nach einer Zusage bleiben sie gespeichert, "
        "solange der Verein am Vereinsnetz teilnimmt.</p>"
        "<h2>Rückmeldungen zur Barrierefreiheit</h2>"
        "<p>Über das Formular in der Erklärung zur Barrierefreiheit können Sie uns Barrieren "
        "melden. Wir speichern Ihre Nachricht und die betroffene Seite, um Ihre Meldung zu "
        "bearbeiten, wozu uns das Behindertengleichstellungsgesetz NRW verpflichtet (Art. 6 "
        "Abs. 1 Buchst. c und e DSGVO). Name und E-Mail-Adresse sind freiwillig; geben Sie eine "
        "E-Mail-Adresse an, verarbeiten wir sie mit Ihrer Einwilligung, um Ihnen zu antworten "
        "(Art. 6 Abs. 1 Buchst. a DSGVO). Wir löschen Rückmeldungen, sobald sie erledigt sind "
        "und nicht mehr gebraucht werden, spätestens nach einem Jahr.</p>"
        "<h2>Empfänger</h2>"
        "<p>Ihre Angaben sieht nur das Team der Integrationsagentur. Unser Hosting-Dienstleister "
        "verarbeitet sie in unserem Auftrag (Art. 28 DSGVO) in Rechenzentren in der "
        "Europäischen Union. Wir geben keine Daten in Drittländer weiter.</p>"
        "<h2>Ihre Rechte</h2>"
        "<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung "
        "(Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) "
        "und Widerspruch (Art. 21). Eine Einwilligung können Sie jederzeit für die Zukunft "
        "widerrufen (Art. 7 Abs. 3 DSGVO). Eine E-Mail an uns genügt.</p>"
        "<p>Sie können sich außerdem bei der Aufsichtsbehörde beschweren: Landesbeauftragte für "
        "Datenschutz und Informationsfreiheit Nordrhein-Westfalen, Kavalleriestraße 2–4, "
        f'40213 Düsseldorf, <a href="{LDI_URL}">www.ldi.nrw.de</a>.</p>'
        f"<p>Stand: {STATEMENT_DATE}</p>"
    )
]

BARRIEREFREIHEIT = [
    text(
        f"<p>Die {OPERATOR} ist bemüht, dieses Portal im Einklang mit dem "
        "Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der "
        "Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) zur "
        "Umsetzung der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen.</p>"
        "<p>Diese Erklärung gilt für das Portal „Die Welt zu Hause im Kreis Düren“ mit "
        "Vereinsverzeichnis, Veranstaltungskalender, Neuigkeiten und den Homepages der Vereine, "
        "die das Vereinsnetz erzeugt.</p>"
        "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
        "<p>Die Anforderungen ergeben sich aus den §§ 3 und 4 BITV NRW; maßgeblich sind die "
        "Web Content Accessibility Guidelines (WCAG) 2.1 in der Stufe AA nach der europäischen "
        "Norm EN 301 549. Das Portal ist mit diesen Anforderungen <b>teilweise vereinbar</b>. "
        "Grundlage ist eine Selbstbewertung: automatische Prüfungen jeder Seitenart auf Deutsch "
        "und auf Arabisch sowie Prüfungen der Bedienung allein mit der Tastatur.</p>"
        "<h2>Nicht barrierefreie Inhalte</h2>"
        "<ul>"
        "<li>PDF-Dokumente, die Vereine hochladen, sind nicht immer barrierefrei.</li>"
        "<li>Bilder der Vereine haben nicht immer einen aussagekräftigen Alternativtext.</li>"
        "<li>Eingebundene Videos haben nicht immer Untertitel.</li>"
        "<li>Erklärungen in Deutscher Gebärdensprache gibt es noch nicht; wir arbeiten daran. "
        "Erklärungen in Einfacher Sprache finden Sie auf der Seite „Einfache Sprache“.</li>"
        "</ul>"
        "<p>Wir beraten die Vereine dazu, wie sie ihre Inhalte barrierefrei gestalten.</p>"
        "<h2>Erstellung dieser Erklärung</h2>"
        f"<p>Diese Erklärung wurde am {STATEMENT_DATE} erstellt und wird jährlich überprüft.</p>"
        "<h2>Barrieren melden: Feedback und Kontakt</h2>"
        "<p>Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in einer "
        "zugänglichen Form? Schreiben Sie uns über das Formular „Barriere melden“ auf dieser "
        f"Seite, per E-Mail an {ACCESSIBILITY_EMAIL} oder rufen Sie uns an: {OPERATOR_PHONE}. "
        "Wir antworten so schnell wie möglich, spätestens innerhalb eines Monats.</p>"
        "<h2>Ombudsstelle und Durchsetzungsverfahren</h2>"
        "<p>Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten, "
        "können Sie sich an die <b>Ombudsstelle für barrierefreie Informationstechnik des "
        "Landes Nordrhein-Westfalen</b> wenden. Sie ist bei der Beauftragten der "
        "Landesregierung für Menschen mit Behinderung angesiedelt und vermittelt kostenlos "
        "zwischen Ihnen und uns (§§ 10d, 10e BGG NRW, §§ 9 ff. BITV NRW): "
        f'<a href="{OMBUDS_URL}">Ombudsstelle für barrierefreie IT</a>, '
        f"E-Mail {OMBUDS_EMAIL}.</p>"
        "<p>Die Einhaltung der Anforderungen überwacht die <b>Überwachungsstelle für "
        "barrierefreie Informationstechnik des Landes NRW</b>: "
        f'<a href="{MONITORING_URL}">Überwachungsstelle für barrierefreie '
        f"Informationstechnik</a>, E-Mail {MONITORING_EMAIL}.</p>"
    )
]

EINFACHE_SPRACHE = [
    text(
        "<h2>Das ist das Vereinsnetz</h2>"
        "<p>Im Kreis Düren gibt es viele Vereine.</p>"
        "<p>In diesen Vereinen sind Menschen aus vielen Ländern.</p>"
        "<p>Die Vereine machen Musik, Sport und Feste.</p>"
        "<p>Sie helfen bei den Hausaufgaben.</p>"
        "<p>Sie helfen Menschen, die neu im Kreis Düren sind.</p>"
        "<h2>Das finden Sie hier</h2>"
        "<ul>"
        "<li>Eine Liste mit allen Vereinen.</li>"
        "<li>Termine: Wann treffen sich die Vereine?</li>"
        "<li>Neuigkeiten aus den Vereinen.</li>"
        "</ul>"
        "<p>Sie können die Seiten in vielen Sprachen lesen.</p>"
        "<p>Oben auf jeder Seite können Sie die Sprache wählen.</p>"
        "<h2>Sie haben einen Verein?</h2>"
        "<p>Dann kann Ihr Verein hier mitmachen.</p>"
        "<p>Das kostet nichts.</p>"
        "<p>Gehen Sie auf die Seite „Mitmachen“.</p>"
        "<p>Dort ist ein Formular.</p>"
        "<h2>Sie haben Fragen?</h2>"
        "<p>Die Integrationsagentur hilft Ihnen.</p>"
        f"<p>Rufen Sie an: {OPERATOR_PHONE}</p>"
        f"<p>Oder schreiben Sie eine E-Mail: {OPERATOR_EMAIL}</p>"
    )
]

# role, slug, title, body
PORTAL_PAGES = [
    ("mitmachen", "mitmachen", "Mitmachen", MITMACHEN),
    ("einfache_sprache", "einfache-sprache", "Einfache Sprache", EINFACHE_SPRACHE),
    ("impressum", "impressum", "Impressum", IMPRESSUM),
    ("datenschutz", "datenschutz", "Datenschutzerklärung", DATENSCHUTZ),
    ("barrierefreiheit", "barrierefreiheit", "Erklärung zur Barrierefreiheit", BARRIEREFREIHEIT),
]
