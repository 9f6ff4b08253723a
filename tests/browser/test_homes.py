"""Each demo role signs in and finds its real next steps on its home, at 1440 and 390 px.

The demo's data is loaded as `make run` loads it (a small registry, last year's fee run so
that Geel's unpaid invoice is overdue whatever today's date); every page is audited by axe.
"""

import importlib
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import make_municipality, make_province

LAPTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(db):
    from atelier.academy.demo import load_demo_academy
    from atelier.accounts.models import User
    from atelier.demo.people import load_demo_people
    from atelier.fees.demo import load_demo_fees
    from atelier.guidance.demo import load_demo_guidance
    from atelier.home.demo import load_demo_home
    from atelier.method.services import load_library
    from atelier.projects.demo import load_demo_workspace

    seed_programme()  # what the migrations seed: a live-server test flushes it
    load_library()
    antwerp, brabant = make_province("10000"), make_province("20001")
    make_municipality("13008", "Geel", antwerp, 40709)
    make_municipality("23104", "Lennik", brabant, 9096)
    for nis, name in (("13049", "Westerlo"), ("36008", "Izegem"), ("13037", "Rijkevorsel")):
        make_municipality(nis, name, antwerp, 20000)
    load_demo_people()
    today = timezone.localdate()
    administrator = User.objects.get(email="admin@atelier.example")
    load_demo_fees(year=today.year - 1, by=administrator)
    load_demo_academy(today=today)
    load_demo_workspace()
    load_demo_guidance()
    load_demo_home(today=today)


def seed_programme() -> None:
    from django.apps import apps

    seed = importlib.import_module("atelier.academy.migrations.0002_programme_content")
    seed.load(apps, None)


def sign_in(visit, email: str, live_server) -> None:
    """Through the sign-in form, as a person does."""
    from atelier.demo.people import DEMO_PASSWORD

    page = visit.open("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    visit.follow(page.locator("main form [type=submit]"))
    expect(page).to_have_url(f"{live_server.url}/")


def no_sideways_scrolling(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the screen"


def header_fits_one_line(page) -> None:
    """At 1440 px the brand, the menu groups, the bell and the language switch share a line."""
    tops = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            '.brand, .site-nav__groups > li, .bell, .language-switch'))
            .filter(e => e.offsetParent !== null)
            .map(e => Math.round(e.getBoundingClientRect().top + e.offsetHeight / 2))"""
    )
    assert max(tops) - min(tops) <= 12, f"header items at heights {tops}"


def both_widths(open_visit, live_server, email: str):
    """A laptop tab and a phone tab, each signed in through the form."""
    for viewport in (LAPTOP, PHONE):
        visit = open_visit(viewport=viewport)
        sign_in(visit, email, live_server)
        yield viewport, visit


@pytest.mark.browser
def test_the_geel_coordinator_sees_the_overdue_invoice_and_opens_its_pdf(
    open_visit, live_server, demo
):
    from atelier.fees.models import Invoice

    invoice = Invoice.objects.get(organisation__nis_code="13008", kind="invoice")
    for viewport, visit in both_widths(open_visit, live_server, "coordinator.geel@atelier.example"):
        page = visit.page
        main = page.locator("main")
        link = main.get_by_role("link", name=f"Factuur {invoice.display_number} (pdf)")
        expect(link).to_be_visible()
        expect(main).to_contain_text("vervallen sinds")
        expect(main).to_contain_text("Eén voordeur voor het sociaal huis")
        expect(page.locator(".bell__count")).not_to_have_text("0")
        no_sideways_scrolling(page)
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        if viewport == LAPTOP:
            header_fits_one_line(page)


@pytest.mark.browser
def test_the_trainer_sees_tomorrows_attendance_to_take(open_visit, live_server, demo):
    for viewport, visit in both_widths(open_visit, live_server, "trainer@atelier.example"):
        page = visit.page
        take = page.locator("main").get_by_role(
            "link", name=re.compile("^Neem de aanwezigheden op van")
        )
        expect(take).to_be_visible()
        expect(page.locator("main")).to_contain_text("morgen")
        expect(page.locator("main")).to_contain_text("Leertraject 2026")
        no_sideways_scrolling(page)
        if viewport == PHONE:
            visit.follow(take)
            expect(page).to_have_url(re.compile(r"/academy/sessions/\d+/attendance/$"))
        else:
            header_fits_one_line(page)
            page.get_by_text("Leren", exact=True).click()
            visit.follow(page.locator("header").get_by_role("link", name="Workshopcases"))
            expect(page).to_have_url(re.compile("/academy/workshop/$"))


@pytest.mark.browser
@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("participant.geel@atelier.example", ["Mijn projecten", "Beoordeel Izegem"]),
        (
            "participant.lennik@atelier.example",
            ["Mijn volgende sessies", "Service design in een uur"],
        ),
        ("expert@atelier.example", ["Projecten waarvoor je uitgenodigd bent", "Eén voordeur"]),
        ("admin@atelier.example", ["onbetaald, € ", "Wacht op de medewerkers"]),
    ],
)
def test_each_demo_role_finds_its_next_steps_at_home(
    open_visit, live_server, demo, email, expected
):
    for viewport, visit in both_widths(open_visit, live_server, email):
        page = visit.page
        for text in expected:
            expect(page.locator("main")).to_contain_text(text)
        expect(page.locator("main")).to_contain_text("Begin hier")
        no_sideways_scrolling(page)
        if viewport == PHONE:
            menu = page.locator("summary.site-menu__toggle")
            expect(menu).to_be_visible()
            menu.click()
            expect(page.locator("header").get_by_role("link", name="Mijn account")).to_be_visible()
            visit.audit()
        else:
            header_fits_one_line(page)
