"""The URL walk's table for companies, contacts, mailings, new academy and canvas pages."""

import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from atelier.academy.models import (
    CaseSlide,
    Edition,
    FeedbackQuestion,
    MaterialKind,
    Visibility,
)
from atelier.academy.models.feedback import QuestionKind
from atelier.academy.services.materials import add_material
from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card
from atelier.canvases.services.comments import add_comment
from atelier.companies.tests.factories import join, make_company
from atelier.contacts.models import FunctionKind, LawfulBasis
from atelier.contacts.services import add_function, save_contact
from atelier.mailings.models import MailingKind
from atelier.mailings.services import save_mailing, save_segment, unsubscribe_url
from atelier.members.models import Organisation
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import (
    OK,
    PROJECT_POST_ONLY,
    PROJECT_READ,
    PROJECT_WRITE,
    PUBLIC,
    SIGNED_IN_POST_ONLY,
    STAFF_ONLY,
    TO_LOGIN,
    Answer,
    answers,
)

# Staff-only pages that act on POST only: members are refused first, staff get 405 on GET.
STAFF_POST_ONLY = answers(TO_LOGIN, 403, 405)
# Geel's contacts: association staff and Geel's own coordinator; everyone else gets 404.
GEEL_CONTACTS = answers(TO_LOGIN, 404, OK, coordinator=OK)

PAGES: dict[str, dict[str, Answer]] = {
    # Intermunicipal companies: a public registry, kept by staff (a company Geel takes part in).
    "companies:list": PUBLIC,
    "companies:detail": PUBLIC,
    "companies:create": STAFF_ONLY,
    "companies:edit": STAFF_ONLY,
    "companies:import": STAFF_ONLY,
    "companies:participation_add": STAFF_POST_ONLY,
    "companies:participation_end": STAFF_POST_ONLY,
    "api-v1:list_companies": PUBLIC,
    "api-v1:get_population": PUBLIC,  # Geel's population figures
    # Contacts by function (Geel's, with one function).
    "contacts:list": GEEL_CONTACTS,
    "contacts:create": GEEL_CONTACTS,
    "contacts:import": GEEL_CONTACTS,
    "contacts:new_term": SIGNED_IN_POST_ONLY,
    "contacts:detail": GEEL_CONTACTS,
    "contacts:function_add": SIGNED_IN_POST_ONLY,
    "contacts:function_end": SIGNED_IN_POST_ONLY,
    "contacts:export": GEEL_CONTACTS,  # as JSON
    "contacts:erase": SIGNED_IN_POST_ONLY,
    "api-v1:list_contacts": answers(401, 404, OK, coordinator=OK),  # Geel's contacts
    # Mailings: staff only (a draft to a segment, inviting to the upcoming edition).
    "mailings:list": STAFF_ONLY,
    "mailings:create": STAFF_ONLY,
    "mailings:detail": STAFF_ONLY,
    "mailings:test": STAFF_POST_ONLY,
    "mailings:send": STAFF_POST_ONLY,
    "mailings:invite": STAFF_ONLY,
    "mailings:segment_create": STAFF_ONLY,
    "mailings:segment": STAFF_ONLY,
    "mailings:unsubscribe": PUBLIC,  # the recipient's signed token
    # The academy's impact: staff, but the API's headline figures are public.
    "academy:impact": STAFF_ONLY,
    "academy:impact_export": STAFF_ONLY,
    "academy:impact_pdf": STAFF_ONLY,
    "api-v1:impact": PUBLIC,
    "academy:project_outcome": PROJECT_WRITE,  # Geel's project closes
    # Course materials of the upcoming edition (the participant holds a seat, the trainer
    # trains it): staff and its trainers manage them, confirmed participants download them.
    "academy:materials": answers(TO_LOGIN, 404, OK),
    "academy:material_delete": SIGNED_IN_POST_ONLY,
    "academy:session_cards": SIGNED_IN_POST_ONLY,
    "academy:material_download": answers(TO_LOGIN, 404, OK, participant=OK),
    # A course's feedback survey: staff only.
    "academy:course_survey": STAFF_ONLY,
    "academy:course_survey_copy": STAFF_POST_ONLY,
    "academy:course_survey_retire": STAFF_POST_ONLY,
    "academy:course_survey_trend": STAFF_ONLY,
    # Editing the workshop cases (the walk's case and its one slide): staff, as the presenter.
    "academy:workshop_case_new": STAFF_ONLY,
    "academy:workshop_case_edit": STAFF_ONLY,
    "academy:workshop_slide_new": STAFF_ONLY,
    "academy:workshop_slide_edit": STAFF_ONLY,
    "academy:workshop_slide_move": STAFF_POST_ONLY,
    "academy:workshop_slide_delete": STAFF_ONLY,  # asks first; deletes on POST
    # Editing on the canvas itself (the project's journey; a stakeholder on its map).
    "canvases:card_add": PROJECT_POST_ONLY,
    "canvases:emotion": PROJECT_POST_ONLY,
    "canvases:card_fragment": PROJECT_READ,
    "canvases:card_text": PROJECT_POST_ONLY,
    "canvases:card_menu": PROJECT_WRITE,
    "canvases:card_fields": PROJECT_POST_ONLY,
    "canvases:card_image": PROJECT_POST_ONLY,
    "canvases:stakeholder_place": PROJECT_POST_ONLY,
    "canvases:undo": PROJECT_POST_ONLY,
    "canvases:redo": PROJECT_POST_ONLY,
    "canvases:comments": PROJECT_READ,  # a comment on the journey
    # Resolving looks the comment up for writing first: staff, who only read, get 403.
    "canvases:comment_resolve": answers(TO_LOGIN, 405, 403, outsider=404, expert=404),
}


