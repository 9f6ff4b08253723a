"""The shipped default rules of each tool, and the checks a new version must pass.

Each module `rules/<kind>.py` defines `DEFAULT` (plain JSON-able data, texts as
{"nl": …, "en": …}) and `validate(data) -> list[str]` (the problems, empty when fine).
"""

from importlib import import_module
from types import ModuleType


def rules_module(kind: str) -> ModuleType:
    return import_module(f"atelier.guidance.rules.{kind}")
