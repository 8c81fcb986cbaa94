"""What-if scenarios: named lists of changes on top of the ledger, saved in the database.

The baseline ledger is never written by anything here: a scenario is built by
loading the ledger into plain data, copying it and applying the changes
to the copy (`apply_changes` is pure). Only the `scenario` table is written.

Each scenario keeps its last proposal with the fingerprint of the inputs it
was computed from; when the ledger or the scenario's changes move on, the
fingerprint of the current inputs differs and the proposal is stale.

Every function takes the caller's Session and does not commit: the caller's
unit of work (Database.session()) commits or rolls back as a whole.
"""

from __future__ import annotations

import json
import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.domain.county import CountyData, DutyData, OfficeData, QuotaData, TownshipData
from planner.domain.fingerprint import county_fingerprint
from planner.domain.options import SolveOptions
from planner.domain.proposal import Proposal
from planner.store.ledger import load_county
from planner.store.models import Scenario
from planner.scenarios.changes import (
    Band, Change, ChangeProblem, DutyAdded, DutyGrowth, DutyRemoved, Horizon, LibraryBands, LockTownship,
    OptionsDraft, ParamChange, Reserve, ScenarioError, TotalCut,
)
from planner.scenarios.merge import Merge, Split

__all__ = [
    "BASELINE_NAME", "CHANGE_TYPES", "Band", "Change", "DutyAdded", "DutyGrowth", "DutyRemoved", "Horizon",
    "LockTownship", "Merge", "ParamChange", "Reserve", "ScenarioError", "ScenarioRecord", "ScenarioSnapshot",
    "Split", "TotalCut", "apply_changes", "build_scenario_inputs", "change_from_dict", "check_changes",
    "create_scenario",
    "current_fingerprint", "delete_scenario", "dump_changes", "duplicate_scenario", "get_scenario", "is_stale", "list_scenarios",
    "parse_changes", "rename_scenario", "restore_scenario", "save_result", "scenario_problem", "scenario_state",
    "scenario_states", "set_changes", "states_job", "states_job_at",
    "set_description", "unique_name",
]

# The ledger itself, as solve's default scenario; no saved scenario may take the name.
BASELINE_NAME = "基准"
NAME_MAX = 200

CHANGE_TYPES: dict[str, type[Change]] = {
    cls.TYPE: cls for cls in (TotalCut, Reserve, Band, DutyGrowth, DutyAdded, DutyRemoved, ParamChange,
                              LockTownship, Merge, Split, LibraryBands, Horizon)
}


# ---------------------------------------------------------------- (de)serialising
def change_from_dict(data: Any) -> Change:
    """A change from its JSON form; unknown types or fields are refused by name."""
    if not isinstance(data, dict) or "type" not in data:
        raise ScenarioError(f"情景变动格式无效：{data!r} (a scenario change must be an object with a 'type')")
    cls = CHANGE_TYPES.get(data["type"])
    if cls is None:
        raise ScenarioError(f"未知的情景变动类型“{data['type']}” (unknown change type '{data['type']}'; "
                            f"known: {', '.join(CHANGE_TYPES)})")
    known = set(cls.__dataclass_fields__)  # type: ignore[attr-defined]
    extra = set(data) - known - {"type"}
    if extra:
        raise ScenarioError(f"情景变动“{data['type']}”含未知字段 {sorted(extra)} "
                            f"(unknown fields for '{data['type']}')")
    return cls(**{k: v for k, v in data.items() if k != "type"})


def parse_changes(text: str | None) -> list[Change]:
    try:
        raw = json.loads(text or "[]")
    except json.JSONDecodeError as exc:
        raise ScenarioError(f"情景变动不是有效的 JSON：{exc} (changes are not valid JSON)") from None
    if not isinstance(raw, list):
        raise ScenarioError("情景变动应为列表 (changes must be a JSON list)")
    return [change_from_dict(item) for item in raw]


def dump_changes(changes: Iterable[Change]) -> str:
    return json.dumps([c.to_dict() for c in changes], ensure_ascii=False)


def describe_change(change: Change, lang: str = "zh") -> str:
    try:
        return change.describe(lang)
    except Exception:  # a malformed stored change still gets a name in error messages
        return json.dumps(change.to_dict(), ensure_ascii=False)


# ---------------------------------------------------------------- applying
def make_options(draft: OptionsDraft | None = None) -> SolveOptions:
    """SolveOptions holding what the option changes asked for (defaults for the rest)."""
    draft = draft or OptionsDraft()
    return SolveOptions(reserve=dict(draft.reserve), total_cap=dict(draft.total_cap), bands=dict(draft.bands))


