"""Services of the method library: saving cards, the phase list."""

import pytest

from atelier.method import services
from atelier.method.models import Phase, Technique

pytestmark = pytest.mark.django_db


def test_saving_a_technique_bumps_its_revision(trainer):
    technique = Technique.objects.get(slug="brainstorm")

    saved = services.save_technique(
        technique=technique, data={"name_en": "Brainstorm!"}, revision=technique.revision,
        by=trainer,
    )  # fmt: skip

    assert saved.revision == 2
    assert Technique.objects.get(slug="brainstorm").name_en == "Brainstorm!"


def test_a_stale_revision_is_refused_and_nothing_changes(trainer):
    technique = Technique.objects.get(slug="brainstorm")
    Technique.objects.filter(pk=technique.pk).update(revision=5)

    with pytest.raises(services.StaleTechnique):
        services.save_technique(
            technique=technique, data={"name_en": "Mine"}, revision=1, by=trainer
        )
    assert Technique.objects.get(pk=technique.pk).name_en == "Brainstorm"


def test_a_new_technique_gets_a_slug_from_its_name(trainer):
    phase = Phase.objects.get(position=0)

    technique = services.save_technique(
        technique=None,
        data={"phase": phase, "name_nl": "Kaartsortering", "name_en": "Card sorting",
              "summary_nl": "Sorteren."},
        revision=0,
        by=trainer,
    )  # fmt: skip

    assert technique.slug == "card-sorting"
    assert technique.revision == 1


def test_a_phase_moves_up_and_down():
    explore = Phase.objects.get(slug="explore")

    services.move_phase(phase=explore, direction="up")
    assert list(Phase.objects.values_list("slug", flat=True)[:2]) == ["explore", "scope-and-brief"]

    services.move_phase(phase=Phase.objects.get(slug="explore"), direction="down")
    assert list(Phase.objects.values_list("slug", flat=True)[:2]) == ["scope-and-brief", "explore"]


def test_the_first_phase_does_not_move_up():
    first = Phase.objects.get(position=0)

    services.move_phase(phase=first, direction="up")

    assert Phase.objects.get(position=0) == first


def test_a_phase_in_use_is_not_deleted():
    phase = Phase.objects.get(slug="define")

    with pytest.raises(services.MethodRefusal):
        services.delete_phase(phase=phase)
    assert Phase.objects.filter(slug="define").exists()


def test_a_new_phase_goes_to_the_end_and_can_be_renamed_and_deleted():
    phase = services.add_phase(name_nl="Opvolgen", name_en="Follow up")
    assert phase.position == 6
    assert phase.slug == "follow-up"

    services.rename_phase(phase=phase, name_nl="Nazorg", name_en="Aftercare")
    assert Phase.objects.get(slug="follow-up").name_en == "Aftercare"

    services.delete_phase(phase=phase)
    assert not Phase.objects.filter(slug="follow-up").exists()


def test_a_phase_is_added_once_even_when_asked_twice():
    services.add_phase(name_nl="Opvolgen", name_en="Follow up")

    with pytest.raises(services.MethodRefusal):
        services.add_phase(name_nl=" opvolgen ")
    assert Phase.objects.filter(name_nl="Opvolgen").count() == 1


def test_a_phase_a_project_is_in_is_refused_not_a_crash(participant):
    from atelier.projects.services import open_project, set_phase

    phase = services.add_phase(name_nl="Opvolgen", name_en="Follow up")
    project = open_project(title="Front door", by=participant)
    set_phase(project=project, phase=phase, by=participant)

    with pytest.raises(services.MethodRefusal):
        services.delete_phase(phase=phase)
    assert Phase.objects.filter(pk=phase.pk).exists()
