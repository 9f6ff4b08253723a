"""A project of Geel, opened by its participant, and the method library shipped by migrate."""

import pytest

from atelier.accounts.models import User
from atelier.method.models import Phase, Technique
from atelier.projects.models import Project
from atelier.projects.services import open_project


@pytest.fixture(autouse=True)
def _english(settings):
    """Pages and messages in English, the source language (Dutch has its own checks)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def project(participant: User) -> Project:
    return open_project(
        title="One front door for social services",
        problem_statement="Residents do not know which desk to go to.",
        target_group="Residents who need social support",
        by=participant,
    )


@pytest.fixture
def phases(db) -> list[Phase]:
    return list(Phase.objects.order_by("position"))


@pytest.fixture
def technique(db) -> Technique:
    return Technique.objects.filter(is_published=True).select_related("phase").first()
