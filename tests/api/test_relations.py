"""cms.api.relations: many small relations in one query, the same objects in the same order as
``prefetch_related`` gives."""

import datetime

from django.db.models import Prefetch

from cms.api.relations import club_relations, prefetch_relations
from cms.clubs.models import ClubPage, HomepageSection, MeetingTime
from cms.taxonomy.models import UmbrellaOrganisation
from tests.factories import ClubFactory


def snapshot(club) -> dict:
    return {
        "countries": [(c.pk, c.code, c.name) for c in club.countries.all()],
        "languages": [
            (x.pk, x.tag, x.name, x.native_name, x.direction) for x in club.languages.all()
        ],
        "focus_areas": [(f.pk, f.name, f.slug) for f in club.focus_areas.all()],
        "tags": [(t.pk, t.name, t.slug) for t in club.tags.all()],
        "umbrellas": [(u.pk, u.name, u.website) for u in club.umbrellas.all()],
        "meeting_times": [
            (m.pk, m.weekday, m.start_time, m.end_time, m.place, m.note)
            for m in club.meeting_times.all()
        ],
        "homepage_sections": [(s.pk, s.section) for s in club.homepage_sections.all()],
    }


def test_one_query_same_result_as_prefetch_related(db, django_assert_num_queries):
    umbrella = UmbrellaOrganisation.objects.create(
        name="Dachverband Ä", website="https://d.example"
    )
    first = ClubFactory(countries=("TR", "SY", "UA"), languages=("tr", "ar", "de", "uk"))
    second = ClubFactory(countries=(), languages=("fa",), focus=())
    first.tags.add("Zebra", "ähnlich", "alpha")
    first.umbrellas.add(umbrella)
    first.meeting_times.add(
        MeetingTime(weekday=2, start_time=datetime.time(18, 30), place="Treff", note="")
    )
    first.meeting_times.add(
        MeetingTime(weekday=0, start_time=datetime.time(9, 0), end_time=datetime.time(11, 0))
    )
    first.homepage_sections.add(HomepageSection(section="news"))
    first.homepage_sections.add(HomepageSection(section="about"))
    first.save_revision().publish()

    ids = [first.pk, second.pk]
    expected = {
        club.pk: snapshot(club)
        for club in ClubPage.objects.filter(pk__in=ids).prefetch_related(
            "countries",
            "languages",
            "focus_areas",
            "tags",
            "umbrellas",
            Prefetch("meeting_times", queryset=MeetingTime.objects.order_by("sort_order")),
            "homepage_sections",
        )
    }
    clubs = list(ClubPage.objects.filter(pk__in=ids))
    with django_assert_num_queries(1):
        prefetch_relations({ClubPage: clubs}, club_relations(detail=True))
        found = {club.pk: snapshot(club) for club in clubs}
    assert found == expected
    assert found[first.pk]["meeting_times"][0][2] == datetime.time(18, 30)
    assert found[second.pk]["countries"] == []
