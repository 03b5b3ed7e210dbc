"""Who may download a document, and the club's explicit "öffentlich" choice.

Documents are private by default. Wagtail's document view (``WAGTAILDOCS_SERVE_METHOD =
"serve_view"``, the only way out: the media route never hands out ``documents/``) serves one

- to the agency and the editors of the club (or partner) whose collection holds it, always;
- to everyone else only while its tenant is published and public, and a published, public
  page links it (rich text or a document block: Wagtail's reference index), or the club
  marked it "öffentlich" (:class:`~cms.tenancy.models.DocumentRelease`).

Anything else is a 404 — the same answer as for an id that does not exist, so no document URL
works by guessing. The API lists the same set (``cms.core.privacy.public_documents``).
"""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from cms.core.privacy import public_documents
from cms.hardening.uploads import HardenedDocumentForm

from .models import DocumentRelease


def may_download(document, user) -> bool:
    policy = policy_registry.get_by_type(get_document_model())
    if user.is_authenticated and policy.user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    ):
        return True
    return public_documents(get_document_model().objects.filter(pk=document.pk)).exists()


def refuse_private_documents(document, request):
    """``before_serve_document`` hook (registered in wagtail_hooks.py)."""
    if not may_download(document, request.user):
        raise Http404


class TenantDocumentForm(HardenedDocumentForm):
    """Wagtail's document form with the club's "öffentlich" choice."""

    public = forms.BooleanField(
        label=_("öffentlich"),
        required=False,
        help_text=_(
            "Für alle herunterladbar, solange der Verein veröffentlicht ist. Ohne diesen Haken "
            "kann ein Dokument nur herunterladen, wer eine veröffentlichte Seite des Vereins "
            "öffnet, die es verlinkt; die Redaktion des Vereins und die Integrationsagentur "
            "immer."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            release = DocumentRelease.objects.filter(document=self.instance).first()
            self.initial["public"] = bool(release and release.public)

    def _save_m2m(self):
        super()._save_m2m()
        DocumentRelease.objects.update_or_create(
            document=self.instance, defaults={"public": self.cleaned_data.get("public", False)}
        )