def _run(index: int, change: Change, step: Callable[[], None]) -> None:
    try:
        step()
    except ChangeProblem as problem:
        raise ScenarioError(
            f"第 {index} 项变动（{describe_change(change, 'zh')}）：{problem.zh}"
            f" (change {index}, {describe_change(change, 'en')}: {problem.en})") from None
    except (TypeError, ValueError, AttributeError) as exc:  # malformed field values from stored JSON
        raise ScenarioError(
            f"第 {index} 项变动（{describe_change(change, 'zh')}）数据无效：{exc}"
            f" (change {index}, {describe_change(change, 'en')}: invalid data: {exc})") from None


def copy_county(county: CountyData) -> CountyData:
    """A copy sharing nothing mutable with `county` (WorkParams is frozen).

    Written out rather than copy.deepcopy: the window works out the state of
    every scenario after each edit, and this is about ten times faster.
    """
    return CountyData(name=county.name, params=county.params, time=county.time, townships=[
        TownshipData(
            name=t.name, type=t.type, category=t.category, population=t.population, area_km2=t.area_km2,
            villages=t.villages, locked=t.locked,
            quotas={k: QuotaData(q.kind, q.approved, q.staff, q.leadership) for k, q in t.quotas.items()},
            offices=[OfficeData(o.name, o.kind, o.backup_office) for o in t.offices],
            duties=[DutyData(d.office, d.name, d.annual_volume, d.minutes_per_case, d.fixed_hours, d.needs_backup)
                    for d in t.duties],
            people=[dataclasses.replace(p) for p in t.people],
            hiring=[dataclasses.replace(h) for h in t.hiring],
            pool_loans=[dataclasses.replace(loan) for loan in t.pool_loans],
            posts=[dataclasses.replace(p, a_duties=list(p.a_duties), b_duties=list(p.b_duties)) for p in t.posts])
        for t in county.townships])


def check_changes(county: CountyData, changes: Iterable[Change]) -> tuple[CountyData, OptionsDraft]:
    """Apply `changes` to a deep copy of `county`; ScenarioError names the first that does not fit.

    County changes are applied in list order; option changes then read that
    final county (see planner.scenarios.changes). Needs no optimizer.
    """
    changes = list(changes)
    work = copy_county(county)
    for index, change in enumerate(changes, 1):
        if change.COUNTY_CHANGE:
            _run(index, change, lambda: change.apply_county(work))
    draft = OptionsDraft()
    for index, change in enumerate(changes, 1):
        if not change.COUNTY_CHANGE:
            _run(index, change, lambda: change.apply_options(work, draft))
    return work, draft


def apply_changes(county: CountyData, changes: Iterable[Change]):
    """(the scenario's county, its SolveOptions); the baseline `county` is left untouched."""
    work, draft = check_changes(county, changes)
    return work, make_options(draft)


# ---------------------------------------------------------------- storage
@dataclass
class ScenarioRecord:
    """A saved scenario as plain data (safe to hand to another thread or a table model)."""

    id: int
    name: str
    description: str
    changes: list[Change]
    last_result: Proposal | None
    last_fingerprint: str | None
    last_solved_at: datetime | None
    updated_at: datetime | None
    problem: str | None = None  # why the stored changes could not be read, if they could not


@dataclass
class ScenarioSnapshot:
    """Everything a deleted scenario held, so that undo puts it back as it was."""

    name: str
    description: str
    changes_json: str
    last_result_json: str | None
    last_fingerprint: str | None
    last_solved_at: datetime | None
    created_at: datetime | None


def _record(row: Scenario) -> ScenarioRecord:
    problem = None
    try:
        changes = parse_changes(row.changes_json)
    except ScenarioError as exc:
        changes, problem = [], str(exc)  # listed all the same, marked invalid
    proposal = _stored_proposal(row.last_result_json)
    return ScenarioRecord(row.id, row.name, row.description or "", changes, proposal, row.last_fingerprint,
                          row.last_solved_at, row.updated_at, problem)


def _stored_proposal(text: str | None) -> Proposal | None:
    """The last proposal as stored (by this version or an older one); None if none was stored."""
    data = json.loads(text) if text else None
    return Proposal.from_json(data) if isinstance(data, dict) else None


def _row(session: Session, name: str) -> Scenario:
    row = session.scalars(select(Scenario).where(Scenario.name == name)).first()
    if row is None:
        raise ScenarioError(f"情景“{name}”不存在 (no scenario named '{name}')")
    return row


