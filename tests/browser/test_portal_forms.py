"""The portal's forms in the browser: keyboard-only use (every control reachable in reading
order with a visible focus), and end to end against a live server that serves the built portal
through the real view and answers with the real API: bad input is announced field by field,
good input creates the request the agency sees in the admin."""

import pytest
from django.test import override_settings

from cms.portal.models import Feedback
from cms.tenancy.models import RegistrationRequest
from tests.factories import PASSWORD, AgencyUserFactory

from .tools import new_page

FOCUS_WALK = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    id: element.id || element.getAttribute('name') || element.tagName,
    inForm: !!element.closest('form'),
    outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    visible: box.width > 0 && box.height > 0,
  };
}"""

CONTROLS = """(selector) => [...document.querySelectorAll(selector + ' :is(input, select, textarea,'
  + ' button)')].filter((el) => el.type !== 'hidden' && el.tabIndex >= 0
  && el.offsetParent !== null).map((el) => el.id || el.getAttribute('name') || el.tagName)"""

ANNOUNCED = """(summaryId) => {
  const summary = document.getElementById(summaryId);
  const invalid = [...document.querySelectorAll('[aria-invalid="true"]')].map((el) => {
    const described = (el.getAttribute('aria-describedby') || '').split(' ')
      .map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent.trim());
    return { id: el.id, described };
  });
  return {
    summaryVisible: !summary.hidden,
    focused: document.activeElement === summary,
    items: [...summary.querySelectorAll('li')].map((li) => li.textContent.trim()),
    invalid,
  };
}"""


def walk(page, steps: int) -> list[dict]:
    found = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        found.append(page.evaluate(FOCUS_WALK))
    return found


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file", "form"),
    [
        ("de/mitmachen/index.html", "#register-form"),
        ("ar/barrierefreiheit/index.html", "#feedback-form"),
    ],
)
def test_forms_are_usable_with_the_keyboard_alone(
    chromium_browser, built_portal, portal_server, file, form
):
    with new_page(chromium_browser) as page:
        page.goto(portal_server.url(file))
        expected = page.evaluate(CONTROLS, form)
        page.focus(f"{form} :is(input, select, textarea):not([type=hidden])")
        reached = [page.evaluate(FOCUS_WALK)]
        reached += walk(page, 80)
        in_form = [step for step in reached if step["inForm"]]
        order = list(dict.fromkeys(step["id"] for step in in_form))
        assert order == expected, "the Tab order is not the reading order"
        assert "website" not in order, "the honeypot is reachable"
        not_shown = [s["id"] for s in in_form if not (s["outlined"] and s["visible"])]
        assert not not_shown, f"no visible focus on {not_shown}"


def admin_sees(page, base: str, path: str, text: str) -> bool:
    user = AgencyUserFactory()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/{path}/")
    return text in page.content()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_registration_end_to_end(chromium_browser, built_portal, live_server):
    base = live_server.url
    with (
        override_settings(SITE_BUILD_DIR=built_portal.build_dir),
        new_page(chromium_browser, locale="de-DE") as page,
    ):
        page.goto(f"{base}/")
        assert page.url == f"{base}/de/"
        page.goto(f"{base}/de/mitmachen/")
        page.focus("#register-club_name")
        page.keyboard.type("Deutsch-Syrischer Kulturverein")
        page.focus("#register-applicant_email")
        page.keyboard.type("keine-adresse")
        page.focus("#register-form button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_selector("#register-summary:not([hidden])")
        state = page.evaluate(ANNOUNCED, "register-summary")
        assert state["focused"], "the error summary does not take the focus"
        invalid = {item["id"]: item["described"] for item in state["invalid"]}
        for field in ("legal_form", "municipality", "applicant_name", "applicant_email"):
            assert invalid.get(f"register-{field}"), f"{field} is not marked invalid"
        assert "Bitte füllen Sie dieses Feld aus." in invalid["register-applicant_name"]
        assert (
            "Bitte geben Sie eine gültige E-Mail-Adresse an." in invalid["register-applicant_email"]
        )
        assert any("Datenschutz" in item for item in state["items"])
        assert not RegistrationRequest.objects.exists()

        page.select_option("#register-legal_form", "ev")
        page.select_option("#register-municipality", "juelich")
        page.select_option("#register-countries", ["SY"])
        page.fill("#register-applicant_name", "Rania Haddad")
        page.fill("#register-applicant_email", "rania@example.org")
        page.focus("#register-privacy_consent")
        page.keyboard.press("Space")
        page.focus("#register-form button[type=submit]")
        page.keyboard.press("Enter")
        done = page.wait_for_selector(".form-done")
        assert "Vielen Dank" in done.text_content()
        assert page.evaluate("() => document.activeElement.className") == "form-done"
        request = RegistrationRequest.objects.get()
        assert request.club_name == "Deutsch-Syrischer Kulturverein"
        assert list(request.countries.values_list("code", flat=True)) == ["SY"]
        assert admin_sees(page, base, "anmeldungen", "Deutsch-Syrischer Kulturverein")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_feedback_end_to_end_in_arabic(chromium_browser, built_portal, live_server):
    base = live_server.url
    with (
        override_settings(SITE_BUILD_DIR=built_portal.build_dir),
        new_page(chromium_browser, locale="ar-SY") as page,
    ):
        page.goto(f"{base}/")
        assert page.url == f"{base}/ar/"
        page.goto(f"{base}/ar/barrierefreiheit/")
        page.fill("#feedback-email", "leila@example.org")
        page.focus("#feedback-form button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_selector("#feedback-summary:not([hidden])")
        state = page.evaluate(ANNOUNCED, "feedback-summary")
        assert state["focused"]
        invalid = {item["id"]: item["described"] for item in state["invalid"]}
        assert set(invalid) == {"feedback-message"}
        assert "يرجى ملء هذا الحقل." in invalid["feedback-message"]  # in Arabic

        # With an e-mail address, the consent to use it is needed.
        page.fill("#feedback-message", "التقويم لا يعمل بلوحة المفاتيح.")
        page.click("#feedback-form button[type=submit]")
        page.wait_for_function(
            "() => document.getElementById('feedback-consent')"
            ".getAttribute('aria-invalid') === 'true'"
        )
        assert page.evaluate("() => document.activeElement.id") == "feedback-summary"
        page.check("#feedback-consent")
        page.click("#feedback-form button[type=submit]")
        page.wait_for_selector(".form-done")
        feedback = Feedback.objects.get()
        assert feedback.locale == "ar" and feedback.consent
        assert admin_sees(page, base, "rueckmeldungen", "التقويم لا يعمل")
