"""Maturity rules: the shipped defaults and the checks a new version must pass.

The defaults (default.json) are our own six areas, three criteria each scored 1–5 with
descriptors for 1, 3 and 5, a four-step ladder and next steps per area. They are inspired
by the design ladders in DOMAIN §2 (design as styling, process, capability, policy); the
wording is ours. The ladder places a round on the highest step whose `min_median` the
overall median reaches.
"""

import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

DEFAULT: dict[str, Any] = json.loads((Path(__file__).parent / "default.json").read_text("utf-8"))

LANGUAGES = ("nl", "en")
DESCRIBED_LEVELS = ("1", "3", "5")


def _text_problems(value: object, where: str) -> list[str]:
    if not isinstance(value, dict) or any(
        not str(value.get(lang) or "").strip() for lang in LANGUAGES
    ):
        return [_("%(where)s: needs a Dutch and an English text.") % {"where": where}]
    return []


def _criterion_problems(criterion: object, where: str) -> list[str]:
    if not isinstance(criterion, dict) or not criterion.get("key"):
        return [_("%(where)s: every criterion needs a key.") % {"where": where}]
    where = f"{where}.criteria[{criterion['key']}]"
    problems = _text_problems(criterion.get("text"), where)
    levels = criterion.get("levels")
    if not isinstance(levels, dict):
        return [
            *problems,
            _("%(where)s: descriptors for 1, 3 and 5 are missing.") % {"where": where},
        ]
    for level in DESCRIBED_LEVELS:
        problems += _text_problems(levels.get(level), f"{where}.levels.{level}")
    return problems


def _area_problems(area: object, index: int) -> list[str]:
    if not isinstance(area, dict) or not area.get("key"):
        return [_("Area %(number)s: needs a key.") % {"number": index + 1}]
    where = f"areas[{area['key']}]"
    problems = _text_problems(area.get("name"), where)
    criteria = area.get("criteria")
    if not isinstance(criteria, list) or not criteria:
        problems.append(_("%(where)s: needs at least one criterion.") % {"where": where})
    else:
        for criterion in criteria:
            problems += _criterion_problems(criterion, where)
    steps = area.get("next_steps")
    if not isinstance(steps, list) or not steps:
        problems.append(_("%(where)s: needs at least one next step.") % {"where": where})
    else:
        for number, step in enumerate(steps, 1):
            problems += _text_problems(step, f"{where}.next_steps[{number}]")
    return problems


def _ladder_problems(ladder: object) -> list[str]:
    if not isinstance(ladder, list) or not ladder:
        return [_("The ladder needs at least one step.")]
    problems: list[str] = []
    thresholds = []
    for step in ladder:
        if not isinstance(step, dict):
            return [_("Every ladder step must be an object.")]
        threshold = step.get("min_median")
        if not isinstance(threshold, int | float) or not 1 <= threshold <= 5:
            problems.append(
                _("Ladder step %(step)s: min_median must lie between 1 and 5.")
                % {"step": step.get("step")}
            )
            continue
        thresholds.append(threshold)
        problems += _text_problems(step.get("name"), f"ladder[{step.get('step')}].name")
        problems += _text_problems(
            step.get("description"), f"ladder[{step.get('step')}].description"
        )
    if thresholds != sorted(set(thresholds)):
        problems.append(_("Ladder thresholds must rise from step to step."))
    elif thresholds and thresholds[0] != 1:
        problems.append(_("The first ladder step must start at 1, so every round has a place."))
    return problems


def _key_problems(areas: list) -> list[str]:
    keys = [a.get("key") for a in areas if isinstance(a, dict)]
    keys += [
        c.get("key")
        for a in areas
        if isinstance(a, dict) and isinstance(a.get("criteria"), list)
        for c in a["criteria"]
        if isinstance(c, dict)
    ]
    duplicates = sorted({str(key) for key in keys if keys.count(key) > 1})
    return (
        [_("Keys must be unique: %(keys)s.") % {"keys": ", ".join(duplicates)}]
        if duplicates
        else []
    )


def validate(data: Any) -> list[str]:
    """The problems with a maturity rule set (empty when it can be published)."""
    if not isinstance(data, dict):
        return [_("The rules must be a JSON object.")]
    areas = data.get("areas")
    if not isinstance(areas, list) or len(areas) < 3:
        return [_("At least three areas are needed (the radar chart needs three axes).")]
    problems = _key_problems(areas)
    for index, area in enumerate(areas):
        problems += _area_problems(area, index)
    problems += _ladder_problems(data.get("ladder"))
    for field in ("min_respondents", "next_steps_for"):
        value = data.get(field)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(_("%(field)s must be a whole number of at least 1.") % {"field": field})
    return problems
