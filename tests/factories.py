"""Factories that build their own data (never the demo district).

``ClubFactory`` provisions a real tenant (page, group, collection, editor) through the same
code path as the agency's approval, and publishes the page unless told otherwise.
"""

import datetime
import io

import factory
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from cms.taxonomy.models import Country, FocusArea, Language, Municipality
from cms.tenancy.platform import agency_group
from cms.tenancy.provisioning import provision_club

PASSWORD = "test-passwort-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.SelfAttribute("username")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)


class AgencyUserFactory(UserFactory):
    @factory.post_generation
    def agency(obj, create, extracted, **kwargs):
        obj.groups.add(agency_group())
        obj.save()


def municipality(name: str = "Düren") -> Municipality:
    return Municipality.objects.get(name=name)


class ClubFactory:
    """Provision a club tenant with one editor; returns the (specific) ClubPage with
    ``.tenant`` and ``.editor`` attached for convenience."""

    _counter = 0

    def __new__(
        cls,
        name: str | None = None,
        *,
        municipality_name: str = "Düren",
        publish: bool = True,
        countries=("TR",),
        languages=("tr", "de"),
        focus=("Kultur",),
        founding_year: int = 2010,
        **fields,
    ):
        ClubFactory._counter += 1
        name = name or f"Testverein {ClubFactory._counter} e. V."
        result = provision_club(
            name=name,
            municipality=municipality(municipality_name),
            founding_year=founding_year,
            short_description=fields.pop("short_description", f"Kurzbeschreibung von {name}"),
            countries=Country.objects.filter(code__in=countries),
            languages=Language.objects.filter(tag__in=languages),
            focus_areas=FocusArea.objects.filter(name__in=focus),
            editor_email=f"redaktion{ClubFactory._counter}@example.org",
        )
        editor = result.editor
        editor.set_password(PASSWORD)
        editor.save()
        page = result.tenant.root_page.specific
        for key, value in fields.items():
            setattr(page, key, value)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        page.tenant = result.tenant
        page.editor = editor
        return page


def add_child(parent, page, publish: bool = True):
    """Add ``page`` (unsaved) under ``parent`` and publish it unless told otherwise (a page that
    is not published is a draft: ``live=False``, as when an editor saves without publishing)."""
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def news_index(club, **kwargs):
    from cms.clubs.models import NewsIndexPage

    return add_child(club, NewsIndexPage(title="Neuigkeiten", slug="neuigkeiten", **kwargs))


def news_page(index, title="Eine Neuigkeit", publish=True, **kwargs):
    from cms.clubs.models import NewsPage

    kwargs.setdefault("date", datetime.date(2026, 11, 1))
    kwargs.setdefault("teaser", f"Anriss: {title}")
    return add_child(index, NewsPage(title=title, **kwargs), publish=publish)


def event_index(club, **kwargs):
    from cms.events.models import EventIndexPage

    return add_child(
        club, EventIndexPage(title="Veranstaltungen", slug="veranstaltungen", **kwargs)
    )


def agency_event_index(**kwargs):
    """The agency's own events index, below the portal home (``cms.portal.agency_events``)."""
    from cms.events.models import EventIndexPage
    from cms.portal.models import PortalHomePage

    home = PortalHomePage.objects.get(locale__language_code="de")
    kwargs.setdefault("title", "Veranstaltungen der Integrationsagentur")
    kwargs.setdefault("slug", "agentur-termine")
    return add_child(home, EventIndexPage(**kwargs))


def event_page(index, title="Ein Treffen", start=None, publish=True, **kwargs):
    from cms.events.models import EventPage

    start = start or timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    kwargs.setdefault("end", start + datetime.timedelta(hours=2))
    return add_child(index, EventPage(title=title, start=start, **kwargs), publish=publish)


def image_file(name="bild.png", size=(32, 24), colour=(200, 30, 30), fmt="PNG") -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, fmt)
    buffer.seek(0)
    return ImageFile(buffer, name=name)


def image(collection=None, title="Bild", **kwargs) -> Image:
    kwargs.setdefault("file", image_file())
    if collection is not None:
        kwargs["collection"] = collection
    return Image.objects.create(title=title, **kwargs)


def document(collection=None, title="Satzung") -> Document:
    from django.core.files.base import ContentFile

    kwargs = {"file": ContentFile(b"%PDF-1.4\n%test\n", name="satzung.pdf")}
    if collection is not None:
        kwargs["collection"] = collection
    return Document.objects.create(title=title, **kwargs)


# --- rooms and bookings (helper "rooms") ------------------------------------------------------


def room(name=None, *, capacity=30, hourly_fee="10.00", daily_fee="50.00", hours=None, **fields):
    """A room open every day 08:00–22:00 unless ``hours`` (``{weekday: (opens, closes)}``)."""
    from decimal import Decimal

    from cms.rooms.models import OpeningHours, Room

    room._counter = getattr(room, "_counter", 0) + 1
    created = Room.objects.create(
        name=name or f"Testraum {room._counter}",
        location=fields.pop("location", "Teststraße 1, 52349 Düren"),
        municipality=fields.pop("municipality", None) or municipality(),
        capacity=capacity,
        hourly_fee=Decimal(hourly_fee),
        daily_fee=Decimal(daily_fee),
        **fields,
    )
    if hours is None:
        hours = {day: (datetime.time(8), datetime.time(22)) for day in range(7)}
    for weekday, (opens, closes) in hours.items():
        OpeningHours.objects.create(room=created, weekday=weekday, opens=opens, closes=closes)
    return created


