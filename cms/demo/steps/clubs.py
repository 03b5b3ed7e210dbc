"""The 72 demo clubs: each provisioned like an approved registration, its profile filled in
and its tree built (about page, news, events, gallery). A club that exists (by slug) is
left alone, so a second run is a no-op; each club is built in its own transaction."""

from decimal import Decimal

from django.db import transaction

from cms.clubs.models import (
    ClubPage,
    ContentPage,
    GalleryImage,
    GalleryPage,
    HomepageSection,
    MeetingTime,
    NewsIndexPage,
    NewsPage,
)
from cms.events.models import EventIndexPage, EventPage
from cms.taxonomy.models import Country, FocusArea, Language, Municipality
from cms.tenancy.provisioning import club_index, provision_club

from ..pages import add_page, submit_for_approval
from ..pictures import logo_png, picture_jpeg, store_picture
from .accounts import EDITOR_PASSWORD, set_demo_password

PROGRESS_EVERY = 12


def build_clubs(context) -> None:
    index = club_index()
    existing = set(ClubPage.objects.child_of(index).values_list("slug", flat=True))
    languages = {language.tag: language for language in Language.objects.all()}
    missing = [club for club in context.plan if club.slug not in existing]
    for number, club in enumerate(missing, start=1):
        with transaction.atomic():
            build_club(context, club, languages)
        context.created["Vereine"] += 1
        if number % PROGRESS_EVERY == 0 or number == len(missing):
            context.log(f"  {number} von {len(missing)} Vereinen angelegt …")


def build_club(context, club, languages) -> None:
    provisioned = provision_club(
        name=club.name,
        slug=club.slug,
        municipality=Municipality.objects.get(name=club.municipality),
        legal_form=club.legal_form,
        founding_year=club.founding_year,
        short_description=club.short_description,
        countries=Country.objects.filter(code__in=club.countries),
        languages=[languages[tag] for tag in club.languages],
        focus_areas=FocusArea.objects.filter(name__in=club.focus),
        editor_email=club.editor_email,
        editor_first_name=club.editor_first_name,
        editor_last_name=club.editor_last_name,
    )
    tenant, editor = provisioned.tenant, provisioned.editor
    set_demo_password(editor, EDITOR_PASSWORD)
    if club.direct_publishing:
        tenant.direct_publishing = True
        tenant.save()
    publisher = editor if club.direct_publishing else context.users["agency"]

    pictures = [
        store_picture(
            tenant.collection,
            picture.title,
            f"{club.slug}-{number}.jpg",
            picture_jpeg(
                f"{club.slug}:{number}",
                club.primary_colour,
                club.accent_colour,
                picture.motif,
                club.short_name,
            ),
            editor,
        )
        for number, picture in enumerate(club.pictures, start=1)
    ]
    context.created["Bilder"] += len(pictures)
    logo = None
    if club.with_logo:
        initials = "".join(word[0] for word in club.short_name.split()[:3] if word[0].isalpha())
        logo = store_picture(
            tenant.collection,
            f"{club.short_name} – Logo",
            f"{club.slug}-logo.png",
            logo_png(club.primary_colour, club.accent_colour, initials.upper()),
            editor,
        )
        context.created["Bilder"] += 1

    page = tenant.root_page.specific
    fill_profile(context, page, club, pictures[0], logo)
    if club.draft:
        # Publishing copies the revision into the page; a draft keeps its profile on the
        # page itself too, so lists and statistics see it.
        page.save()
    revision = page.save_revision(user=editor)
    context.created["Seiten"] += 1
    if club.draft:
        submit_for_approval(page, editor)
        about_page(page, club, pictures, editor, publish=False)
        context.created["Seiten"] += 1
        return
    revision.publish(user=publisher, skip_permission_checks=True)

    about_page(page, club, pictures, publisher, publish=True)
    news_pages(context, page, club, pictures, editor, publisher)
    event_pages(context, page, club, languages, publisher)
    gallery = GalleryPage(
        title="Galerie",
        slug="galerie",
        intro=f"Bilder aus dem Vereinsleben von {club.short_name}.",
        gallery_images=[
            GalleryImage(image=image, caption=picture.caption, photo_consent=picture.photo_consent)
            for image, picture in zip(pictures, club.pictures, strict=True)
        ],
    )
    add_page(page, gallery, user=publisher)
    context.created["Seiten"] += 2


