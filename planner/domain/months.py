"""Calendar months, the grain of every date in the time ledger.

Birth months, retirements, planned leaves and pool loans are all kept to the
month ("YYYY-MM"), as personnel files and the retirement table keep them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

_MONTH_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\s*(\d{1,2})\s*日?)?$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1–12")

    @property
    def index(self) -> int:
        """Months since January of year 0: differences of months are differences of this."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> "Month":
        return cls(index // 12, index % 12 + 1)

    @classmethod
    def of(cls, day: date | datetime) -> "Month":
        return cls(day.year, day.month)

    @classmethod
    def today(cls) -> "Month":
        return cls.of(date.today())

    def plus(self, months: int) -> "Month":
        return Month.from_index(self.index + months)

    def minus(self, other: "Month") -> int:
        """Whole months from `other` to this month."""
        return self.index - other.index

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, value: object) -> "Month":
        """A month from `YYYY-MM`, `YYYY年MM月`, `YYYY.MM`, `YYYYMM`, a full date or a date cell.

        Raises ValueError when it names no month.
        """
        if isinstance(value, Month):
            return value
        if isinstance(value, (date, datetime)):
            return cls.of(value)
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if re.fullmatch(r"\d{6}", text):
            return cls(int(text[:4]), int(text[4:]))
        match = _MONTH_TEXT.match(text)
        if not match:
            raise ValueError(f"not a month: {value!r}")
        if match[3] is not None:
            date(int(match[1]), int(match[2]), int(match[3]))  # a full date must be a real day
        return cls(int(match[1]), int(match[2]))


def month_or_none(value: object) -> Month | None:
    """Month.parse for stored text that may be empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return Month.parse(value)


def month_text(value: Month | None) -> str | None:
    return None if value is None else str(value)
