"""export_club / import_club: a club leaves as one archive and comes back identical — every
page in every language with its live state and pending drafts, profile, taxonomy, images and
documents with their files, references inside StreamFields and rich text, editors, its side of
cooperations, its mentorings and its room bookings with their status log. What the target
lacks (partner, other club, room, free slot) is skipped with a note; a broken archive changes
nothing at all."""

import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from cms.clubs.models import ClubPage, ContentPage, GalleryImage, GalleryPage, MeetingTime
from cms.partners.models import CooperationLink, Mentoring
from cms.rooms import services
from cms.rooms.models import Booking, BookingStatus, BookingTransition, Room
from cms.taxonomy.models import Language
from cms.tenancy.deletion import delete_tenant
from cms.tenancy.models import Tenant
from cms.transfer.clubs import TransferError, export_club, import_club
from tests.factories import (
    AgencyUserFactory,
    ClubFactory,
    PartnerFactory,
    add_child,
    confirm,
    cooperation,
    document,
    event_index,
    event_page,
    image,
    local_time,
    mentoring,
    news_index,
    news_page,
    room,
)
from tests.plugins.helpers import translate


def build_rich_club():
    club = ClubFactory(
        "Anadolu Kulturverein e. V.",
        languages=("tr", "de", "ar"),
        contact_name="Ayşe Yılmaz",
        contact_email="ayse@example.org",
        contact_consent=True,
    )
    collection = club.tenant.collection
    editor = club.editor
    photo = image(collection, title="Sommerfest")
    hidden = image(collection, title="Ohne Einwilligung")
    statute = document(collection, title="Satzung")
    about = add_child(club, ContentPage(title="Über uns", slug="ueber-uns"))
    add_child(about, ContentPage(title="Vorstand", slug="vorstand"))
    add_child(club, ContentPage(title="Noch geheim", slug="geheim"), publish=False)
    news = news_index(club)
    article = news_page(
        news,
        "Sommerfest 2026",
        image=photo,
        body=json.dumps(
            [
                {
                    "type": "text",
                    "value": f'<p>Siehe <a linktype="page" id="{about.pk}">Über uns</a> und '
                    f'die <a linktype="document" id="{statute.pk}">Satzung</a>.</p>',
                },
                {
                    "type": "image",
                    "value": {"image": photo.pk, "caption": "Tanz", "alt_text": "Tanzende"},
                },
                {"type": "document", "value": {"document": statute.pk, "title": "Satzung"}},
            ]
        ),
    )
    article.tags.add("fest", "sommer")
    article.save_revision().publish()
    pending = news_page(news, "Kochabend")
    pending.title = "Kochabend (geändert, noch nicht veröffentlicht)"
    pending.save_revision()
    event = event_page(
        event_index(club),
        "Deutschkurs",
        start=datetime.datetime(2026, 12, 1, 18, tzinfo=datetime.UTC),
        recurrence="FREQ=WEEKLY",
    )
    event.languages.set(Language.objects.filter(tag__in=["de", "tr"]))
    event.save_revision().publish()
    gallery = add_child(club, GalleryPage(title="Bilder", slug="bilder"))
    GalleryImage.objects.create(page=gallery, image=photo, caption="Tanz", photo_consent=True)
    GalleryImage.objects.create(page=gallery, image=hidden, caption="Kinder", photo_consent=False)
    club = ClubPage.objects.get(pk=club.pk)
    club.description = f'<p>Wir <a linktype="page" id="{article.pk}">feiern</a>.</p>'
    club.logo = photo
    MeetingTime.objects.create(club=club, weekday=3, start_time=datetime.time(18, 30))
    club.save_revision().publish()
    translate(ClubPage.objects.get(pk=club.pk), "ar", title="جمعية الأناضول")
    translate(article, "ar", title="مهرجان الصيف")
    result = ClubPage.objects.get(pk=club.pk)
    result.tenant, result.editor = club.tenant, editor
    add_links(result)
    return result