def _checked_name(session: Session, name: str, *, allow: str | None = None) -> str:
    name = str(name).strip()
    if not name:
        raise ScenarioError("情景名称不能为空 (a scenario needs a name)")
    if any(ch in name for ch in "\t\r\n"):
        # The `scenarios` listing is one line per scenario, tab-separated.
        raise ScenarioError("情景名称不能包含制表符或换行 (a scenario name cannot hold tabs or line breaks)")
    if len(name) > NAME_MAX:
        raise ScenarioError(f"情景名称过长（最多 {NAME_MAX} 字） (name longer than {NAME_MAX} characters)")
    if name == BASELINE_NAME:
        raise ScenarioError(f"“{BASELINE_NAME}”指台账本身，不能用作情景名称 "
                            f"('{BASELINE_NAME}' means the ledger itself and cannot name a scenario)")
    if name != allow and session.scalars(select(Scenario.id).where(Scenario.name == name)).first() is not None:
        raise ScenarioError(f"情景“{name}”已存在 (a scenario named '{name}' already exists)")
    return name


def list_scenarios(session: Session) -> list[ScenarioRecord]:
    return [_record(row) for row in session.scalars(select(Scenario).order_by(Scenario.id))]


def get_scenario(session: Session, name: str) -> ScenarioRecord:
    return _record(_row(session, name))


def unique_name(session: Session, base: str) -> str:
    """`base`, or `base (2)`, `base (3)` … whichever is free."""
    taken = set(session.scalars(select(Scenario.name)))
    if base not in taken and base != BASELINE_NAME:
        return base
    n = 2
    while f"{base} ({n})" in taken:
        n += 1
    return f"{base} ({n})"


def validate_changes(session: Session, changes: Iterable[Change]) -> None:
    """Raise ScenarioError unless the changes apply to the current ledger."""
    check_changes(load_county(session, time_ledger=False), changes)


def create_scenario(session: Session, name: str, changes: Iterable[Change] = (), description: str = "",
                    *, validate: bool = True) -> ScenarioRecord:
    changes = list(changes)
    name = _checked_name(session, name)
    if validate:
        validate_changes(session, changes)
    row = Scenario(name=name, description=description, changes_json=dump_changes(changes))
    session.add(row)
    session.flush()
    return _record(row)


def duplicate_scenario(session: Session, name: str, new_name: str | None = None) -> ScenarioRecord:
    """A copy of the changes and description under a new name; the proposal is not copied
    (it is labelled with the old name; the copy is solved on its own)."""
    row = _row(session, name)
    new_name = new_name or unique_name(session, f"{name} 副本")
    return create_scenario(session, new_name, parse_changes(row.changes_json), row.description or "",
                           validate=False)


def rename_scenario(session: Session, name: str, new_name: str) -> str:
    row = _row(session, name)
    new_name = _checked_name(session, new_name, allow=name)
    row.name = new_name
    if row.last_result_json:
        # The stored proposal carries the scenario's name; keep it saying the same as the list.
        proposal = _stored_proposal(row.last_result_json)
        if proposal is not None:
            row.last_result_json = json.dumps(proposal.renamed(new_name).to_json(), ensure_ascii=False)
    row.updated_at = func.current_timestamp()
    session.flush()
    return new_name


def delete_scenario(session: Session, name: str) -> ScenarioSnapshot:
    row = _row(session, name)
    snapshot = ScenarioSnapshot(row.name, row.description or "", row.changes_json, row.last_result_json,
                                row.last_fingerprint, row.last_solved_at, row.created_at)
    session.delete(row)
    session.flush()
    return snapshot


def restore_scenario(session: Session, snapshot: ScenarioSnapshot) -> ScenarioRecord:
    name = _checked_name(session, snapshot.name)
    row = Scenario(name=name, description=snapshot.description, changes_json=snapshot.changes_json,
                   last_result_json=snapshot.last_result_json, last_fingerprint=snapshot.last_fingerprint,
                   last_solved_at=snapshot.last_solved_at)
    if snapshot.created_at is not None:
        row.created_at = snapshot.created_at
    session.add(row)
    session.flush()
    return _record(row)


def set_changes(session: Session, name: str, changes: Iterable[Change], *, validate: bool = True) -> list[Change]:
    """Replace a scenario's changes; returns the old ones (for undo). Invalid changes are refused."""
    changes = list(changes)
    row = _row(session, name)
    if validate:
        validate_changes(session, changes)
    old = parse_changes(row.changes_json)
    row.changes_json = dump_changes(changes)
    row.updated_at = func.current_timestamp()
    session.flush()
    return old


