"""The results page and the suggestions under the header's search box."""

from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from atelier.accounts.models import User

from . import engine
from .models import DocumentType
from .selectors import Hit, SearchFilters, labelled_facets, search
from .selectors import facets as count_facets

PAGE_SIZE = 20
PER_GROUP = 5
SUGGESTIONS = 6
MAX_QUERY = 200


class ResultWindow:
    """One page of hits, sized as the whole result, so Django's paginator can page it."""

    def __init__(self, hits: list[Hit], total: int) -> None:
        self.hits, self.total = hits, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[Hit]:
        return self.hits


def _person(request: HttpRequest) -> User | None:
    return cast(User, request.user) if request.user.is_authenticated else None


def _filters(request: HttpRequest) -> SearchFilters:
    return SearchFilters.clean(
        types=request.GET.getlist("type"),
        topics=request.GET.getlist("topic"),
        kinds=request.GET.getlist("kind"),
        years=request.GET.getlist("year"),
        audiences=request.GET.getlist("audience"),
    )


def _page(request: HttpRequest, q: str, filters: SearchFilters) -> Page:
    asked = request.GET.get("page", "1")
    number = int(asked) if asked.isdigit() and 0 < int(asked) < 10_000 else 1
    offset = (number - 1) * PAGE_SIZE
    found = search(_person(request), q, limit=PAGE_SIZE, offset=offset, **filters.as_arguments())
    return Paginator(cast(Any, ResultWindow(found.hits, found.count)), PAGE_SIZE).get_page(number)


def _groups(
    request: HttpRequest, q: str, filters: SearchFilters, type_counts: list[tuple[Any, int]]
) -> list[dict[str, Any]]:
    """Without a type chosen: the best few of every type that has matches."""
    labels = dict(DocumentType.choices)
    groups = []
    arguments = filters.as_arguments()
    for doc_type, total in type_counts:
        arguments["types"] = [doc_type]
        found = search(_person(request), q, limit=PER_GROUP, **arguments)
        groups.append(
            {"type": doc_type, "label": labels[doc_type], "count": total, "hits": found.hits}
        )
    return groups


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:MAX_QUERY].strip()
    filters = _filters(request)
    context: dict[str, Any] = {"q": q, "filters": filters}
    if q:
        counted = count_facets(_person(request), q, **filters.as_arguments())
        context["facets"] = labelled_facets(counted, filters)
        type_counts = counted.get("types", [])
        chosen = [(doc_type, total) for doc_type, total in type_counts if doc_type in filters.types]
        context["total"] = sum(total for _, total in (chosen if filters.types else type_counts))
        context["capped"], context["cap"] = counted.capped, engine.CAP
        if filters.types:
            context["page"] = _page(request, q, filters)
            query = request.GET.copy()
            query.pop("page", None)
            context["query"] = query.urlencode()
        else:
            context["groups"] = _groups(request, q, filters, type_counts)
    return render(request, "search/results.html", context)


@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:MAX_QUERY].strip()
    hits = (
        search(_person(request), q, limit=SUGGESTIONS, snippets=False).hits if len(q) >= 2 else []
    )
    labels = dict(DocumentType.choices)
    context = {"q": q, "hits": [(hit, labels[hit.doc_type]) for hit in hits]}
    return render(request, "search/suggestions.html", context)
