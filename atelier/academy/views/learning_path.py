"""Level 3 learning path: the coach's cohort page, team pages and peer reviews."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from atelier.academy.models import Milestone, MilestoneProgress, Rating, ReviewCriterion
from atelier.academy.selectors import learning_path as selectors
from atelier.academy.services import learning_path as services
from atelier.accounts.access import user_of
from atelier.lib.forms import Form
from atelier.projects.access import projects_visible_to


class ProgressForm(Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=MilestoneProgress.Status)
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)


@login_required
def cohorts(request: HttpRequest) -> HttpResponse:
    cohorts = selectors.cohorts_visible_to(user_of(request))
    return render(request, "academy/learning_path/cohort_list.html", {"cohorts": cohorts})


@login_required
def cohort(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = selectors.get_cohort_for_coach(user_of(request), pk)
    milestones = list(cohort.milestones.all())
    counts = selectors.review_rounds(cohort)
    context = {
        "cohort": cohort,
        "milestones": milestones,
        "rows": selectors.progress_grid(cohort, milestones),
        "review_milestones": [(m, counts.get(m.pk, 0)) for m in milestones if m.peer_review],
    }
    return render(request, "academy/learning_path/cohort.html", context)


@login_required
@require_POST
def assign_reviews(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_or_404(Milestone.objects.select_related("cohort"), pk=pk)
    selectors.get_cohort_for_coach(user_of(request), milestone.cohort_id)
    try:
        created = services.assign_reviews(milestone=milestone, by=user_of(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        count = len(created)
        message = ngettext("%(count)s review assigned.", "%(count)s reviews assigned.", count)
        messages.success(request, message % {"count": count})
    return redirect("academy:cohort", milestone.cohort_id)


@login_required
def team(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    team = selectors.get_team_for_user(user, pk)
    lines = selectors.team_milestones(team)
    received, given = selectors.reviews_of_team(team)
    may_edit = selectors.is_team_member(user, team)
    forms_by_milestone = (
        {
            line.milestone.pk: ProgressForm(
                initial={"status": line.status, "note": line.note, "revision": line.revision},
                prefix=f"m{line.milestone.pk}",
            )
            for line in lines
        }
        if may_edit
        else {}
    )
    context = {
        "team": team,
        "lines": [(line, forms_by_milestone.get(line.milestone.pk)) for line in lines],
        "received": received,
        "given": given,
        "may_edit": may_edit,
        "may_request_re_review": may_edit or selectors.is_coach_of(user, team.cohort),
        # Reviewers from other organisations see the project's title, not a link to a 404.
        "project_open": team.project_id is not None
        and projects_visible_to(user).filter(pk=team.project_id).exists(),
    }
    return render(request, "academy/learning_path/team.html", context)


@login_required
@require_POST
def team_progress(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    user = user_of(request)
    team = selectors.get_team_for_user(user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, cohort_id=team.cohort_id)
    form = ProgressForm(request.POST, prefix=f"m{milestone.pk}")
    if not form.is_valid():
        messages.error(request, _("The progress could not be saved: check the status."))
        return redirect("academy:team", team.pk)
    progress = services.progress_of(team=team, milestone=milestone)
    try:
        services.update_progress(by=user, progress=progress, **form.cleaned_data)
    except services.StaleProgress as stale:
        current = stale.current
        messages.error(
            request,
            _(
                "Someone else saved %(milestone)s in the meantime: it is now “%(status)s”"
                " with the note “%(note)s”. Your change was not saved; check it and try again."
            )
            % {
                "milestone": milestone.title,
                "status": current.get_status_display(),
                "note": current.note,
            },
        )
    else:
        messages.success(
            request, _("Progress on %(milestone)s saved.") % {"milestone": milestone.title}
        )
    return redirect(reverse("academy:team", args=[team.pk]) + f"#milestone-{milestone.pk}")


class ReviewForm(Form):
    """A rating and an action per active criterion; red and amber need an action."""

    def __init__(self, *args, criteria: list[ReviewCriterion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"rating_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.text,
                choices=Rating.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"action_{criterion.pk}"] = forms.CharField(
                label=_("Action required"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Needed for red and amber: what should the team do?"),
            )

    def clean(self):
        data = super().clean() or {}
        for criterion in self.criteria:
            rating = data.get(f"rating_{criterion.pk}")
            if (
                rating in (Rating.RED, Rating.AMBER)
                and not data.get(f"action_{criterion.pk}", "").strip()
            ):
                self.add_error(f"action_{criterion.pk}", _("Red and amber need an action."))
            if "submit" in self.data and not rating:
                self.add_error(
                    f"rating_{criterion.pk}", _("Rate this criterion before submitting.")
                )
        return data

    def rows(self):
        return [(c, self[f"rating_{c.pk}"], self[f"action_{c.pk}"]) for c in self.criteria]

    def scores(self) -> list[services.ScoreInput]:
        return [
            services.ScoreInput(
                criterion=c,
                rating=self.cleaned_data.get(f"rating_{c.pk}") or "",
                action=self.cleaned_data.get(f"action_{c.pk}") or "",
            )
            for c in self.criteria
        ]


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    review = selectors.get_review_for_user(user, pk)
    may_edit = review.submitted_at is None and selectors.is_team_member(user, review.reviewer)
    criteria = list(ReviewCriterion.objects.filter(is_active=True))
    scores = list(
        review.scores.select_related("criterion").order_by("criterion__position", "criterion__pk")
    )
    initial = {f"rating_{s.criterion_id}": s.rating for s in scores} | {
        f"action_{s.criterion_id}": s.action for s in scores
    }
    form = ReviewForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST":
        if not may_edit:
            raise Http404
        if form.is_valid():
            submit = "submit" in request.POST
            services.save_review(review=review, scores=form.scores(), submit=submit, by=user)
            messages.success(request, _("Review submitted.") if submit else _("Draft saved."))
            return redirect("academy:review", review.pk)
    context = {"review": review, "form": form, "scores": scores, "may_edit": may_edit}
    return render(request, "academy/learning_path/review.html", context)


@login_required
@require_POST
def request_re_review(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    review = selectors.get_review_for_user(user, pk)
    try:
        services.request_re_review(review=review, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Re-review requested from %(team)s.") % {"team": review.reviewer.organisation},
        )
    return redirect("academy:team", review.reviewed_id)
