"""The versions pages (list, save, view, compare, restore) and copying a canvas."""

import pytest
from django.urls import reverse
from django.utils import translation

from atelier.canvases.models import Canvas, Card, LaneKind, Snapshot
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import link_evidence
from atelier.canvases.services.versions import take_snapshot
from atelier.method.models import ArtefactKind
from atelier.projects.models import MemberRole, ProjectMember

from .factories import make_journey, make_project


@pytest.fixture
def journey(participant) -> Canvas:
    return make_journey(make_project(participant), participant, stages=2, steps=2)


@pytest.fixture
def saved(journey, participant) -> Snapshot:
    return take_snapshot(canvas=journey, name="As is", by=participant)


def first_card(canvas: Canvas) -> Card:
    return Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).order_by(
        "lane__position", "step__stage__position", "step__position"
    )[0]


def every_url(journey: Canvas, saved: Snapshot) -> list[str]:
    return [
        reverse("canvases:versions", args=[journey.pk]),
        reverse("canvases:version", args=[journey.pk, saved.pk]),
        reverse("canvases:compare", args=[journey.pk]) + f"?a={saved.pk}&b=current",
        reverse("canvases:restore", args=[journey.pk, saved.pk]),
        reverse("canvases:copy", args=[journey.pk]),
    ]


def test_team_member_saves_a_named_version(client, participant, journey):
    client.force_login(participant)
    url = reverse("canvases:versions", args=[journey.pk])
    response = client.post(url, {"name": "After workshop 2"})
    assert response.status_code == 302
    snapshot = Snapshot.objects.get(canvas=journey)
    assert snapshot.name == "After workshop 2" and snapshot.created_by == participant
    body = client.get(url).content.decode()
    assert "After workshop 2" in body
    assert str(participant) in body


def test_saving_a_version_without_a_name_is_refused(client, participant, journey):
    client.force_login(participant)
    response = client.post(reverse("canvases:versions", args=[journey.pk]), {"name": " "})
    assert response.status_code == 200
    assert not Snapshot.objects.filter(canvas=journey).exists()


def test_versions_list_queries_do_not_grow_with_versions(
    client, participant, journey, django_assert_max_num_queries
):
    client.force_login(participant)
    url = reverse("canvases:versions", args=[journey.pk])
    take_snapshot(canvas=journey, name="One", by=participant)
    with django_assert_max_num_queries(15) as few:
        client.get(url)
    for number in range(8):
        take_snapshot(canvas=journey, name=f"Version {number}", by=participant)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Version ") >= 8


