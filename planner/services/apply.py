"""Applying a reallocation proposal to the ledger, and taking it back.

A proposal is advice to the committee (domain rule 7): it reaches the ledger
only through `apply_proposal`, which the window calls after the user confirmed
a summary of the change. Everything happens inside the caller's transaction:
checks first (the result is a proposal, it was computed from exactly this
ledger, it still fits the ledger's quota lines, it keeps every hard rule), then
the quota writes, one audit entry per changed line and an AppliedProposal row
holding the quota as it was, so `revert_proposal` can put back every number.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.fingerprint import county_fingerprint
from planner.domain.proposal import Proposal
from planner.domain.validate import validate_proposal
from planner.domain.vocabulary import kind_label
from planner.errors import UserError
from planner.scenarios.store import BASELINE_NAME, ScenarioError, build_scenario_inputs
from planner.store.ledger import load_county
from planner.store.models import AppliedProposal, AuditEntry, Quota, Township

APPLICABLE_STATUSES = ("optimal", "feasible")


class ApplyError(UserError, ValueError):
    """A proposal (or a revert) refused before anything changed; says why in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str, problems: list[str] | None = None) -> None:
        super().__init__(f"{message_zh} ({message_en})")
        self.message_zh = message_zh
        self.message_en = message_en
        self.problems = problems or []


@dataclass(frozen=True)
class Decision:
    """The committee's decision a proposal is applied on: 编委文件号 and the document's date."""

    number: str
    day: date

    def __post_init__(self) -> None:
        number = " ".join(str(self.number or "").split())
        if not number:
            raise ApplyError("请填写编委文件号。", "give the committee's document number")
        if len(number) > 100:
            raise ApplyError("编委文件号过长（最多 100 个字符）。",
                             "the document number is too long (100 characters at most)")
        if not isinstance(self.day, date):
            raise ApplyError("请填写编委文件的日期。", "give the date of the committee's document")
        if self.day > date.today():
            raise ApplyError(f"编委文件日期 {self.day.isoformat()} 晚于今天。",
                             f"the document's date {self.day.isoformat()} is later than today")
        object.__setattr__(self, "number", number)

    def text(self, lang: str | None = "zh") -> str:
        """依据 X编〔2026〕3号（2026-05-12） / as decided by X编〔2026〕3号 of 2026-05-12."""
        if lang in ("en", "en_US"):
            return f"as decided by {self.number} of {self.day.isoformat()}"
        return f"依据 {self.number}（{self.day.isoformat()}）"


@dataclass(frozen=True)
class QuotaChange:
    township: str
    kind: str
    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


def _user(user: str | None) -> str:
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers): still record the action
        return ""


def _quota_lines(session: Session) -> dict[tuple[str, str], Quota]:
    rows = session.execute(select(Township.name, Quota).join(Quota, Quota.township_id == Township.id))
    return {(name, quota.kind): quota for name, quota in rows}


def _label(township: str, kind: str) -> str:
    return f"{township}·{kind_label(kind)}"


def proposal_changes(proposal: Proposal) -> list[QuotaChange]:
    """The quota lines a proposal changes (proposed ≠ approved), in the proposal's order."""
    return [QuotaChange(line.township, line.kind, int(line.approved), int(line.proposed))
            for line in proposal.lines if int(line.proposed) != int(line.approved)]


def inputs_now(session: Session, result: Proposal):
    """(county, options) the result would be computed from now: the ledger, or the ledger with
    the result's scenario applied, with the options the result was computed with."""

    scenario = result.scenario or BASELINE_NAME
    if scenario == BASELINE_NAME:
        return load_county(session), result.options
    try:
        return build_scenario_inputs(session, scenario)
    except (ScenarioError, LookupError) as error:
        raise ApplyError(f"方案所属情景“{scenario}”已不存在或已不适用于当前台账：{error}",
                         f"the proposal's scenario '{scenario}' is gone or no longer fits the ledger") from None


def current_fingerprint(session: Session, result: Proposal) -> str | None:
    """Fingerprint of the inputs the result would be computed from now (None: they cannot be built)."""
    try:
        county, options = inputs_now(session, result)
    except ApplyError:
        return None
    return county_fingerprint(county, options)


