"""Who hears of an event that concerns a whole organisation."""

from collections import defaultdict

from atelier.accounts.models import Role, User


def coordinators_of(organisation_ids: set[int]) -> dict[int, list[User]]:
    """The active coordinators of each organisation, in one query."""
    coordinators: dict[int, list[User]] = defaultdict(list)
    people = User.objects.filter(
        role=Role.COORDINATOR, is_active=True, organisation_id__in=organisation_ids
    )
    for person in people:
        coordinators[person.organisation_id].append(person)  # type: ignore[index]
    return dict(coordinators)
