"""Guidance in a browser: from a fit check to an expertise plan to a tender a procurement
officer opens in Word, blind scoring by a jury, and a maturity round with its chart."""

import datetime
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from atelier.accounts.models import Role
from atelier.guidance.models import Tender, TenderJuror
from atelier.guidance.services import scoring
from atelier.guidance.services.maturity import criterion_keys, invite, open_round, submit_response
from atelier.method.models import Technique
from atelier.method.services import load_library
from atelier.projects.services import open_project, plan_technique
from conftest import make_person


@pytest.fixture
def project(db, coordinator):
    load_library()  # live-server tests start from a flushed database
    project = open_project(title="One front door", problem_statement="Which desk?", by=coordinator)
    for slug in ("interviews-with-citizens", "personas", "co-creation-workshop"):
        technique = Technique.objects.filter(slug=slug).first()
        if technique is not None:
            plan_technique(project=project, technique=technique, by=coordinator)
    return project


def answer_every_fieldset(page, choice: str = "first") -> None:
    for fieldset in page.locator("main form fieldset").all():
        radios = fieldset.locator("input[type=radio]")
        (radios.first if choice == "first" else radios.last).check()


@pytest.mark.browser
def test_coordinator_goes_from_fit_check_to_a_tender_in_word(
    open_visit, coordinator, project, tmp_path
):
    visit = open_visit(locale="en-GB")
    visit.sign_in(coordinator)
    page = visit.open(f"/guidance/projects/{project.pk}/fit/")
    answer_every_fieldset(page)
    visit.follow(page.get_by_role("button", name="Save and see the result"))
    expect(page.get_by_role("img").first).to_be_visible()

    page = visit.open(f"/guidance/projects/{project.pk}/skills/")
    answer_every_fieldset(page)  # level 0 everywhere: the team buys what it needs
    visit.follow(page.get_by_role("button", name="Save my skills"))
    page = visit.open(f"/guidance/projects/{project.pk}/expertise/")
    visit.follow(page.get_by_role("button", name=re.compile("Make a (new )?plan")))
    expect(page.locator("main")).to_contain_text("buy")

    page = visit.open(f"/guidance/projects/{project.pk}/tenders/")
    page.get_by_label("Title of the tender").fill("Service designer for the social house")
    page.get_by_label("Language of the documents").select_option("en")
    visit.follow(page.get_by_role("button", name="Draft the tender"))
    tender = Tender.objects.get(title="Service designer for the social house")
    assert tender.estimated_value > 0
    with page.expect_download() as download:
        page.locator("a[href$='tender.docx']").first.click()
    path = Path(download.value.path())
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Service designer for the social house" in text
    copy = tmp_path / "tender.docx"
    copy.write_bytes(path.read_bytes())
    libreoffice = shutil.which("libreoffice")
    assert libreoffice, "LibreOffice is needed: apt-get install libreoffice-writer-nogui"
    subprocess.run(  # noqa: S603 - a fixed command on a file of the test's own
        [libreoffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = " ".join(p.extract_text() for p in PdfReader(tmp_path / "tender.pdf").pages)
    assert "Service designer for the social house" in " ".join(converted.split())

    # Three bids, three jurors; the coordinator scores in the browser, blind.
    for bidder, price in (
        ("Atelier Noord", "48000"),
        ("Studio Kempen", "52000"),
        ("Ontwerp & Co", "45000"),
    ):
        scoring.add_bid(tender=tender, bidder=bidder, price=Decimal(price), by=coordinator)
    others = [make_person(f"juror{n}@example.org", Role.TRAINER) for n in (1, 2)]
    for person in (coordinator, *others):
        scoring.add_juror(tender=tender, email=person.email, role="jury", by=coordinator)
    for person, value in zip(others, (6, 9), strict=True):
        juror = TenderJuror.objects.get(tender=tender, person=person)
        cells = scoring.score_cells(tender)
        scoring.save_scores(juror=juror, values=dict.fromkeys(cells, value), notes={}, by=person)
        scoring.submit_scores(juror=juror, by=person)
    page = visit.open(f"/guidance/tenders/{tender.pk}/score/")
    expect(page.locator("main")).not_to_contain_text("juror1@example.org")
    for group in page.locator("main form fieldset").all():
        group.locator("input[type=radio][value='7']").check()
    visit.follow(page.get_by_role("button", name="Submit my scores (final)"))
    page = visit.open(f"/guidance/tenders/{tender.pk}/results/")
    ranking = page.locator("main table").first
    expect(ranking).to_contain_text("Ontwerp & Co")  # the lowest price wins on equal quality
    report_url = page.locator("a[href$='report.pdf']").first.get_attribute("href")
    report = page.request.get(report_url)
    assert report.headers["content-type"] == "application/pdf"
    (tmp_path / "report.pdf").write_bytes(report.body())
    report_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages)
    assert "Ontwerp & Co" in report_text


@pytest.mark.browser
def test_four_respondents_give_the_maturity_chart_and_next_steps(open_visit, coordinator, geel):
    load_library()
    first = open_round(
        organisation=geel, name="Before", opened_on=datetime.date(2026, 1, 15), by=coordinator
    )
    responses = invite(
        round=first,
        labels=["head of social services", "desk", "director", "social worker"],
        by=coordinator,
    )
    keys = criterion_keys(first.rules.data)
    stranger = open_visit(locale="en-GB")
    page = stranger.open(f"/guidance/maturity/respond/{responses[0].token}/")
    answer_every_fieldset(page, "last")
    stranger.follow(page.get_by_role("button", name=re.compile("Send|Submit", re.I)))
    for response, score in zip(responses[1:], (2, 3, 4), strict=True):
        submit_response(token=response.token, answers=dict.fromkeys(keys, score))
    visit = open_visit(locale="en-GB")
    visit.sign_in(coordinator)
    page = visit.open(f"/guidance/maturity/{first.pk}/")
    expect(page.get_by_role("img", name=re.compile("radar|maturity", re.I)).first).to_be_visible()
    expect(page.locator("main")).to_contain_text(re.compile("next step", re.I))


def test_a_double_click_on_make_invitation_links_invites_once(open_visit, coordinator, participant):
    round = open_round(
        organisation=coordinator.organisation,
        name="Halfway",
        opened_on=datetime.date(2026, 10, 5),
        by=coordinator,
    )
    visit = open_visit(locale="en-GB")
    visit.sign_in(coordinator)
    page = visit.open(f"/guidance/maturity/{round.pk}/")
    page.locator(f'input[name="people"][value="{participant.pk}"]').check()
    page.get_by_label(re.compile("one role per line", re.I)).fill("alderman")
    form = page.locator("form", has=page.get_by_role("button", name="Make invitation links"))
    held = []  # the POSTs, held back as a slow connection would
    page.route("**/invite/", lambda route: held.append(route))
    # The second click comes while the first one's request still waits.
    form.evaluate("form => { form.requestSubmit(); setTimeout(() => form.requestSubmit(), 200); }")
    page.wait_for_timeout(800)
    assert len(held) == 1
    with page.expect_navigation():
        held[0].continue_()
    expect(page.locator("main")).to_contain_text("alderman")
    assert round.responses.filter(label="alderman").count() == 1
    assert round.responses.filter(person=participant).count() == 1
