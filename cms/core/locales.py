"""Languages in the API: every read endpoint takes ``locale``; translated pages come back in
that locale and fall back to German (the default locale) where no public translation exists;
every object says its ``locale`` and text ``direction``."""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms import locales

from .errors import InvalidParameter
from .memo import memoized
from .privacy import public_pages

LOCALE_PARAMETER = "locale"


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def locale_entry(code: str) -> dict:
    """What a client needs to show a locale: code, own name, direction and review state."""
    locale = locales.get(code)
    if locale is None:
        return {"code": code, "name": code, "direction": "ltr", "review": locales.REVIEWED}
    return {
        "code": code,
        "name": locale.native_name,
        "direction": locale.direction,
        "review": locale.review,
    }


def requested_language(request) -> str:
    """The platform locale code asked for with ``?locale=``, else German; names of reference
    data (countries, languages, focus areas) follow it even where no content is translated."""
    params = getattr(request, "query_params", getattr(request, "GET", {})) if request else {}
    code = (params.get(LOCALE_PARAMETER) or "").strip()
    return code if locales.get(code) is not None else locales.DEFAULT


def default_locale() -> Locale:
    """The default (German) locale, looked up once per API request."""
    return memoized("locales:default", Locale.get_default)


def resolve_locale(request) -> Locale:
    """The locale asked for with ``?locale=``, or the default one. A language the platform
    does not offer is a 400; an offered language without any content yet is the default."""
    params = getattr(request, "query_params", request.GET)
    code = (params.get(LOCALE_PARAMETER) or "").strip()
    default = default_locale()
    if not code:
        return default
    if code not in content_language_codes():
        raise InvalidParameter(
            LOCALE_PARAMETER,
            _("Unbekannte Sprache. Möglich: %(codes)s")
            % {"codes": ", ".join(content_language_codes())},
        )
    return Locale.objects.filter(language_code=code).first() or default


def localized(queryset: QuerySet, locale: Locale) -> QuerySet:
    """Public pages of ``queryset`` in ``locale``, plus the default-locale version of every
    page that has no public translation into ``locale``; one page per translation key."""
    pages = public_pages(queryset)
    default = default_locale()
    if locale.pk == default.pk:
        return pages.filter(locale=default)
    translated = public_pages(queryset.model.objects.filter(locale=locale)).values(
        "translation_key"
    )
    return pages.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def direction(locale: Locale) -> str:
    return "rtl" if locale.is_bidi else "ltr"


def locale_fields(page) -> dict:
    """``{"locale": "ar", "direction": "rtl"}`` for a page (select_related its locale)."""
    return {"locale": page.locale.language_code, "direction": direction(page.locale)}


class ApiLanguageMiddleware:
    """An API request that names its ``?locale=`` gets its messages in that language: the
    errors (``Unbekannte Sprache …``, DRF's validation messages) and every text the API
    translates (feed titles, labels). Without the parameter the API speaks German, as before.
    The language comes from the query string alone, which the API's cache keys on, so a
    stored answer is never served in another language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/") or LOCALE_PARAMETER not in request.GET:
            return self.get_response(request)
        with translation.override(requested_language(request)):
            response = self.get_response(request)
            response.setdefault("Content-Language", translation.get_language())
            return response
