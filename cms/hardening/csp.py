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


class AdminPolicyMiddleware:
    """Wagtail 8 still initialises some admin widgets (date and image choosers, listing
    filters) with inline ``<script>`` elements that carry no nonce, so the admin's pages allow
    inline scripts (``ADMIN_CSP_UPDATE``). The preview under the admin does not: it shows
    editor content, rendered by the site templates, which need no inline script.

    Listed after ``csp.middleware.CSPMiddleware`` so that it marks the response first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if path.startswith("/admin/") and "/preview/" not in path:
            response._csp_update = settings.ADMIN_CSP_UPDATE
        return response
