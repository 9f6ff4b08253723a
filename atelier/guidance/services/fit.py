"""The fit check: scoring answers against a version of the rules, and saving a check.

A saved check keeps its RuleSet and answers; its texts are recomputed on display from
that RuleSet (a published version never changes), in the reader's language. The stored
`result` holds only the language-neutral figures, for lists and the API.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.guidance.models import FitCheck, RuleSetKind
from atelier.guidance.rules.fit_check import OUTCOMES
from atelier.guidance.services.rules import current_rules, text
from atelier.projects.access import can_edit
from atelier.projects.models import Project

Answers = dict[str, str]


def _percent(score: int, maximum: int) -> int:
    return round(100 * score / maximum) if maximum else 0


def _chosen(data: dict, answers: Answers, language: str) -> list[tuple[dict, dict]]:
    """Each question with its chosen option; refuses missing or unknown answers."""
    missing, chosen = [], []
    for question in data["questions"]:
        options = {option["key"]: option for option in question["options"]}
        option = options.get(answers.get(question["key"], ""))
        if option is None:
            missing.append(text(question["text"], language))
        else:
            chosen.append((question, option))
    if missing:
        with translation.override(language):
            message = _("Please answer every question. Not answered: %(questions)s")
        raise ValidationError(message % {"questions": "; ".join(missing)}, code="unanswered")
    return chosen


def _reason(question: dict, option: dict, language: str) -> dict[str, Any]:
    return {
        "question": question["key"],
        "question_text": text(question["text"], language),
        "answer": text(option["label"], language),
        "reason": text(option["reason"], language),
        "score": option["score"],
        "max": max(o["score"] for o in question["options"]),
        "cap": option.get("cap", ""),
    }


def _dimensions(data: dict, reasons: list[dict], language: str) -> list[dict[str, Any]]:
    questions = {question["key"]: question["dimension"] for question in data["questions"]}
    rows = []
    for dimension in data["dimensions"]:
        own = [reason for reason in reasons if questions[reason["question"]] == dimension["key"]]
        score, maximum = sum(r["score"] for r in own), sum(r["max"] for r in own)
        rows.append(
            {
                "key": dimension["key"],
                "title": text(dimension["title"], language),
                "score": score,
                "max": maximum,
                "percent": _percent(score, maximum),
                "reasons": own,
            }
        )
    return rows


def _by_threshold(thresholds: dict, score: int, maximum: int) -> str:
    # Compared without rounding, so 69.6% is not taken for 70%.
    if score * 100 >= thresholds["go"] * maximum:
        return "go"
    if score * 100 >= thresholds["partly"] * maximum:
        return "partly"
    return "not_now"


def _threshold_sentence(thresholds: dict, percent: int, outcome: str) -> str:
    numbers = {"percent": percent, "go": thresholds["go"], "partly": thresholds["partly"]}
    if outcome == "go":
        return _("The total is %(percent)s%% of the maximum; go starts at %(go)s%%.") % numbers
    if outcome == "partly":
        return (
            _("The total is %(percent)s%% of the maximum: from %(partly)s%%, below %(go)s%%.")
            % numbers
        )
    return _("The total is %(percent)s%% of the maximum, below %(partly)s%%.") % numbers


def _why(thresholds: dict, percent: int, by_threshold: str, blocking: list[dict]) -> list[str]:
    why = [_threshold_sentence(thresholds, percent, by_threshold)]
    for reason in blocking:
        cap = _("partly") if reason["cap"] == "partly" else _("not now")
        why.append(
            _("“%(question)s”: “%(answer)s” limits the advice to “%(cap)s”, whatever the total.")
            % {"question": reason["question_text"], "answer": reason["answer"], "cap": cap}
        )
    return why


def _recommendation(by_threshold: str, blocking: list[dict]) -> str:
    """The outcome after the thresholds, lowered by the strictest blocking answer."""
    caps = [OUTCOMES.index(reason["cap"]) for reason in blocking]
    return OUTCOMES[max([OUTCOMES.index(by_threshold), *caps])]


def _advice(data: dict, outcome: str, language: str) -> dict[str, Any]:
    advice = data["outcomes"][outcome]
    level = next(level for level in data["levels"] if level["number"] == advice["level"])
    return {
        "title": text(advice["title"], language),
        "summary": text(advice["summary"], language),
        "level": level["number"],
        "level_name": text(level["name"], language),
        "level_description": text(level["description"], language),
        "first_steps": [text(step, language) for step in advice["first_steps"]],
    }


def score_fit(data: dict, answers: Answers, language: str) -> dict[str, Any]:
    """Scores per dimension with their reasons, the recommendation, why, level and first steps."""
    reasons = [_reason(q, o, language) for q, o in _chosen(data, answers, language)]
    score, maximum = sum(r["score"] for r in reasons), sum(r["max"] for r in reasons)
    by_threshold = _by_threshold(data["thresholds"], score, maximum)
    blocking = [reason for reason in reasons if reason["cap"]]
    outcome = _recommendation(by_threshold, blocking)
    with translation.override(language):
        why = _why(data["thresholds"], _percent(score, maximum), by_threshold, blocking)
    return {
        "dimensions": _dimensions(data, reasons, language),
        "score": score,
        "max": maximum,
        "percent": _percent(score, maximum),
        "recommendation": outcome,
        "why": why,
        "blocking": blocking,
        **_advice(data, outcome, language),
    }


def stored_result(result: dict[str, Any]) -> dict[str, Any]:
    """The language-neutral figures of a scored check, as kept on the FitCheck."""
    return {
        "score": result["score"],
        "max": result["max"],
        "percent": result["percent"],
        "recommendation": result["recommendation"],
        "level": result["level"],
        "blocking": [reason["question"] for reason in result["blocking"]],
        "dimensions": [
            {key: row[key] for key in ("key", "score", "max", "percent")}
            for row in result["dimensions"]
        ],
    }


@transaction.atomic
def record_fit_check(*, project: Project, answers: Answers, by: User) -> FitCheck:
    """A new fit check of the project, scored with the current published rules."""
    if not can_edit(by, project):
        raise PermissionDenied
    rules = current_rules(RuleSetKind.FIT_CHECK)
    language = translation.get_language() or "nl"
    result = score_fit(rules.data, answers, language)
    kept = {question["key"]: answers[question["key"]] for question in rules.data["questions"]}
    return FitCheck.objects.create(
        project=project, rules=rules, answers=kept, result=stored_result(result), created_by=by
    )
