"""What every view of the domain API shares: reads are public, cached, strict about their
parameters and aware of the requested locale; writes (none yet) keep the defaults from
``REST_FRAMEWORK``: session authentication with CSRF, authenticated only, throttled."""

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
