"""Guidance tests read pages and messages in English, the source language; a Geel project."""

import pytest

from atelier.projects.services import open_project


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def project(participant):
    return open_project(
        title="One front door for social services",
        problem_statement="Residents do not know which desk to go to.",
        target_group="Residents who need social support",
        by=participant,
    )
