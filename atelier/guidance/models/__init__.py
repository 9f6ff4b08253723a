"""Guidance: fit check, expertise planner, tender builder, bid scoring and maturity."""

from .expertise import ExpertisePlan, SkillAssessment
from .fit import FitCheck
from .maturity import MaturityResponse, MaturityRound
from .rules import RuleSet, RuleSetKind, RuleSetStatus
from .tender import Bid, Criterion, CriterionFamily, JurorSubmission, Score, Tender, TenderJuror

__all__ = [
    "Bid",
    "Criterion",
    "CriterionFamily",
    "ExpertisePlan",
    "FitCheck",
    "JurorSubmission",
    "MaturityResponse",
    "MaturityRound",
    "RuleSet",
    "RuleSetKind",
    "RuleSetStatus",
    "Score",
    "SkillAssessment",
    "Tender",
    "TenderJuror",
]
