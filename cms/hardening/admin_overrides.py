"""Two Wagtail admin views answered differently, mounted in front of Wagtail's own URLs.

Both were found by tests/tenancy/test_reach_matrix.py as a 500 any editor could cause:

- ``/admin/failwhale/`` raises on purpose, so that operators can check the error page and
  error reporting; that is the agency's business, editors are refused.
- ``/admin/choose-external-link/`` answered a POST without its URL field with a 500 (Wagtail's
  field calls ``.startswith`` on ``None``); a missing URL is now the form's "required" error.
"""

from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.admin.forms.choosers import ExternalLinkChooserForm, URLOrAbsolutePathField
from wagtail.admin.views import chooser, home


@require_admin_access
def error_test(request):
    if not request.user.has_perm("tenancy.view_reports"):
        return permission_denied(request)
    return home.error_test(request)


class MissingAsEmptyField(URLOrAbsolutePathField):
    def to_python(self, value):
        return super().to_python(value or "")


class ExternalLinkForm(ExternalLinkChooserForm):
    url = MissingAsEmptyField(required=True, label=ExternalLinkChooserForm.base_fields["url"].label)


class ExternalLinkView(chooser.ExternalLinkView):
    form_class = ExternalLinkForm


# Outside Wagtail's URL include, so without the login check it wraps around its own views.
external_link_chooser = require_admin_access(ExternalLinkView.as_view())
