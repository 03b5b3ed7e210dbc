"""Legal pages every German website needs, always on: the Impressum (§ 5 DDG, § 18 MStV)
generated from the club's imprint data, and a privacy policy (Art. 13 GDPR) that describes what
these static sites really do. Both are German legal texts; other locales show them with a note,
in the page's language, that the German version is the authoritative one."""

from sites.engine.plugins import PageSpec, Plugin

IMPRINT = "impressum"
PRIVACY = "datenschutz"
# The supervisory authority of North Rhine-Westphalia, for complaints under Art. 77 GDPR.
AUTHORITY = {
    "name": "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
    "address": "Kavalleriestraße 2–4, 40213 Düsseldorf",
    "url": "https://www.ldi.nrw.de/",
}


def pages(view):
    strings = STRINGS.get(view.locale.code, STRINGS["de"])
    # Legal texts come from the German profile, the original every translation was copied from.
    club = view.site.data[view.site.default_locale]["club"]
    imprint = club.get("imprint") or {}
    yield PageSpec(
        path=IMPRINT,
        template="legal/imprint.html",
        title=strings["legal.imprint"],
        menu="footer",
        label=strings["legal.imprint"],
        context={"imprint": imprint},
    )
    yield PageSpec(
        path=PRIVACY,
        template="legal/privacy.html",
        title=strings["legal.privacy"],
        menu="footer",
        label=strings["legal.privacy"],
        context={"imprint": imprint, "authority": AUTHORITY},
    )


STRINGS = {
    "de": {
        "legal.imprint": "Impressum",
        "legal.privacy": "Datenschutzerklärung",
        "legal.authoritative": "",
    },
    "en": {
        "legal.imprint": "Legal notice (Impressum)",
        "legal.privacy": "Privacy policy",
        "legal.authoritative": (
            "This page is required by German law and is therefore shown in German. "
            "The German version is the legally binding one."
        ),
    },
    "tr": {
        "legal.imprint": "Künye (Impressum)",
        "legal.privacy": "Gizlilik politikası",
        "legal.authoritative": (
            "Bu sayfa Alman yasaları gereği zorunludur ve bu nedenle Almanca gösterilir. "
            "Hukuken bağlayıcı olan Almanca metindir."
        ),
    },
    "ar": {
        "legal.imprint": "بيانات النشر (Impressum)",
        "legal.privacy": "سياسة الخصوصية",
        "legal.authoritative": (
            "هذه الصفحة مطلوبة بموجب القانون الألماني ولذلك تُعرض باللغة الألمانية. "
            "النص الألماني هو النص الملزم قانونيًا."
        ),
    },
    "uk": {
        "legal.imprint": "Вихідні дані (Impressum)",
        "legal.privacy": "Політика конфіденційності",
        "legal.authoritative": (
            "Ця сторінка обов’язкова за німецьким законодавством, тому вона німецькою мовою. "
            "Юридично чинною є німецька версія."
        ),
    },
    "ru": {
        "legal.imprint": "Выходные данные (Impressum)",
        "legal.privacy": "Политика конфиденциальности",
        "legal.authoritative": (
            "Эта страница обязательна по немецкому законодательству, поэтому она на немецком "
            "языке. Юридически обязательной является немецкая версия."
        ),
    },
    "fa": {
        "legal.imprint": "اطلاعات ناشر (Impressum)",
        "legal.privacy": "سیاست حفظ حریم خصوصی",
        "legal.authoritative": (
            "این صفحه طبق قانون آلمان الزامی است و به همین دلیل به زبان آلمانی نمایش داده "
            "می‌شود. متن آلمانی از نظر حقوقی معتبر است."
        ),
    },
}

plugin = Plugin(
    name="legal",
    kinds=frozenset({"club"}),
    package=__name__,
    label={"de": "Impressum und Datenschutz", "en": "Legal notice and privacy"},
    needs=("club",),
    strings=STRINGS,
    pages=pages,
)