def fill_profile(context, page, club, cover, logo) -> None:
    page.register_court = club.register_court
    page.register_number = club.register_number
    page.member_count = club.member_count
    page.board_women, page.board_men, page.board_diverse = club.board
    page.description = club.description_html
    page.plain_summary = club.plain_summary
    page.street, page.postal_code, page.city = club.street, club.postal_code, club.city
    page.publish_address = club.publish_address
    page.contact_name = club.contact_name
    page.contact_role = club.contact_role
    page.contact_email = club.contact_email
    page.contact_phone = club.contact_phone
    page.contact_consent = club.contact_consent
    page.imprint_representatives = club.imprint_representatives
    if club.imprint_representatives:
        page.imprint_responsible = club.contact_name
        page.imprint_email, page.imprint_phone = club.contact_email, club.contact_phone
    page.website = club.website
    page.own_domain = club.own_domain
    page.theme = club.theme
    page.primary_colour, page.accent_colour = club.primary_colour, club.accent_colour
    page.cover_image, page.logo = cover, logo
    page.umbrellas = [context.umbrellas[name] for name in club.umbrellas]
    page.tags.add(*club.tags)
    page.meeting_times = [
        MeetingTime(
            weekday=meeting.weekday,
            start_time=meeting.start,
            end_time=meeting.end,
            place=meeting.place,
            note=meeting.note,
        )
        for meeting in club.meetings
    ]
    page.homepage_sections = [HomepageSection(section=section) for section in club.sections]


def about_page(page, club, pictures, user, *, publish) -> None:
    attribution = (
        f"{club.contact_name}, {club.contact_role}" if club.contact_consent else "aus dem Vorstand"
    )
    about = ContentPage(
        title="Über uns",
        slug="ueber-uns",
        body=[
            {"type": "text", "value": club.description_html},
            {"type": "quote", "value": {"text": club.about_quote, "attribution": attribution}},
            {
                "type": "image",
                "value": {
                    "image": pictures[0].pk,
                    "caption": club.pictures[0].caption,
                    "alt_text": f"Farbige Formen mit dem Wort „{club.pictures[0].motif}“",
                },
            },
        ],
    )
    add_page(page, about, user=user, publish=publish)


def news_pages(context, page, club, pictures, editor, publisher) -> None:
    index = add_page(
        page,
        NewsIndexPage(
            title="Neuigkeiten", slug="neuigkeiten", intro=f"Was bei {club.short_name} los ist."
        ),
        user=publisher,
    )
    context.created["Seiten"] += 1
    for item in club.news:
        news = NewsPage(
            title=item.title,
            slug=item.slug,
            date=item.date,
            teaser=item.teaser,
            image=pictures[item.image_index] if item.image_index is not None else None,
            body=[{"type": "text", "value": item.body_html}],
        )
        news.tags.add(*item.tags)
        add_page(index, news, user=publisher if item.published else editor, publish=item.published)
        if not item.published and not club.direct_publishing:
            submit_for_approval(news, editor)
        context.created["Seiten"] += 1


def event_pages(context, page, club, languages, publisher) -> None:
    index = add_page(
        page,
        EventIndexPage(
            title="Veranstaltungen",
            slug="veranstaltungen",
            intro="Unsere regelmäßigen Treffen und besonderen Termine.",
        ),
        user=publisher,
    )
    context.created["Seiten"] += 1
    for item in club.events:
        event = EventPage(
            title=item.title,
            slug=item.slug,
            start=item.start,
            end=item.end,
            all_day=item.all_day,
            recurrence=item.recurrence,
            location_address=item.address,
            location_room=context.rooms[item.room] if item.room else None,
            category=item.category,
            cost=Decimal(item.cost) if item.cost else None,
            registration_url=item.registration_url,
            summary=item.summary,
            body=[{"type": "text", "value": item.body_html}],
        )
        event.languages = [languages[tag] for tag in item.languages]
        add_page(index, event, user=publisher)
        context.created["Seiten"] += 1
        context.created["Veranstaltungen"] += 1