def check_proposal(session: Session, result: Proposal) -> list[QuotaChange]:
    """Every reason not to apply `result` to this ledger, raised as ApplyError; else its changes."""
    status = result.status
    if status not in APPLICABLE_STATUSES:
        raise ApplyError(
            f"该方案的求解状态为“{status}”，不是可执行的调剂方案，不能写入台账。",
            f"the result's status is {status!r}, not a proposal that can be applied")

    lines = _quota_lines(session)
    seen: set[tuple[str, str]] = set()
    problems: list[str] = []
    for row in result.lines:
        key = (row.township, row.kind)
        seen.add(key)
        quota = lines.get(key)
        if quota is None:
            # A kind the township holds no line of, left at zero, changes nothing.
            if int(row.approved) == 0 and int(row.proposed) == 0:
                continue
            problems.append(f"{_label(*key)}：台账中已无此编制行 (no such quota line in the ledger)")
        elif quota.approved != int(row.approved):
            problems.append(f"{_label(*key)}：台账核定编制为 {quota.approved}，方案依据的是 {row.approved} "
                            f"(ledger has {quota.approved}, the proposal was computed from {row.approved})")
    for key, quota in lines.items():
        if key not in seen and quota.approved:
            problems.append(f"{_label(*key)}：方案中没有此编制行 (the proposal has no row for this quota line)")
    if problems:
        raise ApplyError("台账的编制行与方案不一致，方案已过期，请重新计算。",
                         "the ledger's quota lines no longer match the proposal; solve again", problems)

    county, options = inputs_now(session, result)
    if result.fingerprint != county_fingerprint(county, options):
        raise ApplyError("方案计算之后台账已有改动（数据指纹不符），方案已过期，请重新计算。",
                         "the ledger changed after the proposal was computed (fingerprint differs); "
                         "solve again")

    # The validator trusts nothing the optimizer says: every hard rule, re-derived from the ledger.
    problems = [str(p) for p in validate_proposal(county, options, result)]
    if problems:
        raise ApplyError("方案违反编制刚性规则，不能写入台账。",
                         "the proposal breaks a hard rule and cannot be applied", problems)
    return proposal_changes(result)


def apply_proposal(session: Session, result: Proposal, user: str | None = None,
                   decision: Decision | None = None) -> int:
    """Write the proposed quota as approved quota; returns the AppliedProposal id.

    `decision`, the committee's document the ledger is changed on, is kept with the applied
    proposal and logged beside the quota it changed.

    Inside the caller's transaction; raises ApplyError, with nothing changed, when
    the result is not a proposal, is stale, or breaks a hard rule.
    """
    changes = check_proposal(session, result)
    lines = _quota_lines(session)
    before = [{"township": t, "kind": k, "approved": q.approved}
              for (t, k), q in sorted(lines.items())]
    who = _user(user)
    for change in changes:
        quota = lines[(change.township, change.kind)]
        quota.approved = change.after  # through the ORM: the row's version moves on
        session.add(AuditEntry(user=who, action="apply_proposal", entity="quota",
                               entity_key=f"{change.township}/{change.kind}", field="approved",
                               old_value=str(change.before), new_value=str(change.after)))
    record = AppliedProposal(
        applied_by=who, scenario=str(result.scenario),
        fingerprint=str(result.fingerprint),
        result_json=json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True, default=str),
        before_json=json.dumps({"quota": before}, ensure_ascii=False, sort_keys=True),
        decision_no=decision.number if decision else "",
        decision_date=decision.day.isoformat() if decision else None)
    session.add(record)
    session.flush()
    if decision is not None:
        _log_decision(session, who, "apply_proposal", record, new=True)
    return record.id


def _log_decision(session: Session, who: str, action: str, record: AppliedProposal, new: bool) -> None:
    """The decision's number and date in the log, as set (apply) or as withdrawn (revert)."""
    key = f"{record.scenario}#{record.id}"
    for field_name, value in (("decision_no", record.decision_no), ("decision_date", record.decision_date)):
        session.add(AuditEntry(user=who, action=action, entity="decision", entity_key=key, field=field_name,
                               old_value=None if new else value, new_value=value if new else None))


def revert_proposal(session: Session, applied_id: int, user: str | None = None) -> list[QuotaChange]:
    """Put back the approved quota an applied proposal replaced; returns what changed back.

    Refuses when the proposal was already reverted, or when a line it wrote has
    been edited since (reverting then would silently undo that later edit).
    """
    record = session.get(AppliedProposal, applied_id)
    if record is None:
        raise ApplyError(f"找不到编号为 {applied_id} 的已执行方案。", f"no applied proposal {applied_id}")
    if record.reverted:
        raise ApplyError(f"编号为 {applied_id} 的方案已撤销过。", f"applied proposal {applied_id} was already reverted")
    before = {(r["township"], r["kind"]): int(r["approved"]) for r in json.loads(record.before_json)["quota"]}
    written = {(c.township, c.kind): c.after
               for c in proposal_changes(Proposal.from_json(json.loads(record.result_json)))}
    lines = _quota_lines(session)
    problems = []
    for key, after in written.items():
        quota = lines.get(key)
        if quota is None:
            problems.append(f"{_label(*key)}：台账中已无此编制行 (the quota line is gone)")
        elif quota.approved != after:
            problems.append(f"{_label(*key)}：方案写入 {after}，现为 {quota.approved} "
                            f"(the proposal wrote {after}, the ledger now has {quota.approved})")
    if problems:
        raise ApplyError("方案执行后台账又有改动，不能直接撤销，请先撤销之后的改动。",
                         "the ledger was edited after the proposal was applied; undo those edits first",
                         problems)
    who = _user(user)
    reverted = []
    for key in written:
        quota = lines[key]
        old = before[key]
        if quota.approved != old:
            reverted.append(QuotaChange(key[0], key[1], quota.approved, old))
            session.add(AuditEntry(user=who, action="revert_proposal", entity="quota",
                                   entity_key=f"{key[0]}/{key[1]}", field="approved",
                                   old_value=str(quota.approved), new_value=str(old)))
            quota.approved = old
    record.reverted = True
    if record.decision_no:
        _log_decision(session, who, "revert_proposal", record, new=False)
    session.flush()
    return reverted
