"""The sentence each kind of notification reads as, filled in the reader's language."""

import datetime
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .models import Kind

TEXTS = {
    Kind.INVITED: _("%(by)s added you to the team of “%(project)s”."),
    Kind.MENTIONED: _("%(by)s mentioned you in “%(place)s”."),
    Kind.REVIEW_ASSIGNED: _("Your team reviews %(team)s for the milestone “%(milestone)s”."),
    Kind.REVIEW_RECEIVED: _("%(team)s reviewed your team's work for “%(milestone)s”."),
    Kind.MILESTONE_DUE: _("The milestone “%(milestone)s” is due on %(due)s."),
    Kind.ENROLMENT_CONFIRMED: _("Your seat in “%(course)s” is confirmed."),
    Kind.ENROLMENT_PROMOTED: _("A seat came free: you are now enrolled in “%(course)s”."),
    Kind.SESSION_TOMORROW: _("“%(course)s” has a session tomorrow, %(starts)s."),
    Kind.INVOICE_ISSUED: _("Invoice %(number)s of € %(amount)s was issued to %(member)s."),
    Kind.INVOICE_OVERDUE: _(
        "Invoice %(number)s of € %(amount)s to %(member)s was due on %(due)s and is unpaid."
    ),
    Kind.QUESTION_ANSWERED: _("Your question “%(question)s” has been answered."),
    Kind.QUESTION_WAITING: _("The advice desk needs more from you on “%(question)s”."),
    Kind.QUESTION_ASSIGNED: _("The question “%(question)s” was assigned to you."),
    Kind.QUESTION_REPLIED: _("%(by)s replied on the question “%(question)s”."),
    Kind.SHARE_LINK_EXPIRING: _("The share link of “%(canvas)s” expires on %(expires)s."),
    Kind.MATURITY_INVITED: _(
        "%(by)s asks you to answer the maturity survey “%(round)s” (anonymous results)."
    ),
}

# Parameters stored as ISO dates or date-times, shown in the reader's date format.
DATE_PARAMS = frozenset({"due", "expires"})
DATETIME_PARAMS = frozenset({"starts"})
# Parameters stored as decimal strings, shown with the reader's separators.
AMOUNT_PARAMS = frozenset({"amount"})


def _shown(name: str, value: Any) -> Any:
    if name in AMOUNT_PARAMS and isinstance(value, str):
        return formats.number_format(Decimal(value), 2, use_l10n=True, force_grouping=True)
    if name in DATE_PARAMS and isinstance(value, str):
        return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    if name in DATETIME_PARAMS and isinstance(value, str):
        return formats.date_format(datetime.datetime.fromisoformat(value), "DATETIME_FORMAT")
    return value


def text_of(kind: str, params: dict[str, Any]) -> str:
    """The notification's sentence in the active language (blank parameters if missing)."""
    if kind not in Kind.values:
        return kind
    template = str(TEXTS[Kind(kind)])
    shown = {name: _shown(name, value) for name, value in params.items()}
    try:
        return template % shown
    except (KeyError, TypeError, ValueError):
        return str(Kind(kind).label).capitalize()
