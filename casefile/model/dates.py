"""Partial dates: a year, a year and month, or a day, with a qualifier.

Stored as ISO text ("2013", "2013-08", "2013-08-05"), which sorts correctly as
text: within a year, a bare year sorts before its months, a month before its days.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ..errors import InvalidInput
from ..i18n import translate

QUALIFIERS = ("exact", "approximate", "unknown")

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")  # whole strings: fullmatch

_MONTHS = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # Spanish
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4,
    "mayo": 5, "junio": 6, "julio": 7, "ago": 8, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "dic": 12, "diciembre": 12,
}
_WORDS = re.compile(r"[^\W\d_]+|\d+")
_FILLER = {"de", "del", "of", "the", "el"}


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        if not 1 <= self.year <= 9999:
            raise InvalidInput(translate("Dates", "year out of range"))
        if self.month is None and self.day is not None:
            raise InvalidInput(translate("Dates", "a day needs a month"))
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidInput(translate("Dates", "month must be 1 to 12"))
        if self.day is not None and self.month is not None:  # a day without a month was refused above
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidInput(translate("Dates", "no such day in that month"))

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @classmethod
    def from_iso(cls, text: str | None) -> PartialDate | None:
        if not text:
            return None
        m = _ISO.fullmatch(text.strip())
        if not m:
            raise InvalidInput(translate("Dates", "not a date: use 2013, 2013-08 or 2013-08-05"))
        year, month, day = m.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """Read what a documenter types: 2013, 2013-08, 5/8/2013, Aug 2013,
        5 Aug 2013, 5 de agosto de 2013. Day-first for numeric dates."""
        text = text.strip()
        if not text:
            return None
        if _ISO.fullmatch(text):
            return cls.from_iso(text)
        numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
        if numeric:
            d, m, y = (int(g) for g in numeric.groups())
            return cls(y, m, d)
        numeric = re.fullmatch(r"(\d{1,2})[/.](\d{4})", text)
        if numeric:
            m, y = (int(g) for g in numeric.groups())
            return cls(y, m)
        year = month = day = None
        for word in _WORDS.findall(text.lower()):
            if word.isdigit():
                if len(word) == 4 and year is None:
                    year = int(word)
                elif len(word) <= 2 and day is None:
                    day = int(word)
                else:
                    break
            elif word.rstrip(".") in _MONTHS and month is None:
                month = _MONTHS[word.rstrip(".")]
            elif word not in _FILLER:
                break
        else:
            if year is not None and (day is None or month is not None):
                return cls(year, month, day)
        raise InvalidInput(translate("Dates", "not a date: try 2013, Aug 2013 or 5 de agosto de 2013"))


def describe(value: PartialDate | None, qualifier: str = "exact") -> str:
    """A date in words with its precision: "about August 2013", "5 August 2013"."""
    if value is None or qualifier == "unknown":
        return translate("Dates", "date unknown")
    months = [
        translate("Dates", "January"), translate("Dates", "February"),
        translate("Dates", "March"), translate("Dates", "April"),
        translate("Dates", "May"), translate("Dates", "June"),
        translate("Dates", "July"), translate("Dates", "August"),
        translate("Dates", "September"), translate("Dates", "October"),
        translate("Dates", "November"), translate("Dates", "December"),
    ]
    if value.day and value.month:
        text = translate("Dates", "{day} {month} {year}").format(
            day=value.day, month=months[value.month - 1], year=value.year)
    elif value.month:
        text = translate("Dates", "{month} {year}").format(month=months[value.month - 1], year=value.year)
    else:
        text = str(value.year)
    if qualifier == "approximate":
        text = translate("Dates", "about {date}").format(date=text)
    return text
