"""Settings shared by every environment, read from environment variables.

Without ``DATABASE_URL`` the project runs on a SQLite file, without ``REDIS_URL`` on a
local-memory cache, so a fresh clone works with nothing else installed.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
import django.conf.locale
from csp.constants import NONE, SELF, UNSAFE_INLINE

from cms import locales

CMS_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CMS_DIR.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "cms.core",
    "cms.taxonomy",
    "cms.portal",
    "cms.clubs",
    "cms.events",
    "cms.partners",
    "cms.rooms",
    "cms.tenancy",
    "cms.transfer",
    "cms.demo",
    "cms.api",
    "cms.ops",
    "cms.homepages",
    "cms.hardening",
    "cms.funding",
    "cms.stats",
    "cms.opendata",
    "cms.brochure",
    "cms.flyers",
    "cms.freshness",
    "cms.signups",
    "cms.board",
    "cms.help",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # After cms.ops, whose ``db_worker`` (backing off while the database is away) wins.
    "django_tasks",
    "django_tasks_db",
    "wagtail.api.v2",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside every middleware that sets cookies: a response with Set-Cookie is never public.
    "cms.core.caching.NoSharedCachingOfCookiesMiddleware",
    "cms.ops.middleware.RejectNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.hardening.two_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After an admin request that published: what was approved, and that the sites follow.
    "cms.homepages.notices.PublishingNoticeMiddleware",
    # While an admin request runs, a due portal build waits for it (cms/homepages/inflight.py).
    "cms.homepages.inflight.RunningEditMiddleware",
    "cms.tenancy.page_guard.ForeignPageGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.homepages.domains.OwnDomainMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.hardening.csp.AdminPolicyMiddleware",
    # Innermost but for axes: a stored API answer skips URL resolution and view dispatch while
    # every middleware above still treats it like the view's (cms/core/caching.py).
    # An API request with ?locale= gets its errors and labels in that language.
    "cms.core.locales.ApiLanguageMiddleware",
    "cms.core.caching.CachedApiResponseMiddleware",
    # Last, as its documentation asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A persistent connection is checked before reuse, so one broken by a database
        # restart is replaced instead of failing the next request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast (503, cms/ops/errors.py) instead of hanging while the database is away.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")
    )
    # No JIT compilation: the page queries join a table per page type, their estimated cost
    # passes jit_above_cost, and compiling the bundle's page query took 1.3 s for a query
    # that runs in milliseconds (found by the load test, tests/hardening/test_load.py).
    DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The development server and the task worker share the file: write-ahead logging lets
    # readers go on while one writes, a write transaction takes the lock when it begins (no
    # deadlock between two readers that both want to write) and waits up to 20 s for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "vereinsnetz",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                # A stopped or hanging Redis costs a request at most this long.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    # A cache outage is logged and treated as a miss instead of failing the request.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German first. The locales are data in one place (``cms/locales.py``):
# code, native name, direction, plural rule and review state; everything below derives from it.
LANGUAGE_CODE = locales.DEFAULT
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGES = locales.django_languages()
LANGUAGES_BIDI = locales.bidi_codes()
for _code, _info in locales.django_lang_info().items():
    django.conf.locale.LANG_INFO.setdefault(_code, _info)
# The CMS catalogues live in each app's own ``locale/``; ``cms/locale`` holds the project's
# templates (``cms/templates``). ``manage.py update_catalogs`` (docs/translating.md).
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks German whatever the browser asks for (no LocaleMiddleware); an editor may
# switch in their account settings (*Konto → Spracheinstellungen*) to any locale Wagtail
# speaks too (cms/locales.py).
WAGTAILADMIN_PERMITTED_LANGUAGES = locales.admin_languages()
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

# Not /static/: the portal served at / has its own assets under /static/<plugin>/.
STATIC_URL = "/_static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Serve /media/ from Django (development); production leaves it to the web server.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "true").lower() == "true"
# Where the static homepages and the portal are built (``<dir>/vereine/<slug>/current``).
SITE_BUILD_DIR = Path(os.environ.get("SITE_BUILD_DIR", BASE_DIR / "site-build"))
# Processes a portal build in the worker shares its locales between (0: one per core; 1: the
# worker alone). docs/deploy.md.
SITE_BUILD_JOBS = int(os.environ.get("SITE_BUILD_JOBS", "0"))
# Seconds a queued portal build waits after the last request, so that a burst of publishes
# (editors clicking at the same moment) is one build, not two after each other; each request
# of the burst puts it off again, and the worker also waits while an admin request still runs
# (cms/homepages/inflight.py), up to ``PORTAL_BUILD_SETTLE_LIMIT`` seconds after the first
# (docs/deploy.md).
PORTAL_BUILD_SETTLE = float(os.environ.get("PORTAL_BUILD_SETTLE", "0.05"))
PORTAL_BUILD_SETTLE_LIMIT = float(os.environ.get("PORTAL_BUILD_SETTLE_LIMIT", "1.0"))
# Seconds to wait before each retry of a failed site build (cms/homepages/status.py).
SITE_BUILD_RETRY_DELAYS = [2, 10]
# Publishing what the portal shows rebuilds it after the transaction (cms/homepages/signals.py).
PORTAL_AUTO_REBUILD = True
# A change to a club's public page lays the German brochure out again in the worker
# (cms/brochure/tasks.py); without it the first download after a change lays it out.
BROCHURE_AUTO_LAYOUT = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Vereinsnetz Kreis Düren <noreply@vereinsnetz.example>"
)

# Wagtail
WAGTAIL_SITE_NAME = "Vereinsnetz Kreis Düren"
# The model of the tenants (clubs, partner organisations) the access checks read
# (cms/core/access.py), named here like AUTH_USER_MODEL so that the core names no app.
TENANT_MODEL = "tenancy.Tenant"
# The one public address of the installation (scheme and host, no trailing slash): every link
# in e-mails, feeds, built sites and the admin starts with it. WAGTAILADMIN_BASE_URL is still
# read for installations configured before PUBLIC_BASE_URL existed.
PUBLIC_BASE_URL = os.environ.get(
    "PUBLIC_BASE_URL", os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
).rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILADMIN_USER_LOGIN_FORM = "cms.tenancy.admin_ui.EmailLoginForm"
# No dashboard banner pointing at Wagtail's English release notes and online guide.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "ods", "xlsx", "txt", "csv", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always through Wagtail's view (privacy checks) and always as a download: a PDF or a
# text file never opens inline on the platform's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.tenancy.documents.TenantDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Pixels of all frames together (Wagtail multiplies by the frame count of a GIF or WebP).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.clubs.image_forms.ImageForm"
# An animation with more frames than this is refused whatever its size (cms/hardening/uploads.py).
VEREINSNETZ_IMAGE_MAX_FRAMES = 100
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin makes no request to a third-party host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# The task worker (cms/ops/worker.py): seconds between its housekeeping rounds, and the
# longest wait between attempts to reach a database that went away.
WORKER_HOUSEKEEPING_INTERVAL = float(os.environ.get("WORKER_HOUSEKEEPING_INTERVAL", "5"))
WORKER_MAX_BACKOFF = float(os.environ.get("WORKER_MAX_BACKOFF", "30"))
# Seconds an idle worker waits before it looks at the queue again (``manage.py db_worker``'s
# default ``--interval``): a publish's builds wait up to that long for a worker, twice (the
# homepage's, then the portal's after its settle). One indexed query per look.
WORKER_POLL_INTERVAL = float(os.environ.get("WORKER_POLL_INTERVAL", "0.1"))
# How much lower than the web server's the worker's CPU priority is (``nice``, 0–19): builds are
# background work, and on a small machine the editor's click should not wait for a core behind
# a portal build. 0 leaves the priority alone.
WORKER_NICE = int(os.environ.get("WORKER_NICE", "10"))
# A build still running after this many seconds is taken to be lost and queued again; a build
# that failed all its retries is tried again after SITE_BUILD_FAILED_RETRY seconds.
SITE_BUILD_TIMEOUT = 1800
SITE_BUILD_FAILED_RETRY = 300
# Periodic jobs the worker starts (cms/ops/schedule.py): local time, weekday 0 = Monday.
PERIODIC_TASKS = {
    "nightly-site-rebuild": {"task": "cms.homepages.builds.rebuild_all_sites", "at": "03:00"},
    "weekly-freshness-reminders": {
        "task": "cms.freshness.tasks.remind_stale_clubs",
        "at": "07:00",
        "weekday": 0,
    },
    "sign-ups": {"task": "cms.signups.tasks.process_signups", "every": 15},
    "board-reminders": {"task": "cms.board.tasks.remind_expiring_posts", "at": "06:30"},
    "brochure": {"task": "cms.brochure.tasks.lay_out_brochure", "at": "00:10"},
}
# Background tasks (site rebuilds, e-mails) run through django-tasks in a worker process
# (``manage.py db_worker``; ``manage.py start`` runs one beside the development server), queued
# in the database, on SQLite and PostgreSQL alike (docs/deploy.md): django-tasks-db's queue,
# which holds back what nobody waits for (cms/ops/tasks.py).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "cms.ops.tasks.DatabaseBackend")}}
# Seconds that background work (tasks of priority 0 and below without a start time of their
# own: Wagtail's search and reference index, e-mails) waits in the queue, so that the builds
# of a burst of publishes have the cores first. 0: every task is ready at once.
BACKGROUND_TASK_DELAY = float(os.environ.get("BACKGROUND_TASK_DELAY", "2"))

# API (cms/api). Reads are public and cached; writes need a logged-in session with CSRF
# (SessionAuthentication enforces it) and are throttled through the cache (Redis in production).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON bodies bounded in size (413) and nesting depth (400): cms/core/parsers.py.
    "DEFAULT_PARSER_CLASSES": [
        "cms.core.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "cms.core.pagination.LimitOffsetPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["cms.core.throttling.WriteRateThrottle"],
    # The portal's public forms (cms/core/submissions.py) count every post per client
    # address, rejected ones too, so a visitor correcting a form has some headroom.
    "DEFAULT_THROTTLE_RATES": {
        "write": os.environ.get("API_WRITE_RATE", "60/hour"),
        "registrations": os.environ.get("API_REGISTRATION_RATE", "10/hour"),
        "feedback": os.environ.get("API_FEEDBACK_RATE", "10/hour"),
        "signups": os.environ.get("API_SIGNUP_RATE", "20/hour"),
        "board": os.environ.get("API_BOARD_RATE", "20/hour"),
    },
    "EXCEPTION_HANDLER": "cms.core.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Vereinsnetz API",
    "DESCRIPTION": (
        "Öffentliche Inhalte der Migrantenselbstorganisationen im Kreis Düren: Vereine, "
        "Neuigkeiten, Veranstaltungen, Suche. Nur veröffentlichte, öffentliche Inhalte."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["cms.core.schema.only_domain_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.core.schema.document_errors",
    ],
}
# Seconds a client or proxy may reuse a read response; the server-side copy lives until the
# content changes (see cms/core/caching.py).
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
API_CACHE_TIMEOUT = 60 * 60 * 24
WAGTAILAPI_LIMIT_MAX = 100
API_MAX_JSON_BYTES = 1024 * 1024
API_MAX_JSON_DEPTH = 20

# Club sites and partner pages on other domains read the API from the browser: any origin may
# GET; nothing cross-origin may write (no credentials, no unsafe methods).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

# Domain settings
# Host names no club may take as its own domain, besides the host of WAGTAILADMIN_BASE_URL,
# wildcard entries of ALLOWED_HOSTS, local names and IP addresses (cms/clubs/domains.py).
# Their subdomains are refused too, except below OWN_DOMAIN_ALLOWED_PARENTS.
RESERVED_HOSTNAMES = env_list("RESERVED_HOSTNAMES")
OWN_DOMAIN_ALLOWED_PARENTS = env_list("OWN_DOMAIN_ALLOWED_PARENTS")
# A club counts as "established" once it is at least this many years old.
VEREINSNETZ_ESTABLISHED_AFTER_YEARS = int(os.environ.get("ESTABLISHED_AFTER_YEARS", "3"))

# --- Hardening (cms/hardening, docs/security.md) -------------------------------------------
# Logins go through django-axes: after AXES_FAILURE_LIMIT failed attempts for one account from
# one address, that pair is locked for AXES_COOLOFF_TIME (a German page with status 429).
AUTHENTICATION_BACKENDS = [
    "cms.hardening.login.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.hardening.login.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.core.throttling.client_ip"
AXES_VERBOSE = False
# Requests that came through this many proxies take the client address from X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# DRF's own client address (any throttle without cms.core.throttling.ClientAddressMixin).
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT

# Second factor (TOTP through django-otp): members of these groups must set one up before they
# can use the admin; everybody else may. Off in development so the demo logins work as printed;
# production switches it on for the agency (cms/settings/production.py).
OTP_TOTP_ISSUER = "Vereinsnetz"
VEREINSNETZ_OTP_REQUIRED_GROUPS: list[str] = env_list("OTP_REQUIRED_GROUPS")
# The same by permission ("app_label.codename"): it follows the right, not a group's name.
VEREINSNETZ_OTP_REQUIRED_PERMISSIONS: list[str] = env_list("OTP_REQUIRED_PERMISSIONS")

# Content-Security-Policy of everything Django answers (admin, API, its documentation). Inline
# styles are allowed (Wagtail sets style attributes in its templates, Redoc injects styles);
# inline scripts only on the admin's own pages (ADMIN_CSP_UPDATE, cms/hardening/csp.py), never
# in the API, its documentation or the admin preview. The built sites get the stricter
# SITE_CONTENT_SECURITY_POLICY.
MEDIA_ORIGIN = os.environ.get("MEDIA_ORIGIN", "")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
ADMIN_CSP_UPDATE = {"script-src": [UNSAFE_INLINE]}
# The built homepages and the portal: nothing inline, nothing from another host.
SITE_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A club profile without a new revision for this many days counts as stale: the weekly
# ``manage.py remind_stale_clubs`` mails its editors and the agency sees it under Berichte.
STALE_AFTER_DAYS = int(os.environ.get("STALE_AFTER_DAYS", "180"))

# --- Sign-ups for events (cms/signups) ------------------------------------------------------
# A freed place is offered to the next person on the waiting list for this many hours.
SIGNUP_OFFER_HOURS = int(os.environ.get("SIGNUP_OFFER_HOURS", "48"))
# Personal data of an event's sign-ups is deleted this many days after the event.
SIGNUP_RETENTION_DAYS = int(os.environ.get("SIGNUP_RETENTION_DAYS", "30"))
# A sign-up posted sooner than this after its form token was issued is treated as a bot.
SIGNUP_MIN_FORM_SECONDS = int(os.environ.get("SIGNUP_MIN_FORM_SECONDS", "3"))
# Profiles that stay true (cms/freshness): editors are asked at least this often to confirm,
# a reminder is repeated at most this often, its one-click link holds this long, and the
# directory marks a club whose profile was not confirmed for this many days.
CONFIRM_EVERY_DAYS = int(os.environ.get("CONFIRM_EVERY_DAYS", "365"))
REMIND_EVERY_DAYS = int(os.environ.get("REMIND_EVERY_DAYS", "30"))
CONFIRM_LINK_MAX_AGE_DAYS = int(os.environ.get("CONFIRM_LINK_MAX_AGE_DAYS", "90"))
PROFILE_UNCONFIRMED_AFTER_DAYS = int(os.environ.get("PROFILE_UNCONFIRMED_AFTER_DAYS", "365"))
# The open-data export of the club directory (/api/v1/open-data/): its licence.
OPEN_DATA_LICENSE_NAME = os.environ.get(
    "OPEN_DATA_LICENSE_NAME", "Datenlizenz Deutschland – Namensnennung – Version 2.0"
)
OPEN_DATA_LICENSE_URL = os.environ.get(
    "OPEN_DATA_LICENSE_URL", "https://www.govdata.de/dl-de/by-2-0"
)
OPEN_DATA_PUBLISHER = os.environ.get("OPEN_DATA_PUBLISHER", "Integrationsagentur")
OPEN_DATA_STATE_PROVINCE = os.environ.get("OPEN_DATA_STATE_PROVINCE", "Nordrhein-Westfalen")
