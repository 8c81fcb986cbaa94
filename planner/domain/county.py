"""Plain data of one county's ledger.

These objects cross threads and module boundaries (optimizer, scenarios,
import/export, reports) where a live database session must not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planner.domain.months import Month
from planner.domain.posts import PostData
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


def usable_vacancy(vacancy: int, pending_hires: int) -> int:
    """可用编制: vacancy less the planned hires not yet used (a promised slot is not free to move).

    The one definition of the figure; the window, the command line and exports read it
    through TownshipData.usable_vacancy or a row's `usable_vacancy`.
    """
    return max(0, vacancy - pending_hires)


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
    backup_office: str | None = None     # 备岗机构: the office that stands in for this one (岗位AB岗)


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
    sex: str | None = None               # 男 / 女; unknown on older ledgers
    birth_month: Month | None = None
    status: str = "干部"                  # 干部 (cadre) / 工人 (worker): which retirement age applies
    leader: bool = False                 # holds a leadership post
    planned_leave: Month | None = None   # a known transfer or resignation


@dataclass
class HiringPlanData:
    """用编进人计划: slots of a township's vacancy approved for hiring in a year."""

    kind: str
    year: int
    planned: int
    hired: int = 0

    @property
    def pending(self) -> int:
        """Planned hires not yet used: promised slots that are not free to move."""
        return max(0, self.planned - self.hired)


@dataclass
class PoolLoanData:
    """Slots of the county's revolving pool (编制周转池) on loan to a township."""

    kind: str
    slots: int
    start: Month
    due: Month
    returned: int = 0

    @property
    def outstanding(self) -> int:
        return max(0, self.slots - self.returned)


@dataclass(frozen=True)
class TimeParams:
    """The county's revolving pool and the multi-year plan's span."""

    pool_administrative: int = 0
    pool_institutional: int = 0
    pool_support: int = 0
    pool_term_years: int = 3
    horizon_years: int = 5
    plan_start_year: int | None = None   # None: the calendar year after today

    def pool(self, kind: str) -> int:
        return getattr(self, f"pool_{kind}")

    def start_year(self, today: date | None = None) -> int:
        if self.plan_start_year is not None:
            return int(self.plan_start_year)
        return (today or date.today()).year + 1


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
    hiring: list[HiringPlanData] = field(default_factory=list)
    pool_loans: list[PoolLoanData] = field(default_factory=list)
    posts: list[PostData] = field(default_factory=list)      # 岗位设置: the township's own A/B arrangement

    def quota(self, kind: str) -> QuotaData:
        """The quota line of a kind; a township without one has zero of it."""
        return self.quotas.get(kind) or QuotaData(kind, 0, 0, 0)

    def pending_hires(self, kind: str) -> int:
        """Planned hires of a kind not yet used, over every plan year."""
        return sum(h.pending for h in self.hiring if h.kind == kind)

    def usable_vacancy(self, kind: str) -> int:
        """可用编制 of a kind (see usable_vacancy)."""
        return usable_vacancy(self.quota(kind).vacancy, self.pending_hires(kind))

    def pool_slots(self, kind: str) -> int:
        """Pool slots of a kind on loan to this township now, apart from its approved quota."""
        return sum(loan.outstanding for loan in self.pool_loans if loan.kind == kind)

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
    time: TimeParams = field(default_factory=TimeParams)
    townships: list[TownshipData] = field(default_factory=list)

    def township(self, name: str) -> TownshipData:
        for t in self.townships:
            if t.name == name:
                return t
        raise KeyError(name)
