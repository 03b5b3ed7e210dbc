"""Club editors publishing through the admin, as a browser does it: the editor's session, the
edit form as Wagtail renders it, and the form POST with ``action-publish`` through the whole
Django stack (middleware, Wagtail's edit view, its publish, the build requests on commit).

The benchmark's clubs are generated in bulk, without tenants; ``trusted_editor`` provisions
the club's tenant (trusted: its editors publish directly) and an editor, as the agency does
(``cms/tenancy/provisioning.py``), idempotently.

A StreamField's inputs are built by JavaScript in the browser from the block's form state
(``Block.get_form_state``, what the page carries for the script); ``stream_inputs`` builds the
same inputs here, so the body is posted unchanged rather than emptied.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail import blocks

EDITOR_DOMAIN = "bench.invalid"


def trusted_editor(club):
    """The editor of ``club`` (provisioned with its tenant, which publishes directly)."""
    from cms.clubs.models import ClubPage
    from cms.tenancy.provisioning import (
        TenantKind,
        apply_publishing_mode,
        club_index,
        provision_tenant,
    )

    provisioned = provision_tenant(
        kind=TenantKind.CLUB,
        parent=club_index(),
        page=ClubPage(title=club.title, slug=club.slug),
        editor_email=f"{club.slug}@{EDITOR_DOMAIN}",
    )
    tenant = provisioned.tenant
    if not tenant.direct_publishing:
        tenant.direct_publishing = True
        tenant.save(update_fields=["direct_publishing"])
        apply_publishing_mode(tenant)
    return provisioned.editor


def form_fields(html: str, action: str) -> dict:
    """The fields of the admin form posting to ``action`` as a browser would send them."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"action": action})
    if form is None:
        raise ValueError(f"No form posts to {action}.")
    data: dict = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name:
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
    return data


def stream_inputs(block, state, prefix: str, out: dict) -> None:
    """The inputs Wagtail's block script posts for ``state`` (``block.get_form_state``)."""
    if isinstance(block, blocks.StreamBlock):
        out[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            out.update({f"{item}-type": child["type"], f"{item}-deleted": ""})
            out.update({f"{item}-order": str(index), f"{item}-id": child.get("id") or ""})
            stream_inputs(block.child_blocks[child["type"]], child["value"], f"{item}-value", out)
    elif isinstance(block, blocks.ListBlock):
        out[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            out.update({f"{item}-deleted": "", f"{item}-order": str(index)})
            out[f"{item}-id"] = child.get("id") or ""
            stream_inputs(block.child_block, child["value"], f"{item}-value", out)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            stream_inputs(child, (state or {}).get(name), f"{prefix}-{name}", out)
    elif isinstance(state, bool):
        if state:
            out[prefix] = "on"
    elif isinstance(state, dict):  # a chooser: its hidden input holds the id
        out[prefix] = str(state.get("id") or "")
    else:
        out[prefix] = "" if state is None else str(state)


class AdminEditor:
    """One editor's browser session in the admin: through Django's test client in this
    process, or, given ``base_url``, over HTTP to a running server (``bench.run``: gunicorn
    as docs/deploy.md runs it), with the session cookie of a login and the CSRF cookie and
    token the admin's forms carry, as a browser sends them."""

    def __init__(self, user, base_url: str | None = None):
        self.client = Client()
        self.client.force_login(user)
        self.http = None
        if base_url:
            import httpx

            cookie = settings.SESSION_COOKIE_NAME
            self.http = httpx.Client(
                base_url=base_url,
                cookies={cookie: self.client.cookies[cookie].value},
                timeout=120.0,
            )

    def get(self, url: str):
        response = (self.http or self.client).get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}: {response.status_code}")
        return response.content.decode()

    def close(self) -> None:
        if self.http is not None:
            self.http.close()

    def publish_form(self, page, **changes) -> tuple[str, dict]:
        """The edit form of ``page`` as the admin renders it for this editor, with its
        StreamFields as the browser's script posts them, ``changes`` and the publish action."""
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = form_fields(self.get(url), url)
        specific = page.specific_class.objects.get(pk=page.pk)
        for field in specific._meta.get_fields():
            stream = getattr(field, "stream_block", None)
            if stream is not None:
                value = getattr(specific, field.name)
                stream_inputs(stream, stream.get_form_state(value), field.name, data)
        data.update(changes)
        data["action-publish"] = "action-publish"
        return url, data

    def create_form(self, parent, model, **fields) -> tuple[str, dict]:
        """The form that adds a ``model`` page below ``parent`` as the admin renders it, its
        StreamFields empty as the browser's script posts them, ``fields`` (the slug too, which
        the browser's script derives from the title) and the publish action."""
        meta = model._meta
        url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])
        data = form_fields(self.get(url), url)
        for field in meta.get_fields():
            stream = getattr(field, "stream_block", None)
            if stream is not None:
                stream_inputs(stream, stream.get_form_state(stream.get_default()), field.name, data)
        data.update(fields)
        data["action-publish"] = "action-publish"
        return url, data

    def news_form(self, sibling, title: str, slug: str) -> tuple[str, dict]:
        """The form for a new news item beside ``sibling``, dated today: once published it
        enters the top of every list that shows news."""
        import datetime

        from cms.clubs.models import NewsPage

        return self.create_form(
            sibling.get_parent(),
            NewsPage,
            title=title,
            slug=slug,
            date=datetime.date.today().isoformat(),
            teaser="Neu von heute Abend.",
        )

    def post(self, url: str, data: dict, phase: str = ""):
        """POST the form; ``phase`` names the measurement the server's timing of the request
        belongs to (bench/timing.py)."""
        headers = {"X-Bench-Phase": phase} if phase else {}
        if self.http is not None:
            response = self.http.post(url, data=data, headers=headers)
        else:
            response = self.client.post(url, data, headers=headers)
        if response.status_code != 302:
            raise RuntimeError(f"POST {url}: {response.status_code} {response.content[:500]!r}")
        return response
