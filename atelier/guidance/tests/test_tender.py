"""The tender builder's rules and services: procedures, a tender from a plan, weights, edits."""

import copy
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from atelier.guidance.models import CriterionFamily, ExpertisePlan, RuleSetKind
from atelier.guidance.rules import tender as tender_rules
from atelier.guidance.services import tender as services
from atelier.guidance.services.rules import current_rules

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def _phase(slug, decision, days, cost):
    return {
        "phase": slug,
        "name": slug,
        "decision": decision,
        "techniques": [],
        "areas": [],
        "internal_days": 2,
        "external_days": days,
        "cost": cost,
        "reasons": [],
    }


@pytest.fixture
def plan(project, participant):
    phases = [
        _phase("scope-and-brief", "make", 0, "0.00"),
        _phase("explore", "buy", 6, "5700.00"),
        _phase("define", "coach", 2, "1900.00"),
        _phase("ideate-and-co-create", "make", 0, "0.00"),
        _phase("implement-and-embed", "buy", 4, "4000.00"),
    ]
    return ExpertisePlan.objects.create(
        project=project,
        rules=current_rules(RuleSetKind.TENDER),  # the plan's own rule set does not matter here
        plan={"phases": phases, "totals": {"cost": "11600.00"}, "language": "en"},
        created_by=participant,
    )


@pytest.fixture
def tender(project, plan, participant):
    return services.create_tender(
        project=project, plan=plan, title="Service designer", language="en", by=participant
    )


def test_the_shipped_rules_pass_their_own_checks():
    assert tender_rules.validate(tender_rules.DEFAULT) == []


def test_rules_with_weights_not_adding_up_are_refused():
    data = {**tender_rules.DEFAULT, "criteria": {**tender_rules.DEFAULT["criteria"]}}
    data["criteria"]["award"] = [
        {**c, "weight": 10} for c in tender_rules.DEFAULT["criteria"]["award"]
    ]
    assert any("add up to 50" in problem for problem in tender_rules.validate(data))


def test_rules_with_falling_thresholds_are_refused():
    data = copy.deepcopy(tender_rules.DEFAULT)
    data["thresholds"][0]["limits"]["services"]["negotiated_without_publication"] = "1000"
    problems = tender_rules.validate(data)
    assert any("must go up" in problem for problem in problems)


def test_rules_with_overlapping_threshold_periods_are_refused():
    data = copy.deepcopy(tender_rules.DEFAULT)
    data["thresholds"][1]["valid_from"] = "2023-06-01"
    assert any("follow each other" in problem for problem in tender_rules.validate(data))


def test_version_one_undated_thresholds_still_validate_and_apply():
    undated = [
        {**procedure, "below": below}
        for procedure, below in zip(
            tender_rules.PROCEDURES, ["30000", "143000", "221000", None], strict=True
        )
    ]
    data = {key: value for key, value in tender_rules.DEFAULT.items() if key != "procedures"}
    data["thresholds"] = undated
    assert tender_rules.validate(data) == []
    chosen = services.procedure_for(Decimal("218000"), data, on=datetime.date(2026, 12, 7))
    assert chosen["key"] == "belgian_publication"


@pytest.mark.parametrize(
    ("value", "procedure"),
    [
        ("0", "low_value"),
        ("29999.99", "low_value"),
        ("30000", "negotiated_without_publication"),
        ("139999.99", "negotiated_without_publication"),
        ("140000", "belgian_publication"),
        ("215999.99", "belgian_publication"),
        ("216000", "european_publication"),
        ("5000000", "european_publication"),
    ],
)
def test_procedure_follows_the_value_at_each_threshold_edge_in_2026(value, procedure):
    chosen = services.procedure_for(
        Decimal(value), tender_rules.DEFAULT, on=datetime.date(2026, 12, 7)
    )
    assert chosen["key"] == procedure


