"""„Übersetzen“ of a page whose parent has no page in the chosen language: Wagtail raises
``ParentNotTranslatedError`` (a 500). The editor gets the form again with a German message
saying what to translate first; nothing is created."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView


class SubmitPageTranslationWithParentsView(SubmitPageTranslationView):
    def post(self, request, **kwargs):
        try:
            return super().post(request, **kwargs)
        except ParentNotTranslatedError:
            parent = self.object.get_parent()
            messages.error(
                request,
                _(
                    "„%(page)s“ kann noch nicht übersetzt werden: Die übergeordnete Seite "
                    "„%(parent)s“ gibt es in dieser Sprache noch nicht. Bitte zuerst sie "
                    "übersetzen (die Vereinsübersicht übersetzt die Integrationsagentur)."
                )
                % {"page": self.object.title, "parent": parent.title},
            )
            return self.render_to_response(self.get_context_data(**kwargs))
