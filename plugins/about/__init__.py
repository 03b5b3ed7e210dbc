"""About us: the club's profile page ("ueber-uns") with its facts, languages, meeting times and
the summary in Einfache Sprache; the club's own content pages; a home-page section with the
meeting times."""

import babel
import babel.numbers

from sites.engine.plugins import PageSpec, Plugin

PATH = "ueber-uns"
CONTENT = "clubs.ContentPage"
LOCALES = ("de", "en", "tr", "ar", "uk", "ru", "fa")


def pages(view):
    code = view.locale.code
    club = view.data["club"]
    master = view.site.data[view.site.default_locale]["club"]
    content_pages = view.data["by_type"].get(CONTENT, [])
    # A club's own content page at "ueber-uns" becomes the text of the profile page.
    own = next((p for p in content_pages if p["url_path"].strip("/") == PATH), None)
    others = [p for p in content_pages if p is not own]
    children = children_by_parent(content_pages)
    # An untranslated page comes in German: its title then is no label for this locale's menu.
    translated = own is not None and own.get("locale", code) == code
    title = own["title"] if translated else STRINGS.get(code, STRINGS["de"])["about.title"]
    yield PageSpec(
        path=PATH,
        template="about/index.html",
        title=title,
        menu="main",
        label=title,
        context={
            "own_page": own,
            "own_page_translated": translated,
            "country_names": country_names(club.get("countries", []), code),
            "language_names": language_names(club.get("languages", []), code),
            "member_count": (
                babel.numbers.format_decimal(club["member_count"], locale=code)
                if club.get("member_count")
                else ""
            ),
            # Einfache Sprache is plain *German*: always the German profile's text.
            "plain_summary": master.get("plain_summary") or "",
            "more_pages": [p for p in children.get("", []) if p is not own]
            + (children.get(own["url_path"], []) if own else []),
            "children": children,
        },
    )
    for page in others:
        yield PageSpec(
            path=page["url_path"],
            template="about/content.html",
            title=page["title"],
            context={"page": page, "children": children},
        )


def children_by_parent(content_pages: list[dict]) -> dict[str, list[dict]]:
    """Content pages grouped by the path of their parent; top-level pages under ""."""
    paths = {page["url_path"] for page in content_pages}
    groups: dict[str, list[dict]] = {}
    for page in content_pages:
        parent = page.get("parent_path") or ""
        groups.setdefault(parent if parent in paths else "", []).append(page)
    return groups


def country_names(countries: list[dict], code: str) -> dict[str, str]:
    """Country names in the page's language (the API names them in German)."""
    territories = babel.Locale.parse(code).territories
    return {item["code"]: territories.get(item["code"], item["name"]) for item in countries}


def language_names(languages: list[dict], code: str) -> dict[str, str]:
    """Language names in the page's language where Babel knows them."""
    known = babel.Locale.parse(code).languages
    return {item["tag"]: known.get(item["tag"].replace("-", "_"), "") for item in languages}


def weekday_strings(code: str) -> dict[str, str]:
    """``about.weekday.0`` (Monday) … ``about.weekday.6`` in the locale, from Babel's CLDR."""
    names = babel.Locale.parse(code).days["stand-alone"]["wide"]
    return {f"about.weekday.{day}": names[day] for day in range(7)}