@pytest.mark.parametrize(
    ("on", "negotiated_below", "european_from"),
    [
        (datetime.date(2025, 6, 1), Decimal("143000"), Decimal("221000")),
        (datetime.date(2026, 12, 7), Decimal("140000"), Decimal("216000")),
        (datetime.date(2026, 1, 1), Decimal("140000"), Decimal("216000")),
        (datetime.date(2025, 12, 31), Decimal("143000"), Decimal("221000")),
    ],
)
def test_the_tender_date_picks_the_thresholds_in_force(on, negotiated_below, european_from):
    rules = tender_rules.DEFAULT
    assert services.procedure_for(Decimal("100000"), rules, on=on)["below"] == negotiated_below
    assert services.procedure_for(Decimal("150000"), rules, on=on)["below"] == european_from
    european = services.procedure_for(european_from, rules, on=on)
    assert european["key"] == "european_publication"


def test_works_supplies_and_services_have_their_own_thresholds():
    on, value = datetime.date(2026, 12, 7), Decimal("1000000")
    rules = tender_rules.DEFAULT
    assert services.procedure_for(value, rules, on=on)["key"] == "european_publication"
    works = services.procedure_for(value, rules, on=on, contract_type="works")
    assert (works["key"], works["below"]) == ("belgian_publication", Decimal("5404000"))
    social = services.procedure_for(
        Decimal("500000"), rules, on=on, contract_type="social_services"
    )
    assert (social["key"], social["below"]) == ("belgian_publication", Decimal("750000"))


def test_a_date_after_the_last_period_keeps_the_last_thresholds_published():
    chosen = services.procedure_for(
        Decimal("200000"), tender_rules.DEFAULT, on=datetime.date(2028, 3, 1)
    )
    assert chosen["key"] == "belgian_publication"
    assert chosen["valid_until"] == datetime.date(2027, 12, 31)


def test_procedure_is_named_and_explained_in_the_language_asked():
    procedure = services.procedure_for(
        Decimal("100000"), tender_rules.DEFAULT, "nl", on=datetime.date(2026, 12, 7)
    )
    assert procedure["name"] == "Onderhandelingsprocedure zonder voorafgaande bekendmaking"
    assert "onderhandelen" in procedure["explanation"]


def test_tender_from_a_plan_scopes_the_bought_and_coached_phases(tender):
    assert [item["phase"] for item in tender.content["scope"]] == [
        "explore",
        "define",
        "implement-and-embed",
    ]
    assert tender.content["scope"][0]["text"].startswith("Explore: the contractor carries out")
    assert "about 6 days" in tender.content["scope"][0]["text"]
    assert "coached by the contractor" in tender.content["scope"][1]["text"]


def test_tender_value_is_the_external_cost_of_its_phases(tender):
    assert tender.estimated_value == Decimal("11600.00")


def test_tender_deliverables_follow_its_phases(tender):
    deliverables = {item["phase"]: item["items"] for item in tender.content["deliverables"]}
    assert set(deliverables) == {"explore", "define", "implement-and-embed"}
    assert "Personas" in deliverables["define"]
    assert "Implementation roadmap" in deliverables["implement-and-embed"]


def test_tender_without_a_plan_is_worth_nothing_and_offers_every_deliverable(project, participant):
    tender = services.create_tender(
        project=project, title="Designer", language="en", by=participant
    )
    assert tender.estimated_value == 0
    assert tender.content["scope"] == []
    assert len(tender.content["deliverables"]) == len(tender_rules.DEFAULT["deliverables"])


