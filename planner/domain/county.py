"""Plain data of one county's ledger.

These objects cross threads and module boundaries (optimizer, scenarios,
import/export, reports) where a live database session must not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planner.domain.vocabulary import CATEGORY_WORDS, KIND_WORDS, KIND_ZH, TOWNSHIP_TYPE_WORDS
from planner.domain.workload import WorkParams

# The codes, in the order shown everywhere; their words are in planner.domain.vocabulary.
KINDS: tuple[str, ...] = tuple(KIND_WORDS)
KIND_LABELS: dict[str, str] = KIND_ZH  # 行政 / 事业 / 工勤; the vocabulary's own table, under its older name
TOWNSHIP_TYPES: tuple[str, ...] = tuple(TOWNSHIP_TYPE_WORDS)
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_WORDS)


class QuotaFigures:
    """空编 and 超编 of anything with `approved` and `staff`: defined once for every view."""

    approved: int
    staff: int

    @property
    def vacancy(self) -> int:
        """空编: approved − staff when positive."""
        return max(0, self.approved - self.staff)

    @property
    def over_quota(self) -> int:
        """超编: staff − approved when positive."""
        return max(0, self.staff - self.approved)


@dataclass
class QuotaData(QuotaFigures):
    kind: str
    approved: int
    staff: int
    leadership: int = 0


@dataclass
class OfficeData:
    name: str
    kind: str


@dataclass
class DutyData:
    office: str
    name: str
    annual_volume: float = 0.0
    minutes_per_case: float = 0.0
    fixed_hours: float = 0.0
    needs_backup: bool = True


@dataclass
class PersonData:
    name: str
    kind: str
    office: str | None = None
    quota_since: date | None = None


@dataclass
class TownshipData:
    name: str
    type: str = "镇"
    category: str = "二类"
    population: int = 0
    area_km2: float = 0.0
    villages: int = 0
    locked: bool = False
    quotas: dict[str, QuotaData] = field(default_factory=dict)
    offices: list[OfficeData] = field(default_factory=list)
    duties: list[DutyData] = field(default_factory=list)
    people: list[PersonData] = field(default_factory=list)

    def quota(self, kind: str) -> QuotaData:
        """The quota line of a kind; a township without one has zero of it."""
        return self.quotas.get(kind) or QuotaData(kind, 0, 0, 0)

    def office_kinds(self) -> dict[str, str]:
        return {o.name: o.kind for o in self.offices}

    def duty_kind(self, duty: DutyData) -> str:
        return self.office_kinds()[duty.office]

    def duties_of_kind(self, kind: str) -> list[DutyData]:
        kinds = self.office_kinds()
        return [d for d in self.duties if kinds.get(d.office) == kind]


@dataclass
class CountyData:
    name: str = "示范县"
    params: WorkParams = field(default_factory=WorkParams)
    townships: list[TownshipData] = field(default_factory=list)

    def township(self, name: str) -> TownshipData:
        for t in self.townships:
            if t.name == name:
                return t
        raise KeyError(name)
