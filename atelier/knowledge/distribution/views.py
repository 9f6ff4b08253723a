"""Pages to follow topics, the follow button, and unsubscribing by the digest's link."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.knowledge.models import Topic
from atelier.lib.forms import Form

from . import links, selectors, services


class FollowingForm(Form):
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Topics you follow"),
        queryset=Topic.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@login_required
@require_http_methods(["GET", "POST"])
def following(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    if request.method == "POST":
        form = FollowingForm(request.POST)
        if form.is_valid():
            services.set_followed_topics(person=person, topics=list(form.cleaned_data["topics"]))
            messages.success(request, _("Your topics are saved."))
            return redirect("distribution:following")
    topics = list(selectors.topics_with_following(person))
    context = {"topics": topics}
    return render(request, "knowledge/distribution/following.html", context)


@login_required
@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    """The follow button on a topic's listing: follows, or unfollows with `action=unfollow`."""
    topic = get_object_or_404(Topic, slug=slug, is_active=True)
    person = user_of(request)
    if request.POST.get("action") == "unfollow":
        services.unfollow_topic(person=person, topic=topic)
        messages.success(request, _("You no longer follow %(topic)s.") % {"topic": topic.name})
    else:
        services.follow_topic(person=person, topic=topic)
        messages.success(
            request,
            _("You follow %(topic)s: new items come in your weekly mail.") % {"topic": topic.name},
        )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("distribution:following")


@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in needed: the signed token names the person. GET asks, POST unsubscribes."""
    person = links.person_of_token(token)
    if person is None:
        raise Http404
    if request.method == "POST":
        services.unsubscribe_from_digest(person=person)
        return render(request, "knowledge/distribution/unsubscribed.html")
    return render(request, "knowledge/distribution/unsubscribe.html", {"token": token})