def add_links(club):
    """Cooperations (one confirmed, one waiting for the club), mentorings in both roles, and
    bookings through the services: a confirmed weekly series, a declined and a cancelled one."""
    partner = PartnerFactory("Freiwillige Feuerwehr Düren")
    confirm(cooperation(partner, clubs=[club], title="Erste Hilfe", slug="erste-hilfe"), club)
    cooperation(partner, clubs=[club], title="Brandschutzübung", slug="uebung", kind="exercise")
    established = ClubFactory("Baobab Afrika e. V.")
    newcomer = ClubFactory("Nuevo Comienzo e. V.")
    mentoring(established, club, description="Begleitung im ersten Jahr")
    mentoring(club, newcomer, confirmed=False, created_by=club.editor, end_date=None)
    agency = AgencyUserFactory()
    cafe = room("Café International")
    series = services.request_booking(
        services.BookingRequest(
            room=cafe,
            club=club.tenant,
            start=local_time(7, 18),
            end=local_time(7, 20),
            purpose="Deutschkurs",
            attendees=12,
            repeat_until=(local_time(21, 18)).date(),
        ),
        club.editor,
    )
    for booking in series:
        services.confirm(booking, agency, note="Gern!")
    services.set_fee_waived(series[0], True, agency)
    declined, cancelled = (
        services.request_booking(
            services.BookingRequest(
                room=cafe,
                club=club.tenant,
                start=local_time(days, 10),
                end=local_time(days, 12),
                purpose=purpose,
                attendees=5,
            ),
            club.editor,
        )[0]
        for days, purpose in ((8, "Vorstandssitzung"), (9, "Kochabend"))
    )
    services.decline(declined, agency, note="Belegt durch die Agentur")
    services.cancel(cancelled, club.editor, note="Fällt aus")
    club.partner, club.room = partner, cafe


def canonical(archive: bytes) -> dict:
    """The archive's content with media files as checksums (file names may differ)."""
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        data = json.loads(opened.read("club.json"))
        for entry in data["media"]:
            entry["file"] = hashlib.sha256(opened.read(entry["file"])).hexdigest()
    return data


@pytest.fixture
def rich_club(db, django_capture_on_commit_callbacks):
    return build_rich_club()


@pytest.mark.parametrize("microsecond", [0, 123, 999_999])
def test_publication_times_come_back_to_the_microsecond(
    rich_club, django_capture_on_commit_callbacks, microsecond
):
    """Published at .000123 s, a page came back at .000 (Wagtail's JSON keeps milliseconds),
    and its next archive said 00Z where the first said 00.000Z (seen in CI, 2026-12-07)."""
    stamp = datetime.datetime(2026, 12, 7, 4, 41, 0, microsecond, tzinfo=datetime.UTC)
    pages = Page.objects.filter(path__startswith=rich_club.path, live=True)
    pages.update(first_published_at=stamp, last_published_at=stamp)
    archive = export_club(rich_club.slug)
    before = canonical(archive)
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    import_club(archive)
    after = canonical(export_club(rich_club.slug))
    assert after == before
    restored = Page.objects.get(slug=rich_club.slug, locale__language_code="de")
    assert restored.first_published_at == stamp


def test_a_club_comes_back_identical(rich_club, django_capture_on_commit_callbacks):
    archive = export_club(rich_club.slug)
    before = canonical(archive)
    assert len(before["pages"]) >= 12  # German tree and Arabic translations
    assert {entry["kind"] for entry in before["media"]} == {"image", "document"}
    assert before["editors"][0]["email"] == rich_club.editor.email

    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    assert not ClubPage.objects.filter(slug=rich_club.slug).exists()

    tenant = import_club(archive)
    after = canonical(export_club(rich_club.slug))
    assert after == before

    # And the restored club works as before.
    club = ClubPage.objects.get(pk=tenant.root_page_id)
    assert club.live and club.get_translations().filter(locale__language_code="ar").exists()
    news = club.get_descendants().type(Page).filter(title="Sommerfest 2026").get().specific
    assert news.image.title == "Sommerfest"
    assert sorted(news.tags.names()) == ["fest", "sommer"]
    body = json.loads(json.dumps(list(news.body.raw_data)))
    assert body[1]["value"]["image"] == news.image.pk
    about = club.get_descendants().get(slug="ueber-uns")
    assert f'id="{about.pk}"' in body[0]["value"]
    pending = club.get_descendants().get(slug__startswith="kochabend").specific
    assert pending.live and pending.has_unpublished_changes
    assert "geändert" in pending.latest_revision.as_object().title
    assert not club.get_descendants().get(slug="geheim").live
    editor = tenant.group.user_set.get()
    assert editor.email == rich_club.editor.email and not editor.has_usable_password()

    # Cooperations, mentorings and bookings hang on the restored club again.
    links = CooperationLink.objects.filter(club=club).order_by("cooperation__slug")
    assert [(link.cooperation.slug, link.is_confirmed) for link in links] == [
        ("erste-hilfe", True),
        ("uebung", False),
    ]
    first_aid = links[0].cooperation
    assert club in first_aid.clubs.all()
    assert club.pk in first_aid.latest_revision.content["clubs"]
    assert Mentoring.objects.get(mentee=club).is_confirmed
    assert Mentoring.objects.get(mentor=club).created_by == editor
    bookings = Booking.objects.filter(club=tenant)
    assert sorted(bookings.values_list("status", flat=True)) == [
        "cancelled",
        "confirmed",
        "confirmed",
        "confirmed",
        "declined",
    ]
    assert len({booking.series for booking in bookings.filter(status="confirmed")}) == 1
    assert bookings.filter(fee_waived=True).count() == 1
    assert all(booking.requested_by == editor for booking in bookings)
    steps = BookingTransition.objects.filter(booking__club=tenant)
    assert steps.count() == 11  # requested + one decision each + the waived fee
    assert steps.filter(note="Gebühr erlassen", from_status="confirmed").exists()
    assert steps.filter(to_status="cancelled").get().by == editor
    # Agency staff are this installation's accounts: the step is kept, the person is not.
    assert steps.filter(to_status="confirmed", by=None, note="Gern!").count() == 3


