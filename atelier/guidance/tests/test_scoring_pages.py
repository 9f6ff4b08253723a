"""The bid scoring pages: who sees what, blind scoring, the results and the award report."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from atelier.guidance.models import JurorSubmission
from atelier.guidance.services import scoring

from .test_scoring_services import (
    add_bids,
    by_juror,
    make_agency,
    make_tender,
    score_everything,
    seat_jury,
    tender_with_bids,
)

PAGES = ["bids", "jury", "score", "results", "report"]


@pytest.fixture
def agency(db):
    return make_agency()


@pytest.fixture
def tender(project, participant):
    return tender_with_bids(project, participant)


@pytest.fixture
def jury(tender, participant, coordinator, agency, trainer):
    return seat_jury(tender, participant, coordinator, agency, trainer)


def url(name, tender_, *args):
    return reverse(f"guidance:{name}", args=[tender_.pk, *args])


def submit_all(jury, notes=None):
    for index, juror in enumerate(jury):
        score_everything(juror, by_juror(index), notes)
        scoring.submit_scores(juror=juror, by=juror.person)


@pytest.mark.parametrize("page", PAGES)
def test_outsider_gets_404_on_every_scoring_page(client, tender, outsider, page):
    client.force_login(outsider)
    assert client.get(url(page, tender)).status_code == 404
    assert client.post(url(page, tender)).status_code == 404


def test_outsider_gets_404_on_removing_a_bid_or_juror(client, tender, jury, outsider):
    client.force_login(outsider)
    assert client.post(url("bid_remove", tender, tender.bids.first().pk)).status_code == 404
    assert client.post(url("juror_remove", tender, jury[0].pk)).status_code == 404
    assert tender.bids.count() == 3 and tender.jurors.count() == 3


def test_remove_asked_with_get_is_not_allowed(client, tender, participant):
    client.force_login(participant)
    assert client.get(url("bid_remove", tender, tender.bids.first().pk)).status_code == 405


def test_team_records_a_bid_and_sees_the_prices(client, tender, participant):
    client.force_login(participant)
    response = client.post(
        url("bids", tender), {"bidder": "Delta Collective", "price": "45000.50", "received_on": ""}
    )
    assert response.status_code == 302
    page = client.get(url("bids", tender)).content.decode()
    assert "Delta Collective" in page and "45000.50" in page and "40000.00" in page


def test_team_removes_a_bid(client, tender, participant):
    client.force_login(participant)
    bid = tender.bids.get(bidder="Gamma Lab")
    client.post(url("bid_remove", tender, bid.pk))
    assert not tender.bids.filter(pk=bid.pk).exists()


def test_staff_read_the_bids_but_do_not_change_them(client, tender, trainer):
    client.force_login(trainer)
    page = client.get(url("bids", tender))
    assert page.status_code == 200 and "Record a bid" not in page.content.decode()
    assert client.post(url("bids", tender), {"bidder": "X", "price": "1"}).status_code == 403


def test_team_seats_a_juror_by_email(client, tender, participant, agency):
    client.force_login(participant)
    client.post(url("jury", tender), {"email": agency.email, "role": "The design agency"})
    assert tender.jurors.get().person == agency
    assert "The design agency" in client.get(url("jury", tender)).content.decode()


def test_a_juror_from_outside_the_project_sees_only_their_score_page(client, tender, jury, agency):
    client.force_login(agency)
    assert client.get(url("score", tender)).status_code == 200
    assert client.get(url("bids", tender)).status_code == 404
    assert client.get(url("jury", tender)).status_code == 404
    assert client.get(url("results", tender)).status_code == 404


def test_a_team_member_off_the_jury_is_told_so_on_the_score_page(client, tender, jury, participant):
    client.force_login(participant)
    response = client.get(url("score", tender))
    assert response.status_code == 403
    assert "You are not on this jury" in response.content.decode()


def test_score_page_shows_the_descriptors(client, tender, jury, agency):
    client.force_login(agency)
    page = client.get(url("score", tender)).content.decode()
    assert "A tailored method with research, co-creation and tests with users." in page


def _post_sheet(client, tender, values, submit=False):
    data = {}
    for bid in tender.bids.all():
        for criterion, value in zip(
            scoring.quality_criteria(tender), values[bid.bidder], strict=True
        ):
            data[f"score-{bid.pk}-{criterion.pk}"] = str(value)
            data[f"note-{bid.pk}-{criterion.pk}"] = f"note {bid.bidder} {value}"
    if submit:
        data["submit"] = "1"
    return client.post(url("score", tender), data)


def test_juror_saves_and_then_submits_through_the_form(client, tender, jury, agency):
    client.force_login(agency)
    assert _post_sheet(client, tender, by_juror(1)).status_code == 302
    assert jury[1].scores.count() == 12 and not hasattr(jury[1], "submission")
    assert _post_sheet(client, tender, by_juror(1), submit=True).status_code == 302
    jury[1].refresh_from_db()
    assert hasattr(jury[1], "submission")


def test_submitting_an_incomplete_sheet_keeps_the_scores_and_lists_what_is_missing(
    client, tender, jury, agency
):
    client.force_login(agency)
    bid, criterion = tender.bids.first(), scoring.quality_criteria(tender)[0]
    response = client.post(
        url("score", tender), {f"score-{bid.pk}-{criterion.pk}": "6", "submit": "1"}, follow=True
    )
    page = response.content.decode()
    assert "Score Beta Studio on Method and co-creation." in page
    assert jury[1].scores.count() == 1
    assert not JurorSubmission.objects.filter(juror=jury[1]).exists()


def test_a_juror_does_not_see_other_scores_before_submitting_and_does_after(
    client, tender, jury, agency
):
    client_juror, agency_juror, _association = jury
    score_everything(
        client_juror, by_juror(0), {("Beta Studio", "Method and co-creation"): "SECRET-A"}
    )
    scoring.submit_scores(juror=client_juror, by=client_juror.person)
    client.force_login(agency)

    before = client.get(url("score", tender)).content.decode()
    assert "SECRET-A" not in before

    score_everything(agency_juror, by_juror(1))
    scoring.submit_scores(juror=agency_juror, by=agency)
    after = client.get(url("score", tender)).content.decode()
    assert "SECRET-A" in after and str(client_juror.person) in after


def test_a_submitted_juror_does_not_see_drafts_of_jurors_still_scoring(
    client, tender, jury, agency
):
    _client_juror, agency_juror, association = jury
    score_everything(
        association, by_juror(2), {("Alpha Design", "Method and co-creation"): "DRAFT-C"}
    )
    score_everything(agency_juror, by_juror(1))
    scoring.submit_scores(juror=agency_juror, by=agency)
    client.force_login(agency)
    assert "DRAFT-C" not in client.get(url("score", tender)).content.decode()


def test_results_wait_for_the_jurors_and_show_no_scores(client, tender, jury, participant):
    score_everything(jury[0], by_juror(0), {("Alpha Design", "Method and co-creation"): "SECRET-A"})
    scoring.submit_scores(juror=jury[0], by=jury[0].person)
    client.force_login(participant)
    page = client.get(url("results", tender)).content.decode()
    assert "Waiting for 2 jurors" in page
    assert "SECRET-A" not in page
    assert client.get(url("report", tender)).status_code == 302


def test_results_show_the_ranking_ties_and_flags(client, tender, jury, participant):
    submit_all(jury, {("Gamma Lab", "Understanding of the question"): "Weak grasp"})
    client.force_login(participant)
    page = client.get(url("results", tender)).content.decode()
    assert page.index("Beta Studio") < page.index("Alpha Design") < page.index("Gamma Lab")
    assert "83.47" in page and "77.35" in page and "58.01" in page
    assert "jurors differ (2–6)" in page
    assert "Weak grasp" in page


def test_a_juror_who_submitted_sees_the_results(client, tender, jury, agency):
    submit_all(jury)
    client.force_login(agency)
    assert client.get(url("results", tender)).status_code == 200


def test_results_name_bids_that_tie(client, project, participant, jury):
    tender = jury[0].tender
    tender.bids.update(price=Decimal("40000"))
    even = {bidder: (7, 7, 7, 7) for bidder in ("Alpha Design", "Beta Studio", "Gamma Lab")}
    for juror in jury:
        score_everything(juror, even)
        scoring.submit_scores(juror=juror, by=juror.person)
    client.force_login(participant)
    page = client.get(url("results", tender)).content.decode()
    assert "share a rank: Alpha Design, Beta Studio, Gamma Lab" in page


def test_award_report_pdf_justifies_the_decision(client, tender, jury, participant):
    submit_all(jury, {("Gamma Lab", "Understanding of the question"): "Misread the brief"})
    client.force_login(participant)

    response = client.get(url("report", tender))

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Award report: A service designer for the social house" in text
    assert "Method and co-creation" in text and "30" in text
    assert "price weight × lowest price ÷ bid price" in text
    assert "83.47" in text and "77.35" in text and "58.01" in text
    assert "Misread the brief" in text
    assert "The jurors differ: scores from 2 to 6." in text
    assert "The jury proposes to award the contract to Beta Studio" in text


@pytest.mark.parametrize("page", ["bids", "jury"])
def test_list_pages_need_the_same_queries_for_more_rows(
    client, project, participant, agency, trainer, django_assert_max_num_queries, page
):
    few = make_tender(project, participant, title="Few")
    many = make_tender(project, participant, title="Many")
    add_bids(many, participant)
    for person in (agency, trainer, participant):
        scoring.add_juror(tender=many, email=person.email, role="", by=participant)
    client.force_login(participant)
    client.get(url(page, few))
    with CaptureQueriesContext(connection) as counted:
        client.get(url(page, few))
    with django_assert_max_num_queries(len(counted)):
        client.get(url(page, many))
