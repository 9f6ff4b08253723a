"""Maturity rounds: rules, answering once, aggregation maths, ladder, trend and next steps."""

import copy
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from atelier.guidance.models import MaturityRound
from atelier.guidance.rules.maturity import DEFAULT, validate
from atelier.guidance.services import maturity as services


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


KEYS = [c["key"] for area in DEFAULT["areas"] for c in area["criteria"]]


def answers(value: int = 3, **overrides: int) -> dict[str, int]:
    return {key: overrides.get(key, value) for key in KEYS}


def open_geel_round(coordinator, name="before", opened_on=datetime.date(2025, 1, 10), **fields):
    return services.open_round(
        organisation=coordinator.organisation,
        name=name,
        opened_on=opened_on,
        by=coordinator,
        **fields,
    )


def answered_round(coordinator, answer_sets, **fields) -> MaturityRound:
    round = open_geel_round(coordinator, **fields)
    labels = [f"respondent {n}" for n in range(len(answer_sets))]
    for response, given in zip(
        services.invite(round=round, labels=labels, by=coordinator), answer_sets, strict=True
    ):
        services.submit_response(token=response.token, answers=given)
    return round


def test_default_rules_have_six_areas_of_three_criteria_and_pass_validation():
    assert validate(DEFAULT) == []
    assert len(DEFAULT["areas"]) == 6
    assert all(len(area["criteria"]) == 3 for area in DEFAULT["areas"])
    assert all(2 <= len(area["next_steps"]) <= 3 for area in DEFAULT["areas"])


def test_validate_names_missing_descriptor_and_falling_ladder():
    data = copy.deepcopy(DEFAULT)
    del data["areas"][0]["criteria"][0]["levels"]["5"]["en"]
    data["ladder"][2]["min_median"] = 1.5
    problems = validate(data)
    assert any("users_research" in problem and "levels.5" in problem for problem in problems)
    assert any("rise" in problem for problem in problems)


def test_four_respondents_give_medians_and_spreads_by_hand(coordinator):
    first, second = KEYS[0], KEYS[1]
    round = answered_round(
        coordinator,
        [
            answers(3, **{first: 1, second: 2}),
            answers(3, **{first: 2, second: 2}),
            answers(3, **{first: 4, second: 5}),
            answers(3, **{first: 5, second: 5}),
        ],
    )
    result = services.aggregate(round, "en")
    assert result["respondents"] == 4 and result["enough"]
    # 1, 2, 4, 5: the median of an even count is the mean of the middle two
    assert result["criteria"][first]["median"] == 3.0
    assert (result["criteria"][first]["min"], result["criteria"][first]["max"]) == (1.0, 5.0)
    # inclusive quartiles of 1, 2, 4, 5: 1.75 and 4.25
    assert result["criteria"][first]["q1"] == 1.75
    assert result["criteria"][first]["q3"] == 4.25
    assert result["criteria"][first]["iqr"] == 2.5
    assert result["criteria"][second]["median"] == 3.5  # 2, 2, 5, 5
    # the users area holds 1,2,4,5 + 2,2,5,5 + four threes: sorted the middle two are 3 and 3
    assert result["areas"][0]["median"] == 3.0
    assert result["areas"][1]["median"] == 3.0
    assert result["overall_median"] == 3.0


def test_one_respondent_is_flagged_as_too_few(coordinator):
    result = services.aggregate(answered_round(coordinator, [answers(4)]), "en")
    assert result["respondents"] == 1
    assert not result["enough"]
    assert result["criteria"][KEYS[0]]["iqr"] == 0


def test_round_without_answers_has_no_medians_and_no_place(coordinator):
    result = services.aggregate(open_geel_round(coordinator), "en")
    assert result["respondents"] == 0
    assert result["overall_median"] is None and result["step"] is None


@pytest.mark.parametrize(
    ("median", "step"),
    [(1.0, 1), (1.99, 1), (2.0, 2), (2.5, 2), (3.0, 3), (3.99, 3), (4.0, 4), (5.0, 4)],
)
def test_ladder_places_on_highest_step_reached(median, step):
    placed = services.ladder_step(DEFAULT["ladder"], median)
    assert placed is not None and placed["step"] == step


