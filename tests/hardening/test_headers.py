"""Security headers: the admin's and API's Content-Security-Policy, the built sites' strict
one, and documents served only as downloads through Wagtail's view."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cms.hardening.csp import site_policy
from tests.factories import document

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, set[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = set(values)
    return parsed


def test_api_and_its_documentation_send_a_policy_without_inline_script(client):
    for url in ["/api/v1/clubs/", "/api/v1/docs/", "/api/v1/docs/redoc/", "/api/v2/pages/"]:
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == {"'self'"}, url
        assert policy["object-src"] == {"'none'"}, url
        assert policy["frame-ancestors"] == {"'self'"}, url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_admin_allows_inline_scripts_of_its_widgets_but_not_in_the_preview(
    client, agency_user, club
):
    client.force_login(agency_user)
    for url in ["/admin/", f"/admin/pages/{club.pk}/edit/", "/admin/login/"]:
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == {"'self'", "'unsafe-inline'"}, url
        assert policy["object-src"] == {"'none'"}, url
        assert policy["frame-ancestors"] == {"'self'"}, url
    preview = client.get(f"/admin/pages/{club.pk}/edit/preview/")
    assert directives(preview["Content-Security-Policy"])["script-src"] == {"'self'"}


def test_the_api_documentation_loads_its_script_from_a_url(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert "<script>" not in page
    script = client.get("/api/v1/docs/?script")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


def test_built_sites_are_served_with_the_strict_site_policy(client, club, build_club_site):
    build_club_site(club)
    for url in [f"/vereine/{club.slug}/", f"/vereine/{club.slug}/gibt-es-nicht/"]:
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == {"'self'"}
        assert policy["script-src"] == {"'self'"}
        assert policy["style-src"] == {"'self'"}
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_portal_is_served_with_the_strict_site_policy(client, club, build_portal_site):
    build_portal_site()
    response = client.get("/de/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}


def test_site_csp_prints_the_policy_the_docs_show(capsys):
    call_command("site_csp")
    printed = capsys.readouterr().out.strip()
    assert directives(printed) == directives(site_policy())
    from pathlib import Path

    deploy = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text()
    documented = next(
        line.split('"')[1]
        for line in deploy.splitlines()
        if "Content-Security-Policy" in line and "default-src" in line
    )
    assert directives(documented) == directives(printed)


def test_documents_are_always_downloads(client, club):
    from cms.tenancy.models import DocumentRelease

    doc = document(collection=club.tenant.collection)
    # Private by default (tests/tenancy/test_documents.py); this one the club made public.
    DocumentRelease.objects.create(document=doc, public=True)
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_media_folder_does_not_hand_out_documents(client, club):
    doc = document(collection=club.tenant.collection)
    assert client.get(f"/media/{doc.file.name}").status_code == 404


def test_documents_of_an_unpublished_club_are_not_public(client, db):
    from tests.factories import ClubFactory

    draft = ClubFactory(publish=False)
    doc = document(collection=draft.tenant.collection)
    assert client.get(doc.url).status_code == 404
    # The club's own editors still get it (to check what they uploaded).
    client.force_login(draft.editor)
    assert client.get(doc.url).status_code == 200
    assert reverse("wagtaildocs_serve", args=(doc.pk, doc.filename)) == doc.url
