"""The expertise planner's shipped rules: areas, levels, day rates, needs per technique, reasons.

Days and money are decimal strings (never floats). A technique's `areas` maps an area of
expertise to the days it takes in that area; `level` (optional) is the level the team needs
to do it alone when it differs from `independent_level`; `sensitive` techniques always bring
in an expert, with staff shadowing, however strong the team; `why` says so in plain words.
Reasons are texts with {placeholders}; `validate` lists the placeholders each may use.
"""

import re
from decimal import Decimal, InvalidOperation
from typing import Any, TypeGuard

from django.utils.translation import gettext as _


def _t(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def _area(key: str, name: dict, expert: dict, about: dict) -> dict[str, Any]:
    return {"key": key, "name": name, "expert": expert, "about": about}


AREAS = [
    _area(
        "user_research",
        _t("Gebruikersonderzoek", "User research"),
        _t("een onderzoeker", "a researcher"),
        _t(
            "Inwoners en medewerkers observeren, interviewen en bevragen; er inzichten uit halen.",
            "Watching, interviewing and surveying residents and staff; drawing insights from it.",
        ),
    ),
    _area(
        "facilitation",
        _t("Begeleiden van sessies", "Facilitation"),
        _t("een begeleider", "a facilitator"),
        _t(
            "Workshops en groepsgesprekken voorbereiden en neutraal in goede banen leiden.",
            "Preparing workshops and group conversations and steering them neutrally.",
        ),
    ),
    _area(
        "visualisation",
        _t("Visualiseren", "Visualisation"),
        _t("een visueel ontwerper", "a visual designer"),
        _t(
            "Persona's, klantreizen en scenario's helder in beeld brengen.",
            "Making personas, journeys and scenarios clear in pictures.",
        ),
    ),
    _area(
        "prototyping",
        _t("Prototypen en testen", "Prototyping"),
        _t("een ontwerper die prototypes bouwt", "a designer who builds prototypes"),
        _t(
            "Ideeën snel tastbaar maken en ze met gebruikers uitproberen.",
            "Making ideas tangible quickly and trying them out with users.",
        ),
    ),
    _area(
        "implementation",
        _t("Implementeren en verankeren", "Implementation"),
        _t("een implementatiebegeleider", "an implementation adviser"),
        _t(
            "Een nieuwe dienst invoeren, opvolgers briefen en het resultaat meten.",
            "Putting a new service in place, briefing those who follow and measuring the result.",
        ),
    ),
    _area(
        "leadership",
        _t("Leiding van een service design traject", "Service design leadership"),
        _t("een ervaren service designer", "a senior service designer"),
        _t(
            "Een traject afbakenen, plannen en over diensten heen bewaken.",
            "Scoping and planning a project and keeping it on course across departments.",
        ),
    ),
]

LEVELS = [
    {
        "value": 0,
        "name": _t("Geen", "None"),
        "descriptor": _t("Ik heb dit nog nooit gedaan.", "I have never done this."),
    },
    {
        "value": 1,
        "name": _t("Wat", "Some"),
        "descriptor": _t(
            "Ik heb het zien doen of heb meegeholpen.", "I have seen it done or helped with it."
        ),
    },
    {
        "value": 2,
        "name": _t("Kan het", "Can do it"),
        "descriptor": _t("Ik kan het zelfstandig doen.", "I can do it on my own."),
    },
    {
        "value": 3,
        "name": _t("Kan het aanleren", "Can teach it"),
        "descriptor": _t(
            "Ik kan het collega's aanleren en hen erin begeleiden.",
            "I can teach it to colleagues and guide them.",
        ),
    },
]


def _need(areas: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {"areas": areas, **extra}


TECHNIQUES = {
    # scope and brief
    "design-brief": _need({"leadership": "1"}),
    "stakeholder-map": _need({"facilitation": "0.5", "visualisation": "0.5"}),
    "project-team-set-up": _need({"leadership": "0.5"}),
    # explore
    "observation": _need({"user_research": "2"}),
    "interviews-with-citizens": _need(
        {"user_research": "4"},
        sensitive=True,
        why=_t(
            "Eerste interviews met kwetsbare inwoners",
            "First interviews with vulnerable residents",
        ),
    ),
    "interviews-with-staff": _need({"user_research": "2"}),
    "focus-group": _need({"user_research": "1", "facilitation": "1"}),
    "questionnaire": _need({"user_research": "2"}),
    "service-safari": _need({"user_research": "1"}),
    "learning-visit": _need({"leadership": "1"}),
    # define
    "personas": _need({"user_research": "1", "visualisation": "1"}),
    "customer-journey-map": _need({"user_research": "1", "visualisation": "2"}),
    "insight-clustering": _need({"user_research": "1", "facilitation": "0.5"}),
    "how-might-we": _need({"facilitation": "0.5"}),
    # ideate and co-create
    "co-creation-workshop": _need({"facilitation": "3"}, level=3),
    "brainstorm": _need({"facilitation": "0.5"}),
    "scenarios": _need({"visualisation": "1"}),
    "idea-selection": _need({"facilitation": "0.5"}),
    # prototype and test
    "service-staging": _need({"prototyping": "2", "facilitation": "1"}),
    "mock-ups": _need({"prototyping": "2", "visualisation": "1"}),
    "storyboard": _need({"visualisation": "1"}),
    "test-with-users": _need({"prototyping": "2", "user_research": "1"}),
    # implement and embed
    "service-blueprint": _need({"leadership": "2", "visualisation": "1"}, level=3),
    "roadmap": _need({"implementation": "1"}),
    "briefing-follow-up-contractors": _need({"implementation": "2"}),
    "evaluation": _need({"user_research": "1", "implementation": "1"}),
}

PHASE_DEFAULTS = {
    "scope-and-brief": _need({"leadership": "1", "facilitation": "0.5"}),
    "explore": _need({"user_research": "5"}),
    "define": _need({"user_research": "1", "visualisation": "2"}),
    "ideate-and-co-create": _need({"facilitation": "3"}),
    "prototype-and-test": _need({"prototyping": "3", "user_research": "1"}),
    "implement-and-embed": _need({"implementation": "2", "leadership": "1"}),
}

REASONS = {
    "make": _t(
        "{area}: het team heeft dit in huis (niveau {in_house}, {needed} nodig) en doet het "
        "zelf in de fase {phase} (dagen: {days}).",
        "{area}: the team has this in house (level {in_house}, {needed} needed) and does it "
        "itself in the {phase} phase (days: {days}).",
    ),
    "coach": _t(
        "{area}: het team kent er iets van (niveau {in_house}) maar nog niet genoeg om het "
        "alleen te doen ({needed} nodig). Het doet het werk in de fase {phase} zelf (dagen: "
        "{days}), met een coach aan {rate} per dag (coachdagen: {coach_days}, samen {cost}).",
        "{area}: the team knows something about it (level {in_house}) but not yet enough to "
        "do it alone ({needed} needed). It does the work of the {phase} phase itself (days: "
        "{days}), with a coach at {rate} a day (coach days: {coach_days}, in all {cost}).",
    ),
    "buy": _t(
        "{area}: het team heeft dit nog niet in huis (niveau {in_house}, {needed} nodig). "
        "Haal {expert} in voor de fase {phase} (dagen: {days}, aan {rate} per dag: {cost}). "
        "Medewerkers lopen mee (dagen: {shadow_days}), zodat ze het een volgende keer zelf "
        "kunnen.",
        "{area}: the team does not have this in house yet (level {in_house}, {needed} "
        "needed). Bring in {expert} for the {phase} phase (days: {days}, at {rate} a day: "
        "{cost}). Staff shadow the expert (days: {shadow_days}) so that they can do it "
        "themselves next time.",
    ),
    "sensitive": _t(
        "{why}: haal {expert} in voor de fase {phase}, hoe sterk het team ook is (dagen: "
        "{days}, aan {rate} per dag: {cost}). Medewerkers lopen mee (dagen: {shadow_days}), "
        "zodat de volgende ronde in huis gebeurt.",
        "{why}: bring in {expert} for the {phase} phase, however strong the team (days: "
        "{days}, at {rate} a day: {cost}). Staff shadow the expert (days: {shadow_days}) so "
        "that the next round is done in house.",
    ),
    "defaults": _t(
        "In de fase {phase} is nog niets gepland: de raming gaat uit van wat zo'n fase "
        "gewoonlijk vraagt.",
        "Nothing is planned in the {phase} phase yet: the estimate assumes what such a phase "
        "usually takes.",
    ),
    "empty": _t(
        "In de fase {phase} is niets gepland en er is geen gebruikelijke nood: geen dagen.",
        "Nothing is planned in the {phase} phase and it has no usual need: no days.",
    ),
    "unknown": _t(
        "De techniek '{technique}' staat niet in de regels van de planner: haar dagen tellen "
        "niet mee. Vraag de vereniging om ze toe te voegen.",
        "The technique '{technique}' is not in the planner's rules: its days are not counted. "
        "Ask the association to add it.",
    ),
}

DEFAULT: dict[str, Any] = {
    "areas": AREAS,
    "levels": LEVELS,
    # Euro per day excluding VAT for an external expert, per area.
    "day_rates": {
        "user_research": "950.00",
        "facilitation": "900.00",
        "visualisation": "850.00",
        "prototyping": "950.00",
        "implementation": "1000.00",
        "leadership": "1100.00",
    },
    "independent_level": 2,  # the level at which the team does an area alone
    "coach_gap": 1,  # at most this many levels short: the team does it with a coach
    "coach_share": "0.25",  # a coach's days as a share of the area's days
    "shadow_share": "0.50",  # staff shadow this share of an expert's days
    "day_step": "0.5",  # coach and shadow days are rounded up to this step
    "techniques": TECHNIQUES,
    "phase_defaults": PHASE_DEFAULTS,
    "reasons": REASONS,
}

PLACEHOLDERS = {
    "make": {"area", "phase", "days", "in_house", "needed"},
    "coach": {"area", "phase", "days", "in_house", "needed", "coach_days", "rate", "cost"},
    "buy": {"area", "expert", "phase", "days", "in_house", "needed", "rate", "cost", "shadow_days"},
    "sensitive": {"why", "area", "expert", "phase", "days", "rate", "cost", "shadow_days"},
    "defaults": {"phase"},
    "empty": {"phase"},
    "unknown": {"technique", "phase"},
}

PLACEHOLDER = r"\{(\w+)\}"


def _is_text(value: object) -> TypeGuard[dict]:
    return isinstance(value, dict) and all(
        isinstance(value.get(language), str) and value[language].strip()
        for language in ("nl", "en")
    )


def _decimal(value: object) -> Decimal | None:
    """A decimal string's value; None for floats, garbage and infinities."""
    if not isinstance(value, str):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _is_level(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3


def _check_areas(data: dict, problems: list[str]) -> set[str]:
    areas = data.get("areas")
    if not isinstance(areas, list) or not areas:
        problems.append(_("'areas' must be a non-empty list."))
        return set()
    keys: set[str] = set()
    for area in areas:
        key = area.get("key") if isinstance(area, dict) else None
        if not isinstance(key, str) or not key or key in keys:
            problems.append(_("Every area needs its own key."))
            continue
        keys.add(key)
        if not all(_is_text(area.get(field)) for field in ("name", "expert", "about")):
            problems.append(
                _("Area '%(key)s' needs a name, an expert and an about text in Dutch and English.")
                % {"key": key}
            )
    return keys


def _check_levels(data: dict, problems: list[str]) -> None:
    levels = data.get("levels")
    described = isinstance(levels, list) and all(
        isinstance(level, dict)
        and _is_text(level.get("name"))
        and _is_text(level.get("descriptor"))
        for level in levels
    )
    if not described or [level.get("value") for level in levels or []] != [0, 1, 2, 3]:
        problems.append(
            _("'levels' must describe the levels 0 to 3, each with a name and a descriptor.")
        )


def _check_numbers(data: dict, problems: list[str]) -> None:
    if not _is_level(data.get("independent_level")) or data["independent_level"] < 1:
        problems.append(_("'independent_level' must be a whole number from 1 to 3."))
    if not _is_level(data.get("coach_gap")):
        problems.append(_("'coach_gap' must be a whole number from 0 to 3."))
    for key in ("coach_share", "shadow_share"):
        share = _decimal(data.get(key))
        if share is None or not 0 <= share <= 1:
            problems.append(_("'%(key)s' must be a decimal string from 0 to 1.") % {"key": key})
    step = _decimal(data.get("day_step"))
    if step is None or not Decimal("0.01") <= step <= 5:
        problems.append(_("'day_step' must be a decimal string from 0.01 to 5."))


def _check_rates(data: dict, areas: set[str], problems: list[str]) -> None:
    rates = data.get("day_rates")
    rates = rates if isinstance(rates, dict) else {}
    for key in sorted(areas):
        rate = _decimal(rates.get(key))
        if rate is None or rate <= 0 or rate != rate.quantize(Decimal("0.01")):
            problems.append(
                _("The day rate of '%(key)s' must be a positive amount in euro, like \"950.00\".")
                % {"key": key}
            )


def _need_problem(need: object, areas: set[str]) -> str | None:
    if not isinstance(need, dict) or not isinstance(need.get("areas"), dict) or not need["areas"]:
        return _("needs 'areas': each area it needs with its days")
    for area, days in need["areas"].items():
        number = _decimal(days)
        if area not in areas or number is None or number <= 0:
            return _(
                "the area '%(area)s' is unknown or its days are not a positive decimal string"
            ) % {"area": area}
    if "level" in need and (not _is_level(need["level"]) or need["level"] < 1):
        return _("'level' must be a whole number from 1 to 3")
    if not isinstance(need.get("sensitive", False), bool):
        return _("'sensitive' must be true or false")
    if need.get("sensitive") and not _is_text(need.get("why")):
        return _("a sensitive technique needs a 'why' in Dutch and English")
    return None


def _check_needs(needs: object, label: str, areas: set[str], problems: list[str]) -> None:
    if not isinstance(needs, dict):
        problems.append(_("'%(label)s' must be an object keyed by slug.") % {"label": label})
        return
    for slug, need in needs.items():
        problem = _need_problem(need, areas)
        if problem:
            problems.append(f"{label} · {slug}: {problem}")


def _check_reasons(data: dict, problems: list[str]) -> None:
    reasons = data.get("reasons")
    reasons = reasons if isinstance(reasons, dict) else {}
    for key, allowed in PLACEHOLDERS.items():
        reason = reasons.get(key)
        if not _is_text(reason):
            problems.append(
                _("The reason '%(key)s' needs a text in Dutch and English.") % {"key": key}
            )
            continue
        used = {
            name for language in ("nl", "en") for name in re.findall(PLACEHOLDER, reason[language])
        }
        for name in sorted(used - allowed):
            problems.append(
                _("The reason '%(key)s' uses {%(name)s}; it may use: %(allowed)s.")
                % {"key": key, "name": name, "allowed": ", ".join(sorted(allowed))}
            )


def validate(data: Any) -> list[str]:
    """The problems of a version of the expertise planner's rules (empty when fine)."""
    if not isinstance(data, dict):
        return [_("The rules must be a JSON object.")]
    problems: list[str] = []
    areas = _check_areas(data, problems)
    _check_levels(data, problems)
    _check_numbers(data, problems)
    _check_rates(data, areas, problems)
    _check_needs(data.get("techniques"), "techniques", areas, problems)
    _check_needs(data.get("phase_defaults"), "phase_defaults", areas, problems)
    _check_reasons(data, problems)
    return problems
