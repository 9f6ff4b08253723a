from typing import Any

from django.core.management.base import BaseCommand

from atelier.demo.people import DEMO_PASSWORD, load_demo_intermunicipals, load_demo_people
from atelier.members.reference_data import load_flemish_registry


class Command(BaseCommand):
    help = "Load the registry and the demo people; running it again duplicates nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_flemish_registry()
        companies = load_demo_intermunicipals()
        people = load_demo_people()
        self.stdout.write(
            f"Registry: {counts.current_municipalities} municipalities in force "
            f"({counts.municipalities} with history), {counts.ocmws} OCMWs, "
            f"{companies} intermunicipal companies, {counts.figures} population figures."
        )
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for person in people:
            self.stdout.write(f"  {person.email:40} {person.role}")