def set_description(session: Session, name: str, description: str) -> str:
    row = _row(session, name)
    old = row.description or ""
    row.description = description
    session.flush()
    return old


def save_result(session: Session, name: str, proposal: Proposal) -> None:
    """Keep `proposal` as the scenario's last proposal, with the fingerprint it was computed from."""
    row = _row(session, name)
    row.last_result_json = json.dumps(proposal.to_json(), ensure_ascii=False)
    row.last_fingerprint = proposal.fingerprint
    row.last_solved_at = datetime.now().replace(microsecond=0)
    session.flush()


# ---------------------------------------------------------------- inputs, staleness, solving
def build_scenario_inputs(session: Session, name: str, *, time_ledger: bool = True):
    """(CountyData, SolveOptions) of a saved scenario on the current ledger.

    `time_ledger=False`: without people, hiring plans, pool loans and posts, which no
    change's check, no fingerprint and no one-year solve reads (the plan does).
    """
    row = _row(session, name)
    return apply_changes(load_county(session, time_ledger=time_ledger), parse_changes(row.changes_json))


def current_fingerprint(session: Session, name: str) -> str | None:
    """Fingerprint of the scenario's inputs now; None when they cannot be built."""
    try:
        county, options = build_scenario_inputs(session, name, time_ledger=False)
    except ScenarioError:
        return None
    return county_fingerprint(county, options)


def _state(county: CountyData, record: ScenarioRecord) -> str:
    if record.problem:
        return "invalid"
    try:
        work, draft = check_changes(county, record.changes)
    except ScenarioError:
        return "invalid"
    if not record.last_fingerprint:
        return "unsolved"
    return "current" if county_fingerprint(work, make_options(draft)) == record.last_fingerprint else "stale"


def scenario_state(session: Session, scenario: str | ScenarioRecord) -> str:
    """"unsolved" (no proposal yet), "current", "stale" (inputs changed since) or
    "invalid" (the changes no longer fit the ledger, e.g. a township was removed)."""
    record = scenario if isinstance(scenario, ScenarioRecord) else get_scenario(session, scenario)
    return _state(load_county(session, time_ledger=False), record)


def scenario_states(session: Session, records: Iterable[ScenarioRecord] | None = None) -> dict[str, str]:
    """scenario_state of many scenarios, reading the ledger once."""
    records = list_scenarios(session) if records is None else list(records)
    if not records:
        return {}
    county = load_county(session, time_ledger=False)
    return {record.name: _state(county, record) for record in records}


def states_job(db, records: list[ScenarioRecord], state=None) -> dict[str, tuple[str, str | None]]:
    """name -> (state, why it cannot be built or None) for `records`; a task for ui.tasks.

    Reading a large ledger and fingerprinting every scenario takes seconds, so the
    window runs this off the GUI thread, with a session of its own.
    """
    with db.session() as session:
        county = load_county(session, time_ledger=False)
    found: dict[str, tuple[str, str | None]] = {}
    for record in records:
        if state is not None:
            state.check_cancelled()
        current = _state(county, record)
        found[record.name] = (current, _problem(county, record) if current == "invalid" else None)
    return found


def states_job_at(url: str, records: list[ScenarioRecord], state=None) -> dict[str, tuple[str, str | None]]:
    """states_job for a child process: opens the database at `url` itself.

    In a thread of the window, reading a province-sized ledger holds the
    interpreter in long stretches and the ledger table stutters (page-downs of
    over a second at 2,000 townships); a child process leaves the GUI alone.
    """
    from planner.store.db import open_database

    db = open_database(url, create=False, upgrade=False)
    try:
        return states_job(db, records, state)
    finally:
        db.close()


def _problem(county: CountyData, record: ScenarioRecord) -> str | None:
    if record.problem:
        return record.problem
    try:
        check_changes(county, record.changes)
    except ScenarioError as exc:
        return str(exc)
    return None


def scenario_problem(session: Session, scenario: str | ScenarioRecord) -> str | None:
    """Why a scenario cannot be built on the current ledger (None when it can)."""
    record = scenario if isinstance(scenario, ScenarioRecord) else get_scenario(session, scenario)
    return _problem(load_county(session, time_ledger=False), record)


def is_stale(session: Session, scenario: str | ScenarioRecord) -> bool:
    """True when the scenario has a proposal whose inputs have changed since it was computed."""
    record = scenario if isinstance(scenario, ScenarioRecord) else get_scenario(session, scenario)
    return bool(record.last_fingerprint) and scenario_state(session, record) != "current"
