"""A trainer presents the Geel case, the coach follows the cohort, a team reviews another."""

import re

import pytest
from playwright.sync_api import expect

from atelier.academy.demo.workshop import GEEL_SLIDES, load_demo_workshop
from atelier.academy.models import PeerReview, ReviewCriterion
from atelier.academy.services.learning_path import assign_reviews
from atelier.academy.tests.test_learning_path_pages import make_cohort

from .browsing import Visit

TOTAL = len(GEEL_SLIDES)


@pytest.fixture
def criteria(db) -> list[ReviewCriterion]:
    """Three criteria of our own; any others (seeded by the migrations) are set aside."""
    ReviewCriterion.objects.update(is_active=False)
    texts = [
        "Het onderzoek steunt op echte gebruikers",
        "De inzichten zijn onderbouwd",
        "Er is een plan",
    ]
    return [
        ReviewCriterion.objects.create(position=position, text_nl=text)
        for position, text in enumerate(texts)
    ]


@pytest.mark.browser
def test_trainer_steps_through_the_geel_case_by_keyboard_and_buttons(visit: Visit, trainer):
    case = load_demo_workshop()
    visit.sign_in(trainer)

    page = visit.open("/academy/workshop/")
    visit.follow(page.get_by_role("link", name=case.title_nl))  # the case's page
    visit.follow(page.locator(f'main a[href="/academy/workshop/{case.slug}/"]'))
    progress = page.locator("#presenter-progress")
    expect(progress).to_contain_text(f"1 / {TOTAL}")
    expect(page.locator(".presenter__slide:visible h2")).to_have_text("Twee huizen, één inwoner")

    page.keyboard.press("ArrowRight")
    expect(progress).to_contain_text(f"2 / {TOTAL}")
    expect(page.locator(".presenter__slide:visible h2")).to_have_text(
        "Aan welk loket moet ik zijn?"
    )
    expect(page).to_have_url(re.compile(r"\?slide=2$"))
    page.keyboard.press("ArrowLeft")
    expect(progress).to_contain_text(f"1 / {TOTAL}")
    page.keyboard.press("End")
    expect(progress).to_contain_text(f"{TOTAL} / {TOTAL}")
    expect(page.locator("#presenter-next")).to_have_attribute("aria-disabled", "true")

    page.locator("#presenter-previous").click()
    expect(progress).to_contain_text(f"{TOTAL - 1} / {TOTAL}")
    page.locator("#presenter-next").click()
    expect(progress).to_contain_text(f"{TOTAL} / {TOTAL}")
    expect(page.locator(".presenter__slide:visible h2")).to_have_text("Wat neem je mee?")
    page.keyboard.press("n")
    expect(page.locator(".presenter__slide:visible details")).to_have_attribute("open", "")
    visit.audit()

    visit.open(f"/academy/workshop/{case.slug}/?slide=4")  # every slide has its own address
    expect(progress).to_contain_text(f"4 / {TOTAL}")


@pytest.mark.browser
def test_coach_follows_every_team_and_a_reviewer_scores_red_amber_green(
    visit: Visit, trainer, coordinator, geel, lennik, criteria
):
    cohort = make_cohort(trainer, [geel, lennik])
    milestone = cohort.milestones.get(peer_review=True)
    assign_reviews(milestone=milestone, by=trainer)
    review = PeerReview.objects.get(reviewer__organisation=geel)
    visit.sign_in(trainer)

    page = visit.open("/academy/cohorts/")
    visit.follow(page.locator(f'main a[href="/academy/cohorts/{cohort.pk}/"]'))
    expect(page.locator("#progress tbody tr")).to_have_count(2)
    expect(page.locator("#progress tbody tr").first.locator(".lp-status--overdue")).to_have_count(1)

    page = visit.open("/academy/reports/")
    expect(page.locator("main figure.chart")).to_have_count(1)

    page.context.clear_cookies()
    visit.sign_in(coordinator)
    page = visit.open(f"/academy/teams/{review.reviewer_id}/")
    visit.follow(page.locator(f'main a[href="/academy/reviews/{review.pk}/"]'))
    first, second, third = criteria
    page.locator(f'label[for="id_rating_{first.pk}_2"]').click()  # red
    page.locator(f"#id_action_{first.pk}").fill("Spreek vijf inwoners die het loket niet vonden")
    page.locator(f'label[for="id_rating_{second.pk}_1"]').click()  # amber
    page.locator(f"#id_action_{second.pk}").fill("Betrek de baliemedewerkers")
    page.locator(f'label[for="id_rating_{third.pk}_0"]').click()  # green
    visit.audit()
    visit.follow(page.locator('main button[name="submit"]'))

    expect(page.locator("main table tbody tr")).to_have_count(3)
    expect(page.locator("main form button[name=submit]")).to_have_count(0)
    review.refresh_from_db()
    assert review.submitted_at is not None
    assert dict(review.scores.values_list("criterion_id", "rating")) == {
        first.pk: "red",
        second.pk: "amber",
        third.pk: "green",
    }


@pytest.mark.browser
def test_trainer_edits_a_slide_from_the_presenter_and_returns_to_it(open_visit, trainer):
    case = load_demo_workshop()
    visit = open_visit(locale="en-GB")
    visit.sign_in(trainer)
    page = visit.open(f"/academy/workshop/{case.slug}/")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    progress = page.locator("#presenter-progress")
    expect(progress).to_contain_text(f"3 / {TOTAL}")

    slide = page.locator(".presenter__slide:visible")
    visit.follow(slide.get_by_role("link", name="Edit this slide"))
    expect(page.locator("h1")).to_contain_text("Together with staff and users")
    page.get_by_label("Heading (English)").fill("Together with staff, users and partners")
    visit.follow(page.get_by_role("button", name="Save the slide"))

    expect(page).to_have_url(re.compile(rf"/academy/workshop/{case.slug}/\?slide=3$"))
    expect(progress).to_contain_text(f"3 / {TOTAL}")
    expect(page.locator(".presenter__slide:visible h2")).to_have_text(
        "Together with staff, users and partners"
    )


@pytest.mark.browser
def test_trainer_adds_moves_and_deletes_a_slide_of_a_case(open_visit, trainer):
    case = load_demo_workshop()
    visit = open_visit(locale="en-GB")
    visit.sign_in(trainer)
    page = visit.open("/academy/workshop/")
    visit.follow(page.get_by_role("link", name=case.title_en))
    visit.follow(page.get_by_role("link", name="Add a slide"))
    page.get_by_label("Stage").select_option("solution")
    page.get_by_label("Heading (Dutch)").fill("En nu jullie")
    page.get_by_label("Text (Dutch)").fill("Welke dienst zouden jullie zo bekijken?")
    visit.follow(page.get_by_role("button", name="Add the slide"))

    rows = page.locator("#slides tbody tr")
    expect(rows).to_have_count(TOTAL + 1)
    expect(rows.last.locator("th")).to_have_text("En nu jullie")
    visit.follow(page.get_by_role("button", name="Move up “En nu jullie”"))
    expect(rows.nth(TOTAL - 1).locator("th")).to_have_text("En nu jullie")

    visit.follow(page.get_by_role("link", name="Delete “En nu jullie”"))
    expect(page.locator("h1")).to_have_text("Delete this slide?")
    visit.follow(page.get_by_role("button", name="Yes, delete the slide"))
    expect(rows).to_have_count(TOTAL)
    expect(page.locator(".messages")).to_contain_text("The slide was deleted.")
