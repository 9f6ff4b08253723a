"""Staff build a course's questionnaire, and follow its ratings over the editions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.academy.models import Course, QuestionKind
from atelier.academy.selectors import surveys as selectors
from atelier.academy.services.feedback import (
    add_question,
    copy_default_questions,
    retire_question,
)
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.lib.charts import bar_chart
from atelier.lib.forms import Form
from atelier.lib.numbers import format_number


class QuestionForm(Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind of question"), choices=QuestionKind.choices)
    text_nl = forms.CharField(label=gettext_lazy("Question (Dutch)"), max_length=300)
    text_en = forms.CharField(
        label=gettext_lazy("Question (English)"), max_length=300, required=False
    )
    choices_nl = forms.CharField(
        label=gettext_lazy("Choices (Dutch)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("For a choice question: one option a line, at least two."),
    )
    choices_en = forms.CharField(
        label=gettext_lazy("Choices (English)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("The same options in the same order."),
    )

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        if data.get("kind") == QuestionKind.CHOICE:
            options = [line for line in data.get("choices_nl", "").splitlines() if line.strip()]
            if len(options) < 2:
                raise ValidationError(_("A choice question needs at least two options."))
            english = [line for line in data.get("choices_en", "").splitlines() if line.strip()]
            if english and len(english) != len(options):
                raise ValidationError(_("Give as many English options as Dutch ones."))
        return data


def _course(pk: int) -> Course:
    return get_object_or_404(Course.objects.select_related("level"), pk=pk)


@staff_required
@require_http_methods(["GET", "POST"])
def course_survey(request: HttpRequest, pk: int) -> HttpResponse:
    course = _course(pk)
    own = selectors.course_has_own_survey(course)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        copy_default_questions(course=course, by=user_of(request))
        add_question(course=course, **form.cleaned_data, by=user_of(request))
        messages.success(request, _("The question was added."))
        return redirect("academy:course_survey", pk=course.pk)
    context = {
        "course": course,
        "own": own,
        "questions": list(selectors.questions_for(course)),
        "form": form,
    }
    return render(request, "academy/feedback/course_survey.html", context)


@staff_required
@require_POST
def course_survey_copy(request: HttpRequest, pk: int) -> HttpResponse:
    course = _course(pk)
    copy_default_questions(course=course, by=user_of(request))
    messages.success(request, _("The course now has its own questionnaire."))
    return redirect("academy:course_survey", pk=course.pk)


@staff_required
@require_POST
def course_survey_retire(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    course = _course(pk)
    question = get_object_or_404(course.feedback_questions, pk=question_pk)
    retire_question(question=question, by=user_of(request))
    messages.success(request, _("The question is no longer asked."))
    return redirect("academy:course_survey", pk=course.pk)


@staff_required
@require_GET
def course_survey_trend(request: HttpRequest, pk: int) -> HttpResponse:
    course = _course(pk)
    trend = selectors.course_trend(course)
    chart = bar_chart(
        _("Mean rating per edition (1 to 5)"),
        [
            (
                row.edition.starts_at.date().isoformat()
                if row.edition.starts_at
                else str(row.edition.pk),
                row.overall or 0,
                format_number(row.overall, 1) if row.overall is not None else "—",
            )
            for row in trend.editions
        ],
    )
    context = {"course": course, "trend": trend, "chart": chart}
    return render(request, "academy/feedback/course_trend.html", context)
