"""Atelier settings: one file, driven by environment variables (see .env.example)."""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The fallback key only serves development and tests; `check --deploy` flags it.
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-development-key-do-not-use"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# HTTPS=true turns on every transport-security setting; the README's production values set it.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("TRUST_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "auditlog",
    "channels",
    "django_htmx",
    "template_partials",
    "ninja",
    "django_tasks",
    "atelier.members",
    "atelier.companies",
    "atelier.contacts",
    "atelier.mailings",
    "atelier.governance",
    "atelier.fees",
    "atelier.academy",
    "atelier.method",
    "atelier.projects",
    "atelier.canvases",
    "atelier.guidance",
    "atelier.notifications",
    "atelier.knowledge",
    "atelier.advice",
    "atelier.library",
    "atelier.search",
    "atelier.home",
    "atelier.accounts",
    "atelier.api",
    "atelier.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "atelier.lib.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "atelier.lib.control_characters.ControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "atelier.accounts.middleware.StaffSecondFactorMiddleware",
    "atelier.lib.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "atelier.urls"
ASGI_APPLICATION = "atelier.asgi.application"
WSGI_APPLICATION = "atelier.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "atelier" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "atelier.accounts.context_processors.roles",
                "atelier.notifications.context_processors.notifications",
            ],
            "libraries": {"numbers": "atelier.lib.number_tags"},
        },
    },
]

# Persistent connections (CONN_MAX_AGE) leak under ASGI: each request may run in another
# thread, and each thread kept its own connection open. On PostgreSQL a connection pool
# (psycopg 3) shared by the process's threads keeps connections cheap and their number
# bounded: at most DATABASE_POOL_MAX per process.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", True
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN", "2")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX", "8")),
        # A request waits this long for a free connection before it fails.
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock (up to 20 s) instead of failing on the first conflict; the
    # test database is a file too, so that tests of simultaneous writers see the same.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"atelier-test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "atelier"),
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # A socket waits for messages with a 5 s blocking pop; redis-py's default read
            # timeout is 5 s as well, and the race ends the socket: give reads more time.
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": 15}],
                "prefix": "atelier",
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Each open canvas re-announces who is on it this often; an editor drops a person it has not
# heard of for three beats (a server process that died). See atelier/canvases/live/presence.py.
# Pages kept in the shared cache between changes, at most this long (seconds; 0 = off):
# anonymous visitors' public pages, and a project's pages per signed-in person. On by
# default with Redis only: see atelier/lib/page_cache/.
PUBLIC_PAGE_CACHE_SECONDS = int(
    os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "60" if REDIS_URL else "0")
)
PROJECT_PAGE_CACHE_SECONDS = int(
    os.environ.get("PROJECT_PAGE_CACHE_SECONDS", "60" if REDIS_URL else "0")
)
CANVAS_PRESENCE_HEARTBEAT_SECONDS = float(os.environ.get("CANVAS_PRESENCE_HEARTBEAT_SECONDS", "20"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail and password, verified addresses, throttled failures.
ACCOUNT_ADAPTER = "atelier.accounts.adapter.AccountAdapter"
OPEN_SIGNUP = env_bool("OPEN_SIGNUP", True)
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Throttles (see atelier/accounts/adapter.py): failed sign-ins count per client and per
# address from that client (the "key" below), so an attacker locks themselves, never the
# owner; successful sign-ins count towards nothing. Failures on one address from all clients
# together, past SIGN_IN_FAILURES_BEFORE_CODE, make a right password ask for a code mailed
# to the owner. A locked client may still sign in with a mailed code.
SIGN_IN_FAILURES_PER_CLIENT = "30/10m/ip"
SIGN_IN_FAILURES_BEFORE_CODE = "20/h/key"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key",
    "login": "",
    "reset_password": "20/m/ip,5/m/key",
    "signup": "20/m/ip",
}
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# The client's address as the reverse proxy reports it: with TRUSTED_PROXY_COUNT=1 the last
# X-Forwarded-For entry (nginx's $proxy_add_x_forwarded_for); or a header the proxy sets
# (TRUSTED_CLIENT_IP_HEADER, e.g. X-Real-IP). Without either, every visitor behind the proxy
# would share the proxy's address, and its throttles.
ALLAUTH_TRUSTED_PROXY_COUNT = int(
    os.environ.get("TRUSTED_PROXY_COUNT") or (1 if env_bool("TRUST_PROXY", False) else 0)
)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Atelier] "
# Sign-in with the organisation's own account: one allauth "openid_connect" social
# application per organisation (Microsoft Entra ID, ACM/IDM, any standard provider), made in
# the admin, chosen by e-mail domain (accounts.OrganisationSignIn). A provider's account
# reaches an existing person only through an address the provider says it verified
# ("email_verified"); staff still pass their TOTP second factor afterwards.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "mandatory"
SOCIALACCOUNT_STORE_TOKENS = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Atelier"
# Association staff must set up a TOTP second factor before they can work (off in the demo).
REQUIRE_STAFF_MFA = env_bool("REQUIRE_STAFF_MFA", not DEBUG)

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Atelier <atelier@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "atelier" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Uploads: each form's limit is in atelier/lib/uploads.py (UPLOAD_LIMITS), enforced while
# the file streams in by the first handler; files over 2.5 MB wait on disk, not in memory.
FILE_UPLOAD_HANDLERS = [
    "atelier.lib.uploads.BoundedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
# Everything but files (form fields, JSON bodies of the API).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10

AUDITLOG_INCLUDE_ALL_MODELS = False

# The association as its invoices name it (the defaults describe the demo association).
ASSOCIATION_NAME = os.environ.get("ASSOCIATION_NAME", "Vereniging van lokale besturen (demo)")
ASSOCIATION_ADDRESS = os.environ.get("ASSOCIATION_ADDRESS", "Voorbeeldstraat 1, 1000 Brussel")
ASSOCIATION_COMPANY_NUMBER = os.environ.get("ASSOCIATION_COMPANY_NUMBER", "0123.456.749")
ASSOCIATION_VAT_NOTE = os.environ.get(
    "ASSOCIATION_VAT_NOTE", "Membership fees are not subject to VAT."
)
ASSOCIATION_IBAN = os.environ.get("ASSOCIATION_IBAN", "BE68 5390 0754 7034")
ASSOCIATION_BIC = os.environ.get("ASSOCIATION_BIC", "TRIOBEBB")
INVOICE_PAYMENT_DAYS = int(os.environ.get("INVOICE_PAYMENT_DAYS", "30"))
# The public address of the site, for links that leave it (certificates, badges).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Background tasks (academy e-mails): inline by default. TASKS_BACKEND=rq (with REDIS_URL)
# queues them in Redis for a worker: `manage.py rqworker default --job-class
# django_tasks_rq.Job`. Any other value names a django-tasks backend class.
RQ_BACKEND = "django_tasks_rq.RQBackend"
TASKS_BACKEND = (
    os.environ.get("TASKS_BACKEND") or "django_tasks.backends.immediate.ImmediateBackend"
)
if TASKS_BACKEND in {"rq", RQ_BACKEND}:
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
    TASKS_BACKEND = RQ_BACKEND
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}  # rqworker's default --job-class
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Django's own loggers would otherwise print twice (their handler and the root's).
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # WeasyPrint and fontTools report each step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
