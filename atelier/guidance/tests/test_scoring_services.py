"""Scoring a tender's bids: bids, jury, blind scores, submission and results."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from atelier.accounts.models import Role
from atelier.guidance.models import Criterion, CriterionFamily, RuleSetKind, Score, Tender
from atelier.guidance.services import scoring
from atelier.guidance.services.rules import current_rules
from conftest import make_person

# The default award grid, in English as a tender in English copies it.
GRID = [
    ("Understanding of the question", 20, False),
    ("Method and co-creation", 30, False),
    ("Team and public-sector references", 20, False),
    ("Knowledge transfer to in-house staff", 10, False),
    ("Price", 20, True),
]
# Per bid, per juror (client, agency, association): scores on the four quality criteria.
HAND_SCORES = {
    "Alpha Design": ((8, 7, 8, 6), (7, 8, 7, 6), (9, 8, 8, 9)),
    "Beta Studio": ((9, 9, 9, 8), (9, 10, 8, 9), (8, 9, 9, 7)),
    "Gamma Lab": ((5, 4, 6, 3), (6, 5, 5, 4), (2, 5, 6, 5)),
}
PRICES = {"Alpha Design": "40000", "Beta Studio": "50000", "Gamma Lab": "32000"}


def make_tender(project, by, title="A service designer for the social house") -> Tender:
    tender = Tender.objects.create(
        project=project,
        rules=current_rules(RuleSetKind.TENDER),
        title=title,
        language="en",
        estimated_value=Decimal("60000"),
        created_by=by,
    )
    Criterion.objects.create(tender=tender, family=CriterionFamily.EXCLUSION, name="Debts")
    for position, (name, weight, is_price) in enumerate(GRID):
        Criterion.objects.create(
            tender=tender,
            family=CriterionFamily.AWARD,
            name=name,
            weight=weight,
            is_price=is_price,
            position=position,
        )
    return tender


def add_bids(tender, by):
    return [
        scoring.add_bid(tender=tender, bidder=name, price=Decimal(price), by=by)
        for name, price in PRICES.items()
    ]


def score_everything(juror, values_by_bid, notes=None):
    """Save one juror's full sheet: values_by_bid maps bidder → four scores."""
    criteria = scoring.quality_criteria(juror.tender)
    values, written = {}, {}
    for bid in juror.tender.bids.all():
        for criterion, value in zip(criteria, values_by_bid[bid.bidder], strict=True):
            values[(bid.pk, criterion.pk)] = value
            written[(bid.pk, criterion.pk)] = (notes or {}).get((bid.bidder, criterion.name), "")
    scoring.save_scores(juror=juror, values=values, notes=written, by=juror.person)


def make_agency():
    return make_person("designer@agency.example.org", Role.EXPERT)


def tender_with_bids(project, by):
    tender = make_tender(project, by)
    add_bids(tender, by)
    return tender


def seat_jury(tender, by, *people):
    """Seat the client, the design agency and the association (in that order)."""
    roles = ("The client", "The design agency", "The association")
    return [
        scoring.add_juror(tender=tender, email=person.email, role=role, by=by)
        for person, role in zip(people, roles, strict=True)
    ]


@pytest.fixture
def agency(db):
    return make_agency()


@pytest.fixture
def tender(project, participant):
    return tender_with_bids(project, participant)


@pytest.fixture
def jury(tender, participant, coordinator, agency, trainer):
    """Three jurors: the client's coordinator, the design agency and the association."""
    return seat_jury(tender, participant, coordinator, agency, trainer)


def by_juror(index):
    return {bidder: scores[index] for bidder, scores in HAND_SCORES.items()}


def test_three_bids_three_jurors_give_the_ranking_worked_out_by_hand(tender, jury):
    for index, juror in enumerate(jury):
        score_everything(juror, by_juror(index))
        scoring.submit_scores(juror=juror, by=juror.person)

    outcome = scoring.tender_results(tender)

    assert outcome.waiting_for == [] and outcome.problems == []
    assert outcome.result is not None
    ranking = [(bid.rank, bid.name, bid.total) for bid in outcome.result.bids]
    assert ranking == [
        (1, "Beta Studio", Decimal("83.47")),
        (2, "Alpha Design", Decimal("77.35")),
        (3, "Gamma Lab", Decimal("58.01")),
    ]


def test_results_wait_until_every_juror_has_submitted(tender, jury):
    for index, juror in enumerate(jury[:2]):
        score_everything(juror, by_juror(index))
        scoring.submit_scores(juror=juror, by=juror.person)
    score_everything(jury[2], by_juror(2))  # saved, not submitted

    outcome = scoring.tender_results(tender)

    assert outcome.result is None
    assert outcome.waiting_for == [jury[2]]


def test_submit_is_refused_while_scores_are_missing_and_names_them(tender, jury):
    juror = jury[0]
    first_bid = tender.bids.get(bidder="Alpha Design")
    criterion = scoring.quality_criteria(tender)[1]
    scoring.save_scores(
        juror=juror, values={(first_bid.pk, criterion.pk): 7}, notes={}, by=juror.person
    )

    with pytest.raises(ValidationError) as refused:
        scoring.submit_scores(juror=juror, by=juror.person)

    assert len(refused.value.messages) == 11  # 3 bids × 4 criteria, one scored
    assert "Score Alpha Design on Understanding of the question." in refused.value.messages
    assert "Score Alpha Design on Method and co-creation." not in refused.value.messages
    assert not hasattr(juror, "submission")


