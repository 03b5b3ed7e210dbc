"""Production: ``manage.py check --deploy`` passes without warnings (tests/hardening/
test_deploy_settings.py). Behind a TLS-terminating proxy that sets ``X-Forwarded-Proto``
(docs/deploy.md)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK, SPECTACULAR_SETTINGS, STORAGES, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The gunicorn workers sit behind one proxy unless told otherwise; the login throttle then
# counts the client's address, not the proxy's.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": TRUSTED_PROXY_COUNT}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true"
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}

# ``check --deploy`` is about the deployment. drf-spectacular would add its schema-generation
# warnings to it; the schema is generated and validated by the test suite (tests/api) instead.
SPECTACULAR_SETTINGS = {**SPECTACULAR_SETTINGS, "ENABLE_DJANGO_DEPLOY_CHECK": False}

# The agency's accounts reach every club's data: they must use a second factor. By the agency's
# right (a renamed group keeps it; superusers hold it too) and, as before, by the group's name.
VEREINSNETZ_OTP_REQUIRED_GROUPS = env_list("OTP_REQUIRED_GROUPS", "Integrationsagentur")
VEREINSNETZ_OTP_REQUIRED_PERMISSIONS = env_list(
    "OTP_REQUIRED_PERMISSIONS", "tenancy.work_across_tenants"
)

# Media on S3-compatible object storage when a bucket is named (``pip install .[s3]``).
if os.environ.get("MEDIA_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_CUSTOM_DOMAIN") or None,
            # Objects inherit the bucket's policy: public reads for ``images/`` (renditions,
            # linked from the API and the sites) only; documents and original uploads stay
            # private and leave through Wagtail's document view (docs/deploy.md).
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
