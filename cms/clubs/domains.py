"""Which host names a club may claim as its own domain.

A club's own domain becomes a Wagtail ``Site`` that is answered before URL resolution
(``cms/homepages/domains.py``), so a host name is a security boundary: it must be written one
way only (:func:`normalise_domain`), belong to one club only, and never be one of the
platform's own hosts (:func:`reserved_reason`).
"""

import ipaddress
from urllib.parse import urlsplit

import idna
from django.conf import settings
from django.utils.translation import gettext_lazy as _

LOCAL_NAMES = {"localhost", "localhost.localdomain", "testserver"}
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".test", ".invalid")


def normalise_domain(value: str) -> str:
    """The one spelling of a host name: lower case, without scheme, path, port, user info or
    trailing dot, internationalised names in their ASCII (IDNA/punycode) form. Returns the
    input stripped and lower-cased when it is no host name at all (the validator says so)."""
    text = (value or "").strip()
    if not text:
        return ""
    candidate = text if "://" in text else f"//{text.lstrip('/')}"
    try:
        host = urlsplit(candidate).hostname or ""
    except ValueError:
        return text.lower()
    host = host.rstrip(".")
    if not host:
        return text.lower()
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return host.lower()


def _host_of(url: str) -> str:
    try:
        return normalise_domain(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def platform_hosts() -> set[str]:
    """The platform's own host names: the public base URL's host and ``RESERVED_HOSTNAMES``.

    ``ALLOWED_HOSTS`` is not taken whole: the deployment lists every club's own domain there
    (docs/deploy.md), so only its wildcard entries (``.example.org``) count as the platform's.
    """
    hosts = {_host_of(getattr(settings, "WAGTAILADMIN_BASE_URL", ""))}
    hosts.update(normalise_domain(h) for h in getattr(settings, "RESERVED_HOSTNAMES", []))
    hosts.update(
        normalise_domain(h.lstrip(".")) for h in settings.ALLOWED_HOSTS if h.startswith(".")
    )
    hosts.discard("")
    return hosts


def _allowed_parents() -> set[str]:
    return {normalise_domain(h) for h in getattr(settings, "OWN_DOMAIN_ALLOWED_PARENTS", [])}


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def reserved_reason(host: str):
    """Why ``host`` (normalised) may not be a club's domain, or ``None`` if it may."""
    if not host:
        return None
    if is_ip_address(host):
        return _("Eine IP-Adresse kann keine eigene Domain sein.")
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return _("Diese Adresse ist nur lokal erreichbar und kann keine eigene Domain sein.")
    platform = platform_hosts()
    if host in platform:
        return _("Diese Domain gehört zur Plattform selbst und kann nicht vergeben werden.")
    allowed = _allowed_parents()
    for parent in platform:
        if host.endswith(f".{parent}") and not any(
            host.endswith(f".{ok}") for ok in allowed if ok == parent or ok.endswith(f".{parent}")
        ):
            return _(
                "Subdomains der Plattform (%(parent)s) vergibt nur die Integrationsagentur."
            ) % {"parent": parent}
    return None


def is_reserved(host: str) -> bool:
    return reserved_reason(normalise_domain(host)) is not None
