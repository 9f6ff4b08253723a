"""The shipped library: enough cards, every phase covered, both languages complete."""

import pytest

from atelier.method.library_data import PHASES, TECHNIQUES
from atelier.method.models import TECHNIQUE_TEXTS, ArtefactKind, ExpertiseNeed, Phase, Technique
from atelier.method.services import load_library

pytestmark = pytest.mark.django_db


def test_library_has_at_least_24_published_techniques():
    assert Technique.objects.filter(is_published=True).count() >= 24


def test_every_phase_has_a_technique():
    assert Phase.objects.count() == len(PHASES) == 6
    assert not Phase.objects.filter(techniques=None).exists()


def test_phases_come_in_the_default_order():
    assert list(Phase.objects.values_list("position", "slug")) == [
        (0, "scope-and-brief"),
        (1, "explore"),
        (2, "define"),
        (3, "ideate-and-co-create"),
        (4, "prototype-and-test"),
        (5, "implement-and-embed"),
    ]


@pytest.mark.parametrize("card", TECHNIQUES, ids=[card["slug"] for card in TECHNIQUES])
def test_every_card_fills_every_text_in_both_languages(card):
    for text in TECHNIQUE_TEXTS:
        for language in ("nl", "en"):
            assert card[f"{text}_{language}"].strip(), f"{text}_{language}"
    assert card["expertise"] in ExpertiseNeed.values
    assert card["produces"] in ["", *ArtefactKind.values]
    assert card["toolkit_url"] == "https://www.servicedesigntoolkit.org/"


@pytest.mark.parametrize("card", TECHNIQUES, ids=[card["slug"] for card in TECHNIQUES])
def test_every_card_has_3_to_7_steps_and_2_to_4_pitfalls(card):
    technique = Technique.objects.get(slug=card["slug"])
    for language in ("nl", "en"):
        steps = [line for line in card[f"steps_{language}"].splitlines() if line.strip()]
        pitfalls = [line for line in card[f"pitfalls_{language}"].splitlines() if line.strip()]
        assert 3 <= len(steps) <= 7
        assert 2 <= len(pitfalls) <= 4
    assert len(technique.steps) == len(card["steps_nl"].splitlines())


def test_the_expected_techniques_are_there():
    expected = {
        "design-brief", "stakeholder-map", "project-team-set-up", "observation",
        "interviews-with-citizens", "interviews-with-staff", "focus-group", "questionnaire",
        "service-safari", "learning-visit", "personas", "customer-journey-map",
        "insight-clustering", "how-might-we", "co-creation-workshop", "brainstorm",
        "scenarios", "idea-selection", "service-staging", "mock-ups", "storyboard",
        "test-with-users", "service-blueprint", "roadmap", "briefing-follow-up-contractors",
        "evaluation",
    }  # fmt: skip
    assert expected <= set(Technique.objects.values_list("slug", flat=True))


def test_loading_the_library_again_creates_nothing():
    before = Technique.objects.count()

    assert load_library() == (0, 0)
    assert Technique.objects.count() == before


def test_loading_restores_a_deleted_card_and_keeps_edits():
    Technique.objects.filter(slug="brainstorm").delete()
    Technique.objects.filter(slug="personas").update(name_en="Edited")

    assert load_library() == (0, 1)
    assert Technique.objects.get(slug="personas").name_en == "Edited"


def test_interviews_with_vulnerable_residents_advise_an_expert():
    assert Technique.objects.get(slug="interviews-with-citizens").expertise == "expert"
