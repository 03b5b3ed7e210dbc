"""The Content-Security-Policy of the built sites, as one header value: the CMS sends it with
every file of a built site, and ``manage.py site_csp`` prints it for a web server that serves
the sites itself (docs/deploy.md)."""

from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings


def site_policy() -> str:
    return build_policy(config=settings.SITE_CONTENT_SECURITY_POLICY["DIRECTIVES"])


def with_site_policy(response):
    """Mark ``response`` (a file of a built site) with the sites' strict policy."""
    response[HEADER] = site_policy()
    return response
