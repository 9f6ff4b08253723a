"""A form sent twice (a double click, a second tab) neither duplicates anything nor fails."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from atelier.guidance.models import Bid, JurorSubmission, Tender
from atelier.guidance.services import scoring
from atelier.guidance.services import tender as tender_services

from .test_scoring_pages import _post_sheet
from .test_scoring_services import by_juror, make_agency, seat_jury, tender_with_bids

pytestmark = pytest.mark.django_db


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


def test_a_juror_submitting_twice_is_told_the_scores_are_in(client, tender, jury, agency):
    client.force_login(agency)
    _post_sheet(client, tender, by_juror(1), submit=True)

    second = _post_sheet(client, tender, by_juror(1), submit=True)

    assert second.status_code == 302
    assert JurorSubmission.objects.filter(juror=jury[1]).count() == 1
    page = client.get(second["Location"]).content.decode()
    assert "submitted already" in page


def test_the_same_bid_recorded_twice_is_recorded_once(client, tender, participant):
    client.force_login(participant)
    data = {"bidder": "Delta Collective", "price": "45000.50", "received_on": "2025-03-01"}

    responses = [client.post(url("bids", tender), data) for _ in range(2)]

    assert [r.status_code for r in responses] == [302, 302]
    assert tender.bids.filter(bidder="Delta Collective").count() == 1


def test_another_bid_under_a_recorded_bidders_name_is_refused(client, tender, participant):
    client.force_login(participant)
    response = client.post(url("bids", tender), {"bidder": "Gamma Lab", "price": "1"})
    assert response.status_code == 200
    assert "This bidder has a bid already." in response.content.decode()
    assert tender.bids.get(bidder="Gamma Lab").price == Decimal("32000")


def test_a_race_past_the_check_is_refused_not_a_server_error(tender):
    with pytest.raises(ValidationError, match="has a bid already"):
        scoring._create(
            Bid, scoring.BID_EXISTS, tender=tender, bidder="Gamma Lab", price=Decimal(1)
        )


def test_the_same_juror_seated_twice_has_one_seat(client, tender, participant, agency):
    client.force_login(participant)
    data = {"email": agency.email, "role": "The design agency"}

    responses = [client.post(url("jury", tender), data) for _ in range(2)]

    assert [r.status_code for r in responses] == [302, 302]
    assert tender.jurors.filter(person=agency).count() == 1


def test_removing_a_bid_twice_is_no_error(client, tender, participant):
    client.force_login(participant)
    bid = tender.bids.get(bidder="Gamma Lab")

    responses = [client.post(url("bid_remove", tender, bid.pk)) for _ in range(2)]

    assert [r.status_code for r in responses] == [302, 302]
    assert not tender.bids.filter(pk=bid.pk).exists()


def test_removing_a_juror_twice_is_no_error(client, tender, jury, participant):
    client.force_login(participant)
    responses = [client.post(url("juror_remove", tender, jury[0].pk)) for _ in range(2)]
    assert [r.status_code for r in responses] == [302, 302]
    assert tender.jurors.count() == 2


def test_creating_a_tender_twice_opens_the_first(client, participant, project):
    client.force_login(participant)
    list_url = reverse("guidance:tenders", kwargs={"pk": project.pk})
    data = {"title": "Researcher for explore", "language": "nl"}

    first, second = (client.post(list_url, data) for _ in range(2))

    tender = Tender.objects.get(project=project)
    assert first["Location"] == second["Location"] == url("tender", tender)
    assert "already" in client.get(second["Location"]).content.decode()


def test_the_service_refuses_a_second_tender_with_the_same_title(project, participant):
    first = tender_services.create_tender(
        project=project, title="Designer", language="en", by=participant
    )
    with pytest.raises(tender_services.TenderExists) as refusal:
        tender_services.create_tender(
            project=project, title=" designer ", language="en", by=participant
        )
    assert refusal.value.tender == first


def test_opening_the_same_maturity_round_twice_keeps_one(coordinator, geel):
    import datetime

    from atelier.guidance.services.maturity import open_round

    day = datetime.date(2026, 3, 1)
    first = open_round(organisation=geel, name="Before", opened_on=day, by=coordinator)
    again = open_round(organisation=geel, name="Before", opened_on=day, by=coordinator)
    assert again == first and geel.maturity_rounds.count() == 1


def test_only_the_team_records_a_fit_check(project, outsider, trainer):
    from django.core.exceptions import PermissionDenied

    from atelier.guidance.rules.fit_check import DEFAULT
    from atelier.guidance.services.fit import record_fit_check

    answers = {q["key"]: q["options"][0]["key"] for q in DEFAULT["questions"]}
    for person in (outsider, trainer):
        with pytest.raises(PermissionDenied):
            record_fit_check(project=project, answers=answers, by=person)
