from django.db import transaction

from atelier.accounts.models import User

from .models import StartHereDismissal


@transaction.atomic
def dismiss_start_here(*, person: User) -> None:
    """Hides the "start here" steps on the person's home page (twice is the same as once)."""
    StartHereDismissal.objects.get_or_create(person=person)


@transaction.atomic
def show_start_here(*, person: User) -> None:
    """Brings the "start here" steps back."""
    StartHereDismissal.objects.filter(person=person).delete()
