"""The fit check's rules: the shipped default and the checks a new version must pass.

Data shape: `dimensions` [{key, title}], `questions` [{key, dimension, text, options:
[{key, score 0–3, label, reason, cap?}]}], `thresholds` {go, partly} in per cent of the
maximum, `levels` [{number, name, description}], `outcomes` {go, partly, not_now:
{title, summary, level, first_steps [2–4 texts]}}. Texts are {"nl": …, "en": …}.
"""

from typing import Any

from django.utils.translation import gettext as _

from .default import DEFAULT

OUTCOMES = ("go", "partly", "not_now")  # best first
CAPS = ("partly", "not_now")
MAX_SCORE = 3

__all__ = ["CAPS", "DEFAULT", "MAX_SCORE", "OUTCOMES", "validate"]


def _has_dutch(value: Any) -> bool:
    return (
        isinstance(value, dict) and isinstance(value.get("nl"), str) and bool(value["nl"].strip())
    )


def _keyed(items: Any, where: str, problems: list[str]) -> list[dict]:
    """The items that are objects with a key; reports a missing list and repeated keys."""
    if not isinstance(items, list) or not items:
        problems.append(_("%(where)s: a non-empty list is needed.") % {"where": where})
        return []
    found = [item for item in items if isinstance(item, dict) and isinstance(item.get("key"), str)]
    if len(found) != len(items):
        problems.append(_("%(where)s: every entry needs a text 'key'.") % {"where": where})
    keys = [item["key"] for item in found]
    for key in sorted({key for key in keys if keys.count(key) > 1}):
        problems.append(
            _("%(where)s: the key '%(key)s' is used more than once.") % {"where": where, "key": key}
        )
    return found


def _texts(item: dict, fields: tuple[str, ...], where: str, problems: list[str]) -> None:
    for field in fields:
        if not _has_dutch(item.get(field)):
            problems.append(
                _("%(where)s: '%(field)s' needs a Dutch text (nl).")
                % {"where": where, "field": field}
            )


def _option_problems(option: dict, where: str, problems: list[str]) -> None:
    score = option.get("score")
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
        problems.append(
            _("%(where)s: the score must be a whole number from 0 to %(max)s.")
            % {"where": where, "max": MAX_SCORE}
        )
    if "cap" in option and option["cap"] not in CAPS:
        problems.append(
            _("%(where)s: 'cap' must be one of %(caps)s.")
            % {"where": where, "caps": ", ".join(CAPS)}
        )
    _texts(option, ("label", "reason"), where, problems)


def _question_problems(question: dict, dimensions: set[str], problems: list[str]) -> None:
    where = _("question '%(key)s'") % {"key": question["key"]}
    if question.get("dimension") not in dimensions:
        problems.append(
            _("%(where)s: unknown dimension '%(key)s'.")
            % {"where": where, "key": question.get("dimension")}
        )
    _texts(question, ("text",), where, problems)
    options = _keyed(question.get("options"), _("%(where)s, options") % {"where": where}, problems)
    if len(options) == 1:
        problems.append(_("%(where)s: at least two options are needed.") % {"where": where})
    for option in options:
        label = _("%(where)s, option '%(key)s'") % {"where": where, "key": option["key"]}
        _option_problems(option, label, problems)
    scores = [o["score"] for o in options if isinstance(o.get("score"), int)]
    if options and max(scores, default=0) < 1:
        problems.append(_("%(where)s: at least one option must score above 0.") % {"where": where})


def _threshold_problems(thresholds: Any, problems: list[str]) -> None:
    if not isinstance(thresholds, dict):
        problems.append(_("thresholds: an object with 'go' and 'partly' is needed."))
        return
    values = (thresholds.get("go"), thresholds.get("partly"))
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) != 2 or any(not 0 <= number <= 100 for number in numbers):
        problems.append(_("thresholds: 'go' and 'partly' must be per cents from 0 to 100."))
    elif numbers[1] > numbers[0]:
        problems.append(_("thresholds: 'partly' must not be above 'go'."))


def _level_problems(levels: Any, problems: list[str]) -> set[int]:
    if not isinstance(levels, list) or not levels:
        problems.append(_("levels: a non-empty list is needed."))
        return set()
    numbers: set[int] = set()
    for level in levels:
        number = level.get("number") if isinstance(level, dict) else None
        if not isinstance(number, int) or isinstance(number, bool) or number in numbers:
            problems.append(_("levels: every level needs its own whole 'number'."))
            continue
        numbers.add(number)
        _texts(level, ("name", "description"), _("level %(number)s") % {"number": number}, problems)
    return numbers


def _outcome_problems(outcomes: Any, levels: set[int], problems: list[str]) -> None:
    if not isinstance(outcomes, dict):
        problems.append(
            _("outcomes: an object with %(keys)s is needed.") % {"keys": ", ".join(OUTCOMES)}
        )
        return
    for key in OUTCOMES:
        outcome = outcomes.get(key)
        if not isinstance(outcome, dict):
            problems.append(_("outcome '%(key)s' is missing.") % {"key": key})
            continue
        where = _("outcome '%(key)s'") % {"key": key}
        _texts(outcome, ("title", "summary"), where, problems)
        if outcome.get("level") not in levels:
            problems.append(_("%(where)s: 'level' must be one of the levels.") % {"where": where})
        steps = outcome.get("first_steps")
        if not isinstance(steps, list) or not 2 <= len(steps) <= 4:
            problems.append(_("%(where)s: give 2 to 4 first steps.") % {"where": where})
        elif not all(_has_dutch(step) for step in steps):
            problems.append(
                _("%(where)s: every first step needs a Dutch text (nl).") % {"where": where}
            )


def validate(data: Any) -> list[str]:
    """The problems with a version of the fit check's rules; empty when it can be published."""
    if not isinstance(data, dict):
        return [_("The rules must be a JSON object.")]
    problems: list[str] = []
    dimensions = _keyed(data.get("dimensions"), "dimensions", problems)
    for dimension in dimensions:
        where = _("dimension '%(key)s'") % {"key": dimension["key"]}
        _texts(dimension, ("title",), where, problems)
    questions = _keyed(data.get("questions"), "questions", problems)
    for question in questions:
        _question_problems(question, {d["key"] for d in dimensions}, problems)
    used = {question.get("dimension") for question in questions}
    for dimension in dimensions:
        if dimension["key"] not in used:
            problems.append(
                _("dimension '%(key)s': it has no questions.") % {"key": dimension["key"]}
            )
    _threshold_problems(data.get("thresholds"), problems)
    _outcome_problems(data.get("outcomes"), _level_problems(data.get("levels"), problems), problems)
    return problems
