"""The portal's Gesucht & Geboten: posts with a relay form each, pages per kind as the filter
without JavaScript, and never a contact detail."""

import pytest

from tests.factories import PartnerFactory, board_post
from tests.locales import LOCALES
from tests.plugins.portal_world import build_portal_world

pytestmark = pytest.mark.django_db
DE, AR = LOCALES[0], LOCALES[3]


def test_posts_answer_forms_and_kind_pages(build_portal_site):
    build_portal_world()
    partner = PartnerFactory("DRK Ortsverein")
    wanted = board_post(partner.tenant, "Helfende mit Tigrinya gesucht", languages=["ti"])
    board_post(partner.tenant, "Beamer zu verleihen", direction="offer", kind="equipment")

    portal = build_portal_site(locales=[DE, AR])

    page = (portal / "de/gesucht-geboten/index.html").read_text()
    assert "Helfende mit Tigrinya gesucht" in page and "Beamer zu verleihen" in page
    assert f'action="/api/v1/board/{wanted.pk}/answer/"' in page
    assert "DRK Ortsverein" in page
    assert partner.editor.email not in page and "mailto:" not in page
    equipment = (portal / "de/gesucht-geboten/equipment/index.html").read_text()
    assert "Beamer zu verleihen" in equipment and "Helfende mit" not in equipment
    # Filters by language, municipality and offer/request, each a page of its own (no script).
    tigrinya = (portal / "de/gesucht-geboten/sprache/ti/index.html").read_text()
    assert "Helfende mit Tigrinya gesucht" in tigrinya and "Beamer" not in tigrinya
    assert "<bdi>Tigrinya</bdi></a>" in page and "<bdi>Düren</bdi>" in page
    offers = (portal / "de/gesucht-geboten/geboten/index.html").read_text()
    assert "Beamer zu verleihen" in offers and "Helfende mit" not in offers
    dueren = (portal / "de/gesucht-geboten/gemeinde/dueren/index.html").read_text()
    assert "Beamer zu verleihen" in dueren and "Helfende mit" in dueren
    assert 'aria-current="page"><bdi>Düren</bdi>' in dueren
    arabic = (portal / "ar/gesucht-geboten/index.html").read_text()
    assert "مطلوب ومعروض" in arabic
