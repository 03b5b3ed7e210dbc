import shutil

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Uploaded and generated files go to a per-test directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def agency_user(db):
    from tests.factories import AgencyUserFactory

    return AgencyUserFactory()


@pytest.fixture
def club(db):
    from tests.factories import ClubFactory

    return ClubFactory()


@pytest.fixture
def other_club(db):
    from tests.factories import ClubFactory

    return ClubFactory()


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"
