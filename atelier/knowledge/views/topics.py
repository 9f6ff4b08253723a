"""The topic list, for association staff: add, rename, reorder, put out of use, expert."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.accounts.models import STAFF_ROLES, Role, User

from .. import selectors, services
from ..forms import MoveTopicForm, TopicForm, TopicNamesForm
from ..models import Topic

GET_AND_POST = ["GET", "POST"]


def _experts() -> QuerySet[User]:
    """Who can answer questions: association staff and the association's experts."""
    return User.objects.filter(is_active=True, role__in=[*STAFF_ROLES, Role.EXPERT]).order_by(
        "last_name", "first_name"
    )


@staff_required
@require_http_methods(GET_AND_POST)
def topic_list(request: HttpRequest) -> HttpResponse:
    form = TopicNamesForm(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.add_topic(by=user_of(request), **form.cleaned_data)
        except services.KnowledgeRefusal as refusal:
            form.add_error("name_nl", refusal.message)
        else:
            messages.success(request, _("Topic “%(name)s” added.") % {"name": topic.name})
            return redirect("knowledge:topics")
    context = {"topics": selectors.topics_with_counts(), "form": form}
    return render(request, "knowledge/topics.html", context)


@staff_required
@require_http_methods(GET_AND_POST)
def topic_edit(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    initial = {
        "name_nl": topic.name_nl,
        "name_en": topic.name_en,
        "is_active": topic.is_active,
        "expert": topic.expert_id,
    }
    form = TopicForm(request.POST or None, initial=initial, experts=_experts())
    if request.method == "POST" and form.is_valid():
        try:
            services.update_topic(topic=topic, by=user_of(request), **form.cleaned_data)
        except services.KnowledgeRefusal as refusal:
            form.add_error("name_nl", refusal.message)
        else:
            messages.success(request, _("The topic is saved."))
            return redirect("knowledge:topics")
    return render(request, "knowledge/topic_form.html", {"topic": topic, "form": form})


@staff_required
@require_POST
def topic_move(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    form = MoveTopicForm(request.POST)
    if form.is_valid():
        services.move_topic(
            topic=topic, direction=form.cleaned_data["direction"], by=user_of(request)
        )
    return redirect("knowledge:topics")
