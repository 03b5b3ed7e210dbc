"""The platform's locales (``cms/locales.py``) as the site engine sees them, for tests that
build sites in chosen languages: ``LOCALES[0]`` is German, ``LOCALES[3]`` Arabic."""

from cms import locales
from sites.engine.site import locale_from_api

LOCALES = [locale_from_api(locale.as_dict()) for locale in locales.LOCALES]
BY_CODE = {locale.code: locale for locale in LOCALES}
