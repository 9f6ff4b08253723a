"""Knowledge items in a browser: staff write one with the editor, publish it, a member reads it."""

import pytest
from playwright.sync_api import expect

from atelier.knowledge.models import KnowledgeItem, Status, Topic

from .browsing import settled


@pytest.fixture
def topic(db) -> Topic:
    # Live-server tests may start from a flushed database, without the shipped topics.
    topic, _ = Topic.objects.get_or_create(
        slug="social-policy",
        defaults={"name_nl": "Sociaal beleid en OCMW", "name_en": "Social policy and OCMW"},
    )
    return topic


@pytest.mark.browser
def test_staff_write_and_publish_an_item_that_a_member_then_reads(
    open_visit, trainer, participant, topic
):
    staff = open_visit(locale="en-GB")
    staff.sign_in(trainer)
    page = staff.open("/knowledge/new/")
    page.get_by_label("Kind").select_option("faq")
    page.get_by_label("Title").fill("Leefloon aanvragen")
    page.get_by_label("Audience").select_option("members")
    page.get_by_label("Social policy and OCMW").check()
    text = page.get_by_role("textbox", name="Text")
    toolbar = page.get_by_role("toolbar", name="Formatting")
    text.focus()
    toolbar.get_by_role("button", name="Heading").click()
    page.keyboard.type("Wie heeft recht?")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Bulleted list").click()
    page.keyboard.type("meerderjarig")
    toolbar.get_by_role("button", name="Table").click()
    toolbar.get_by_role("button", name="Preview").click()
    settled(page)
    preview = page.locator("#preview")
    expect(preview.get_by_role("heading", name="Wie heeft recht?")).to_be_visible()
    expect(preview.get_by_role("listitem")).to_have_text("meerderjarig")
    expect(preview.get_by_role("table")).to_be_visible()
    staff.audit()
    staff.follow(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Leefloon aanvragen")
    staff.follow(page.get_by_role("button", name="Publish"))
    item = KnowledgeItem.objects.get(title="Leefloon aanvragen")
    assert item.status == Status.PUBLISHED

    member = open_visit(locale="en-GB")
    member.sign_in(participant)
    page = member.open("/knowledge/")
    member.follow(page.get_by_role("link", name="Leefloon aanvragen"))
    body = page.locator(".knowledge-body")
    expect(body.get_by_role("heading", level=2)).to_have_text("Wie heeft recht?")
    expect(body.get_by_role("listitem")).to_have_text("meerderjarig")
    expect(body.get_by_role("columnheader").first).to_have_text("Column 1")
    expect(page.locator("#audience")).to_have_text("Members only")
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)


@pytest.mark.browser
def test_a_member_reads_an_earlier_version_and_is_warned_off_a_replaced_note(
    open_visit, trainer, participant, topic
):
    from atelier.knowledge.models import Audience, Kind
    from atelier.knowledge.services import save_item

    newer = KnowledgeItem.objects.create(
        kind=Kind.LEGAL_NOTE, title="Nota 2025", audience=Audience.MEMBERS,
        status=Status.PUBLISHED, body="## Nieuw",
    )  # fmt: skip
    older = KnowledgeItem.objects.create(
        kind=Kind.LEGAL_NOTE, title="Nota 2019", audience=Audience.MEMBERS,
        status=Status.PUBLISHED, body="## Oude regels", replaced_by=newer,
    )  # fmt: skip
    data = {"kind": Kind.LEGAL_NOTE, "title": "Nota 2019", "body": "## Bijgewerkt"}
    save_item(item=older, data=data, topics=[topic], revision=1, by=trainer)

    member = open_visit(locale="en-GB")
    member.sign_in(participant)
    page = member.open(f"/knowledge/{older.pk}/")
    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("Out of date")
    member.follow(page.get_by_role("link", name="One earlier version"))
    member.follow(page.get_by_role("table").get_by_role("link", name="Nota 2019", exact=True))
    expect(page.locator(".knowledge-body h2")).to_have_text("Oude regels")
    page = member.open(f"/knowledge/{older.pk}/")
    member.follow(page.get_by_role("alert").get_by_role("link", name="Nota 2025"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nota 2025")

    staff = open_visit(locale="en-GB")
    staff.sign_in(trainer)
    page = staff.open("/knowledge/topics/")
    staff.follow(page.get_by_role("link", name="Social policy and OCMW"))
    page.get_by_label("Name in English").fill("Social policy")
    staff.follow(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("link", name="Social policy", exact=True)).to_be_visible()
