"""Filling in Wagtail admin forms in tests the way a browser would: take the fields the admin
rendered, change some, post them."""

from bs4 import BeautifulSoup
from django.test import Client


def form_data(html: str, action: str, **changes) -> dict:
    """The fields of the admin form posting to ``action``, with ``changes`` applied."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"action": action})
    if form is None:
        raise ValueError(f"No form posts to {action}.")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            values = [option.get("value", "") for option in field.find_all("option", selected=True)]
            if field.has_attr("multiple"):
                data[name] = values
            elif values:
                data[name] = values[0]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
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
