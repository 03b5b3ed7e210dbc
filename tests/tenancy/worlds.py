"""A world of clubs built once per test module, for the matrices whose cells each run in a
rolled-back savepoint of it (test_isolation_matrix.py, test_reach_matrix.py)."""

from collections.abc import Callable, Iterator

from django.db import transaction
from django.test import override_settings


def module_world(django_db_blocker, tmp_path_factory, build: Callable, media_name: str) -> Iterator:
    """Yield ``build()``'s world with its own media directory, inside a transaction that is
    rolled back when the module is done. The calling module replaces the per-test
    ``_isolated_media`` fixture (tests/conftest.py), since the world's files outlive a test."""
    media = tmp_path_factory.mktemp(media_name)
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)
