import pytest

from tests.factories import ClubFactory, room


@pytest.fixture
def cafe(db):
    return room("Café Test", capacity=20, hourly_fee="12.50", daily_fee="60.00")


@pytest.fixture
def club_a(db):
    return ClubFactory("Anadolu Testverein e. V.", contact_email="kontakt@anadolu.example")


@pytest.fixture
def club_b(db):
    return ClubFactory("Baobab Testverein e. V.")


@pytest.fixture
def mails(django_capture_on_commit_callbacks):
    """``with mails(execute=True):`` sends the mails queued for after the commit."""
    return django_capture_on_commit_callbacks
