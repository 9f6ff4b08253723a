"""Comment threads on a canvas and its cards, @mentions, resolve and reopen."""

import pytest
from django.core import mail

from atelier.canvases.models import Comment
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.comments import add_comment, mentioned_in, resolve_comment
from atelier.notifications.models import Delivery, Kind, Notification, Preference

from .helpers import cards_lane, first_steps, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def card(journey, participant):
    return add_card(
        canvas=journey,
        lane=cards_lane(journey),
        step=first_steps(journey)[0],
        text="Waits at the desk",
        by=participant,
    )


def test_a_mention_by_name_notifies_the_team_member_and_mails_them(
    journey, card, participant, colleague, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = add_comment(
            canvas=journey, card=card, body="@Bram Peeters, is this still true?", by=participant
        )

    assert list(comment.mentioned.all()) == [colleague]
    notification = Notification.objects.get(recipient=colleague, kind=Kind.MENTIONED)
    assert notification.url == f"/canvases/{journey.pk}/comments/#comment-{comment.pk}"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [colleague.email]
    assert "Visit" in mail.outbox[0].body


def test_a_mention_respects_the_persons_mail_preference(
    journey, participant, colleague, django_capture_on_commit_callbacks
):
    Preference.objects.create(person=colleague, kind=Kind.MENTIONED, delivery=Delivery.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(canvas=journey, body=f"@{colleague.email} look at step 2", by=participant)

    assert Notification.objects.get(recipient=colleague).delivery == Delivery.DIGEST
    assert mail.outbox == []


def test_only_team_members_can_be_mentioned(journey, participant, colleague, outsider):
    people = [participant, colleague]

    assert mentioned_in("@participant@lennik.example.org and @Bram", people) == [colleague]
    assert mentioned_in("mail bram.peeters@geel.example.org", people) == []
    assert mentioned_in("@Bramble", people) == []
    add_comment(canvas=journey, body="@participant@lennik.example.org", by=participant)
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_resolve_and_reopen_change_the_cards_count(journey, card, participant):
    comment = add_comment(canvas=journey, card=card, body="Which desk?", by=participant)
    client = signed_in(participant)
    page = client.get(f"/canvases/{journey.pk}/").content.decode()
    assert "1 comment" in page

    resolve_comment(comment=comment, resolved=True, by=participant)
    assert "1 comment" not in client.get(f"/canvases/{journey.pk}/").content.decode()
    client.post(f"/canvases/comments/{comment.pk}/resolve/", {"resolved": "0"})
    assert Comment.objects.get(pk=comment.pk).resolved_at is None


def test_a_comment_is_written_and_listed_without_javascript(journey, card, participant):
    client = signed_in(participant)

    response = client.post(
        f"/canvases/{journey.pk}/comments/",
        {"body": "Is the desk open on Saturday?", "card": card.pk},
    )

    comment = Comment.objects.get()
    assert response.status_code == 302 and comment.card == card
    page = client.get(f"/canvases/{journey.pk}/comments/").content.decode()
    assert "Is the desk open on Saturday?" in page
    assert "Waits at the desk" in page


def test_an_empty_comment_is_refused(journey, participant):
    response = signed_in(participant).post(f"/canvases/{journey.pk}/comments/", {"body": "  "})

    assert response.status_code == 200
    assert "Write a comment first." in response.content.decode()
    assert not Comment.objects.exists()


def test_an_outsider_gets_404_on_the_comments(journey, card, participant, outsider):
    comment = add_comment(canvas=journey, body="Internal note", by=participant)
    client = signed_in(outsider)

    assert client.get(f"/canvases/{journey.pk}/comments/").status_code == 404
    assert client.post(f"/canvases/{journey.pk}/comments/", {"body": "Hi"}).status_code == 404
    assert (
        client.post(f"/canvases/comments/{comment.pk}/resolve/", {"resolved": "1"}).status_code
        == 404
    )


def test_the_comments_page_queries_do_not_grow_with_comments(
    journey, card, participant, django_assert_max_num_queries
):
    add_comment(canvas=journey, body="First", by=participant)
    client = signed_in(participant)
    with django_assert_max_num_queries(20) as few:
        client.get(f"/canvases/{journey.pk}/comments/")
    for number in range(15):
        add_comment(
            canvas=journey,
            card=card if number % 2 else None,
            body=f"Remark {number}",
            by=participant,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/canvases/{journey.pk}/comments/")


def test_comments_stay_out_of_the_json_and_csv_exports(journey, card, participant):
    add_comment(canvas=journey, card=card, body="Not for the minister", by=participant)
    client = signed_in(participant)

    for export in ("export.json", "export.csv"):
        assert (
            "Not for the minister"
            not in client.get(f"/canvases/{journey.pk}/{export}").content.decode()
        )


def test_the_pdf_export_holds_the_comments_only_when_asked(journey, card, participant):
    import io

    from pypdf import PdfReader

    add_comment(canvas=journey, card=card, body="Check the Saturday hours", by=participant)
    client = signed_in(participant)

    def pdf_text(query: str) -> str:
        content = client.get(f"/canvases/{journey.pk}/export.pdf{query}").content
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)

    assert "Saturday hours" not in pdf_text("")
    assert "Saturday hours" in pdf_text("?comments=1")
