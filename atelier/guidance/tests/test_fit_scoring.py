"""The fit check's maths and its rules checks, on plain data (no database)."""

import copy

import pytest
from django.core.exceptions import ValidationError

from atelier.guidance.rules.fit_check import DEFAULT, validate
from atelier.guidance.services.fit import score_fit


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def best_answers(data=DEFAULT):
    return {q["key"]: max(q["options"], key=lambda o: o["score"])["key"] for q in data["questions"]}


def lowest_uncapped(question):
    return min((o for o in question["options"] if "cap" not in o), key=lambda o: o["score"])["key"]


def small_rules(go=70, partly=45):
    """Two questions scored 0–3 each in one dimension: a maximum of 6."""
    data = copy.deepcopy(DEFAULT)
    data["dimensions"] = data["dimensions"][:1]
    question = {
        "dimension": data["dimensions"][0]["key"],
        "text": {"nl": "Vraag", "en": "Question"},
        "options": [
            {"key": str(n), "score": n, "label": {"nl": str(n)}, "reason": {"nl": "r", "en": "r"}}
            for n in range(4)
        ],
    }
    data["questions"] = [{"key": "a", **question}, {"key": "b", **copy.deepcopy(question)}]
    data["thresholds"] = {"go": go, "partly": partly}
    return data


def test_the_shipped_rules_pass_their_own_checks():
    assert validate(DEFAULT) == []
    assert len(DEFAULT["questions"]) == 12
    assert 4 <= len(DEFAULT["dimensions"]) <= 5


def test_all_best_answers_give_go_with_full_marks():
    result = score_fit(DEFAULT, best_answers(), "en")
    assert result["recommendation"] == "go"
    assert result["percent"] == 100
    assert result["score"] == result["max"] == 36
    assert all(row["percent"] == 100 for row in result["dimensions"])
    assert result["level"] == 3
    assert 2 <= len(result["first_steps"]) <= 4
    assert result["blocking"] == []


def test_each_dimension_shows_the_reasons_of_the_chosen_options():
    answers = best_answers() | {"departments": "few"}
    result = score_fit(DEFAULT, answers, "en")
    organisation = next(row for row in result["dimensions"] if row["key"] == "organisation")
    assert (organisation["score"], organisation["max"], organisation["percent"]) == (8, 9, 89)
    reasons = [reason["reason"] for reason in organisation["reasons"]]
    assert any("a journey across them shows the gaps" in reason for reason in reasons)


def test_texts_come_in_the_language_asked_for():
    result = score_fit(DEFAULT, best_answers(), "nl")
    assert result["title"] == "Ga ervoor: service design past"
    assert result["dimensions"][0]["title"] == "De aard van de uitdaging"
    assert "70\u00a0%" in result["why"][0]  # Dutch puts a space before the percent sign


def test_no_political_backing_caps_a_high_score_at_partly_and_names_itself():
    answers = best_answers() | {"backing": "none"}
    result = score_fit(DEFAULT, answers, "en")
    assert result["percent"] >= DEFAULT["thresholds"]["go"]
    assert result["recommendation"] == "partly"
    assert result["level"] == 2
    assert [reason["question"] for reason in result["blocking"]] == ["backing"]
    assert any("Do the council and management back the project?" in line for line in result["why"])


def test_no_access_to_users_caps_at_partly_too():
    result = score_fit(DEFAULT, best_answers() | {"access_users": "not_at_all"}, "en")
    assert result["recommendation"] == "partly"


def test_no_service_at_all_means_not_now_whatever_the_total():
    result = score_fit(DEFAULT, best_answers() | {"is_service": "no"}, "en")
    assert result["recommendation"] == "not_now"
    assert result["level"] == 1


def test_a_cap_never_raises_a_low_score():
    answers = {q["key"]: lowest_uncapped(q) for q in DEFAULT["questions"]}
    answers["backing"] = "none"
    result = score_fit(DEFAULT, answers, "en")
    assert result["recommendation"] == "not_now"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("3", "3", "go"),  # 100%
        ("3", "2", "go"),  # 83%
        ("2", "2", "partly"),  # 67%, just under go at 70%
        ("2", "1", "partly"),  # 50%
        ("1", "1", "not_now"),  # 33%
        ("0", "0", "not_now"),
    ],
)
def test_thresholds_decide_between_go_partly_and_not_now(a, b, expected):
    assert score_fit(small_rules(), {"a": a, "b": b}, "en")["recommendation"] == expected


def test_a_threshold_is_reached_exactly_at_its_per_cent():
    data = small_rules(go=50, partly=50)
    assert score_fit(data, {"a": "2", "b": "1"}, "en")["recommendation"] == "go"  # 3 of 6
    assert score_fit(data, {"a": "1", "b": "1"}, "en")["recommendation"] == "not_now"


def test_a_threshold_compares_unrounded_per_cents():
    # 4 of 6 is 66.67%, shown as 67%, and stays under a go threshold of 67%.
    result = score_fit(small_rules(go=67), {"a": "2", "b": "2"}, "en")
    assert result["percent"] == 67
    assert result["recommendation"] == "partly"


def test_unanswered_questions_are_refused_and_listed():
    answers = best_answers()
    del answers["time"], answers["budget"]
    with pytest.raises(ValidationError) as refusal:
        score_fit(DEFAULT, answers, "en")
    message = " ".join(refusal.value.messages)
    assert "How much time is there before decisions must be made?" in message
    assert "What budget is there" in message
    assert "How many channels" not in message


def test_an_unknown_option_counts_as_unanswered():
    with pytest.raises(ValidationError):
        score_fit(DEFAULT, best_answers() | {"channels": "seven"}, "en")


def test_validate_refuses_scores_outside_zero_to_three():
    data = copy.deepcopy(DEFAULT)
    data["questions"][0]["options"][0]["score"] = 4
    assert any("0 to 3" in problem for problem in validate(data))


def test_validate_refuses_repeated_keys_and_unknown_dimensions():
    data = copy.deepcopy(DEFAULT)
    data["questions"][1]["key"] = data["questions"][0]["key"]
    data["questions"][2]["dimension"] = "weather"
    problems = " ".join(validate(data))
    assert "is_service" in problems and "more than once" in problems
    assert "unknown dimension 'weather'" in problems


def test_validate_asks_for_dutch_texts():
    data = copy.deepcopy(DEFAULT)
    data["questions"][0]["options"][0]["reason"] = {"en": "Only English"}
    data["outcomes"]["go"]["first_steps"][0] = {"en": "Only English"}
    problems = validate(data)
    assert any("'reason' needs a Dutch text" in problem for problem in problems)
    assert any("first step needs a Dutch text" in problem for problem in problems)


def test_validate_checks_thresholds_caps_and_outcomes():
    data = copy.deepcopy(DEFAULT)
    data["thresholds"] = {"go": 40, "partly": 60}
    data["questions"][0]["options"][0]["cap"] = "maybe"
    del data["outcomes"]["not_now"]
    data["outcomes"]["go"]["level"] = 9
    problems = " ".join(validate(data))
    assert "'partly' must not be above 'go'" in problems
    assert "'cap' must be one of" in problems
    assert "outcome 'not_now' is missing" in problems
    assert "'level' must be one of the levels" in problems


def test_validate_refuses_what_is_not_an_object():
    assert validate([]) != []
    assert validate({}) != []
