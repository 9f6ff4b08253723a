"""Association staff keep versioned guidance rules: drafts, checks, publishing, diffs."""

import html
import json

import pytest
from django.urls import reverse

from atelier.guidance.models import RuleSet, RuleSetKind, RuleSetStatus
from atelier.guidance.services.rules import current_rules, publish, start_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(trainer) -> RuleSet:
    return start_draft(kind="tender", by=trainer)


def page_of(response) -> str:
    return html.unescape(response.content.decode())


def edit(client, rules: RuleSet, document: str, note: str = ""):
    url = reverse("guidance:rules_edit", args=[rules.pk])
    return client.post(url, {"document": document, "note": note})


def test_staff_start_a_draft_that_copies_the_current_rules(client, trainer):
    client.force_login(trainer)
    response = client.post(reverse("guidance:rules_new", args=["tender"]))
    draft = RuleSet.objects.get(kind="tender", status=RuleSetStatus.DRAFT)
    assert response.url == reverse("guidance:rules_edit", args=[draft.pk])
    assert draft.version == current_rules("tender").version + 1
    assert draft.data == current_rules("tender").data
    assert draft.created_by == trainer


def test_a_draft_shows_its_rules_as_json_in_a_labelled_textarea(client, trainer, draft):
    client.force_login(trainer)
    page = page_of(client.get(reverse("guidance:rules_edit", args=[draft.pk])))
    assert '<label for="id_document">The rules, as JSON</label>' in page
    assert '"minimum_quality_share": 60' in page
    assert reverse("guidance:rules_publish", args=[draft.pk]) in page
    assert "A published version never changes" in page
    assert "keeps the version it was answered with" in page


def test_saving_invalid_json_names_the_line_and_saves_nothing(client, trainer, draft):
    client.force_login(trainer)
    response = edit(client, draft, '{\n  "thresholds": [],\n  "oops": nope\n}', note="broken")
    page = page_of(response)
    assert "Not valid JSON (line 3, column 11): Expecting value" in page
    assert "Nothing was saved" in page
    assert '"oops": nope' in page  # what was typed stays in the textarea
    draft.refresh_from_db()
    assert draft.data == current_rules("tender").data and draft.note == ""


def test_saving_rules_that_fail_the_checks_lists_every_problem(client, trainer, draft):
    client.force_login(trainer)
    data = {**draft.data, "minimum_quality_share": 150}
    del data["price_formula"]
    page = page_of(edit(client, draft, json.dumps(data)))
    assert "<li>minimum_quality_share: a whole number from 0 to 100.</li>" in page
    assert "<li>price_formula: a text in nl and en.</li>" in page
    draft.refresh_from_db()
    assert draft.data["minimum_quality_share"] == 60


