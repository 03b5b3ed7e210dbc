"""What every view of the domain API shares: reads are public, cached, strict about their
parameters and aware of the requested locale; writes (none yet) keep the defaults from
``REST_FRAMEWORK``: session authentication with CSRF, authenticated only, throttled."""

from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import SAFE_METHODS

from .caching import CachedResponseMixin
from .locales import resolve_locale
from .params import reject_unknown_parameters


class PublicReadMixin(CachedResponseMixin):
    def allowed_parameters(self):
        return ["locale"]

    def perform_authentication(self, request):
        # A read never looks at the session: the response is the same for everyone and is
        # cached publicly (touching the session would add "Vary: Cookie").
        if request.method not in SAFE_METHODS:
            super().perform_authentication(request)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in SAFE_METHODS:
            reject_unknown_parameters(request, self.allowed_parameters())
            self.locale = resolve_locale(request)


class FirstRendererNegotiation(BaseContentNegotiation):
    """For documents in one format (calendars, feeds): served whatever the client accepts,
    with the view's first renderer; errors are always JSON."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
