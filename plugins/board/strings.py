"""Interface strings of the board plugin, German first (others fall back to German)."""

STRINGS = {
    "de": {
        "board.title": "Gesucht & Geboten",
        "board.intro": (
            "Vereine und Partnerorganisationen bieten an und suchen: Ehrenamtliche, Räume, "
            "Ausstattung, Wissen, Mentoring, Dolmetschen. Antworten Sie über das Formular; "
            "Ihre Nachricht geht an die Organisation, Adressen werden nicht gezeigt."
        ),
        "board.all": "Alle",
        "board.filter": "Nach Art filtern",
        "board.none": "Zurzeit gibt es hier keine Einträge.",
        "board.offer": "Geboten",
        "board.request": "Gesucht",
        "board.kind.volunteers": "Ehrenamtliche",
        "board.kind.rooms": "Räume",
        "board.kind.equipment": "Ausstattung",
        "board.kind.knowhow": "Wissen und Schulung",
        "board.kind.mentoring": "Mentoring",
        "board.kind.interpreting": "Dolmetschen",
        "board.from": "Von",
        "board.where": "Gemeinde",
        "board.languages": "Sprachen",
        "board.until": "sichtbar bis",
        "board.answer": "Antworten",
        "board.name": "Ihr Name",
        "board.email": "Ihre E-Mail-Adresse (wird nur an die Organisation weitergegeben)",
        "board.message": "Ihre Nachricht",
        "board.privacy_consent": (
            "Ich bin einverstanden, dass meine Nachricht mit Name und E-Mail-Adresse an die "
            "Organisation weitergeleitet wird."
        ),
        "board.send": "Nachricht senden",
        "board.feed": "Neue Einträge als Feed (Atom)",
    },
    "en": {
        "board.title": "Wanted & Offered",
        "board.intro": (
            "Clubs and partner organisations offer and ask for volunteers, rooms, equipment, "
            "know-how, mentoring and interpreting. Answer with the form; your message goes to "
            "the organisation, no addresses are shown."
        ),
        "board.all": "All",
        "board.filter": "Filter by kind",
        "board.none": "There are no entries at the moment.",
        "board.offer": "Offered",
        "board.request": "Wanted",
        "board.kind.volunteers": "Volunteers",
        "board.kind.rooms": "Rooms",
        "board.kind.equipment": "Equipment",
        "board.kind.knowhow": "Know-how and training",
        "board.kind.mentoring": "Mentoring",
        "board.kind.interpreting": "Interpreting",
        "board.from": "From",
        "board.where": "Municipality",
        "board.languages": "Languages",
        "board.until": "visible until",
        "board.answer": "Answer",
        "board.name": "Your name",
        "board.email": "Your email (only passed on to the organisation)",
        "board.message": "Your message",
        "board.privacy_consent": (
            "I agree that my message with my name and email is passed on to the organisation."
        ),
        "board.send": "Send message",
        "board.feed": "New entries as a feed (Atom)",
    },
    "ar": {
        "board.title": "مطلوب ومعروض",
        "board.intro": (
            "تعرض الجمعيات والمنظمات الشريكة وتطلب: متطوعين، قاعات، معدات، معرفة، إرشاد، "
            "ترجمة فورية. أجب عبر النموذج؛ تصل رسالتك إلى المنظمة ولا تُعرض أي عناوين."
        ),
        "board.all": "الكل",
        "board.filter": "تصفية حسب النوع",
        "board.none": "لا توجد إدخالات حاليًا.",
        "board.offer": "معروض",
        "board.request": "مطلوب",
        "board.kind.volunteers": "متطوعون",
        "board.kind.rooms": "قاعات",
        "board.kind.equipment": "معدات",
        "board.kind.knowhow": "معرفة وتدريب",
        "board.kind.mentoring": "إرشاد",
        "board.kind.interpreting": "ترجمة فورية",
        "board.from": "من",
        "board.where": "البلدية",
        "board.languages": "اللغات",
        "board.until": "معروض حتى",
        "board.answer": "الرد",
        "board.name": "اسمك",
        "board.email": "بريدك الإلكتروني (يُرسل إلى المنظمة فقط)",
        "board.message": "رسالتك",
        "board.privacy_consent": "أوافق على إرسال رسالتي مع اسمي وبريدي الإلكتروني إلى المنظمة.",
        "board.send": "إرسال الرسالة",
        "board.feed": "الإدخالات الجديدة كخلاصة (Atom)",
    },
}
