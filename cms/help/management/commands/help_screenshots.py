"""Take the help's screenshots from the real admin and portal.

Run it against a server with the demo district (``manage.py start``, or ``runserver`` after
``load_demo`` and ``build_sites --portal``)::

    .venv/bin/python manage.py help_screenshots --base-url http://127.0.0.1:8000

It logs in as the editor of one demo club in Debian's Chromium (Playwright), opens the pages
each answer of ``cms/help/topics.py`` shows at 390 × 844 (a phone: the narrowest screen the
admin is used on) and writes small palette PNGs to ``cms/help/static/help/screens/``. Commit
them; ``tests/help`` checks that every screenshot the help names exists.
"""

import io
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from PIL import Image

from cms.clubs.models import ClubPage, NewsIndexPage

from ...topics import TOPICS

OUT = Path(__file__).resolve().parents[2] / "static" / "help" / "screens"
VIEWPORT = {"width": 390, "height": 844}
COLOURS = 64


def optimise(png: bytes) -> bytes:
    """A palette PNG of few colours: an admin screen has flat colours, so it stays legible
    at a fraction of the size."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT).save(
        buffer, "PNG", optimize=True
    )
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Nimmt die Bildschirmfotos der Hilfe aus der laufenden Redaktion auf."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")
        parser.add_argument("--club", help="Kurzname (Slug) des Vereins; sonst der erste")
        parser.add_argument("--password", default="demo-verein")
        parser.add_argument("--out", default=str(OUT))
        parser.add_argument(
            "--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
        )

    def handle(self, *args, **options):
        from playwright.sync_api import sync_playwright

        clubs = ClubPage.objects.live().order_by("title")
        club = clubs.filter(slug=options["club"]).first() if options["club"] else clubs.first()
        if club is None:
            raise CommandError("Kein veröffentlichter Verein: erst load_demo ausführen.")
        news = NewsIndexPage.objects.child_of(club).first()
        base = options["base_url"].rstrip("/")
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        email = f"redaktion@{club.slug}.vereinsnetz.example"
        shots = {
            "anmelden-formular.png": ("/de/mitmachen/", "form"),
            "anmelden-login.png": ("/admin/login/", None),
            "artikel-liste.png": (f"/admin/pages/{(news or club).pk}/", None),
            "artikel-neu.png": (
                f"/admin/pages/add/clubs/newspage/{(news or club).pk}/",
                None,
            ),
            "seite-neu.png": (f"/admin/pages/add/clubs/contentpage/{club.pk}/", None),
            "inhalt-bearbeiten.png": (f"/admin/pages/{club.pk}/edit/", None),
            "fotos-hochladen.png": ("/admin/images/multiple/add/", None),
            "netzwerk-kooperationen.png": ("/admin/kooperationen/", None),
            "netzwerk-portal.png": ("/de/netzwerk/", "main"),
            "homepage-einstellungen.png": (f"/admin/pages/{club.pk}/edit/#tab-homepage", None),
        }
        wanted = {screen.file for topic in TOPICS for screen in topic.screens}
        if wanted - set(shots):
            raise CommandError(f"Kein Weg zu {sorted(wanted - set(shots))}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=options["chromium"])
            context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
            page = context.new_page()
            for file in ("anmelden-formular.png", "anmelden-login.png"):
                self.shoot(page, base, out, file, *shots[file])
            page.goto(f"{base}/admin/login/")
            page.fill("#id_username", email)
            page.fill("#id_password", options["password"])
            page.locator("form button[type=submit]").first.click()
            page.wait_for_load_state()
            if "/admin/login/" in page.url:
                raise CommandError(f"Anmeldung als {email} fehlgeschlagen.")
            for file, (path, focus) in shots.items():
                if file.startswith("anmelden-"):
                    continue
                self.shoot(page, base, out, file, path, focus)
            browser.close()

    def shoot(self, page, base: str, out: Path, file: str, path: str, focus: str | None):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        if "#tab-" in path:
            tab = path.split("#tab-", 1)[1]
            page.locator(f'[href="#tab-{tab}"]').first.click()
        if focus:
            page.locator(focus).first.evaluate("el => el.scrollIntoView({block: 'start'})")
        (out / file).write_bytes(optimise(page.screenshot()))
        self.stdout.write(f"{file}: {(out / file).stat().st_size} B")
