"""What the URL walk's table is written with (shared by tests/test_url_walk.py and its parts)."""

from dataclasses import dataclass

from django.urls import reverse

MEMBERS = ("participant", "outsider", "coordinator", "expert")
STAFF = ("trainer", "administrator", "superuser")
ROLES = ("anonymous", *MEMBERS, *STAFF)


@dataclass(frozen=True)
class Redirect:
    """A 302 to a URL name, or to a path with "{request_path}" and path values filled in."""

    to: str

    def location(self, values: dict[str, str]) -> str:
        if self.to.startswith(("/", "{")):
            return self.to.format(**values)
        return reverse(self.to)


Answer = int | Redirect

OK = 200
TO_LOGIN = Redirect("account_login")
TO_HOME = Redirect("home")


def answers(anonymous: Answer, members: Answer, staff: Answer, **by_role: Answer):
    """What the anonymous visitor, the members (non-staff) and the staff each get."""
    table = {"anonymous": anonymous} | dict.fromkeys(MEMBERS, members)
    return table | dict.fromkeys(STAFF, staff) | by_role


PUBLIC = answers(OK, OK, OK)
SIGNED_IN = answers(TO_LOGIN, OK, OK)
SIGNED_IN_POST_ONLY = answers(TO_LOGIN, 405, 405)
STAFF_ONLY = answers(TO_LOGIN, 403, OK)
ADMINISTRATORS_ONLY = answers(TO_LOGIN, 403, OK, trainer=403)
PROJECT_READ = answers(TO_LOGIN, OK, OK, outsider=404, expert=404)
PROJECT_WRITE = answers(TO_LOGIN, OK, 403, outsider=404, expert=404)
PROJECT_POST_ONLY = answers(TO_LOGIN, 405, 405, outsider=404, expert=404)
API_NO_GET = answers(405, 405, 405)
