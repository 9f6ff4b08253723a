"""The method library's starting content: six phases and their techniques, in Dutch and English.

Written for Atelier in its own words. The Service Design Toolkit is only linked to (its
licence is unknown), never quoted. Staff change all of it on the site or in the admin.
"""

from typing import Any

from . import define, explore, ideate, implement, prototype, scope

TOOLKIT_URL = "https://www.servicedesigntoolkit.org/"

PHASES: list[dict[str, Any]] = [
    scope.PHASE,
    explore.PHASE,
    define.PHASE,
    ideate.PHASE,
    prototype.PHASE,
    implement.PHASE,
]


def _flatten(card: dict[str, Any], phase: str) -> dict[str, Any]:
    """One card as model fields: each text of `nl` and `en` becomes `<text>_nl`, `<text>_en`."""
    fields = {key: value for key, value in card.items() if key not in {"nl", "en"}}
    for language in ("nl", "en"):
        for text, value in card[language].items():
            fields[f"{text}_{language}"] = "\n".join(value) if isinstance(value, list) else value
    return {**fields, "phase": phase, "toolkit_url": TOOLKIT_URL}


TECHNIQUES: list[dict[str, Any]] = [
    _flatten(card, module.PHASE["slug"])
    for module in (scope, explore, define, ideate, prototype, implement)
    for card in module.TECHNIQUES
]


def _next_position(phase_model: Any) -> int:
    positions = phase_model.objects.values_list("position", flat=True)
    return max(positions, default=-1) + 1


def _install_phase(phase_model: Any, data: dict[str, Any]) -> tuple[Any, bool]:
    defaults = {key: value for key, value in data.items() if key != "slug"}
    if phase_model.objects.filter(position=defaults["position"]).exists():
        # Staff added or moved phases: a missing shipped phase goes to the end instead.
        defaults["position"] = _next_position(phase_model)
    existing = phase_model.objects.filter(slug=data["slug"]).first()
    if existing:
        return existing, False
    return phase_model.objects.create(slug=data["slug"], **defaults), True


def install(phase_model: Any, technique_model: Any) -> tuple[int, int]:
    """Creates the phases and techniques missing by slug (the data migration calls it too)."""
    phases = {}
    phases_created = techniques_created = 0
    for data in PHASES:
        phase, created = _install_phase(phase_model, data)
        phases[phase.slug] = phase
        phases_created += created
    for data in TECHNIQUES:
        fields = {key: value for key, value in data.items() if key not in {"slug", "phase"}}
        _technique, created = technique_model.objects.get_or_create(
            slug=data["slug"], defaults={**fields, "phase": phases[data["phase"]]}
        )
        techniques_created += created
    return phases_created, techniques_created
