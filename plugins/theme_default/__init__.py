"""The default theme: a calm, high-contrast layout in CSS logical properties (works right to
left), system fonts only, the club's colours as CSS custom properties."""

import re

from sites.engine.plugins import Plugin

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def colours(site) -> dict[str, bytes]:
    """The club's colours as CSS custom properties, in a file (no inline styles, so a strict
    Content-Security-Policy can forbid them)."""
    primary = site.settings.get("primary_colour", "")
    accent = site.settings.get("accent_colour", "")
    lines = [
        f"  --primary: {primary};" if HEX.match(primary) else "",
        f"  --accent: {accent};" if HEX.match(accent) else "",
    ]
    body = "\n".join(line for line in lines if line)
    return {"static/colours.css": f":root {{\n{body}\n}}\n".encode()}


plugin = Plugin(
    name="theme_default",
    kinds=frozenset({"club", "portal"}),
    package=__name__,
    label={"de": "Standard", "en": "Default"},
    theme=True,
    files=colours,
    strings={
        "de": {
            "skip": "Zum Inhalt springen",
            "language": "Sprache",
            "navigation": "Hauptnavigation",
            "home": "Startseite",
            "imprint": "Impressum",
            "privacy": "Datenschutz",
            "made_with": "Erstellt mit dem Vereinsnetz",
            "offline": "Offline",
            "offline_text": "Keine Verbindung. Diese Seite ist nicht gespeichert; "
            "Seiten, die Sie schon geöffnet haben, können Sie weiter lesen.",
            "not_found": "Seite nicht gefunden",
            "not_found_text": "Diese Seite gibt es nicht (mehr).",
            "back_home": "Zur Startseite",
        },
        "en": {
            "skip": "Skip to content",
            "language": "Language",
            "navigation": "Main navigation",
            "home": "Home",
            "imprint": "Legal notice",
            "privacy": "Privacy",
            "made_with": "Made with Vereinsnetz",
            "offline": "Offline",
            "offline_text": "No connection. This page has not been saved; pages you have "
            "opened before can still be read.",
            "not_found": "Page not found",
            "not_found_text": "This page does not exist (any more).",
            "back_home": "Back to the home page",
        },
        "tr": {
            "skip": "İçeriğe geç",
            "language": "Dil",
            "navigation": "Ana menü",
            "home": "Ana sayfa",
            "imprint": "Künye",
            "privacy": "Gizlilik",
            "made_with": "Vereinsnetz ile oluşturuldu",
            "offline": "Çevrimdışı",
            "offline_text": "Bağlantı yok. Bu sayfa kaydedilmedi; daha önce açtığınız "
            "sayfaları okumaya devam edebilirsiniz.",
            "not_found": "Sayfa bulunamadı",
            "not_found_text": "Bu sayfa mevcut değil.",
            "back_home": "Ana sayfaya dön",
        },
        "ar": {
            "skip": "انتقل إلى المحتوى",
            "language": "اللغة",
            "navigation": "القائمة الرئيسية",
            "home": "الصفحة الرئيسية",
            "imprint": "بيانات النشر",
            "privacy": "حماية البيانات",
            "made_with": "أنشئ باستخدام Vereinsnetz",
            "offline": "غير متصل",
            "offline_text": "لا يوجد اتصال. هذه الصفحة غير محفوظة؛ يمكنك متابعة قراءة "
            "الصفحات التي فتحتها من قبل.",
            "not_found": "الصفحة غير موجودة",
            "not_found_text": "هذه الصفحة غير موجودة.",
            "back_home": "العودة إلى الصفحة الرئيسية",
        },
        "uk": {
            "skip": "Перейти до змісту",
            "language": "Мова",
            "navigation": "Головне меню",
            "home": "Головна",
            "imprint": "Вихідні дані",
            "privacy": "Захист даних",
            "made_with": "Створено за допомогою Vereinsnetz",
            "offline": "Офлайн",
            "offline_text": "Немає з’єднання. Цю сторінку не збережено; сторінки, які ви "
            "вже відкривали, можна читати далі.",
            "not_found": "Сторінку не знайдено",
            "not_found_text": "Такої сторінки не існує.",
            "back_home": "На головну",
        },
        "ru": {
            "skip": "Перейти к содержанию",
            "language": "Язык",
            "navigation": "Главное меню",
            "home": "Главная",
            "imprint": "Выходные данные",
            "privacy": "Защита данных",
            "made_with": "Создано с помощью Vereinsnetz",
            "offline": "Офлайн",
            "offline_text": "Нет соединения. Эта страница не сохранена; страницы, "
            "которые вы уже открывали, можно читать дальше.",
            "not_found": "Страница не найдена",
            "not_found_text": "Такой страницы не существует.",
            "back_home": "На главную",
        },
        "fa": {
            "skip": "رفتن به محتوا",
            "language": "زبان",
            "navigation": "منوی اصلی",
            "home": "صفحه اصلی",
            "imprint": "اطلاعات ناشر",
            "privacy": "حریم خصوصی",
            "made_with": "ساخته شده با Vereinsnetz",
            "offline": "آفلاین",
            "offline_text": "اتصال برقرار نیست. این صفحه ذخیره نشده است؛ صفحه‌هایی را که "
            "قبلاً باز کرده‌اید می‌توانید همچنان بخوانید.",
            "not_found": "صفحه پیدا نشد",
            "not_found_text": "این صفحه وجود ندارد.",
            "back_home": "بازگشت به صفحه اصلی",
        },
    },
)