def test_tender_copies_the_default_criteria_in_its_language(project, plan, participant):
    tender = services.create_tender(
        project=project, plan=plan, title="Ontwerper", language="nl", by=participant
    )
    award = list(tender.criteria.filter(family=CriterionFamily.AWARD))
    assert [(c.name, c.weight, c.is_price) for c in award] == [
        ("Begrip van de vraag", 20, False),
        ("Aanpak en co-creatie", 30, False),
        ("Team en referenties in de publieke sector", 20, False),
        ("Kennisoverdracht aan eigen medewerkers", 10, False),
        ("Prijs", 20, True),
    ]
    assert tender.criteria.filter(family=CriterionFamily.EXCLUSION).count() == 3
    assert services.descriptors_of(tender, award[1])["0"].startswith("Geen uitgewerkte aanpak")
    assert services.descriptors_of(tender, award[4]) == {}
    assert tender.content["knowledge_transfer"].startswith("De opdrachtnemer werkt samen")


def test_default_weights_give_no_warning(tender):
    assert services.weight_warnings(tender) == []


def test_quality_under_sixty_percent_is_warned(tender, participant):
    price = tender.criteria.get(is_price=True)
    method = tender.criteria.get(name="Method and co-creation")
    services.set_criterion(
        criterion=method, revision=tender.revision, name=method.name, description="",
        weight=5, by=participant,
    )  # fmt: skip
    tender.refresh_from_db()
    services.set_criterion(
        criterion=price, revision=tender.revision, name=price.name, description="",
        weight=45, by=participant,
    )  # fmt: skip
    assert services.weight_warnings(tender) == [
        "Quality weighs only 55%: guides advise 60% or more."
    ]


def test_weights_not_adding_up_and_no_price_are_warned(tender, participant):
    price = tender.criteria.get(is_price=True)
    services.remove_criterion(criterion=price, revision=tender.revision, by=participant)
    warnings = services.weight_warnings(tender)
    assert "The award weights add up to 80, not 100." in warnings
    assert "There is no price criterion: the price formula has nothing to score." in warnings


def test_stale_edit_is_refused(tender, participant):
    arguments = {
        "title": "A new title",
        "estimated_value": Decimal("20000"),
        "texts": {},
        "scope": {},
        "deliverables": {},
        "timeline": [(0, "Publication")],
        "jury_roles": ["The client"],
        "by": participant,
    }
    services.update_tender(tender=tender, revision=1, **arguments)
    with pytest.raises(services.StaleTender):
        services.update_tender(tender=tender, revision=1, **(arguments | {"title": "Late"}))
    tender.refresh_from_db()
    assert (tender.title, tender.revision) == ("A new title", 2)


def test_update_keeps_text_and_strips_control_characters(tender, participant):
    services.update_tender(
        tender=tender,
        revision=tender.revision,
        title="Designer\x07 wanted",
        estimated_value=Decimal("25000"),
        texts={"subject": "One <front> door & more\x00"},
        scope={"explore": "Interviews with 20 residents"},
        deliverables={"explore": ["Report", " ", "Raw notes"]},
        timeline=[(0, "Publication"), (6, "Offers due")],
        jury_roles=["The client", ""],
        by=participant,
    )
    tender.refresh_from_db()
    assert tender.title == "Designer wanted"
    assert tender.content["subject"] == "One <front> door & more"
    assert tender.content["scope"][0]["text"] == "Interviews with 20 residents"
    assert tender.content["deliverables"][0]["items"] == ["Report", "Raw notes"]
    assert tender.content["timeline"][1] == {"week": 6, "step": "Offers due"}
    assert tender.content["jury_roles"] == ["The client"]


def test_added_criterion_comes_last_in_its_family(tender, participant):
    criterion = services.add_criterion(
        tender=tender, revision=tender.revision, family="award", name="Sustainability",
        weight=5, by=participant,
    )  # fmt: skip
    assert criterion.position == 5
    assert "The award weights add up to 105, not 100." in services.weight_warnings(tender)


def test_score_descriptors_are_editable(tender, participant):
    method = tender.criteria.get(name="Method and co-creation")
    levels = {"0": "Nothing", "4": "Some", "7": "Good", "10": "Excellent"}
    services.set_criterion(
        criterion=method, revision=tender.revision, name=method.name, description="How",
        weight=30, descriptors=levels, by=participant,
    )  # fmt: skip
    tender.refresh_from_db()
    assert services.descriptors_of(tender, method) == levels