def test_only_the_juror_themself_saves_their_scores(tender, jury, participant):
    bid, criterion = tender.bids.first(), scoring.quality_criteria(tender)[0]
    with pytest.raises(PermissionDenied):
        scoring.save_scores(
            juror=jury[0], values={(bid.pk, criterion.pk): 5}, notes={}, by=participant
        )
    with pytest.raises(PermissionDenied):
        scoring.submit_scores(juror=jury[0], by=jury[1].person)


def test_scores_cannot_change_after_submitting(tender, jury):
    juror = jury[0]
    score_everything(juror, by_juror(0))
    scoring.submit_scores(juror=juror, by=juror.person)
    bid, criterion = tender.bids.first(), scoring.quality_criteria(tender)[0]

    with pytest.raises(ValidationError, match="can no longer change"):
        scoring.save_scores(
            juror=juror, values={(bid.pk, criterion.pk): 0}, notes={}, by=juror.person
        )


def test_a_score_outside_0_to_10_or_on_the_price_is_refused(tender, jury):
    juror, bid = jury[0], tender.bids.first()
    quality = scoring.quality_criteria(tender)[0]
    price = tender.criteria.get(is_price=True)
    with pytest.raises(ValidationError, match="from 0 to 10"):
        scoring.save_scores(
            juror=juror, values={(bid.pk, quality.pk): 11}, notes={}, by=juror.person
        )
    with pytest.raises(ValidationError, match="quality criteria of this tender"):
        scoring.save_scores(juror=juror, values={(bid.pk, price.pk): 5}, notes={}, by=juror.person)
    assert not Score.objects.exists()


def test_clearing_a_score_removes_it(tender, jury):
    juror, bid = jury[0], tender.bids.first()
    criterion = scoring.quality_criteria(tender)[0]
    scoring.save_scores(juror=juror, values={(bid.pk, criterion.pk): 6}, notes={}, by=juror.person)
    scoring.save_scores(
        juror=juror, values={(bid.pk, criterion.pk): None}, notes={}, by=juror.person
    )
    assert not juror.scores.exists()


def test_bids_are_fixed_once_a_juror_has_submitted(tender, jury, participant):
    score_everything(jury[0], by_juror(0))
    scoring.submit_scores(juror=jury[0], by=jury[0].person)

    with pytest.raises(ValidationError, match="can no longer change"):
        scoring.add_bid(tender=tender, bidder="Late Comer", price=Decimal(1000), by=participant)
    with pytest.raises(ValidationError, match="can no longer change"):
        scoring.remove_bid(bid=tender.bids.first(), by=participant)
    with pytest.raises(ValidationError, match="part of the record"):
        scoring.remove_juror(juror=jury[0], by=participant)


def test_a_juror_is_found_by_email_among_active_people(tender, participant, agency):
    seat = scoring.add_juror(
        tender=tender, email="DESIGNER@agency.example.org", role="Agency", by=participant
    )
    assert seat.person == agency
    with pytest.raises(ValidationError, match="already"):
        scoring.add_juror(tender=tender, email=agency.email, role="", by=participant)
    agency.is_active = False
    agency.save()
    with pytest.raises(ValidationError, match="Nobody with an active account"):
        scoring.add_juror(tender=tender, email=agency.email, role="", by=participant)


def test_only_the_team_manages_bids_and_jury(tender, trainer, outsider):
    for person in (trainer, outsider):
        with pytest.raises(PermissionDenied):
            scoring.add_bid(tender=tender, bidder="X", price=Decimal(1), by=person)
        with pytest.raises(PermissionDenied):
            scoring.add_juror(tender=tender, email=person.email, role="", by=person)


def test_a_bid_needs_a_positive_price_and_a_new_bidder(tender, participant):
    with pytest.raises(ValidationError, match="more than 0"):
        scoring.add_bid(tender=tender, bidder="Zero", price=Decimal(0), by=participant)
    with pytest.raises(ValidationError, match="has a bid already"):
        scoring.add_bid(tender=tender, bidder="alpha design", price=Decimal(5), by=participant)


def test_weights_that_no_longer_add_up_give_an_error_not_a_ranking(tender, jury):
    for index, juror in enumerate(jury):
        score_everything(juror, by_juror(index))
        scoring.submit_scores(juror=juror, by=juror.person)
    tender.criteria.filter(is_price=True).update(weight=30)

    outcome = scoring.tender_results(tender)

    assert outcome.result is None
    assert outcome.problems == ["The award criteria's weights add up to 110, not 100."]


def test_tenders_visible_to_the_team_staff_and_jurors_only(
    tender, jury, participant, agency, outsider
):
    assert list(scoring.tenders_visible_to(participant)) == [tender]
    assert list(scoring.tenders_visible_to(agency)) == [tender]  # through the jury seat
    assert list(scoring.tenders_visible_to(outsider)) == []


def test_descriptors_come_from_the_rules_when_the_tender_has_none(tender):
    method = scoring.quality_criteria(tender)[1]
    levels = [level for level, _text in scoring.descriptors(tender, method)]
    assert levels == ["0", "4", "7", "10"]
    tender.content = {"descriptors": {str(method.pk): {"0": "Nothing", "10": "Everything"}}}
    assert scoring.descriptors(tender, method) == [("0", "Nothing"), ("10", "Everything")]