def test_saving_valid_rules_keeps_them_with_the_note(client, trainer, draft):
    client.force_login(trainer)
    data = {**draft.data, "minimum_quality_share": 70}
    response = edit(client, draft, json.dumps(data), note="Quality weighs at least 70%.")
    assert response.url == reverse("guidance:rules_edit", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.data["minimum_quality_share"] == 70
    assert draft.note == "Quality weighs at least 70%."
    page = page_of(client.get(response.url))
    assert '-  "minimum_quality_share": 60,' in page and '+  "minimum_quality_share": 70,' in page


def test_publishing_a_draft_makes_it_the_rules_in_use(client, trainer, draft):
    client.force_login(trainer)
    response = client.post(reverse("guidance:rules_publish", args=[draft.pk]))
    assert response.url == reverse("guidance:rules")
    assert current_rules("tender") == draft
    draft.refresh_from_db()
    assert draft.status == RuleSetStatus.PUBLISHED and draft.published_at is not None


def test_publishing_rules_that_fail_the_checks_is_refused_with_the_problems(client, trainer, draft):
    client.force_login(trainer)
    RuleSet.objects.filter(pk=draft.pk).update(data={"thresholds": "none"})
    response = client.post(reverse("guidance:rules_publish", args=[draft.pk]), follow=True)
    assert "Not published: first fix these problems." in page_of(response)
    assert current_rules("tender").version == 1
    assert RuleSet.objects.get(pk=draft.pk).status == RuleSetStatus.DRAFT


def test_a_published_version_refuses_edits(client, trainer):
    client.force_login(trainer)
    published = current_rules("tender")
    response = edit(client, published, json.dumps({**published.data, "minimum_quality_share": 90}))
    page = page_of(client.get(response.url))
    assert "A published version never changes: start a new draft." in page
    assert "<textarea" not in page
    published.refresh_from_db()
    assert published.data["minimum_quality_share"] == 60


def test_publishing_a_published_version_again_changes_nothing(client, trainer):
    client.force_login(trainer)
    published = current_rules("tender")
    client.post(reverse("guidance:rules_publish", args=[published.pk]))
    assert RuleSet.objects.get(pk=published.pk).published_at == published.published_at


def test_a_published_version_shows_its_json_an_outline_and_the_diff(client, trainer, draft):
    client.force_login(trainer)
    edit(client, draft, json.dumps({**draft.data, "minimum_quality_share": 70}), note="70%")
    publish(rules=RuleSet.objects.get(pk=draft.pk), by=trainer)
    page = page_of(client.get(reverse("guidance:rules_edit", args=[draft.pk])))
    assert "<textarea" not in page
    assert '<pre class="rules-pre" id="rules-json"' in page
    assert '<code>low_value</code> · <span lang="nl">Opdracht van beperkte waarde</span>' in page
    assert "<h3>criteria › award</h3>" in page
    assert "--- v1" in page and "+++ v2" in page
    assert '+  "minimum_quality_share": 70,' in page


def test_the_first_version_has_nothing_to_compare_with(client, trainer):
    client.force_login(trainer)
    page = page_of(client.get(reverse("guidance:rules_edit", args=[current_rules("tender").pk])))
    assert "This is the first version" in page


def test_the_list_shows_every_tool_its_versions_and_the_current_one(client, trainer, draft):
    client.force_login(trainer)
    page = page_of(client.get(reverse("guidance:rules")))
    for kind in RuleSetKind.values:
        assert reverse("guidance:rules_new", args=[kind]) in page
        assert reverse("guidance:rules_edit", args=[current_rules(kind).pk]) in page
    assert page.count('<span class="badge">current</span>') == len(RuleSetKind.values)
    assert reverse("guidance:rules_edit", args=[draft.pk]) in page
    assert "shipped with Atelier" in page and str(trainer) in page


def test_the_list_queries_do_not_grow_with_versions(client, trainer, django_assert_max_num_queries):
    client.force_login(trainer)
    client.get(reverse("guidance:rules"))  # installs the shipped defaults
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("guidance:rules"))
    for _ in range(5):
        publish(rules=start_draft(kind="tender", by=trainer), by=trainer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("guidance:rules"))
    assert page_of(response).count("v6") >= 1


def test_a_draft_of_an_unknown_tool_is_refused(client, trainer):
    client.force_login(trainer)
    response = client.post(reverse("guidance:rules_new", args=["horoscope"]), follow=True)
    assert "Unknown tool." in page_of(response)
    assert not RuleSet.objects.filter(kind="horoscope").exists()


@pytest.mark.parametrize("person", ["participant", "coordinator", "expert"])
def test_members_get_403_on_every_rules_page(client, request, person, draft):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("guidance:rules")).status_code == 403
    assert client.post(reverse("guidance:rules_new", args=["tender"])).status_code == 403
    assert client.get(reverse("guidance:rules_edit", args=[draft.pk])).status_code == 403
    assert edit(client, draft, json.dumps(draft.data)).status_code == 403
    assert client.post(reverse("guidance:rules_publish", args=[draft.pk])).status_code == 403
    assert RuleSet.objects.get(pk=draft.pk).status == RuleSetStatus.DRAFT


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("guidance:rules"))
    assert response.status_code == 302 and "login" in response.url


def test_starting_and_publishing_answer_405_to_a_get(client, trainer, draft):
    client.force_login(trainer)
    assert client.get(reverse("guidance:rules_new", args=["tender"])).status_code == 405
    assert client.get(reverse("guidance:rules_publish", args=[draft.pk])).status_code == 405
