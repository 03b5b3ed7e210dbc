"""The same builder, pointed at a running installation over HTTP, writes the same site as when
it runs in-process."""

import datetime

import pytest

from sites.client import ApiClient
from sites.club import build_club
from tests.factories import ClubFactory, event_index, event_page, image, news_index, news_page


def site_files(root, host):
    return {
        path.relative_to(root).as_posix(): normalised(path.read_bytes(), host)
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def normalised(content: bytes, host: str) -> bytes:
    """A calendar says when it was generated (DTSTAMP) and links each event at the installation
    it came from; everything else must be the same byte for byte."""
    lines = content.split(b"\n")
    return b"\n".join(
        line.replace(host.encode(), b"<installation>")
        for line in lines
        if not line.startswith(b"DTSTAMP")
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_remote_mode_builds_the_same_files_as_in_process_mode(live_server, tmp_path):
    club = ClubFactory("Ukrainischer Kulturverein Kalyna e. V.")
    news = news_index(club)
    news_page(
        news, "Liederabend", image=image(club.tenant.collection), date=datetime.date(2026, 10, 3)
    )
    event_page(event_index(club), "Stammtisch", recurrence="FREQ=WEEKLY;BYDAY=WE")

    with ApiClient() as client:
        local = build_club(client, club.slug, tmp_path / "local")
    with ApiClient(live_server.url) as client:
        remote = build_club(client, club.slug, tmp_path / "remote")

    assert not local.errors and not remote.errors
    local_files = site_files(tmp_path / "local/vereine" / club.slug / "current", "http://localhost")
    remote_files = site_files(tmp_path / "remote/vereine" / club.slug / "current", live_server.url)
    assert sorted(local_files) == sorted(remote_files)
    assert any(name.startswith("_media/") for name in local_files)
    different = [name for name in local_files if local_files[name] != remote_files[name]]
    assert different == []