def test_the_archive_carries_links_by_stable_names_and_people_only_if_editors(rich_club):
    data = canonical(export_club(rich_club.slug))
    assert data["format"] == 2
    assert {entry["partner"] for entry in data["cooperations"]} == {rich_club.partner.slug}
    assert {(entry["role"], entry["other"]) for entry in data["mentorings"]} == {
        ("mentee", "baobab-afrika-e-v"),
        ("mentor", "nuevo-comienzo-e-v"),
    }
    assert {entry["room"] for entry in data["bookings"]} == {"Café International"}
    people = {entry["requested_by"] for entry in data["bookings"]} | {
        step["by"] for entry in data["bookings"] for step in entry["transitions"]
    }
    assert people == {rich_club.editor.email, None}  # no agency address in a club archive


def test_what_the_target_lacks_is_skipped_and_reported(
    rich_club, django_capture_on_commit_callbacks
):
    archive = export_club(rich_club.slug)
    data = json.loads(_files(archive)["club.json"])
    mutated = dict(_files(archive))
    for entry in data["cooperations"]:
        if entry["cooperation"] == "uebung":
            entry["partner"], entry["partner_name"] = "thw-atlantis", "THW Atlantis"
    mutated["club.json"] = json.dumps(data).encode()
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
        delete_tenant(ClubPage.objects.get(slug="nuevo-comienzo-e-v").tenant)
    Page.objects.get(slug="erste-hilfe").delete()
    Room.objects.filter(name="Café International").update(name="Café Umgezogen")

    notes = []
    tenant = import_club(_zip(mutated), notes)

    assert ClubPage.objects.get(pk=tenant.root_page_id).live
    text = "\n".join(notes)
    assert "THW Atlantis" in text and "gibt es in dieser Installation nicht" in text
    assert "Erste Hilfe" in text and "keine solche Kooperation" in text
    assert "Nuevo Comienzo e. V." in text
    assert text.count("den Raum „Café International“ gibt es") == 5
    assert not CooperationLink.objects.filter(club=tenant.root_page_id).exists()
    assert not Booking.objects.filter(club=tenant).exists()
    # What does exist is restored: the mentoring by the Baobab club.
    assert Mentoring.objects.get(mentee=tenant.root_page_id).mentor.slug == "baobab-afrika-e-v"


def test_a_taken_slot_is_skipped_not_double_booked(
    rich_club, django_capture_on_commit_callbacks, tmp_path
):
    archive = export_club(rich_club.slug)
    first = Booking.objects.filter(club=rich_club.tenant, status="confirmed").order_by("start")[0]
    start, end = first.start, first.end
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    other = ClubFactory("Zweiter Verein e. V.")
    cafe = Room.objects.get(name="Café International")
    Booking.objects.create(
        room=cafe,
        club=other.tenant,
        start=start + datetime.timedelta(hours=1),
        end=end + datetime.timedelta(hours=1),
        purpose="Schon vergeben",
        attendees=3,
        status=BookingStatus.CONFIRMED,
    )
    out = tmp_path / "verein.zip"
    out.write_bytes(archive)
    errors = io.StringIO()
    call_command("import_club", str(out), stdout=io.StringIO(), stderr=errors)

    assert "ist in dieser Zeit hier schon bestätigt vergeben" in errors.getvalue()
    assert "Deutschkurs" in errors.getvalue()
    tenant = Tenant.objects.get(root_page__slug=rich_club.slug)
    assert Booking.objects.filter(club=tenant).count() == 4  # 5 minus the taken slot
    confirmed = Booking.objects.filter(room=cafe, status="confirmed").order_by("start")
    for earlier, later in zip(confirmed, confirmed[1:], strict=False):
        assert earlier.end <= later.start


def _state():
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    root = settings.MEDIA_ROOT
    files = sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
    return (
        Tenant.objects.count(),
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        get_user_model().objects.count(),
        Booking.objects.count(),
        BookingTransition.objects.count(),
        CooperationLink.objects.count(),
        Mentoring.objects.count(),
        files,
    )


