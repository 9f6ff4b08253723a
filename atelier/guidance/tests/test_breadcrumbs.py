"""Deep guidance pages say where they are: breadcrumbs back to the project or the tool."""

import re

import pytest
from django.urls import reverse

CRUMBS = re.compile(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', re.S)


def crumbs(response) -> str:
    match = CRUMBS.search(response.content.decode())
    assert match, "no breadcrumbs on the page"
    return match.group(1)


@pytest.fixture
def check(project, participant):
    from atelier.guidance.services.fit import record_fit_check
    from atelier.guidance.tests.test_fit_pages import best_answers

    return record_fit_check(project=project, answers=best_answers(), by=participant)


def test_fit_result_leads_back_to_the_project(client, check, participant):
    client.force_login(participant)
    trail = crumbs(client.get(reverse("guidance:fit_result", args=[check.pk])))
    assert reverse("projects:list") in trail
    assert reverse("projects:detail", args=[check.project.pk]) in trail
    assert check.project.title in trail
    assert 'aria-current="page">Fit check result<' in trail


@pytest.mark.parametrize("name", ["fit", "skills", "expertise", "tenders"])
def test_project_tools_lead_back_to_the_project(client, project, participant, name):
    client.force_login(participant)
    trail = crumbs(client.get(reverse(f"guidance:{name}", args=[project.pk])))
    assert reverse("projects:detail", args=[project.pk]) in trail


def test_a_maturity_round_leads_back_to_all_rounds(client, coordinator):
    from atelier.guidance.tests.test_maturity import open_geel_round

    maturity_round = open_geel_round(coordinator)
    client.force_login(coordinator)
    trail = crumbs(client.get(reverse("guidance:maturity_round", args=[maturity_round.pk])))
    assert reverse("guidance:maturity") in trail
    assert maturity_round.name in trail


def test_guidance_rules_lead_back_to_the_rule_sets(client, trainer):
    from atelier.guidance.services.rules import current_rules

    rules = current_rules("fit_check")
    client.force_login(trainer)
    trail = crumbs(client.get(reverse("guidance:rules_edit", args=[rules.pk])))
    assert reverse("guidance:rules") in trail
