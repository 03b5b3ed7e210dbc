"""Filling in Wagtail admin forms in tests the way a browser would: take the fields the admin
rendered, change some, post them."""

from django.test import Client

from bench.editors import form_fields


def form_data(html: str, action: str, **changes) -> dict:
    """The fields of the admin form posting to ``action``, with ``changes`` applied."""
    # The same reading of a form as the benchmark's editors (bench/editors.py).
    data = form_fields(html, action)
    data.pop("csrfmiddlewaretoken", None)
    data.update(changes)
    return data


def admin_form(user, url: str, **changes) -> dict:
    """The form at ``url`` as ``user`` sees it (a fresh client, so the caller's session and
    permissions do not matter), with ``changes`` applied."""
    client = Client()
    client.force_login(user)
    response = client.get(url)
    if response.status_code != 200:
        raise AssertionError(f"GET {url} as {user}: {response.status_code}")
    return form_data(response.content.decode(), url, **changes)


def page_form(user, url: str, **changes) -> dict:
    """A page's add or edit form. A StreamField's inputs are built by JavaScript in the
    browser; posted without blocks, a stream named ``body`` is "count 0"."""
    return admin_form(user, url, **{"body-count": "0", **changes})