def _broken(archive: bytes):
    """Archives broken in every layer, from the ZIP to the last booking."""
    files = _files(archive)
    data = json.loads(files["club.json"])

    def with_data(change):
        copy = json.loads(json.dumps(data))
        change(copy)
        return _zip({**files, "club.json": json.dumps(copy).encode()})

    def set_booking(name, value):
        return lambda copy: copy["bookings"][-1].__setitem__(name, value)

    yield "json-list", _zip({**files, "club.json": b"[1, 2]"})
    yield "truncated-json", _zip({**files, "club.json": files["club.json"][:-400]})
    yield "no-slug", with_data(lambda copy: copy.pop("slug"))
    yield "page-without-model", with_data(lambda copy: copy["pages"][3].pop("model"))
    yield "unknown-page-type", with_data(lambda copy: copy["pages"][2].update(model="x.y"))
    yield "unknown-locale", with_data(lambda copy: copy["pages"][-1].update(locale="xx"))
    missing = data["media"][-1]["file"]
    yield "missing-media", _zip({name: v for name, v in files.items() if name != missing})
    yield "bad-status", with_data(set_booking("status", "bogus"))
    yield "bad-date", with_data(set_booking("start", "gestern"))
    yield "end-before-start", with_data(set_booking("end", data["bookings"][-1]["start"]))
    yield "negative-fee", with_data(set_booking("fee", "-5"))
    yield "bookings-not-a-list", with_data(lambda copy: copy.update(bookings={"a": 1}))
    yield (
        "bad-decision",
        with_data(lambda copy: copy["cooperations"][0].update(club_status="vielleicht")),
    )
    yield (
        "bad-mentoring-date",
        with_data(lambda copy: copy["mentorings"][0].update(start_date="2025-02-30")),
    )
    yield (
        "bad-transition",
        with_data(lambda copy: copy["bookings"][0]["transitions"].append({"to_status": "weg"})),
    )


def test_a_broken_archive_is_refused_whole(rich_club, django_capture_on_commit_callbacks):
    archive = export_club(rich_club.slug)
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    before = _state()
    for name, broken in _broken(archive):
        with pytest.raises(TransferError) as raised:
            import_club(broken)
        message = str(raised.value)
        assert "rchiv" in message or "Seitentyp" in message, (name, message)
        assert _state() == before, name
    # The intact archive still imports afterwards.
    import_club(archive)
    assert ClubPage.objects.filter(slug=rich_club.slug, live=True).exists()


def test_import_refuses_a_club_that_is_already_here(rich_club):
    archive = export_club(rich_club.slug)
    with pytest.raises(TransferError, match="schon"):
        import_club(archive)
    assert Tenant.objects.filter(name=rich_club.title).count() == 1


def test_import_refuses_what_is_no_club_archive(db, tmp_path):
    for content in (b"", b"PK\x03\x04 kaputt", _zip({"club.json": "{}"})):
        with pytest.raises(TransferError):
            import_club(content)
    path = tmp_path / "x.zip"
    path.write_bytes(b"nope")
    with pytest.raises(CommandError, match="Kein Vereinsarchiv"):
        call_command("import_club", str(path))


def test_unknown_taxonomy_is_a_clear_error_and_nothing_is_created(
    rich_club, django_capture_on_commit_callbacks
):
    archive = export_club(rich_club.slug)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        files = {name: opened.read(name) for name in opened.namelist()}
    data = json.loads(files["club.json"])
    data["pages"][0]["content"]["municipality"] = "atlantis"
    files["club.json"] = json.dumps(data).encode()
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    with pytest.raises(TransferError, match="atlantis"):
        import_club(_zip(files))
    assert not ClubPage.objects.filter(slug=rich_club.slug).exists()


def test_commands_round_trip(rich_club, tmp_path, django_capture_on_commit_callbacks):
    out = tmp_path / "verein.zip"
    call_command("export_club", rich_club.slug, "--out", str(out))
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    call_command("import_club", str(out))
    assert ClubPage.objects.filter(slug=rich_club.slug, live=True).exists()


def test_a_format_1_archive_is_still_read(rich_club, django_capture_on_commit_callbacks):
    """Archives written before cooperations and bookings travelled: pages and media only."""
    files = _files(export_club(rich_club.slug))
    data = json.loads(files["club.json"])
    for key in ("cooperations", "mentorings", "bookings"):
        data.pop(key)
    for record in data["pages"]:
        record.pop("revised_at")
    data["format"] = 1
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    notes = []
    tenant = import_club(_zip({**files, "club.json": json.dumps(data).encode()}), notes)
    assert ClubPage.objects.get(pk=tenant.root_page_id).live and notes == []
    assert not Booking.objects.filter(club=tenant).exists()


def _files(archive: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def _zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
