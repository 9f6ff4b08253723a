from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from atelier.academy.demo import load_demo_academy
from atelier.academy.demo.case_canvases import add_case_journeys
from atelier.academy.demo.impact import load_demo_impact
from atelier.academy.demo.workshop_canvases import link_demo_workshop_canvases
from atelier.accounts.models import Role, User
from atelier.advice.demo import load_demo_advice
from atelier.companies.demo import load_demo_companies
from atelier.demo.people import DEMO_PASSWORD, load_demo_intermunicipals, load_demo_people
from atelier.fees.demo import load_demo_fees
from atelier.governance.demo import load_demo_governance
from atelier.guidance.demo import load_demo_guidance
from atelier.home.demo import load_demo_home
from atelier.knowledge.demo import load_demo_knowledge
from atelier.library.demo import load_demo_library
from atelier.members.reference_data import load_flemish_registry
from atelier.projects.demo import load_demo_workspace
from atelier.search.indexing import rebuild as rebuild_search_index


class Command(BaseCommand):
    help = "Load the registry and the demo people; running it again duplicates nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_flemish_registry()
        load_demo_intermunicipals()
        companies = load_demo_companies()  # profiles and participants, and 45 more
        people = load_demo_people()
        governance = load_demo_governance()
        administrator = User.objects.filter(role=Role.ADMINISTRATOR).order_by("pk").first()
        fee_run = administrator and load_demo_fees(year=timezone.localdate().year, by=administrator)
        academy = load_demo_academy(today=timezone.localdate())
        workspace = load_demo_workspace()  # needs the Geel people of load_demo_people
        link_demo_workshop_canvases()  # the workshop's slides show the project's canvases
        guidance = load_demo_guidance()  # needs the workspace project and the academy cohort
        knowledge = load_demo_knowledge()  # needs the demo trainer as author
        advice = load_demo_advice(today=timezone.localdate())
        library = load_demo_library(today=timezone.localdate())
        impact = load_demo_impact(today=timezone.localdate())  # needs Lennik's first round
        add_case_journeys()  # Lennik's and Izegem's slides draw their projects' journeys
        home = load_demo_home(today=timezone.localdate())  # last: notifies what falls due
        indexed = rebuild_search_index()  # after every loader: some of them bulk-create rows
        self.stdout.write(
            f"Registry: {counts.current_municipalities} municipalities in force "
            f"({counts.municipalities} with history), {counts.ocmws} OCMWs, "
            f"{companies} intermunicipal companies, {counts.figures} population figures."
        )
        if fee_run:
            self.stdout.write(f"Fees: fee run {fee_run.year}, issued, total {fee_run.total} EUR.")
        self.stdout.write(
            f"Governance: {governance.bodies} bodies, {governance.mandates} mandates, "
            f"{governance.meetings} meeting(s)."
        )
        self.stdout.write(f"Academy: {academy}")
        self.stdout.write(f"Workspace: {workspace}")
        self.stdout.write(f"Guidance: {guidance}")
        self.stdout.write(f"Knowledge: {knowledge}")
        self.stdout.write(f"Advice desk: {advice}")
        self.stdout.write(f"Library: {library}")
        self.stdout.write(f"Impact: {impact}")
        self.stdout.write(f"Homes: {home}")
        self.stdout.write(f"Search: {indexed} documents indexed.")
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for person in people:
            self.stdout.write(f"  {person.email:40} {person.role}")
