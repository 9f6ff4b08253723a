"""The tender builder's pages: list and create, the builder, criteria edits, exports, access."""

import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from atelier.guidance.models import ExpertisePlan, RuleSetKind, Tender, TenderJuror
from atelier.guidance.services import tender as services
from atelier.guidance.services.rules import current_rules

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def plan(project, participant):
    phase = {"phase": "explore", "name": "Explore", "decision": "buy", "external_days": 5}
    return ExpertisePlan.objects.create(
        project=project,
        rules=current_rules(RuleSetKind.TENDER),
        plan={"phases": [phase | {"cost": "4750.00"}], "totals": {"cost": "4750.00"}},
        created_by=participant,
    )


@pytest.fixture
def tender(project, participant):
    return services.create_tender(
        project=project, title="Service designer", language="en", by=participant
    )


def _url(name, tender, **kwargs):
    return reverse(f"guidance:{name}", kwargs={"tender_pk": tender.pk, **kwargs})


def _builder_post(tender, **changes):
    data = {
        "revision": tender.revision,
        "title": tender.title,
        "estimated_value": "150.000,00",
        "subject": "One front door",
        "knowledge_transfer": "Staff shadow every interview.",
        "price_formula": "Lowest price ÷ price × 20",
        "timeline": "0: Publication\n5: Offers due",
        "jury_roles": "The client\nThe association",
        "contact": "Participant",
    }
    for item in tender.content["deliverables"]:
        data[f"deliverables_{item['phase']}"] = "\n".join(item["items"])
    return data | changes


def test_team_creates_a_tender_from_the_latest_plan(client, participant, project, plan):
    client.force_login(participant)
    url = reverse("guidance:tenders", kwargs={"pk": project.pk})
    response = client.post(url, {"title": "Researcher for explore", "language": "nl"})
    tender = Tender.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("tender", tender)
    assert (tender.plan, tender.language, tender.estimated_value) == (plan, "nl", 4750)
    assert [item["phase"] for item in tender.content["scope"]] == ["explore"]


def test_tender_list_shows_each_tender_with_its_procedure(client, participant, project, tender):
    client.force_login(participant)
    response = client.get(reverse("guidance:tenders", kwargs={"pk": project.pk}))
    assert response.status_code == 200
    assert "Service designer" in response.text
    assert "Low-value contract" in response.text


def test_tender_list_queries_do_not_grow_with_tenders(
    client, participant, project, django_assert_max_num_queries
):
    client.force_login(participant)
    url = reverse("guidance:tenders", kwargs={"pk": project.pk})
    for number in range(5):
        services.create_tender(project=project, title=f"T{number}", language="en", by=participant)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.text.count("Low-value contract") == 5


def test_builder_shows_procedure_criteria_and_scoring_links(client, participant, tender):
    client.force_login(participant)
    response = client.get(_url("tender", tender))
    assert response.status_code == 200
    for text in ("Low-value contract", "Method and co-creation", "Social and tax debts"):
        assert text in response.text
    for name in ("tender_docx", "tender_pdf", "bids", "jury", "score", "results", "report"):
        assert _url(name, tender) in response.text
    assert "Save the tender" in response.text


def test_saving_the_builder_changes_the_value_and_procedure(client, participant, tender):
    client.force_login(participant)
    response = client.post(_url("tender", tender), _builder_post(tender))
    assert response.status_code == 302
    tender.refresh_from_db()
    assert tender.estimated_value == 150000
    assert tender.content["timeline"][1] == {"week": 5, "step": "Offers due"}
    assert "Procedure with Belgian publication" in client.get(_url("tender", tender)).text


def test_stale_builder_form_is_refused(client, participant, tender):
    client.force_login(participant)
    client.post(_url("tender", tender), _builder_post(tender, title="First"))
    response = client.post(_url("tender", tender), _builder_post(tender, title="Second"))
    assert response.status_code == 200
    assert "Someone else changed this tender meanwhile" in response.text
    tender.refresh_from_db()
    assert tender.title == "First"


