from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.hardening import admin_overrides
from cms.homepages import urls as homepage_urls
from cms.homepages.portal import portal
from cms.tenancy.media import ROUTE as MEDIA_ROUTE
from cms.tenancy.media import serve_media

urlpatterns = [
    # In front of Wagtail's views of the same paths (see cms/hardening/admin_overrides.py).
    path("admin/failwhale/", admin_overrides.error_test),
    path("admin/choose-external-link/", admin_overrides.external_link_chooser),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("cms.api.urls")),
    path("anmeldung/", include("cms.signups.urls")),
    path("profil-bestaetigen/", include("cms.freshness.urls")),
    path("", include(homepage_urls)),
]
# The district portal at / takes every path nothing above claimed (see cms/homepages/portal.py).
portal_urlpatterns = [
    path("", portal, name="home"),
    re_path(r"^(?P<path>.+)$", portal, name="portal_file"),
]

handler500 = "cms.ops.errors.server_error"

if settings.SERVE_MEDIA:
    # Uploaded media straight from Django, for development. Production lets the web server
    # answer /media/ (docs/deploy.md).
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.insert(
        0,
        # Renditions only (an allow-list, cms/tenancy/media.py): documents leave through
        # Wagtail's view, which checks privacy and sends them as downloads.
        re_path(rf"^{media_prefix}{MEDIA_ROUTE}$", serve_media),
    )

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += portal_urlpatterns
