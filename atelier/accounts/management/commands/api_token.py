from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from atelier.accounts.models import User
from atelier.accounts.services import create_api_token


class Command(BaseCommand):
    help = "Create an API token for a person and print it (it is shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--name", default="command line")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["email"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active person with e-mail address {options['email']}.")
        _token, secret = create_api_token(user=user, name=options["name"])
        self.stdout.write(secret)
