"""The number of queries of every list endpoint does not grow with the number of results."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.clubs.models import ContentPage, GalleryImage, GalleryPage
from tests.factories import ClubFactory, add_child, document, image, news_index, news_page

from .conftest import body_blocks

# Budgets per request, whatever the number of results (measured: see the report in
# docs/api.md); a regression to N+1 blows through them at 50 results.
BUDGETS = {
    "/api/v1/clubs/?limit=100": 20,
    "/api/v1/news/?limit=100": 20,
    "/api/v1/search/?q=Vereinsleben&limit=100": 25,
    "/api/v2/pages/?limit=100": 20,
    "/api/v2/pages/?type=clubs.NewsPage&fields=title,date,teaser&limit=100": 20,
    "/api/v2/images/?limit=100": 20,
    "/api/v2/documents/?limit=100": 20,
}


def add_clubs(count):
    for _ in range(count):
        club = ClubFactory(short_description="Vereinsleben", countries=("TR", "SY"))
        club.logo = image(club.tenant.collection, title="Logo")
        club.tags.add("kultur", "jugend")
        club.save_revision().publish()
        index = news_index(club)
        news_page(
            index,
            title="Vereinsleben heute",
            image=image(club.tenant.collection),
            body=body_blocks(document_id=document(club.tenant.collection).pk),
        )


def count_queries(client, url):
    client.get(url)  # renditions are created on first use; that is not what we measure
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    data = response.json()
    return len(queries), len(data.get("results", data.get("items", [])))


def test_list_queries_are_constant(client, db, django_assert_max_num_queries):
    """One test for all list endpoints, because building 50 clubs is slow."""
    add_clubs(5)
    at_five = {url: count_queries(client, url) for url in BUDGETS}
    add_clubs(45)
    at_fifty = {url: count_queries(client, url) for url in BUDGETS}
    for url in BUDGETS:
        (queries_five, results_five), (queries_fifty, results_fifty) = at_five[url], at_fifty[url]
        print(
            f"{url}: {queries_five} queries at {results_five}, {queries_fifty} at {results_fifty}"
        )
        assert results_five >= 5 and results_fifty >= 50, url
        assert queries_fifty == queries_five, (
            f"{url}: {queries_five} queries at {results_five} results, "
            f"{queries_fifty} at {results_fifty}"
        )
        cache.clear()
        with django_assert_max_num_queries(BUDGETS[url]):
            client.get(url)


def add_pages(club, numbers, collection):
    for number in numbers:
        picture = image(collection, title=f"Bild {number}")
        add_child(
            club,
            ContentPage(
                title=f"Seite {number}",
                slug=f"seite-{number}",
                body=body_blocks(image_id=picture.pk),
            ),
        )
        gallery = GalleryPage(title=f"Galerie {number}", slug=f"galerie-{number}")
        gallery.gallery_images.add(GalleryImage(image=picture, photo_consent=True))
        add_child(club, gallery)


def test_bundle_queries_are_constant(client, db, django_assert_max_num_queries):
    club = ClubFactory()
    url = f"/api/v1/clubs/{club.slug}/bundle/"
    add_pages(club, range(5), club.tenant.collection)
    at_five, _ = count_queries(client, url)
    add_pages(club, range(5, 50), club.tenant.collection)
    at_fifty, _ = count_queries(client, url)
    assert len(client.get(url).json()["pages"]) == 100
    print(f"{url}: {at_five} queries at 10 pages, {at_fifty} at 100 pages")
    assert at_fifty == at_five, f"bundle: {at_five} queries at 5+5 pages, {at_fifty} at 50+50"
    cache.clear()
    with django_assert_max_num_queries(40):
        client.get(url)
