"""Who may find which index entry, as a condition on the index table.

The same rules as the pages: knowledge audiences from `knowledge.access.audiences_for`
(staff all, people of a member organisation the members' too, everyone else the
public); drafts for staff only; a project and its canvases for its team and its
organisation's coordinators (`projects.access`), and for staff.
"""

from typing import Any

from django.db import connection
from django.db.models import Q

from atelier.accounts.models import Role, User
from atelier.knowledge.access import audiences_for
from atelier.projects.models import ProjectMember

from .models import SearchDocument, Visibility


def visible_q(user: User | None) -> Q:
    if user is not None and user.is_authenticated and user.is_active and user.is_association_staff:
        return Q()
    visible = Q(visibility__in=audiences_for(user), is_published=True)
    if user is None or not user.is_authenticated or not user.is_active:
        return visible
    team = Q(project_id__in=ProjectMember.objects.filter(user=user).values("project_id"))
    if user.role == Role.COORDINATOR and user.organisation_id:
        team |= Q(organisation_id=user.organisation_id)
    return visible | (Q(visibility=Visibility.TEAM) & team)


def visible_where(user: User | None) -> tuple[str, list[Any]]:
    """The condition as SQL on search_searchdocument, for the engines' own queries."""
    query = SearchDocument.objects.filter(visible_q(user)).query
    if not query.where:
        return "1 = 1", []
    compiler = query.get_compiler(connection=connection)
    sql, params = query.where.as_sql(compiler, connection)
    return sql, list(params)
