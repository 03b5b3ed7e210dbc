from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_BUILD_DIR = BASE_DIR / ".test-site-build"  # noqa: F405
# Publishing in tests does not rebuild homepages unless a test asks for it.
HOMEPAGE_AUTO_REBUILD = False
# Failed builds are retried at once in tests.
SITE_BUILD_RETRY_DELAYS = [0, 0]
PORTAL_AUTO_REBUILD = False
