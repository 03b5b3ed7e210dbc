import pytest


@pytest.fixture
def build_club_site(db, settings):
    """Build a club's homepage in-process from the real API; returns the live release path
    (as in tests/sites)."""
    from sites.client import ApiClient
    from sites.club import build_club

    def build(club, **kwargs):
        with ApiClient() as client:
            report = build_club(client, club.slug, settings.SITE_BUILD_DIR, **kwargs)
        assert not report.errors, report.errors
        return settings.SITE_BUILD_DIR / "vereine" / club.slug / "current"

    return build