def test_a_bad_timeline_line_is_explained(client, participant, tender):
    client.force_login(participant)
    response = client.post(_url("tender", tender), _builder_post(tender, timeline="soon"))
    assert response.status_code == 200
    assert "Write each step as" in response.text


def test_lowering_quality_weight_shows_the_warning(client, participant, tender):
    client.force_login(participant)
    method = tender.criteria.get(name="Method and co-creation")
    prefix = f"criterion-{method.pk}"
    response = client.post(
        _url("tender_criterion", tender, criterion_pk=method.pk),
        {
            f"{prefix}-revision": tender.revision,
            f"{prefix}-name": method.name,
            f"{prefix}-weight": 5,
        },
    )
    assert response.status_code == 302
    page = client.get(_url("tender", tender)).text
    assert "The award weights add up to 75, not 100." in page
    assert "Quality weighs only" not in page  # 55 of 75 is 73%, above the advised 60%


def test_team_adds_and_removes_a_criterion(client, participant, tender):
    client.force_login(participant)
    client.post(
        _url("tender_criterion_add", tender),
        {"add-revision": tender.revision, "add-family": "selection", "add-name": "Insurance"},
    )
    added = tender.criteria.get(name="Insurance")
    tender.refresh_from_db()
    client.post(
        _url("tender_criterion_remove", tender, criterion_pk=added.pk),
        {"revision": tender.revision},
    )
    assert not tender.criteria.filter(name="Insurance").exists()


def test_docx_download_reads_back(client, participant, tender):
    client.force_login(participant)
    response = client.get(_url("tender_docx", tender))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="service-designer.docx"' in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == "Service designer"


def test_pdf_download_has_the_title(client, participant, tender):
    client.force_login(participant)
    response = client.get(_url("tender_pdf", tender))
    assert response["Content-Type"] == "application/pdf"
    assert "Service designer" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_staff_read_the_builder_without_forms_and_cannot_change_it(client, trainer, tender):
    client.force_login(trainer)
    response = client.get(_url("tender", tender))
    assert response.status_code == 200
    assert "Save the tender" not in response.text
    assert client.post(_url("tender", tender), _builder_post(tender)).status_code == 403


def test_juror_off_the_team_may_read_but_not_change(client, outsider, tender):
    TenderJuror.objects.create(tender=tender, person=outsider, role="The association")
    client.force_login(outsider)
    assert client.get(_url("tender", tender)).status_code == 200
    assert client.post(_url("tender", tender), _builder_post(tender)).status_code == 403


@pytest.mark.parametrize("name", ["tender", "tender_docx", "tender_pdf"])
def test_outsider_gets_404_on_tender_pages(client, outsider, tender, name):
    client.force_login(outsider)
    assert client.get(_url(name, tender)).status_code == 404


def test_outsider_gets_404_on_the_list_and_post_only_urls(client, outsider, project, tender):
    client.force_login(outsider)
    assert client.get(reverse("guidance:tenders", kwargs={"pk": project.pk})).status_code == 404
    criterion = tender.criteria.first()
    url = _url("tender_criterion_remove", tender, criterion_pk=criterion.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"revision": tender.revision}).status_code == 404


def test_post_only_url_answers_405_to_the_team_on_get(client, participant, tender):
    client.force_login(participant)
    assert client.get(_url("tender_criterion_add", tender)).status_code == 405


def test_invalid_criterion_edit_shows_the_form_again(client, participant, tender):
    client.force_login(participant)
    method = tender.criteria.get(name="Method and co-creation")
    prefix = f"criterion-{method.pk}"
    response = client.post(
        _url("tender_criterion", tender, criterion_pk=method.pk),
        {f"{prefix}-revision": tender.revision, f"{prefix}-name": "", f"{prefix}-weight": 500},
    )
    assert response.status_code == 200
    assert '<details class="card" open>' in response.text
    method.refresh_from_db()
    assert method.weight == 30
