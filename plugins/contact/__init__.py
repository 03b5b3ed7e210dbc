"""Contact: the club's "kontakt" page and a home-page box, with only what the club published:
the contact person only with their consent (the API gives ``contact: null`` otherwise, and
nothing here looks anywhere else), the address only if the club chose to publish it, then a
map of the district drawn at build time, without tiles from anywhere."""

from sites.engine.plugins import PageSpec, Plugin

from . import map as district_map

PATH = "kontakt"
LOCALES = ("de", "en", "tr", "ar", "uk", "ru", "fa")


def published(view, key: str):
    """A consent-bound detail (``contact``, ``address``) only where both this locale's profile
    and the German one (the original the translations were copied from) publish it; the values
    are the German profile's, so a consent withdrawn there is never outlived by a translation."""
    master = view.site.data[view.site.default_locale]["club"].get(key)
    return master if master and view.data["club"].get(key) else None


def pages(view):
    strings = STRINGS.get(view.locale.code, STRINGS["de"])
    club = view.data["club"]
    address = published(view, "address")
    municipality = club.get("municipality") or {}
    svg = None
    places = {}
    if address and municipality.get("latitude") is not None:
        places = district_map.known_places(view.site.fetch, municipality)
    # One lone point says nothing about where a place lies: a map needs neighbours.
    if len(places) >= district_map.MIN_PLACES:
        svg = district_map.draw(
            places,
            municipality["slug"],
            strings["contact.map.title"].format(name=municipality["name"]),
            strings["contact.map.desc"].format(count=len(places), name=municipality["name"]),
        )
    yield PageSpec(
        path=PATH,
        template="contact/index.html",
        title=strings["contact.title"],
        menu="main",
        label=strings["contact.title"],
        context={
            "contact": published(view, "contact"),
            "address": address,
            # The postal address names the club as registered, in German.
            "postal_name": view.site.data[view.site.default_locale]["club"]["name"],
            "map_svg": svg,
            "social": social_links(club, strings),
        },
    )


def social_links(club: dict, strings: dict) -> list[dict]:
    links = [
        ("website", club.get("website")),
        ("facebook", club.get("facebook_url")),
        ("instagram", club.get("instagram_url")),
        ("other", club.get("other_social_url")),
    ]
    return [{"label": strings[f"contact.{kind}"], "url": url} for kind, url in links if url]


