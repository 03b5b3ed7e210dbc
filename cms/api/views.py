"""What every read view of the domain API shares: public, cached, strict about parameters,
and aware of the requested locale."""

from rest_framework.permissions import AllowAny

from .caching import CachedResponseMixin
from .locales import resolve_locale
from .params import reject_unknown_parameters


class PublicReadMixin(CachedResponseMixin):
    """Reads are anonymous: no session is touched, so responses are the same for everyone
    and may be cached publicly."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def allowed_parameters(self):
        return ["locale"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        reject_unknown_parameters(request, self.allowed_parameters())
        self.locale = resolve_locale(request)