def values(
    people: dict[str, User], geel: Organisation, lennik: Organisation
) -> dict[tuple[str, str], Any]:
    trainer, coordinator = people["trainer"], people["coordinator"]
    company = make_company("Kempens Afval", 1)
    participation = join(company, geel, shares=10)
    contact = save_contact(
        contact=None,
        organisation=geel,
        first_name="Vera",
        last_name="Celis",
        email="vera@geel.example.org",
        phone="014 56 66 00",
        language="nl",
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        by=coordinator,
    )
    function = add_function(
        contact=contact,
        kind=FunctionKind.MAYOR,
        topics=[],
        starts_on=datetime.date(2025, 1, 1),
        by=coordinator,
    )
    # The upcoming edition (the participant's seat), its course and its session.
    edition = Edition.objects.filter(sessions__starts_at__gt=timezone.now()).order_by("pk").first()
    assert edition is not None
    session = edition.sessions.get()
    question = FeedbackQuestion.objects.create(
        course=edition.course, kind=QuestionKind.OPEN, text_nl="Wat neem je mee?"
    )
    material = add_material(
        place=edition,
        title="Slides",
        kind=MaterialKind.SLIDES,
        visibility=Visibility.ALWAYS,
        file=SimpleUploadedFile("slides.pdf", b"%PDF-1.4\n"),
        by=trainer,
    )
    segment = save_segment(segment=None, by=trainer, name="Burgemeesters", function_kinds=["mayor"])
    mailing = save_mailing(
        mailing=None,
        segment=segment,
        kind=MailingKind.INVITATION,
        subject="Uitnodiging",
        body="Beste {{ name }}",
        by=trainer,
        edition=edition,
    )
    unsubscribe_token = unsubscribe_url(contact.email, MailingKind.NEWSLETTER).rstrip("/")
    # Geel's project (the participant leads it): its journey and its stakeholder map.
    project = Project.objects.get(organisation=geel, title="Eén sociaal huis")
    journey = Canvas.objects.get(project=project, kind=ArtefactKind.JOURNEY)
    stakeholder = Card.objects.filter(canvas__project=project, section="stakeholders").order_by(
        "pk"
    )[0]
    comment = add_comment(canvas=journey, body="Klopt dit?", by=people["participant"])
    workshop_slide = CaseSlide.objects.get(case__slug="walk-case")
    return {
        ("companies:detail", "pk"): company.pk,
        ("companies:edit", "pk"): company.pk,
        ("companies:participation_add", "pk"): company.pk,
        ("companies:participation_end", "pk"): company.pk,
        ("companies:participation_end", "participation_pk"): participation.pk,
        **{
            (f"contacts:{name}", "pk"): geel.pk for name in ("list", "create", "import", "new_term")
        },
        **{
            (f"contacts:{name}", "pk"): contact.pk
            for name in ("detail", "function_add", "function_end", "export", "erase")
        },
        ("contacts:function_end", "function_pk"): function.pk,
        ("contacts:export", "fmt"): "json",
        ("mailings:detail", "pk"): mailing.pk,
        ("mailings:test", "pk"): mailing.pk,
        ("mailings:send", "pk"): mailing.pk,
        ("mailings:invite", "edition_pk"): edition.pk,
        ("mailings:segment", "pk"): segment.pk,
        ("mailings:unsubscribe", "token"): unsubscribe_token.rsplit("/", 1)[-1],
        ("academy:project_outcome", "pk"): project.pk,
        ("academy:impact_export", "file_format"): "xlsx",
        ("academy:materials", "pk"): edition.pk,
        ("academy:material_delete", "pk"): edition.pk,
        ("academy:material_delete", "material_pk"): material.pk,
        ("academy:session_cards", "pk"): edition.pk,
        ("academy:session_cards", "session_pk"): session.pk,
        ("academy:material_download", "pk"): material.pk,
        **{
            (f"academy:{name}", "pk"): edition.course_id
            for name in (
                "course_survey",
                "course_survey_copy",
                "course_survey_retire",
                "course_survey_trend",
            )
        },
        ("academy:course_survey_retire", "question_pk"): question.pk,
        **{
            (f"academy:workshop_{name}", "slug"): workshop_slide.case.slug
            for name in ("case_edit", "slide_new", "slide_edit", "slide_move", "slide_delete")
        },
        **{
            (f"academy:workshop_{name}", "pk"): workshop_slide.pk
            for name in ("slide_edit", "slide_move", "slide_delete")
        },
        ("canvases:stakeholder_place", "card_pk"): stakeholder.pk,
        ("canvases:comment_resolve", "comment_pk"): comment.pk,
    }
