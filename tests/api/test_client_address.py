"""Every throttle counts the client by one trusted-proxy setting (``TRUSTED_PROXY_COUNT``):
a client rotating ``X-Forwarded-For`` does not get past a limit (issue 15, item 9)."""

import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from cms.core.throttling import ClientAddressMixin, client_ip
from tests.portal.test_registrations import valid

pytestmark = pytest.mark.django_db

FORMS = {
    "feedback": ("/api/v1/feedback/", {"message": "Der Kalender ist nicht bedienbar."}),
    "registrations": ("/api/v1/registrations/", valid()),
}
LIMIT = 3
ATTEMPTS = 8


def drf_views(patterns=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from drf_views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "cls", None)
            if view is not None and hasattr(view, "throttle_classes"):
                yield view


def test_every_throttle_of_every_api_view_counts_by_the_trusted_client_address():
    views = set(drf_views())
    assert len(views) > 10
    throttles = {throttle for view in views for throttle in view.throttle_classes}
    throttles.update(api_settings.DEFAULT_THROTTLE_CLASSES)
    assert throttles, "the API throttles"
    for throttle in throttles:
        assert issubclass(throttle, BaseThrottle)
        assert issubclass(throttle, ClientAddressMixin), throttle


@pytest.mark.parametrize("proxies", [0, 1, 2])
@pytest.mark.parametrize("form", sorted(FORMS))
def test_rotating_forwarded_for_does_not_lift_the_limit(client, settings, form, proxies):
    settings.TRUSTED_PROXY_COUNT = proxies
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], form: f"{LIMIT}/hour"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    url, body = FORMS[form]
    # Our proxies append what they saw; everything left of that is the client's to choose.
    added_by_proxies = ["203.0.113.7", "10.0.0.2"][:proxies]
    statuses = []
    for attempt in range(ATTEMPTS):
        forged = [f"198.51.100.{attempt}", f"2001:db8::{attempt}"]
        statuses.append(
            client.post(
                url,
                json.dumps(body),
                content_type="application/json",
                HTTP_X_FORWARDED_FOR=", ".join(forged + added_by_proxies),
                REMOTE_ADDR="10.0.0.1",
            ).status_code
        )
    assert statuses.count(429) == ATTEMPTS - LIMIT, statuses


@pytest.mark.parametrize(
    ("proxies", "header", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1"),
        (0, "", "10.0.0.1"),
        (1, "1.2.3.4, 5.6.7.8", "5.6.7.8"),
        (2, "1.2.3.4, 5.6.7.8, 9.9.9.9", "5.6.7.8"),
        (2, "5.6.7.8", "10.0.0.1"),  # fewer entries than proxies: the header is not trusted
    ],
)
def test_client_ip_trusts_only_what_our_proxies_added(rf, settings, proxies, header, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == expected