def test_a_version_is_drawn_read_only_with_its_own_content(client, participant, journey, saved):
    card = first_card(journey)
    old_text = card.text
    Card.objects.filter(pk=card.pk).update(text="Text written after the version")
    client.force_login(participant)
    with translation.override("en"):
        response = client.get(reverse("canvases:version", args=[journey.pk, saved.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Version “As is” of" in body
    assert old_text in body
    assert "Text written after the version" not in body
    assert "card-edit" not in body


def test_a_version_of_another_canvas_is_404(client, participant, journey, saved):
    other = create_canvas(
        project=journey.project, kind=ArtefactKind.PERSONA, title="Maria", by=participant
    )
    client.force_login(participant)
    for url in (
        reverse("canvases:version", args=[other.pk, saved.pk]),
        reverse("canvases:restore", args=[other.pk, saved.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    response = client.get(reverse("canvases:compare", args=[other.pk]) + f"?a={saved.pk}&b=current")
    assert "difference-added" not in response.content.decode()


def test_compare_lists_added_changed_moved_and_removed(client, participant, journey, saved):
    card = first_card(journey)
    Card.objects.filter(pk=card.pk).update(text="Takes a ticket at the new desk")
    removed = Card.objects.filter(canvas=journey, lane__kind=LaneKind.CHANNELS)[0]
    removed.delete()
    client.force_login(participant)
    url = reverse("canvases:compare", args=[journey.pk])
    with translation.override("en"):
        body = client.get(url, {"a": saved.pk, "b": "current"}).content.decode()
    assert "Changed (1)" in body and "Removed (1)" in body and "Added (0)" in body
    assert card.text in body and "Takes a ticket at the new desk" in body
    assert removed.text in body


def test_compare_notes_a_moved_card(client, participant, journey, saved):
    card = first_card(journey)
    other_step = Card.objects.filter(canvas=journey, lane=card.lane).exclude(step=card.step)[0].step
    Card.objects.filter(pk=card.pk).update(step=other_step)
    client.force_login(participant)
    with translation.override("en"):
        body = client.get(
            reverse("canvases:compare", args=[journey.pk]), {"a": saved.pk, "b": "current"}
        ).content.decode()
    assert "Changed (1)" in body and "moved" in body


def test_compare_works_for_a_section_canvas(client, participant, journey):
    persona = create_canvas(
        project=journey.project, kind=ArtefactKind.PERSONA, title="Maria", by=participant
    )
    first = take_snapshot(canvas=persona, name="Empty", by=participant)
    client.force_login(participant)
    with translation.override("en"):
        response = client.get(
            reverse("canvases:compare", args=[persona.pk]), {"a": first.pk, "b": "current"}
        )
    assert response.status_code == 200
    assert "No differences" in response.content.decode()


def test_restore_asks_first_then_keeps_the_current_content_as_a_version(
    client, participant, journey, saved
):
    card = first_card(journey)
    old_text = card.text
    Card.objects.filter(pk=card.pk).update(text="Changed after the version")
    client.force_login(participant)
    url = reverse("canvases:restore", args=[journey.pk, saved.pk])
    with translation.override("en"):
        assert "current content is first kept" in client.get(url).content.decode()
        response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("canvases:canvas", args=[journey.pk])
    assert Card.objects.filter(canvas=journey, text=old_text).exists()
    assert not Card.objects.filter(canvas=journey, text="Changed after the version").exists()
    kept = Snapshot.objects.filter(canvas=journey).exclude(pk=saved.pk).get()
    assert "Changed after the version" in str(kept.data)


def test_staff_read_versions_but_may_not_save_or_restore(client, trainer, journey, saved):
    client.force_login(trainer)
    for url in every_url(journey, saved)[:3]:
        assert client.get(url).status_code == 200, url
    body = client.get(every_url(journey, saved)[0]).content.decode()
    assert "Save this version" not in body
    assert (
        client.post(reverse("canvases:versions", args=[journey.pk]), {"name": "x"}).status_code
        == 403
    )
    restore = reverse("canvases:restore", args=[journey.pk, saved.pk])
    assert client.get(restore).status_code == 403
    assert client.post(restore).status_code == 403
    assert Snapshot.objects.filter(canvas=journey).count() == 1


def test_lennik_outsider_gets_404_on_every_versions_url(client, outsider, journey, saved):
    client.force_login(outsider)
    for url in every_url(journey, saved):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "x", "project": journey.project_id}).status_code == 404, (
            url
        )
    assert Snapshot.objects.filter(canvas=journey).count() == 1
    assert Canvas.objects.count() == 1


def test_copy_to_another_project_of_the_same_organisation(client, participant, journey):
    other = make_project(participant, "Website of the social house")
    client.force_login(participant)
    response = client.post(reverse("canvases:copy", args=[journey.pk]), {"project": other.pk})
    copy = Canvas.objects.get(project=other)
    assert response.status_code == 302
    assert response["Location"] == reverse("canvases:canvas", args=[copy.pk])
    assert copy.title == journey.title
    assert Card.objects.filter(canvas=copy).count() == Card.objects.filter(canvas=journey).count()


def test_copy_into_the_same_project_says_copy(client, participant, journey):
    client.force_login(participant)
    with translation.override("en"):
        client.post(reverse("canvases:copy", args=[journey.pk]), {"project": journey.project_id})
    copy = Canvas.objects.exclude(pk=journey.pk).get()
    assert copy.project == journey.project
    assert copy.title == f"{journey.title} (copy)"


def test_copy_to_another_organisations_project_is_not_offered_nor_accepted(
    client, participant, outsider, journey
):
    lennik_project = make_project(outsider, "Lennik town hall")
    ProjectMember.objects.create(project=lennik_project, user=participant, role=MemberRole.MEMBER)
    client.force_login(participant)
    url = reverse("canvases:copy", args=[journey.pk])
    assert "Lennik town hall" not in client.get(url).content.decode()
    response = client.post(url, {"project": lennik_project.pk})
    assert response.status_code == 200
    assert not Canvas.objects.filter(project=lennik_project).exists()


def test_copy_says_how_many_evidence_links_stayed_behind(client, participant, journey):
    board = create_canvas(
        project=journey.project, kind=ArtefactKind.INSIGHT_BOARD, title="Interviews", by=participant
    )
    quote = add_card(canvas=board, section="quotes", text="Three desks.", by=participant)
    link_evidence(card=first_card(journey), evidence=quote, by=participant)
    other = make_project(participant, "Website of the social house")
    client.force_login(participant)
    with translation.override("en"):
        response = client.post(
            reverse("canvases:copy", args=[journey.pk]), {"project": other.pk}, follow=True
        )
    assert "1 evidence link could not come along" in response.content.decode()