def test_ladder_placement_of_a_round_at_the_threshold(coordinator):
    round = answered_round(coordinator, [answers(2), answers(4)])  # overall median 3.0
    result = services.aggregate(round, "en")
    assert result["overall_median"] == 3.0
    assert result["step"]["step"] == 3
    assert result["step"]["name"] == "Design as our own capability"


def test_second_round_gives_a_trend(coordinator):
    answered_round(coordinator, [answers(2), answers(2)], name="before")
    answered_round(
        coordinator, [answers(4), answers(3)], name="after", opened_on=datetime.date(2025, 12, 1)
    )
    trend = services.trend(coordinator.organisation, "en")
    assert [item["round"].name for item in trend["rounds"]] == ["before", "after"]
    assert len(trend["areas"]) == 6
    assert all(area["medians"] == [2.0, 3.5] for area in trend["areas"])


def test_next_steps_come_from_the_two_weakest_areas(coordinator):
    weak = {c["key"]: 1 for area in DEFAULT["areas"][3:5] for c in area["criteria"]}
    round = answered_round(coordinator, [answers(4, **weak), answers(5, **weak)])
    steps = services.next_steps(services.aggregate(round, "en"), round.rules.data, "en")
    assert [area["key"] for area in steps] == ["whole_service", "skills"]
    assert steps[0]["steps"][0].startswith("Draw the journey")
    dutch = services.next_steps(services.aggregate(round, "nl"), round.rules.data, "nl")
    assert dutch[0]["steps"][0].startswith("Teken samen")


def test_a_response_is_accepted_once_only(coordinator):
    round = open_geel_round(coordinator)
    (response,) = services.invite(
        round=round, labels=["head of the registry office"], by=coordinator
    )
    services.submit_response(token=response.token, answers=answers(3))
    with pytest.raises(ValidationError) as error:
        services.submit_response(token=response.token, answers=answers(5))
    assert error.value.code == "already_answered"
    response.refresh_from_db()
    assert response.answers[KEYS[0]] == 3


def test_incomplete_or_out_of_range_answers_are_refused(coordinator):
    round = open_geel_round(coordinator)
    (response,) = services.invite(round=round, labels=["alderman"], by=coordinator)
    given = answers(3, **{KEYS[0]: 6})
    del given[KEYS[1]]
    with pytest.raises(ValidationError, match="2 still have no score"):
        services.submit_response(token=response.token, answers=given)


def test_closed_round_refuses_answers(coordinator):
    round = open_geel_round(coordinator)
    (response,) = services.invite(round=round, labels=["director"], by=coordinator)
    services.close_round(round=round, by=coordinator)
    with pytest.raises(ValidationError) as error:
        services.submit_response(token=response.token, answers=answers(3))
    assert error.value.code == "closed"


def test_participant_and_outsider_may_not_open_a_round(participant, outsider):
    for person in (participant, outsider):
        with pytest.raises(PermissionDenied):
            services.open_round(
                organisation=participant.organisation,
                name="before",
                opened_on=datetime.date(2025, 1, 1),
                by=person,
            )


def test_staff_may_open_a_round_for_any_organisation(trainer, lennik):
    round = services.open_round(
        organisation=lennik, name="start", opened_on=datetime.date(2025, 1, 1), by=trainer
    )
    assert round.rules.kind == "maturity"


def test_round_keeps_the_rules_it_was_opened_with(coordinator):
    round = open_geel_round(coordinator)
    changed = copy.deepcopy(round.rules.data)
    changed["areas"][0]["name"]["en"] = "Renamed later"
    from atelier.guidance.models import RuleSet, RuleSetStatus

    RuleSet.objects.create(kind="maturity", version=2, status=RuleSetStatus.PUBLISHED, data=changed)
    assert services.aggregate(round, "en")["areas"][0]["name"] == "Knowing the people we serve"
