import pytest

from tests.factories import event_index, event_page, signup_options


@pytest.fixture
def event(club):
    return event_page(event_index(club), title="Workshop Vereinsfinanzen")


@pytest.fixture
def options(event):
    return signup_options(event, capacity=3)


@pytest.fixture
def mails(django_capture_on_commit_callbacks):
    """``with mails(execute=True):`` sends the mails queued for after the commit."""
    return django_capture_on_commit_callbacks
