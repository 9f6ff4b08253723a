"""The fee formula, as pure functions over a tariff snapshot: same inputs, same cents.

Per-capita fees are progressive, like income tax: the rule's base rate applies to the
first inhabitants, and each bracket's rate to the inhabitants from its lower bound up to
the next bracket. The sum is raised by the indexation, then held between the minimum and
the maximum, then rounded to the cent (halves away from zero).
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from atelier.lib.money import to_cents

from .models import FeeBasis, Tariff


@dataclass(frozen=True)
class RuleTerms:
    basis: str
    rate: Decimal
    flat_amount: Decimal
    minimum: Decimal | None
    maximum: Decimal | None
    brackets: tuple[tuple[int, Decimal], ...] = ()


@dataclass(frozen=True)
class TariffTerms:
    year: int
    reference_date: str
    indexation_percent: Decimal
    rules: dict[str, RuleTerms]


@dataclass(frozen=True)
class FeeComputation:
    amount: Decimal
    breakdown: dict[str, Any]


def _optional_decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def snapshot_of(tariff: Tariff) -> dict[str, Any]:
    """The tariff as plain JSON: what a fee run stores and recomputes from."""
    rules = {}
    for rule in tariff.rules.all():
        rules[rule.organisation_type] = {
            "basis": rule.basis,
            "rate": str(rule.rate),
            "flat_amount": str(rule.flat_amount),
            "minimum": None if rule.minimum is None else str(rule.minimum),
            "maximum": None if rule.maximum is None else str(rule.maximum),
            "brackets": [[b.from_population, str(b.rate)] for b in rule.brackets.all()],
        }
    return {
        "tariff_id": tariff.pk,
        "year": tariff.year,
        "reference_date": tariff.reference_date.isoformat(),
        "indexation_percent": str(tariff.indexation_percent),
        "rules": rules,
    }


def terms_from_snapshot(snapshot: dict[str, Any]) -> TariffTerms:
    rules = {
        member_type: RuleTerms(
            basis=rule["basis"],
            rate=Decimal(rule["rate"]),
            flat_amount=Decimal(rule["flat_amount"]),
            minimum=_optional_decimal(rule["minimum"]),
            maximum=_optional_decimal(rule["maximum"]),
            brackets=tuple(sorted((int(low), Decimal(rate)) for low, rate in rule["brackets"])),
        )
        for member_type, rule in snapshot["rules"].items()
    }
    return TariffTerms(
        year=snapshot["year"],
        reference_date=snapshot["reference_date"],
        indexation_percent=Decimal(snapshot["indexation_percent"]),
        rules=rules,
    )


def population_slices(rule: RuleTerms, population: int) -> list[tuple[int, int, Decimal]]:
    """(from, to, rate) for each band of the population that pays a rate."""
    bounds = [(0, rule.rate), *[(low, rate) for low, rate in rule.brackets if low > 0]]
    if rule.brackets and rule.brackets[0][0] == 0:
        bounds[0] = (0, rule.brackets[0][1])
    slices = []
    for index, (low, rate) in enumerate(bounds):
        high = bounds[index + 1][0] if index + 1 < len(bounds) else population
        high = min(high, population)
        if high > low:
            slices.append((low, high, rate))
    return slices


def _limited(amount: Decimal, rule: RuleTerms) -> tuple[Decimal, str]:
    if rule.minimum is not None and amount < rule.minimum:
        return rule.minimum, "minimum"
    if rule.maximum is not None and amount > rule.maximum:
        return rule.maximum, "maximum"
    return amount, ""


def compute_fee(rule: RuleTerms, population: int | None, indexation: Decimal) -> FeeComputation:
    """One member's fee, with each step of the calculation for the audit trail."""
    if rule.basis == FeeBasis.FLAT:
        before_index = rule.flat_amount
        slices: list[dict[str, str]] = []
    else:
        if population is None:
            raise ValueError("a per-capita fee needs a population figure")
        bands = population_slices(rule, population)
        slices = [
            {
                "from": str(low),
                "to": str(high),
                "rate": str(rate),
                "amount": str((high - low) * rate),
            }
            for low, high, rate in bands
        ]
        before_index = sum(((high - low) * rate for low, high, rate in bands), Decimal(0))
    indexed = before_index * (1 + indexation / 100)
    limited, limit = _limited(indexed, rule)
    amount = to_cents(limited)
    breakdown = {
        "basis": rule.basis,
        "slices": slices,
        "before_indexation": str(before_index),
        "indexation_percent": str(indexation),
        "after_indexation": str(indexed),
        "limit_applied": limit,
        "amount": str(amount),
    }
    return FeeComputation(amount=amount, breakdown=breakdown)
