"""What the time ledger may hold: people's dates, hiring plans, pool loans, their parameters.

Each check returns (field, Chinese, English) findings so that the workbook
import can tie them to a sheet, row and column and a single edit can refuse
itself with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from planner.domain.county import (
    KINDS, CountyData, HiringPlanData, PersonData, PoolLoanData, TimeParams, TownshipData,
)
from planner.domain.months import Month
from planner.domain.retirement import SEXES, STATUSES
from planner.domain.vocabulary import kind_label

MIN_AGE_YEARS, MAX_AGE_YEARS = 16, 70

# field -> (lowest, highest, Chinese label of the 参数 row)
TIME_PARAMETER_RANGES: dict[str, tuple[int, int, str]] = {
    "pool_administrative": (0, 10_000, "周转池行政"),
    "pool_institutional": (0, 10_000, "周转池事业"),
    "pool_support": (0, 10_000, "周转池工勤"),
    "pool_term_years": (1, 10, "周转期限(年)"),
    "horizon_years": (1, 20, "规划年限"),
    "plan_start_year": (2000, 2100, "规划起始年"),
}

Finding = tuple[str, str, str]   # (field, zh, en)


def time_param_problems(params: TimeParams, lang: str = "zh") -> list[str]:
    en = lang == "en"
    found = []
    for f in fields(params):
        value = getattr(params, f.name)
        if value is None and f.name == "plan_start_year":
            continue
        low, high, label = TIME_PARAMETER_RANGES[f.name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            found.append(f"{f.name}: {value!r} is not a whole number from {low} to {high}" if en
                         else f"{label} ({f.name}): {value!r} 应为 {low}–{high} 之间的整数")
    return found


def person_findings(person: PersonData, today: Month) -> list[Finding]:
    """Sex, status and birth month of one person; birth gives an age of 16–70 at `today`."""
    found: list[Finding] = []
    if person.sex is not None and person.sex not in SEXES:
        found.append(("sex", f"性别应为 男 / 女，实为“{person.sex}”", f"sex must be 男 / 女, got \"{person.sex}\""))
    if person.status not in STATUSES:
        found.append(("status", f"身份应为 干部 / 工人，实为“{person.status}”",
                      f"status must be 干部 (cadre) / 工人 (worker), got \"{person.status}\""))
    birth = person.birth_month
    if birth is not None:
        if birth > today:
            found.append(("birth_month", f"出生年月 {birth} 晚于今天", f"birth month {birth} is in the future"))
        else:
            years = today.minus(birth) // 12
            if not MIN_AGE_YEARS <= years <= MAX_AGE_YEARS:
                found.append(("birth_month",
                              f"出生年月 {birth} 对应年龄 {years} 岁，不在 {MIN_AGE_YEARS}–{MAX_AGE_YEARS} 岁之间",
                              f"birth month {birth} gives an age of {years}, not {MIN_AGE_YEARS}–{MAX_AGE_YEARS}"))
    return found


def loan_findings(loan: PoolLoanData, params: TimeParams) -> list[Finding]:
    """A loan's term within pool_term_years, due after its start, returns within the loan."""
    found: list[Finding] = []
    if loan.slots < 1:
        found.append(("slots", "借用数至少为 1", "a loan lends at least 1 slot"))
    term = loan.due.minus(loan.start)
    if term <= 0:
        found.append(("due", f"到期年月 {loan.due} 不晚于起始年月 {loan.start}",
                      f"due month {loan.due} is not after the start {loan.start}"))
    elif term > params.pool_term_years * 12:
        found.append(("due", f"借用期 {term} 个月，超过周转期限 {params.pool_term_years} 年",
                      f"a term of {term} months exceeds the pool term of {params.pool_term_years} years"))
    if loan.returned < 0 or loan.returned > loan.slots:
        found.append(("returned", f"已归还 {loan.returned} 超过借用数 {loan.slots}",
                      f"{loan.returned} returned exceeds the {loan.slots} slots lent"))
    return found


def hiring_findings(township: TownshipData, kind: str) -> list[Finding]:
    """Planned hires of a kind not yet used may not exceed the township's vacancy of it."""
    pending, vacancy = township.pending_hires(kind), township.quota(kind).vacancy
    if pending <= vacancy:
        return []
    label = kind_label(kind, long=True)
    return [("planned", f"“{township.name}”{label}计划进人未用 {pending} 人，超过空编 {vacancy}",
             f"\"{township.name}\": {pending} planned {kind} hires not yet used exceed the vacancy of {vacancy}")]


def hiring_line_findings(plan: HiringPlanData) -> list[Finding]:
    if plan.hired > plan.planned:
        return [("hired", f"已进人数 {plan.hired} 超过计划进人数 {plan.planned}",
                 f"{plan.hired} hired exceeds the {plan.planned} planned")]
    return []


def loan_to_usable_vacancy(township: TownshipData, loan: PoolLoanData) -> Finding | None:
    """A warning: a township with usable vacancy of the kind should not borrow it."""
    usable = township.usable_vacancy(loan.kind)
    if usable <= 0 or loan.outstanding <= 0:
        return None
    label = kind_label(loan.kind, long=True)
    return ("township", f"“{township.name}”尚有可用{label} {usable} 个，按规定不应借用周转池",
            f"\"{township.name}\" still has {usable} usable {loan.kind} slots and should not borrow from the pool")


def pool_overdrawn(county: CountyData) -> list[tuple[str, str, str]]:
    """(kind, zh, en) for each kind whose outstanding loans exceed the county's pool."""
    found = []
    for kind in KINDS:
        lent = sum(t.pool_slots(kind) for t in county.townships)
        pool = county.time.pool(kind)
        if lent > pool:
            label = kind_label(kind)
            found.append((kind, f"周转池{label}借出未还 {lent} 个，超过县级周转池 {pool} 个",
                          f"{lent} {kind} pool slots on loan exceed the county's pool of {pool}"))
    return found


@dataclass(frozen=True)
class RosterGap:
    """A township whose people on file do not match the ledger's staff of a kind."""

    township: str
    kind: str
    staff: int
    people: int

    def message(self, lang: str = "zh") -> str:
        if lang == "en":
            return (f"{self.township}: the ledger has {self.staff} {self.kind} staff "
                    f"but {self.people} people on file")
        return f"{self.township}：{kind_label(self.kind, long=True)}实有 {self.staff} 人，人员名册 {self.people} 人，不一致"


def roster_gaps(county: CountyData) -> list[RosterGap]:
    """Staff count vs people on file per township and kind; townships with no people at all are
    skipped (a ledger may keep no roster)."""
    staff, people = {}, {}
    for t in county.townships:
        for kind, q in t.quotas.items():
            staff[(t.name, kind)] = q.staff
        for p in t.people:
            people[(t.name, p.kind)] = people.get((t.name, p.kind), 0) + 1
    return roster_gaps_of_counts([t.name for t in county.townships], staff, people)


def roster_gaps_of_counts(townships: list[str], staff: dict[tuple[str, str], int],
                          people: dict[tuple[str, str], int]) -> list[RosterGap]:
    """The same check on counts per (township, kind), for callers that count in SQL."""
    with_people = {name for name, _ in people}
    gaps = []
    for name in townships:
        if name not in with_people:
            continue
        for kind in KINDS:
            on_file, ledger = people.get((name, kind), 0), staff.get((name, kind), 0)
            if on_file != ledger:
                gaps.append(RosterGap(name, kind, ledger, on_file))
    return gaps
