"""Cooperations: the club's confirmed cooperations with partner organisations (fire brigade,
Red Cross, …), as a "kooperationen" page and a home-page section. Nothing at all (no page, no
menu entry, no section) while the club has none.

The partners issue adds ``cooperations`` to the bundle; each item::

    {"partner": {"name", "slug", "url"}, "kind", "kind_label", "start", "end",
     "title", "description"}

``start``/``end`` are ISO dates or null; ``url`` is the partner's website or null.
"""

from sites.engine.plugins import PageSpec, Plugin

PATH = "kooperationen"


def cooperations(data) -> list[dict]:
    """In the order the API gives them (the section shows the first few)."""
    return list(data.get("cooperations") or [])


def pages(view):
    items = cooperations(view.data)
    if not items:
        return
    title = STRINGS.get(view.locale.code, STRINGS["de"])["cooperations.title"]
    yield PageSpec(
        path=PATH,
        template="cooperations/index.html",
        title=title,
        menu="main",
        label=title,
        context={"cooperations": items},
    )


STRINGS = {
    "de": {
        "cooperations.title": "Kooperationen",
        "cooperations.all": "Alle Kooperationen",
        "cooperations.intro": "Mit diesen Organisationen arbeiten wir zusammen.",
        "cooperations.partner": "Partner",
        "cooperations.kind": "Art",
        "cooperations.period": "Zeitraum",
        "cooperations.since": "seit {start}",
        "cooperations.from": "ab {start}",
        "cooperations.until": "bis {end}",
        "cooperations.website": "Website von {name}",
    },
    "en": {
        "cooperations.title": "Cooperations",
        "cooperations.all": "All cooperations",
        "cooperations.intro": "We work together with these organisations.",
        "cooperations.partner": "Partner",
        "cooperations.kind": "Kind",
        "cooperations.period": "Period",
        "cooperations.since": "since {start}",
        "cooperations.from": "from {start}",
        "cooperations.until": "until {end}",
        "cooperations.website": "Website of {name}",
    },
    "tr": {
        "cooperations.title": "İş birlikleri",
        "cooperations.all": "Tüm iş birlikleri",
        "cooperations.intro": "Bu kuruluşlarla birlikte çalışıyoruz.",
        "cooperations.partner": "Ortak",
        "cooperations.kind": "Tür",
        "cooperations.period": "Dönem",
        "cooperations.since": "{start} tarihinden beri",
        "cooperations.from": "{start} tarihinden itibaren",
        "cooperations.until": "{end} tarihine kadar",
        "cooperations.website": "{name} web sitesi",
    },
    "ar": {
        "cooperations.title": "الشراكات",
        "cooperations.all": "كل الشراكات",
        "cooperations.intro": "نتعاون مع هذه المنظمات.",
        "cooperations.partner": "الشريك",
        "cooperations.kind": "النوع",
        "cooperations.period": "الفترة",
        "cooperations.since": "منذ {start}",
        "cooperations.from": "ابتداءً من {start}",
        "cooperations.until": "حتى {end}",
        "cooperations.website": "موقع {name}",
    },
    "uk": {
        "cooperations.title": "Співпраця",
        "cooperations.all": "Уся співпраця",
        "cooperations.intro": "Ми співпрацюємо з цими організаціями.",
        "cooperations.partner": "Партнер",
        "cooperations.kind": "Вид",
        "cooperations.period": "Період",
        "cooperations.since": "з {start}",
        "cooperations.from": "з {start}",
        "cooperations.until": "до {end}",
        "cooperations.website": "Вебсайт: {name}",
    },
    "ru": {
        "cooperations.title": "Сотрудничество",
        "cooperations.all": "Всё сотрудничество",
        "cooperations.intro": "Мы сотрудничаем с этими организациями.",
        "cooperations.partner": "Партнёр",
        "cooperations.kind": "Вид",
        "cooperations.period": "Период",
        "cooperations.since": "с {start}",
        "cooperations.from": "с {start}",
        "cooperations.until": "до {end}",
        "cooperations.website": "Сайт: {name}",
    },
    "fa": {
        "cooperations.title": "همکاری‌ها",
        "cooperations.all": "همه همکاری‌ها",
        "cooperations.intro": "ما با این سازمان‌ها همکاری می‌کنیم.",
        "cooperations.partner": "شریک",
        "cooperations.kind": "نوع",
        "cooperations.period": "دوره",
        "cooperations.since": "از {start}",
        "cooperations.from": "از {start}",
        "cooperations.until": "تا {end}",
        "cooperations.website": "وب‌سایت {name}",
    },
}

plugin = Plugin(
    name="cooperations",
    kinds=frozenset({"club"}),
    package=__name__,
    label={"de": "Kooperationen", "en": "Cooperations"},
    needs=("cooperations",),
    strings=STRINGS,
    pages=pages,
    section="cooperations/section.html",
)
