"""Production settings pass Django's deployment checks; the first administrator can be made."""

import secrets
import string

import pytest
from django.core.management import call_command

from atelier.accounts.models import Role, User

from .manage_process import manage

PRODUCTION = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "atelier.example.org",
    "HTTPS": "true",
    "REQUIRE_STAFF_MFA": "true",
}


def random_secret_key() -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(50))


def test_deploy_check_is_clean_with_the_production_values():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=random_secret_key(), **PRODUCTION
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "ERRORS" not in output


def test_deploy_check_flags_the_development_key():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="", **PRODUCTION)

    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_deploy_check_flags_plain_http():
    production_without_https = {**PRODUCTION, "HTTPS": "false"}

    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=random_secret_key(),
        **production_without_https,
    )

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "security.W008" in output  # SECURE_SSL_REDIRECT
    assert "security.W012" in output  # SESSION_COOKIE_SECURE


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DEBUG": "false", "REQUIRE_STAFF_MFA": ""}, "True"),
        ({"DEBUG": "true", "REQUIRE_STAFF_MFA": ""}, "False"),
        ({"DEBUG": "true", "REQUIRE_STAFF_MFA": "true"}, "True"),
    ],
)
def test_staff_second_factor_is_required_unless_debugging(env, expected):
    code = "from django.conf import settings; print(settings.REQUIRE_STAFF_MFA)"

    result = manage("shell", "--no-imports", "-c", code, **env)

    assert result.stdout.strip() == expected, result.stderr


def test_createsuperuser_without_prompts_makes_an_administrator(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "Root@Example.org")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-enough-root-password")

    call_command("createsuperuser", interactive=False, verbosity=0)

    root = User.objects.get()
    assert root.email == "root@example.org"
    assert root.check_password("a-long-enough-root-password")
    assert (root.is_superuser, root.is_staff, root.role) == (True, True, Role.ADMINISTRATOR)
    assert root.is_administrator


def test_postgresql_connections_come_from_a_pool_sized_by_the_environment():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['CONN_MAX_AGE'], d['OPTIONS']['pool']['min_size'], "
        "d['OPTIONS']['pool']['max_size'])",
        DATABASE_URL="postgres://atelier@db.invalid:5432/atelier",
        DATABASE_POOL_MIN="1",
        DATABASE_POOL_MAX="3",
        DATABASE_CONN_MAX_AGE="60",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["0", "1", "3"]
