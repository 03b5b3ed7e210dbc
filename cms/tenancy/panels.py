"""The base of every dashboard panel: rendered with the request of the dashboard.

Laces' ``Component.render_html`` renders its template with a plain dict, without the request,
so ``{% csrf_token %}`` comes out empty and every form in a panel fails with "403 CSRF
verification failed". A panel built on ``DashboardPanel`` renders with the request of the
page it stands on (the dashboard passes its context), and knows the user from it.
"""

from django.template.loader import get_template
from wagtail.admin.ui.components import Component


class DashboardPanel(Component):
    """A dashboard panel for ``request.user``; its template sees the request (CSRF token,
    messages, the user's language)."""

    def __init__(self, request):
        self.request = request
        self.user = request.user

    def render_html(self, parent_context=None):
        context = dict(self.get_context_data(parent_context) or {})
        context.setdefault("request", self.request)
        return get_template(self.template_name).render(context, request=self.request)
