"""A club name as long as a page title may be (255 characters, e.g. pasted text or the XSS
corpus) still provisions a tenant on PostgreSQL, whose group names hold 150 characters."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import ClubFactory

pytestmark = pytest.mark.django_db


def test_long_club_names_get_distinct_groups_that_fit():
    prefix = ("Verein " + "sehr langer Name " * 14)[:240]
    first = ClubFactory(prefix + " Eins")
    second = ClubFactory(prefix + " Zwei")
    assert first.pk != second.pk
    limit = Group._meta.get_field("name").max_length
    groups = [first.tenant.group, second.tenant.group]
    assert all(len(group.name) <= limit for group in groups)
    assert groups[0] != groups[1]
    assert groups[0].name.endswith(f"(#{first.pk}) — Redaktion")