def test_outsider_cannot_create_or_edit_a_tender(project, tender, outsider):
    with pytest.raises(PermissionDenied):
        services.create_tender(project=project, title="X", language="en", by=outsider)
    with pytest.raises(PermissionDenied):
        services.remove_criterion(
            criterion=tender.criteria.first(), revision=tender.revision, by=outsider
        )


def test_plan_of_another_project_is_refused(plan, participant):
    from atelier.projects.services import open_project

    other = open_project(title="Another", by=participant)
    with pytest.raises(ValidationError):
        services.create_tender(project=other, plan=plan, title="X", language="en", by=participant)


def test_a_dutch_tender_writes_half_days_with_a_comma(project, participant):
    phases = [_phase("explore", "buy", 5.5, "5225.00"), _phase("define", "coach", 0.5, "475.00")]
    plan = ExpertisePlan.objects.create(
        project=project,
        rules=current_rules(RuleSetKind.TENDER),
        plan={"phases": phases, "totals": {"cost": "5700.00"}, "language": "nl"},
        created_by=participant,
    )

    tender = services.create_tender(
        project=project, plan=plan, title="Ontwerper", language="nl", by=participant
    )

    texts = [item["text"] for item in tender.content["scope"]]
    assert "ongeveer 5,5 dagen" in texts[0]
    assert "ongeveer 0,5 dagen" in texts[1]
    assert "5.5" not in " ".join(texts)


def _dated(tender, on: datetime.date, value: str, participant):
    form_arguments = {
        "revision": tender.revision,
        "title": tender.title,
        "estimated_value": Decimal(value),
        "texts": {},
        "scope": {},
        "deliverables": {},
        "timeline": [],
        "jury_roles": [],
    }
    return services.update_tender(tender=tender, **form_arguments, dated_on=on, by=participant)


def test_tenders_dated_2025_and_2026_pick_different_thresholds(tender, project, participant):
    earlier = _dated(tender, datetime.date(2025, 6, 1), "218000", participant)
    later = services.create_tender(project=project, title="Later", language="en", by=participant)
    later = _dated(later, datetime.date(2026, 12, 7), "218000", participant)
    for made in (earlier, later):
        made.refresh_from_db()
    first = services.procedure_for(earlier.estimated_value, earlier.rules.data, on=earlier.dated_on)
    second = services.procedure_for(later.estimated_value, later.rules.data, on=later.dated_on)
    assert (first["key"], first["below"]) == ("belgian_publication", Decimal("221000"))
    assert second["key"] == "european_publication"
    assert second["valid_from"] == datetime.date(2026, 1, 1)


def test_a_new_tender_is_dated_today(tender):
    assert tender.dated_on == timezone.localdate()


def _migration():
    import importlib

    return importlib.import_module(
        "atelier.guidance.migrations.0002_tender_date_and_dated_thresholds"
    )


def test_migration_publishes_dated_thresholds_as_a_new_version_leaving_version_one(administrator):
    from django.apps import apps

    undated = {key: value for key, value in tender_rules.DEFAULT.items() if key != "procedures"}
    undated["thresholds"] = [
        {**procedure, "below": below}
        for procedure, below in zip(
            tender_rules.PROCEDURES, ["30000", "143000", "221000", None], strict=True
        )
    ]
    first = current_rules(RuleSetKind.TENDER)
    first.data = undated
    first.save()
    _migration().publish_dated_thresholds(apps, None)
    first.refresh_from_db()
    assert first.data == undated
    second = current_rules(RuleSetKind.TENDER)
    assert second.version == 2
    assert tender_rules.validate(second.data) == []
    assert second.data["thresholds"] == tender_rules.THRESHOLDS
    _migration().publish_dated_thresholds(apps, None)
    assert current_rules(RuleSetKind.TENDER).version == 2
