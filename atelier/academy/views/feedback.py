"""The survey after a session for its participants, and the results for staff."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from atelier.academy.models import Edition, FeedbackQuestion, QuestionKind, Session
from atelier.academy.selectors import attendance as selectors
from atelier.academy.selectors.surveys import questions_for
from atelier.academy.services.feedback import (
    AlreadyAnswered,
    feedback_enrolment,
    has_answered,
    submit_feedback,
    survey_is_open,
)
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.lib.charts import bar_chart
from atelier.lib.forms import Form

RATINGS = [(str(number), str(number)) for number in range(1, 6)]


class FeedbackForm(Form):
    signed = forms.BooleanField(
        label=gettext_lazy("Sign my answers (show my name to the trainers)"), required=False
    )

    def __init__(self, *args, questions: list[FeedbackQuestion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            if question.kind == QuestionKind.RATING:
                field: forms.Field = forms.TypedChoiceField(
                    label=question.text,
                    choices=RATINGS,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=False,
                    help_text=_("1 is poor, 5 is excellent."),
                )
            elif question.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(
                    label=question.text,
                    choices=question.options,
                    widget=forms.RadioSelect,
                    required=False,
                )
            else:
                field = forms.CharField(
                    label=question.text, widget=forms.Textarea(attrs={"rows": 3}), required=False
                )
            self.fields[f"question-{question.pk}"] = field
        self.order_fields([f"question-{question.pk}" for question in questions] + ["signed"])

    def answers(self) -> dict[int, int | str | None]:
        return {q.pk: self.cleaned_data.get(f"question-{q.pk}") for q in self.questions}


@login_required
@require_http_methods(["GET", "POST"])
def feedback_form(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session.objects.select_related("edition__course"), pk=pk)
    enrolment = feedback_enrolment(session, user_of(request))
    if enrolment is None:
        raise Http404
    context: dict[str, object] = {"session": session}
    if not survey_is_open(session):
        return render(request, "academy/feedback/closed.html", context)
    if has_answered(session, enrolment):
        context["answered"] = True
        return render(request, "academy/feedback/closed.html", context)
    questions = list(questions_for(session.edition.course))
    form = FeedbackForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            submit_feedback(
                session=session,
                enrolment=enrolment,
                answers=form.answers(),
                signed=form.cleaned_data["signed"],
            )
        except AlreadyAnswered:
            context["answered"] = True
            return render(request, "academy/feedback/closed.html", context, status=409)
        messages.success(request, _("Thank you for your feedback."))
        return redirect("academy:feedback", pk=session.pk)
    context["form"] = form
    return render(request, "academy/feedback/form.html", context)


@staff_required
def feedback_results(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_object_or_404(Edition.objects.select_related("course__level"), pk=pk)
    responses, results = feedback_results_for(edition)
    return render(
        request,
        "academy/feedback/results.html",
        {
            "edition": edition,
            "responses": responses,
            "results": results,
            "enough": responses >= selectors.MINIMUM_ANSWERS,
            "minimum": selectors.MINIMUM_ANSWERS,
        },
    )


def feedback_results_for(edition: Edition) -> tuple[int, list[dict[str, Any]]]:
    responses, results = selectors.feedback_results(edition)
    shown = []
    for result in results:
        chart = None
        if result.question.kind in (QuestionKind.RATING, QuestionKind.CHOICE):
            chart = bar_chart(
                result.question.text,
                [(str(label), count, str(count)) for label, count in result.distribution],
            )
        shown.append(
            {"result": result, "chart": chart, "chart_id": f"question-{result.question.pk}"}
        )
    return responses, shown
