"""The portal built by two processes (``build_portal(jobs=2)``, as the worker builds it in
full): the same files as one process builds. An incremental build after a publish renders in
one process whatever ``jobs`` says (a few pages per locale: forking cost more than it saved),
unless it must render everything after all (the code changed).

A forked process reads the API from the database itself, so it must see what the test
committed: these tests are transactional and run on PostgreSQL (CI's second run). On
SQLite's in-memory test database a build does not fork at all (``ApiClient.forking``), which
the last test checks.
"""

import datetime
import filecmp
import os
from pathlib import Path

import pytest
from django.db import connection

from cms.portal.resource_keys import portal_changes
from sites.client import ApiClient
from sites.portal import build_portal
from tests.factories import ClubFactory, event_index, event_page, news_index, news_page
from tests.locales import LOCALES

LOCALES_USED = [LOCALES[0], LOCALES[3]]  # German and Arabic


def build(root: Path, jobs: int, changes=None):
    with ApiClient() as client:
        report = build_portal(client, root, locales=LOCALES_USED, changes=changes, jobs=jobs)
    assert not report.errors, report.errors
    return report


def differing(one: Path, other: Path, kept_reads: bool = True) -> list[str]:
    """Files of two builds that differ in name or content: the manifests aside (they name
    releases), the API reads kept for the next build too unless ``kept_reads``."""
    one, other = (one / "portal" / "current").resolve(), (other / "portal" / "current").resolve()
    names = {
        path.relative_to(root).as_posix()
        for root in (one, other)
        for path in root.rglob("*")
        if path.is_file()
        and path.name != ".manifest.json"
        and (kept_reads or not path.relative_to(root).as_posix().startswith("."))
    }
    return sorted(
        name
        for name in names
        if not ((one / name).is_file() and (other / name).is_file())
        or not filecmp.cmp(one / name, other / name, shallow=False)
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a forked build reads the database: PostgreSQL"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_portal_built_by_two_processes_is_the_portal_one_builds(tmp_path, forks, monkeypatch):
    first = ClubFactory("Anadolu Kulturverein e. V.")
    second = ClubFactory("Baobab Afrika e. V.", municipality_name="Jülich")
    news = news_index(first)
    news_page(news, "Sommerfest")
    event_page(event_index(second), "Deutschkurs")

    build(tmp_path / "alone", jobs=1)
    assert not forks
    build(tmp_path / "shared", jobs=2)
    assert forks
    assert differing(tmp_path / "alone", tmp_path / "shared") == []

    # A news item published: the incremental build of two processes gives what one process
    # gives (the reads kept for the next build included), and what one builds from scratch.
    page = news_page(news, "Erntedank", date=datetime.date(2026, 11, 20))
    changes = portal_changes(page, first.slug)
    build(tmp_path / "alone", jobs=1, changes=changes)
    forks.clear()
    # The club's share of the news is read once, before the processes part, not in each.
    reads, get = tmp_path / "share-reads.txt", ApiClient.get

    def spy(self, path, params=None, headers=None):
        if path == "/api/v1/news/" and "club" in (params or {}):
            with reads.open("a") as log:
                log.write(f"{os.getpid()} {params.get('locale')}\n")
        return get(self, path, params, headers)

    monkeypatch.setattr(ApiClient, "get", spy)
    report = build(tmp_path / "shared", jobs=2, changes=changes)
    monkeypatch.setattr(ApiClient, "get", get)
    assert report.incremental and report.spliced
    assert not forks, "an incremental build renders in one process"
    assert reads.read_text().splitlines() == [f"{os.getpid()} None"]
    assert differing(tmp_path / "alone", tmp_path / "shared") == []
    build(tmp_path / "scratch", jobs=1)
    assert differing(tmp_path / "shared", tmp_path / "scratch", kept_reads=False) == []
    arabic = tmp_path / "shared" / "portal" / "current" / "ar" / "neuigkeiten" / "index.html"
    assert "Erntedank" in arabic.read_text()

    # Changes given, but the code differs from the live release's (a new deployment): every
    # page is rendered, and the locales go to the two processes again.
    page = news_page(news, "Laternenumzug", date=datetime.date(2026, 11, 21))
    monkeypatch.setattr("sites.portal.code_hash", lambda site: "a new deployment")
    report = build(tmp_path / "shared", jobs=2, changes=portal_changes(page, first.slug))
    assert not report.incremental and forks


@pytest.mark.django_db
def test_a_build_inside_a_transaction_does_not_fork(tmp_path, forks):
    """What the test (or a request) has not committed, a forked process would not see."""
    ClubFactory("Anadolu Kulturverein e. V.")
    build(tmp_path, jobs=2)
    assert not forks