STRINGS = {
    "de": {
        "contact.imprint_link": "Impressum",
        "contact.title": "Kontakt",
        "contact.person": "Ansprechperson",
        "contact.email": "E-Mail",
        "contact.phone": "Telefon",
        "contact.address": "Anschrift",
        "contact.online": "Im Netz",
        "contact.website": "Website",
        "contact.facebook": "Facebook",
        "contact.instagram": "Instagram",
        "contact.other": "Soziales Netzwerk",
        "contact.none": "Der Verein hat noch keine Kontaktdaten veröffentlicht.",
        "contact.imprint": "Die Anschrift für rechtliche Fragen steht im Impressum.",
        "contact.more": "Alle Kontaktmöglichkeiten",
        "contact.map": "Lage im Kreis",
        "contact.map.title": "Karte: {name} und die Gemeinden in der Umgebung",
        "contact.map.desc": (
            "Schematische Karte mit {count} Gemeinden als beschriftete Punkte. Hervorgehoben, "
            "mit größerem Punkt, Ring und fett gedrucktem Namen: {name}, der Sitz des Vereins. "
            "Der Punkt zeigt die Lage der Gemeinde, nicht die genaue Adresse."
        ),
        "contact.map.legend": (
            "Großer Punkt mit Ring: {name}, Sitz des Vereins. Kleine Punkte: andere Gemeinden. "
            "Die Punkte zeigen die Gemeinden, nicht die Adresse."
        ),
    },
    "en": {
        "contact.imprint_link": "Legal notice (Impressum)",
        "contact.title": "Contact",
        "contact.person": "Contact person",
        "contact.email": "Email",
        "contact.phone": "Phone",
        "contact.address": "Address",
        "contact.online": "Online",
        "contact.website": "Website",
        "contact.facebook": "Facebook",
        "contact.instagram": "Instagram",
        "contact.other": "Social network",
        "contact.none": "The club has not published any contact details yet.",
        "contact.imprint": "The address for legal matters is in the legal notice (Impressum).",
        "contact.more": "All ways to reach us",
        "contact.map": "Location in the district",
        "contact.map.title": "Map: {name} and the surrounding municipalities",
        "contact.map.desc": (
            "Schematic map of {count} municipalities shown as labelled points. Highlighted with "
            "a larger point, a ring and a bold name: {name}, where the club is based. The point "
            "shows where the municipality lies, not the exact address."
        ),
        "contact.map.legend": (
            "Large point with ring: {name}, where the club is based. Small points: other "
            "municipalities. The points show municipalities, not the address."
        ),
    },
    "tr": {
        "contact.imprint_link": "Künye (Impressum)",
        "contact.title": "İletişim",
        "contact.person": "İrtibat kişisi",
        "contact.email": "E-posta",
        "contact.phone": "Telefon",
        "contact.address": "Adres",
        "contact.online": "İnternette",
        "contact.website": "Web sitesi",
        "contact.facebook": "Facebook",
        "contact.instagram": "Instagram",
        "contact.other": "Sosyal ağ",
        "contact.none": "Dernek henüz iletişim bilgisi yayımlamadı.",
        "contact.imprint": "Hukuki konular için adres künyede (Impressum) yer alır.",
        "contact.more": "Tüm iletişim yolları",
        "contact.map": "İlçedeki konumu",
        "contact.map.title": "Harita: {name} ve çevredeki belediyeler",
        "contact.map.desc": (
            "{count} belediyenin etiketli noktalar olarak gösterildiği şematik harita. Daha büyük "
            "nokta, halka ve kalın yazıyla vurgulanan: derneğin bulunduğu {name}. Nokta "
            "belediyenin konumunu gösterir, tam adresi değil."
        ),
        "contact.map.legend": (
            "Halkalı büyük nokta: derneğin bulunduğu {name}. Küçük noktalar: diğer belediyeler. "
            "Noktalar adresi değil, belediyeleri gösterir."
        ),
    },
    "ar": {
        "contact.imprint_link": "بيانات النشر (Impressum)",
        "contact.title": "اتصل بنا",
        "contact.person": "الشخص المسؤول عن التواصل",
        "contact.email": "البريد الإلكتروني",
        "contact.phone": "الهاتف",
        "contact.address": "العنوان",
        "contact.online": "على الإنترنت",
        "contact.website": "الموقع الإلكتروني",
        "contact.facebook": "فيسبوك",
        "contact.instagram": "إنستغرام",
        "contact.other": "شبكة اجتماعية",
        "contact.none": "لم تنشر الجمعية بيانات اتصال بعد.",
        "contact.imprint": "عنوان المسائل القانونية موجود في بيانات النشر (Impressum).",
        "contact.more": "كل طرق التواصل",
        "contact.map": "الموقع في المقاطعة",
        "contact.map.title": "خريطة: {name} والبلديات المجاورة",
        "contact.map.desc": (
            "خريطة تخطيطية تعرض {count} بلدية كنقاط مع أسمائها. مميزة بنقطة أكبر وحلقة واسم "
            "بخط عريض: {name}، مقر الجمعية. تشير النقطة إلى موقع البلدية وليس إلى العنوان الدقيق."
        ),
        "contact.map.legend": (
            "النقطة الكبيرة ذات الحلقة: {name}، مقر الجمعية. النقاط الصغيرة: بلديات أخرى. "
            "تشير النقاط إلى البلديات وليس إلى العنوان."
        ),
    },
    "uk": {
        "contact.imprint_link": "Вихідні дані (Impressum)",
        "contact.title": "Контакти",
        "contact.person": "Контактна особа",
        "contact.email": "Електронна пошта",
        "contact.phone": "Телефон",
        "contact.address": "Адреса",
        "contact.online": "В інтернеті",
        "contact.website": "Вебсайт",
        "contact.facebook": "Facebook",
        "contact.instagram": "Instagram",
        "contact.other": "Соціальна мережа",
        "contact.none": "Спілка ще не опублікувала контактних даних.",
        "contact.imprint": "Адреса для юридичних питань наведена у вихідних даних (Impressum).",
        "contact.more": "Усі способи зв’язку",
        "contact.map": "Розташування в окрузі",
        "contact.map.title": "Карта: {name} та сусідні громади",
        "contact.map.desc": (
            "Схематична карта: {count} громад позначено точками з назвами. Виділено більшою "
            "точкою, кільцем і жирною назвою: {name}, де знаходиться спілка. Точка показує "
            "розташування громади, а не точну адресу."
        ),
        "contact.map.legend": (
            "Велика точка з кільцем: {name}, де знаходиться спілка. Малі точки: інші громади. "
            "Точки показують громади, а не адресу."
        ),
    },
    "ru": {
        "contact.imprint_link": "Выходные данные (Impressum)",
        "contact.title": "Контакты",
        "contact.person": "Контактное лицо",
        "contact.email": "Электронная почта",
        "contact.phone": "Телефон",
        "contact.address": "Адрес",
        "contact.online": "В интернете",
        "contact.website": "Сайт",
        "contact.facebook": "Facebook",
        "contact.instagram": "Instagram",
        "contact.other": "Социальная сеть",
        "contact.none": "Объединение пока не опубликовало контактных данных.",
        "contact.imprint": "Адрес для юридических вопросов указан в выходных данных (Impressum).",
        "contact.more": "Все способы связи",
        "contact.map": "Расположение в округе",
        "contact.map.title": "Карта: {name} и соседние общины",
        "contact.map.desc": (
            "Схематическая карта: {count} общин показаны точками с названиями. Выделено большей "
            "точкой, кольцом и жирным названием: {name}, где находится объединение. Точка "
            "показывает расположение общины, а не точный адрес."
        ),
        "contact.map.legend": (
            "Большая точка с кольцом: {name}, где находится объединение. Маленькие точки: "
            "другие общины. Точки показывают общины, а не адрес."
        ),
    },
    "fa": {
        "contact.imprint_link": "اطلاعات ناشر (Impressum)",
        "contact.title": "تماس",
        "contact.person": "فرد رابط",
        "contact.email": "ایمیل",
        "contact.phone": "تلفن",
        "contact.address": "نشانی",
        "contact.online": "در اینترنت",
        "contact.website": "وب‌سایت",
        "contact.facebook": "فیسبوک",
        "contact.instagram": "اینستاگرام",
        "contact.other": "شبکه اجتماعی",
        "contact.none": "انجمن هنوز اطلاعات تماسی منتشر نکرده است.",
        "contact.imprint": "نشانی برای امور حقوقی در اطلاعات ناشر (Impressum) آمده است.",
        "contact.more": "همه راه‌های تماس",
        "contact.map": "موقعیت در منطقه",
        "contact.map.title": "نقشه: {name} و شهرهای اطراف",
        "contact.map.desc": (
            "نقشه‌ای شماتیک که {count} شهر را با نقطه و نام نشان می‌دهد. با نقطه بزرگ‌تر، حلقه و "
            "نام پررنگ مشخص شده: {name}، محل انجمن. نقطه موقعیت شهر را نشان می‌دهد، نه نشانی دقیق."
        ),
        "contact.map.legend": (
            "نقطه بزرگ با حلقه: {name}، محل انجمن. نقطه‌های کوچک: شهرهای دیگر. "
            "نقطه‌ها شهرها را نشان می‌دهند، نه نشانی را."
        ),
    },
}

plugin = Plugin(
    name="contact",
    kinds=frozenset({"club"}),
    package=__name__,
    label={"de": "Kontakt", "en": "Contact"},
    needs=("club",),
    strings=STRINGS,
    pages=pages,
    section="contact/section.html",
)
