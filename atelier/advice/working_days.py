"""Working days of the advice desk: weekends, Belgian legal holidays, the Flemish holiday of
11 July and the closing days staff set are skipped (DOMAIN §1b)."""

import datetime
from collections.abc import Iterable

import holidays

FLEMISH_HOLIDAY = (7, 11)  # the Day of the Flemish Community


def legal_holidays(years: Iterable[int]) -> set[datetime.date]:
    """Belgian legal holidays and 11 July of the given years."""
    years = sorted(set(years))
    days = set(holidays.country_holidays("BE", years=years))
    days |= {datetime.date(year, *FLEMISH_HOLIDAY) for year in years}
    return days


def closing_days(start: datetime.date, end: datetime.date) -> set[datetime.date]:
    from .models import ClosingDay

    return set(
        ClosingDay.objects.filter(day__gte=start, day__lte=end).values_list("day", flat=True)
    )


class Calendar:
    """The desk's days off between two dates, read once (legal holidays and closing days)."""

    def __init__(self, start: datetime.date, end: datetime.date, closed: set[datetime.date]):
        self.days_off = legal_holidays(range(start.year, end.year + 1)) | closed

    @classmethod
    def around(cls, start: datetime.date, end: datetime.date) -> "Calendar":
        return cls(start, end, closing_days(start, end))

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.days_off

    def add(self, start: datetime.date, days: int) -> datetime.date:
        """The `days`-th working day after `start` (the day of asking does not count)."""
        day, counted = start, 0
        while counted < days:
            day += datetime.timedelta(days=1)
            counted += self.is_working_day(day)
        return day

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end` (0 on the same day)."""
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The promised day: `days` working days after `start`, closing days read from the table."""
    # A generous window: even long closures keep the answer within a few months.
    horizon = start + datetime.timedelta(days=days * 3 + 120)
    return Calendar.around(start, horizon).add(start, days)