TEXTS = {
    "de": {
        "about.title": "Über uns",
        "about.more": "Mehr über uns",
        "about.facts": "Auf einen Blick",
        "about.founded": "Gegründet",
        "about.legal_form": "Rechtsform",
        "about.municipality": "Sitz",
        "about.countries": "Herkunftsländer",
        "about.languages": "Unsere Sprachen",
        "about.focus": "Schwerpunkte",
        "about.umbrellas": "Mitglied in",
        "about.members": "Mitglieder",
        "about.meetings": "Regelmäßige Treffen",
        "about.plain": "In Einfacher Sprache",
        "about.pages": "Weitere Seiten",
        "about.subpages": "Unterseiten",
        "about.back": "Zurück zu „Über uns“",
        "about.legal_form.ev": "eingetragener Verein (e. V.)",
        "about.legal_form.verein": "nicht eingetragener Verein",
        "about.legal_form.ggmbh": "gemeinnützige GmbH (gGmbH)",
        "about.legal_form.stiftung": "Stiftung",
        "about.legal_form.initiative": "Initiative ohne Rechtsform",
    },
    "en": {
        "about.title": "About us",
        "about.more": "More about us",
        "about.facts": "At a glance",
        "about.founded": "Founded",
        "about.legal_form": "Legal form",
        "about.municipality": "Based in",
        "about.countries": "Countries of origin",
        "about.languages": "Languages we speak",
        "about.focus": "What we work on",
        "about.umbrellas": "Member of",
        "about.members": "Members",
        "about.meetings": "Regular meetings",
        "about.plain": "In plain German (Einfache Sprache)",
        "about.pages": "More pages",
        "about.subpages": "Subpages",
        "about.back": "Back to “About us”",
        "about.legal_form.ev": "registered association (e. V.)",
        "about.legal_form.verein": "unregistered association",
        "about.legal_form.ggmbh": "non-profit limited company (gGmbH)",
        "about.legal_form.stiftung": "foundation",
        "about.legal_form.initiative": "initiative without a legal form",
    },
    "tr": {
        "about.title": "Hakkımızda",
        "about.more": "Hakkımızda daha fazlası",
        "about.facts": "Bir bakışta",
        "about.founded": "Kuruluş yılı",
        "about.legal_form": "Hukuki yapı",
        "about.municipality": "Merkez",
        "about.countries": "Köken ülkeler",
        "about.languages": "Konuştuğumuz diller",
        "about.focus": "Çalışma alanlarımız",
        "about.umbrellas": "Üyesi olduğumuz kuruluşlar",
        "about.members": "Üye sayısı",
        "about.meetings": "Düzenli buluşmalar",
        "about.plain": "Sade Almanca (Einfache Sprache)",
        "about.pages": "Diğer sayfalar",
        "about.subpages": "Alt sayfalar",
        "about.back": "“Hakkımızda” sayfasına dön",
        "about.legal_form.ev": "tescilli dernek (e. V.)",
        "about.legal_form.verein": "tescilsiz dernek",
        "about.legal_form.ggmbh": "kâr amacı gütmeyen limited şirket (gGmbH)",
        "about.legal_form.stiftung": "vakıf",
        "about.legal_form.initiative": "tüzel kişiliği olmayan girişim",
    },
    "ar": {
        "about.title": "من نحن",
        "about.more": "المزيد عنا",
        "about.facts": "لمحة سريعة",
        "about.founded": "سنة التأسيس",
        "about.legal_form": "الشكل القانوني",
        "about.municipality": "المقر",
        "about.countries": "بلدان المنشأ",
        "about.languages": "اللغات التي نتحدثها",
        "about.focus": "مجالات عملنا",
        "about.umbrellas": "عضو في",
        "about.members": "عدد الأعضاء",
        "about.meetings": "اللقاءات المنتظمة",
        "about.plain": "بالألمانية المبسطة (Einfache Sprache)",
        "about.pages": "صفحات أخرى",
        "about.subpages": "صفحات فرعية",
        "about.back": "العودة إلى «من نحن»",
        "about.legal_form.ev": "جمعية مسجلة (\u2066e. V.\u2069)",
        "about.legal_form.verein": "جمعية غير مسجلة",
        "about.legal_form.ggmbh": "شركة محدودة المسؤولية غير ربحية (\u2066gGmbH\u2069)",
        "about.legal_form.stiftung": "مؤسسة",
        "about.legal_form.initiative": "مبادرة بلا شكل قانوني",
    },
    "uk": {
        "about.title": "Про нас",
        "about.more": "Більше про нас",
        "about.facts": "Коротко",
        "about.founded": "Рік заснування",
        "about.legal_form": "Правова форма",
        "about.municipality": "Місцезнаходження",
        "about.countries": "Країни походження",
        "about.languages": "Наші мови",
        "about.focus": "Напрями роботи",
        "about.umbrellas": "Член об’єднань",
        "about.members": "Кількість членів",
        "about.meetings": "Регулярні зустрічі",
        "about.plain": "Простою німецькою (Einfache Sprache)",
        "about.pages": "Інші сторінки",
        "about.subpages": "Підсторінки",
        "about.back": "Назад до «Про нас»",
        "about.legal_form.ev": "зареєстрована спілка (e. V.)",
        "about.legal_form.verein": "незареєстрована спілка",
        "about.legal_form.ggmbh": "неприбуткове ТОВ (gGmbH)",
        "about.legal_form.stiftung": "фонд",
        "about.legal_form.initiative": "ініціатива без правової форми",
    },
    "ru": {
        "about.title": "О нас",
        "about.more": "Подробнее о нас",
        "about.facts": "Коротко о нас",
        "about.founded": "Год основания",
        "about.legal_form": "Правовая форма",
        "about.municipality": "Местонахождение",
        "about.countries": "Страны происхождения",
        "about.languages": "Наши языки",
        "about.focus": "Направления работы",
        "about.umbrellas": "Член объединений",
        "about.members": "Число членов",
        "about.meetings": "Регулярные встречи",
        "about.plain": "На простом немецком (Einfache Sprache)",
        "about.pages": "Другие страницы",
        "about.subpages": "Подстраницы",
        "about.back": "Назад к «О нас»",
        "about.legal_form.ev": "зарегистрированное общество (e. V.)",
        "about.legal_form.verein": "незарегистрированное общество",
        "about.legal_form.ggmbh": "некоммерческое ООО (gGmbH)",
        "about.legal_form.stiftung": "фонд",
        "about.legal_form.initiative": "инициатива без правовой формы",
    },
    "fa": {
        "about.title": "درباره ما",
        "about.more": "بیشتر درباره ما",
        "about.facts": "در یک نگاه",
        "about.founded": "سال تأسیس",
        "about.legal_form": "شکل حقوقی",
        "about.municipality": "محل فعالیت",
        "about.countries": "کشورهای مبدأ",
        "about.languages": "زبان‌های ما",
        "about.focus": "حوزه‌های فعالیت",
        "about.umbrellas": "عضو در",
        "about.members": "تعداد اعضا",
        "about.meetings": "دیدارهای منظم",
        "about.plain": "به آلمانی ساده (Einfache Sprache)",
        "about.pages": "صفحه‌های دیگر",
        "about.subpages": "زیرصفحه‌ها",
        "about.back": "بازگشت به «درباره ما»",
        "about.legal_form.ev": "انجمن ثبت‌شده (\u2066e. V.\u2069)",
        "about.legal_form.verein": "انجمن ثبت‌نشده",
        "about.legal_form.ggmbh": "شرکت با مسئولیت محدود غیرانتفاعی (\u2066gGmbH\u2069)",
        "about.legal_form.stiftung": "بنیاد",
        "about.legal_form.initiative": "ابتکار بدون شکل حقوقی",
    },
}
STRINGS = {code: {**TEXTS[code], **weekday_strings(code)} for code in LOCALES}

plugin = Plugin(
    name="about",
    kinds=frozenset({"club"}),
    package=__name__,
    label={"de": "Über uns", "en": "About us"},
    needs=("club", "by_type"),
    strings=STRINGS,
    pages=pages,
    section="about/section.html",
)
