"""The library pages: everyone browses, staff edit cards and phases."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from atelier.method.models import Phase, Technique

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def client_for(user=None) -> Client:
    client = Client(**ENGLISH)
    if user is not None:
        client.force_login(user)
    return client


def edit_data(technique: Technique, **changes) -> dict:
    fields = [
        "slug", "phase", "expertise", "produces", "toolkit_url", "is_published",
        *[f"{text}_{language}" for text in (
            "name", "summary", "when_to_use", "when_not", "participants", "duration",
            "materials", "steps", "pitfalls", "expertise_reason",
        ) for language in ("nl", "en")],
    ]  # fmt: skip
    data = {name: getattr(technique, name) for name in fields}
    data["phase"] = technique.phase_id
    data["is_published"] = "on" if technique.is_published else ""
    data["revision"] = technique.revision
    return {**data, **changes}


# Browsing ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_visitor_browses_the_library_grouped_by_phase():
    response = client_for().get(reverse("method:library"))

    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'id="phase-{phase.slug}"') for phase in Phase.objects.all()]
    assert positions == sorted(positions)
    assert f"{Technique.objects.count()} techniques" in html


@pytest.mark.django_db
def test_anonymous_visitor_reads_a_card_with_toolkit_link_and_artefact():
    response = client_for().get(reverse("method:technique", args=["personas"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Personas</h1>" in html
    assert 'href="https://www.servicedesigntoolkit.org/" rel="noopener"' in html
    assert "opens the external site" in html
    assert '<dd id="produces">Persona</dd>' in html
    assert "method/method.css" in html


@pytest.mark.django_db
def test_search_finds_in_english_and_in_dutch():
    english = client_for().get(reverse("method:library"), {"q": "blueprint"})
    dutch = client_for().get(reverse("method:library"), {"q": "klantreis"})

    assert "service-blueprint" in [
        t.slug for group in english.context["groups"] for t in group.techniques
    ]
    assert "customer-journey-map" in [
        t.slug for group in dutch.context["groups"] for t in group.techniques
    ]


@pytest.mark.django_db
def test_phase_filter_shows_only_that_phase():
    response = client_for().get(reverse("method:library"), {"phase": "define"})

    groups = response.context["groups"]
    assert [group.phase.slug for group in groups] == ["define"]
    assert response.context["count"] == Technique.objects.filter(phase__slug="define").count()


@pytest.mark.django_db
def test_expertise_filter_and_empty_result():
    expert = client_for().get(reverse("method:library"), {"expertise": "expert"})
    nothing = client_for().get(reverse("method:library"), {"q": "zzzqqq"})

    slugs = {t.slug for group in expert.context["groups"] for t in group.techniques}
    assert slugs == set(Technique.objects.filter(expertise="expert").values_list("slug", flat=True))
    assert "No technique matches your search." in nothing.content.decode()


@pytest.mark.django_db
def test_unpublished_card_is_hidden_from_visitors_but_not_from_staff(trainer):
    Technique.objects.filter(slug="brainstorm").update(is_published=False)
    url = reverse("method:technique", args=["brainstorm"])

    assert client_for().get(url).status_code == 404
    assert client_for(trainer).get(url).status_code == 200


@pytest.mark.django_db
def test_library_page_query_count_does_not_grow_with_cards(django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client_for().get(reverse("method:library"))
    phase = Phase.objects.first()
    for number in range(20):
        Technique.objects.create(slug=f"extra-{number}", phase=phase, name_nl=f"Extra {number}")
    with django_assert_max_num_queries(3):
        response = client_for().get(reverse("method:library"))
    assert "extra-19" in response.content.decode()


# Editing -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["method:technique_create", "method:phases"])
def test_participant_gets_403_on_edit_pages(participant, name):
    assert client_for(participant).get(reverse(name)).status_code == 403


@pytest.mark.django_db
def test_participant_gets_403_on_editing_a_card(participant):
    url = reverse("method:technique_edit", args=["personas"])
    technique = Technique.objects.get(slug="personas")

    assert client_for(participant).get(url).status_code == 403
    assert client_for(participant).post(url, edit_data(technique)).status_code == 403


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in_from_edit_pages():
    response = client_for().get(reverse("method:technique_edit", args=["personas"]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_staff_sees_both_languages_side_by_side(trainer):
    response = client_for(trainer).get(reverse("method:technique_edit", args=["personas"]))

    html = response.content.decode()
    assert "<legend>Nederlands</legend>" in html
    assert "<legend>English</legend>" in html
    assert html.index('name="name_nl"') < html.index('name="name_en"')
    assert 'type="hidden" name="revision" value="1"' in html


@pytest.mark.django_db
def test_staff_edits_both_languages(trainer):
    technique = Technique.objects.get(slug="personas")
    data = edit_data(technique, name_nl="Persona's (nieuw)", name_en="Personas (new)")

    response = client_for(trainer).post(reverse("method:technique_edit", args=["personas"]), data)

    assert response.status_code == 302
    technique.refresh_from_db()
    assert (technique.name_nl, technique.name_en, technique.revision) == (
        "Persona's (nieuw)", "Personas (new)", 2,
    )  # fmt: skip


@pytest.mark.django_db
def test_stale_revision_is_refused_with_a_message_and_input_kept(trainer, administrator):
    technique = Technique.objects.get(slug="personas")
    mine = edit_data(technique, name_en="My personas")
    theirs = edit_data(technique, name_en="Their personas")
    url = reverse("method:technique_edit", args=["personas"])
    client_for(administrator).post(url, theirs)

    response = client_for(trainer).post(url, mine)

    html = response.content.decode()
    assert response.status_code == 200
    with translation.override("en"):
        assert "Someone else saved this technique while you were editing it." in html
    assert 'value="My personas"' in html
    assert "Their personas" in html.split('id="current-values"')[1]
    assert Technique.objects.get(slug="personas").name_en == "Their personas"
    # A second save, after comparing, keeps the person's text.
    assert 'type="hidden" name="revision" value="2"' in html
    client_for(trainer).post(url, {**mine, "revision": 2})
    assert Technique.objects.get(slug="personas").name_en == "My personas"


@pytest.mark.django_db
def test_staff_creates_a_technique(trainer):
    phase = Phase.objects.get(slug="explore")
    data = {
        "phase": phase.pk, "expertise": "team", "produces": "", "toolkit_url": "",
        "is_published": "on", "name_nl": "Kaartsortering", "name_en": "Card sorting",
        "summary_nl": "Bezoekers sorteren kaartjes.", "revision": "",
    }  # fmt: skip

    response = client_for(trainer).post(reverse("method:technique_create"), data)

    assert response.status_code == 302
    assert response["Location"] == reverse("method:technique", args=["card-sorting"])


@pytest.mark.django_db
def test_a_reserved_slug_is_refused(trainer):
    technique = Technique.objects.get(slug="personas")

    response = client_for(trainer).post(
        reverse("method:technique_edit", args=["personas"]), edit_data(technique, slug="phases")
    )

    assert response.status_code == 200
    assert Technique.objects.filter(slug="personas").exists()


# Phases --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_reorders_phases(trainer):
    client = client_for(trainer)

    response = client.post(reverse("method:phase_move", args=["explore"]), {"direction": "up"})

    assert response.status_code == 302
    assert list(Phase.objects.values_list("slug", flat=True)[:2]) == ["explore", "scope-and-brief"]
    assert client.get(reverse("method:phases")).status_code == 200


@pytest.mark.django_db
def test_deleting_a_phase_in_use_is_refused(trainer):
    response = client_for(trainer).post(
        reverse("method:phase_delete", args=["define"]), follow=True
    )

    assert Phase.objects.filter(slug="define").exists()
    assert "This phase still has techniques" in response.content.decode()


@pytest.mark.django_db
def test_staff_adds_renames_and_deletes_an_empty_phase(trainer):
    client = client_for(trainer)

    client.post(reverse("method:phases"), {"new-name_nl": "Opvolgen", "new-name_en": "Follow up"})
    client.post(
        reverse("method:phase_rename", args=["follow-up"]),
        {"follow-up-name_nl": "Nazorg", "follow-up-name_en": "Aftercare"},
    )
    assert Phase.objects.get(slug="follow-up").name_nl == "Nazorg"

    client.post(reverse("method:phase_delete", args=["follow-up"]))
    assert not Phase.objects.filter(slug="follow-up").exists()


@pytest.mark.django_db
def test_participant_cannot_change_phases(participant):
    client = client_for(participant)

    response = client.post(reverse("method:phase_move", args=["explore"]), {"direction": "up"})

    assert response.status_code == 403
    assert Phase.objects.get(slug="explore").position == 1


@pytest.mark.django_db
def test_a_new_phase_posted_twice_is_added_once(trainer):
    client = client_for(trainer)
    data = {"new-name_nl": "Opvolgen", "new-name_en": "Follow up"}

    assert client.post(reverse("method:phases"), data).status_code == 302
    response = client.post(reverse("method:phases"), data)

    assert response.status_code == 200
    assert "exists already" in response.content.decode()
    assert Phase.objects.filter(name_nl="Opvolgen").count() == 1
