"""The agency's view of the languages (admin → Berichte): the platform's locales with their
review state, and which club has its homepage in which language."""

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from cms import locales
from cms.clubs.models import ClubPage

REVIEW_LABELS = {
    locales.REVIEWED: _("geprüft"),
    locales.DRAFT: _("Entwurf – noch nicht muttersprachlich geprüft"),
}


class AgencyReport(ReportView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("tenancy.view_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PlatformLocalesView(AgencyReport):
    page_title = _("Sprachen der Plattform")
    header_icon = "globe"
    index_url_name = "portal_locales"
    index_results_url_name = "portal_locales_results"
    columns = [
        Column("code", label=_("Kürzel")),
        Column("native_name", label=_("Name")),
        Column("direction_label", label=_("Schreibrichtung")),
        Column("review_label", label=_("Übersetzung")),
        Column("club_count", label=_("Vereine mit Homepage in dieser Sprache")),
    ]

    def get_queryset(self):
        counts = defaultdict(int)
        for clubs in club_languages().values():
            for code in clubs["codes"]:
                counts[code] += 1
        return [
            {
                "code": locale.code,
                "native_name": locale.native_name,
                "direction_label": _("rechts nach links")
                if locale.direction == "rtl"
                else _("links nach rechts"),
                "review_label": REVIEW_LABELS[locale.review],
                "club_count": counts[locale.code],
            }
            for locale in locales.LOCALES
        ]


class ClubLanguagesView(AgencyReport):
    page_title = _("Sprachen der Vereinshomepages")
    header_icon = "globe"
    index_url_name = "portal_club_languages"
    index_results_url_name = "portal_club_languages_results"
    columns = [
        TitleColumn(
            "title", label=_("Verein"), get_url=lambda row: f"/admin/pages/{row['pk']}/edit/"
        ),
        Column("languages", label=_("Sprachen der veröffentlichten Homepage")),
        Column("count", label=_("Anzahl")),
    ]

    def get_queryset(self):
        names = {locale.code: locale.native_name for locale in locales.LOCALES}
        order = {code: position for position, code in enumerate(locales.codes())}
        rows = []
        for club in club_languages().values():
            codes = sorted(club["codes"], key=lambda code: order.get(code, len(order)))
            rows.append(
                {
                    "pk": club["pk"],
                    "title": club["title"],
                    "languages": ", ".join(names.get(code, code) for code in codes),
                    "count": len(codes),
                }
            )
        return sorted(rows, key=lambda row: (-row["count"], row["title"].casefold()))


def club_languages() -> dict:
    """Per club (translation key): its German page and the locales it is published in; one
    query."""
    clubs: dict = {}
    rows = ClubPage.objects.live().values_list(
        "translation_key", "pk", "title", "locale__language_code"
    )
    for key, pk, title, code in rows:
        club = clubs.setdefault(key, {"pk": pk, "title": title, "codes": set()})
        club["codes"].add(code)
        if code == locales.DEFAULT:
            club["pk"], club["title"] = pk, title
    return clubs
