import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.signups import services
from cms.signups.mails import accept_url, cancel_url, link_token
from cms.signups.models import Signup, SignupStatus
from tests.factories import signup

pytestmark = pytest.mark.django_db


def path(url):
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_the_cancel_link_asks_first_and_cancels_on_post(client, options, mails, mailoutbox):
    made = signup(options, name="Layla", locale="ar")
    link = path(cancel_url(made))

    page = client.get(link)
    assert page.status_code == 200
    assert 'lang="ar" dir="rtl"' in page.content.decode()
    assert Signup.objects.get(pk=made.pk).status == SignupStatus.CONFIRMED

    with mails(execute=True):
        done = client.post(link)
    assert done.status_code == 200
    assert Signup.objects.get(pk=made.pk).status == SignupStatus.CANCELLED
    assert [m.subject for m in mailoutbox] == ["إلغاء التسجيل: Workshop Vereinsfinanzen"]


def test_a_tampered_link_is_404(client, options):
    made = signup(options)
    token = link_token(made)
    assert client.get(reverse("signups:cancel", args=[token[:-2] + "xx"])).status_code == 404
    assert client.post(reverse("signups:accept", args=["unsinn"])).status_code == 404
    assert Signup.objects.get(pk=made.pk).status == SignupStatus.CONFIRMED


def test_the_offer_link_accepts_while_the_offer_lasts(client, options):
    first = [signup(options, name=n) for n in "ABC"]
    waiting = signup(options, name="D")
    services.cancel(first[0])
    link = path(accept_url(Signup.objects.get(pk=waiting.pk)))

    assert "Platz annehmen" in client.get(link).content.decode()
    assert client.post(link).status_code == 200
    assert Signup.objects.get(pk=waiting.pk).status == SignupStatus.CONFIRMED


def test_a_lapsed_offer_cannot_be_accepted(client, options):
    first = [signup(options, name=n) for n in "ABC"]
    waiting = signup(options, name="D")
    services.cancel(first[0])
    Signup.objects.filter(pk=waiting.pk).update(
        offered_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.post(path(accept_url(waiting)))
    assert response.status_code == 410
    assert Signup.objects.get(pk=waiting.pk).status == SignupStatus.OFFERED