def local_time(days_ahead: int, hour: int, minute: int = 0) -> datetime.datetime:
    """A time in the site's zone ``days_ahead`` days from today."""
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def booking(room_, club, *, days_ahead=7, hour=18, hours=2, status="requested", **fields):
    """A booking created directly in the database (no validation, no mail)."""
    from cms.rooms.models import Booking

    start = fields.pop("start", None) or local_time(days_ahead, hour)
    return Booking.objects.create(
        room=room_,
        club=getattr(club, "tenant", club),
        start=start,
        end=fields.pop("end", None) or start + datetime.timedelta(hours=hours),
        purpose=fields.pop("purpose", "Mitgliederversammlung"),
        attendees=fields.pop("attendees", 10),
        status=status,
        **fields,
    )


# --- partners (partner organisations, cooperations, mentoring) ---------------------------------


class PartnerFactory:
    """Provision a partner organisation with one editor, like ``ClubFactory``; returns the
    (specific) PartnerPage with ``.tenant`` and ``.editor`` attached."""

    _counter = 0

    def __new__(cls, name: str | None = None, *, publish: bool = True, **fields):
        from cms.partners.provisioning import provision_partner

        PartnerFactory._counter += 1
        number = PartnerFactory._counter
        name = name or f"Partnerorganisation {number}"
        municipality_name = fields.pop("municipality_name", "Düren")
        result = provision_partner(
            name=name,
            municipality=municipality(municipality_name),
            short_description=fields.pop("short_description", f"Über {name}"),
            website=fields.pop("website", f"https://partner{number}.example.org/"),
            editor_email=f"partner{number}@example.org",
        )
        result.tenant.direct_publishing = fields.pop("direct_publishing", True)
        result.tenant.save()
        editor = result.editor
        editor.set_password(PASSWORD)
        editor.save()
        page = result.tenant.root_page.specific
        for key, value in fields.items():
            setattr(page, key, value)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        page.tenant = result.tenant
        page.editor = editor
        return page


def cooperation(partner, clubs=(), title="Erste-Hilfe-Kurs", publish=True, **kwargs):
    """A cooperation page of ``partner`` naming ``clubs``; publishing it creates the links,
    which wait for each club's decision."""
    from cms.partners.models import CooperationPage

    kwargs.setdefault("kind", "first_aid")
    kwargs.setdefault("start_date", datetime.date(2026, 1, 15))
    kwargs.setdefault("description", f"Beschreibung: {title}")
    PartnerFactory._counter += 1
    kwargs.setdefault("slug", f"kooperation-{PartnerFactory._counter}")
    page = CooperationPage(title=title, **kwargs)
    page.clubs = list(clubs)
    return add_child(partner, page, publish=publish)


def confirm(cooperation_page, club, decision: str = "confirmed"):
    """Record ``club``'s decision on its link to ``cooperation_page`` (as its editors would)."""
    from cms.partners.models import CooperationLink

    link = CooperationLink.objects.get(cooperation=cooperation_page, club=club)
    link.club_status = decision
    link.save()
    return link


def mentoring(mentor, mentee, confirmed: bool = True, **kwargs):
    from cms.partners.models import Decision, Mentoring

    status = Decision.CONFIRMED if confirmed else Decision.PENDING
    kwargs.setdefault("start_date", datetime.date(2025, 9, 1))
    kwargs.setdefault("funding_reference", "UF-2025-001")
    return Mentoring.objects.create(
        mentor=mentor,
        mentee=mentee,
        mentor_status=Decision.CONFIRMED,
        mentee_status=status,
        **kwargs,
    )


# --- agency: funding programmes (issue #8) --------------------------------------------------


def funding_programme(
    title="Starthilfe für Vereine",
    *,
    deadlines=(),
    focus=(),
    municipalities=(),
    **fields,
):
    """A funding programme; ``deadlines`` are (date, recurrence) pairs, ``focus`` focus-area
    names, ``municipalities`` municipality names."""
    from django.utils.text import slugify

    from cms.funding.models import FundingDeadline, FundingProgramme

    fields.setdefault("slug", slugify(title))
    fields.setdefault("funder", "Land NRW")
    programme = FundingProgramme(title=title, **fields)
    # Parental many-to-many values and child rows are written by the cluster's save().
    programme.focus_areas = list(FocusArea.objects.filter(name__in=focus))
    programme.municipalities = list(Municipality.objects.filter(name__in=municipalities))
    programme.deadlines = [
        FundingDeadline(date=date, recurrence=recurrence, sort_order=position)
        for position, (date, recurrence) in enumerate(deadlines)
    ]
    programme.save()
    return programme


def signup_options(event, capacity=10, **fields):
    from cms.signups.models import SignupOptions

    return SignupOptions.objects.create(event=event, capacity=capacity, **fields)


def signup(options, name="Ada Test", people=1, locale="de", **fields):
    """A sign-up through the service, as the API makes it (confirmed or waiting)."""
    from cms.signups import services

    data = {"name": name, "email": fields.pop("email", "ada@example.org"), "people": people}
    data.update(fields)
    return services.sign_up(options, data, locale)


def board_post(
    tenant, title="Ehrenamtliche gesucht", direction="request", kind="volunteers", **fields
):
    from cms.board.models import BoardPost

    languages = fields.pop("languages", ())
    fields.setdefault("description", f"Beschreibung: {title}")
    fields.setdefault("municipality", municipality(fields.pop("municipality_name", "Düren")))
    fields.setdefault("expires_on", timezone.localdate() + datetime.timedelta(days=30))
    post = BoardPost.objects.create(
        tenant=tenant, title=title, direction=direction, kind=kind, **fields
    )
    post.languages.set(Language.objects.filter(tag__in=languages))
    return post
