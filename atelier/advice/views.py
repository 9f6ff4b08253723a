"""The advice desk's pages: ask, the thread, rating, and for staff the queue and the report."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.knowledge.access import items_visible_to
from atelier.knowledge.models import Status
from atelier.lib.htmx import HtmxHttpRequest

from . import reporting, selectors, services
from .access import get_attachment_for_user, get_question_for_user, may_ask, may_handle
from .forms import (
    AskForm,
    AssignForm,
    FaqForm,
    QueueFilterForm,
    RatingForm,
    ReplyForm,
    StaffReplyForm,
)
from .models import Question

PAGE_SIZE = 50


@login_required
@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    questions = selectors.visible_list(person)
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "may_ask": may_ask(person), "today": timezone.localdate()}
    return render(request, "advice/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    if not may_ask(person):
        raise PermissionDenied
    form = AskForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        question = services.ask(
            asker=person,
            topic=data["topic"],
            subject=data["subject"],
            text=data["text"],
            is_research_request=data["is_research_request"],
            files=[data["file"]] if data["file"] else [],
        )
        messages.success(request, _("Your question has been sent to the advice desk."))
        return redirect("advice:question", question.pk)
    suggestions = selectors.suggest_items(person, request.POST.get("subject", ""))
    return render(request, "advice/ask.html", {"form": form, "suggestions": suggestions})


@login_required
@require_GET
def suggest(request: HtmxHttpRequest) -> HttpResponse:
    """The items that match the subject typed so far (an htmx fragment)."""
    suggestions = selectors.suggest_items(user_of(request), request.GET.get("subject", "")[:200])
    return render(request, "advice/ask.html#suggestions", {"suggestions": suggestions})


def _question_context(request: HttpRequest, question: Question, **forms: Any) -> dict[str, Any]:
    person = user_of(request)
    staff = may_handle(person)
    context = {
        "question": question,
        "thread": selectors.thread(question, person),
        "attachments": question.attachments.filter(message__isnull=True),
        "sources": question.sources.all(),
        "staff": staff,
        "is_asker": question.asker_id == person.pk,
        "overdue": question.is_overdue(timezone.localdate()),
    }
    if staff:
        context["reply_form"] = forms.get("reply_form") or StaffReplyForm(
            sources=_sources(person) if question.is_research_request else None
        )
        context["assign_form"] = AssignForm(
            initial={"assignee": question.assignee_id}, staff=selectors.staff_people()
        )
    elif question.asker_id == person.pk:
        context["reply_form"] = forms.get("reply_form") or ReplyForm()
        if question.first_answered_at and question.rated_at is None:
            context["rating_form"] = forms.get("rating_form") or RatingForm()
    return context


def _sources(person: Any) -> Any:
    return items_visible_to(person).filter(status=Status.PUBLISHED).order_by("title")


@login_required
@require_GET
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(user_of(request), pk)
    return render(request, "advice/question.html", _question_context(request, question))


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    person = user_of(request)
    question = get_question_for_user(person, pk)
    staff = may_handle(person)
    if staff:
        sources = _sources(person) if question.is_research_request else None
        form: ReplyForm = StaffReplyForm(request.POST, request.FILES, sources=sources)
    else:
        form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        context = _question_context(request, question, reply_form=form)
        return render(request, "advice/question.html", context, status=400)
    kind = form.cleaned_data.get("kind", "answer")
    try:
        services.reply(
            question=question,
            by=person,
            body=form.cleaned_data["body"],
            internal=kind == "note",
            wait_for_member=kind == "wait",
            files=[form.cleaned_data["file"]] if form.cleaned_data["file"] else [],
            sources=form.cleaned_data.get("sources") or [],
        )
    except services.AdviceRefused as refusal:
        raise PermissionDenied(refusal.message) from refusal
    messages.success(request, _("Your message has been added."))
    return redirect("advice:question", question.pk)


def _act(request: HttpRequest, pk: int, action: Any, done: str) -> HttpResponse:
    person = user_of(request)
    question = get_question_for_user(person, pk)
    try:
        action(question=question, by=person)
    except services.AdviceRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done)
    return redirect("advice:question", question.pk)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.close, _("The question is closed."))


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.reopen, _("The question is open again."))


@login_required
@require_POST
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    person = user_of(request)
    question = get_question_for_user(person, pk)
    form = RatingForm(request.POST)
    if not form.is_valid():
        context = _question_context(request, question, rating_form=form)
        return render(request, "advice/question.html", context, status=400)
    try:
        services.rate(
            question=question,
            by=person,
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
        )
    except services.AdviceRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Thank you for rating the answer."))
    return redirect("advice:question", question.pk)


@staff_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    person = user_of(request)
    question = get_question_for_user(person, pk)
    form = AssignForm(request.POST, staff=selectors.staff_people())
    if form.is_valid():
        services.assign(question=question, assignee=form.cleaned_data["assignee"], by=person)
        messages.success(request, _("The assignment is saved."))
    return redirect("advice:question", question.pk)


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    file = get_attachment_for_user(user_of(request), pk, attachment_pk)
    return FileResponse(file.file.open("rb"), as_attachment=True, filename=file.name)


@staff_required
@require_http_methods(["GET", "POST"])
def publish_faq(request: HttpRequest, pk: int) -> HttpResponse:
    person = user_of(request)
    question = get_question_for_user(person, pk)
    question_text, answer_text = selectors.faq_texts(question)
    initial = {
        "title": services.anonymised(question.subject, question),
        "question_text": services.anonymised(question_text, question),
        "answer_text": services.anonymised(answer_text, question),
    }
    form = FaqForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.publish_as_faq(question=question, by=person, **form.cleaned_data)
        except services.AdviceRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The FAQ has been saved."))
        return redirect("advice:question", question.pk)
    return render(request, "advice/faq.html", {"question": question, "form": form})


@staff_required
@require_GET
def staff_queue(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    staff = list(selectors.staff_people())
    form = QueueFilterForm(request.GET or None, staff=staff)
    filters = selectors.QueueFilter()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.QueueFilter(
            status=data["status"],
            topic=data["topic"].pk if data["topic"] else None,
            assignee=data["assignee"],
            overdue=data["overdue"],
        )
    today = timezone.localdate()
    questions = selectors.queue(filters, person=person, today=today)
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "today": today, "query": query.urlencode()}
    return render(request, "advice/queue.html", context)


@staff_required
@require_POST
def bulk(request: HttpRequest) -> HttpResponse:
    """Takes (assigns to oneself) or frees the ticked questions of the queue."""
    person = user_of(request)
    ids = [int(value) for value in request.POST.getlist("question") if value.isdigit()]
    chosen = Question.objects.filter(pk__in=ids)
    assignee = person if request.POST.get("action") == "mine" else None
    count = services.assign_many(questions=chosen, assignee=assignee, by=person)
    updated = ngettext("%(count)s question updated.", "%(count)s questions updated.", count)
    messages.success(request, updated % {"count": count})
    return redirect(request.POST.get("next") or "advice:queue")


@staff_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    context = {"report": reporting.report(Question.objects.all())}
    return render(request, "advice/report.html", context)
