"""Throttling (DRF throttling, counted in the configured cache) and the one way the platform
tells clients apart: :func:`client_ip`, which trusts ``X-Forwarded-For`` only as far as
``TRUSTED_PROXY_COUNT`` proxies of our own added to it. Every throttle of the API, the public
forms and the login (django-axes, ``AXES_CLIENT_IP_CALLABLE``) counts by it; DRF's own
``NUM_PROXIES`` is set from the same setting for any throttle that bypasses the mixin.

Writes only count against the ``write`` rate: reads are cached and public."""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle


def client_ip(request) -> str | None:
    """The client's address: ``REMOTE_ADDR``, or behind ``TRUSTED_PROXY_COUNT`` proxies the
    address the outermost trusted proxy saw (the right-most untrusted entry of
    ``X-Forwarded-For``), which a client cannot forge. With no trusted proxy (the default) the
    header is ignored."""
    request = getattr(request, "_request", request)
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class ClientAddressMixin:
    """A DRF throttle that identifies anonymous clients by :func:`client_ip`."""

    def get_ident(self, request):
        return client_ip(request) or "unknown"


class WriteRateThrottle(ClientAddressMixin, SimpleRateThrottle):
    scope = "write"

    def allow_request(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        user = getattr(request, "user", None)
        ident = user.pk if user is not None and user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class ScopedClientRateThrottle(ClientAddressMixin, ScopedRateThrottle):
    """ScopedRateThrottle by :func:`client_ip`, reading its rates when asked (so settings
    overrides apply)."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
