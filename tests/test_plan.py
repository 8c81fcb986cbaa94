"""The multi-year plan through the planner: a hand-made county whose retirements time the moves, the
demo county, every year against the validator, the pool's rules, the JSON of interfaces.md, the same
JSON twice, a scenario's growth year by year, and the `plan` command."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import openpyxl
import pytest

from cli import main as cli_main
from planner.domain.county import CountyData, DutyData, OfficeData, PersonData, QuotaData, TownshipData
from planner.domain.forecast import forecast
from planner.domain.months import Month
from planner.domain.options import SolveOptions
from planner.domain.plan import Plan
from planner.domain.plan_time import line_times
from planner.domain.plan_validate import validate_plan
from planner.domain.retirement import retirement_month
from planner.services.planning import plan_job
from planner.solving.plan import solve_plan

AS_OF = Month(2026, 11)
YEARS = [2027, 2028, 2029]
ROOT = Path(__file__).resolve().parents[1]


def _township(name: str, approved: int, people: list[PersonData], hours: list[float]) -> TownshipData:
    office = OfficeData("便民服务中心", "institutional")
    duties = [DutyData(office.name, f"事项{i}", fixed_hours=h) for i, h in enumerate(hours, 1)]
    return TownshipData(name=name, quotas={"institutional": QuotaData("institutional", approved, len(people))},
                        offices=[office], duties=duties, people=people)


def waiting_county(pool: int = 0) -> CountyData:
    """甲镇 holds exactly its staff, two of whom retire in 2027 and 2028; 乙乡 is short of its need."""
    old = [PersonData("老一", "institutional", sex="男", birth_month=Month(1967, 3)),
           PersonData("老二", "institutional", sex="男", birth_month=Month(1968, 1))]
    young = [PersonData(f"青{i}", "institutional", sex="男", birth_month=Month(1990, i)) for i in range(1, 5)]
    a = _township("甲镇", 6, old + young, [300.0, 300.0])
    b = _township("乙乡", 3, [PersonData(f"乙{i}", "institutional", sex="女", birth_month=Month(1992, i))
                            for i in range(1, 4)], [1200.0] * 5)
    county = CountyData(name="测试县", townships=[a, b])
    county.time = dataclasses.replace(county.time, pool_institutional=pool)
    return county


def _solve(county: CountyData, years=YEARS, options: SolveOptions | None = None) -> Plan:
    return solve_plan([county], options or SolveOptions(workers=1), years=list(years), as_of=AS_OF)


def test_the_county_retires_when_the_test_says():
    assert retirement_month("男", "干部", Month(1967, 3)).year == 2027
    assert retirement_month("男", "干部", Month(1968, 1)).year == 2028


def test_a_township_waits_for_a_retirement_instead_of_receiving_now():
    plan = _solve(waiting_county())
    assert plan.status == "optimal"
    a = [plan.line("甲镇", "institutional", y) for y in YEARS]
    b = [plan.line("乙乡", "institutional", y) for y in YEARS]
    assert [x.staff_start for x in a] == [6, 5, 4] and [x.leavers for x in a] == [1, 1, 0]
    assert b[0].required > 3 and a[0].required < 4   # 乙乡 short, 甲镇 with slots above its need
    # Nobody is dismissed: 甲镇 gives one slot in each year after a retirement, not before.
    assert [x.quota for x in a] == [6, 5, 4]
    assert [(m.year, m.effective, m.giver, m.receiver, m.count) for m in plan.moves] == [
        (2028, "2028-01-01", "甲镇", "乙乡", 1), (2029, "2029-01-01", "甲镇", "乙乡", 1)]
    # The reason quotes the table: 甲镇's staff on 1 January, its leaver, and why 乙乡 waited.
    reason = plan.moves[0].reason
    assert "甲镇2028年初事业实有 5 人（2027年离岗 1 人）" in reason
    assert f"乙乡在2027年已缺 {b[0].uncovered} 名" in reason and "可调出的空编仅 0 名" in reason
    assert plan.moves[0].reason_en and "waits for 甲镇's people to leave" in plan.moves[0].reason_en
    assert plan.uncovered == sum(x.uncovered for x in b)


def test_with_a_pool_the_giver_gives_now_and_its_retirements_return_the_loan():
    plan = _solve(waiting_county(pool=2))
    [loan] = plan.new_loans
    assert (loan.township, loan.count, loan.start, loan.due) == ("甲镇", 2, "2027-01", "2030-01")
    assert [r.to_json() for r in loan.returns] == [{"month": "2027-10", "count": 1}, {"month": "2028-11", "count": 1}]
    a = [plan.line("甲镇", "institutional", y) for y in YEARS]
    assert [x.pool for x in a] == [2, 1, 0] and [x.quota for x in a] == [4, 4, 4]
    assert plan.line("乙乡", "institutional", 2027).quota == 5
    assert plan.uncovered < _solve(waiting_county()).uncovered
    assert any("借用事业周转池 2 名" in n.zh for n in plan.notes)


def _times(county: CountyData, plan: Plan):
    fc = forecast(county, AS_OF, len(plan.years), first_year=plan.years[0])
    return line_times(county, fc, list(plan.years), county.time.pool_term_years)


def test_the_validator_catches_broken_loans_and_years():
    county = waiting_county(pool=2)
    plan = _solve(county)
    times = _times(county, plan)
    assert validate_plan(county, SolveOptions(), plan, times) == []
    loan = plan.new_loans[0]
    others = tuple(x for x in plan.loans if x is not loan)

    def with_loan(**changes) -> list[str]:
        return validate_plan(county, SolveOptions(), dataclasses.replace(
            plan, loans=others + (dataclasses.replace(loan, **changes),)), times)

    assert any("超过周转期限" in p for p in with_loan(due="2031-01"))
    assert any("超过期内预计离岗" in p for p in with_loan(count=3))
    assert any("归还合计" in p for p in with_loan(returns=loan.returns[:1]))
    # A year's quota below its staff on 1 January less its pool slots: someone would be dismissed.
    lines = tuple(dataclasses.replace(x, quota=x.quota - 1) if (x.township, x.year) == ("甲镇", 2028) else x
                  for x in plan.lines)
    problems = validate_plan(county, SolveOptions(), dataclasses.replace(plan, lines=lines), times)
    assert any("2028年" in p and "人员不减" in p for p in problems)
    # Moves that do not add up to the year's change.
    problems = validate_plan(county, SolveOptions(), dataclasses.replace(plan, moves=()), times)
    assert any("调剂明细合计" in p for p in problems)
    # A loan to a township that still has usable vacancy.
    lines = tuple(dataclasses.replace(x, quota=7) if (x.township, x.year) == ("甲镇", 2027) else x
                  for x in plan.lines)
    assert any("尚有可用编制" in p for p in
               validate_plan(county, SolveOptions(), dataclasses.replace(plan, lines=lines), times))


INTERFACE_KEYS = {
    "top": {"status", "scenario", "fingerprint", "years", "townships", "moves", "pool_loans", "totals",
            "baseline", "diagnosis"},
    "township": {"township", "kind", "year", "staff_start", "leavers", "hires", "quota", "pool", "required",
                 "uncovered", "leadership", "locked"},
    "move": {"year", "effective", "from", "to", "kind", "count", "reason"},
    "loan": {"township", "kind", "count", "start", "due", "new", "returns"},
    "return": {"month", "count"},
    "total": {"year", "quota", "pool_held", "pool_lent", "staff_start", "uncovered"},
    "baseline": {"quota", "pool"},
}


def test_the_keys_of_interfaces_md_are_the_ones_the_test_checks():
    text = (ROOT / "docs" / "interfaces.md").read_text(encoding="utf-8")
    block = text[text.index("## JSON of `plan`"):]
    block = block[block.index("```"):]
    block = block[:block.index("```", 3)]
    written = set(re.findall(r'"([a-z_]+)":', block))
    assert written == set().union(*INTERFACE_KEYS.values())


def test_json_has_the_shape_of_interfaces_md_and_reads_back():
    plan = _solve(waiting_county(pool=2))
    data = json.loads(json.dumps(plan.to_json(), ensure_ascii=False))
    assert INTERFACE_KEYS["top"] <= set(data) and data["status"] in ("optimal", "feasible", "infeasible")
    assert data["years"] == YEARS
    assert all(INTERFACE_KEYS["township"] <= set(row) for row in data["townships"])
    assert len(data["townships"]) == 2 * len(YEARS)
    assert all(INTERFACE_KEYS["move"] <= set(m) for m in data["moves"])
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["effective"]) for m in data["moves"])
    assert all(INTERFACE_KEYS["loan"] <= set(x) for x in data["pool_loans"])
    assert all(INTERFACE_KEYS["return"] <= set(r) for x in data["pool_loans"] for r in x["returns"])
    assert set(data["totals"]) == {"institutional"}
    assert [INTERFACE_KEYS["total"] <= set(t) for t in data["totals"]["institutional"]] == [True] * len(YEARS)
    assert data["baseline"] == {"institutional": {"quota": 9, "pool": 2}}
    # Uncovered and the totals follow from the lines.
    for row in data["townships"]:
        assert row["uncovered"] == max(0, row["required"] - row["quota"] - row["pool"])
    for total in data["totals"]["institutional"]:
        rows = [r for r in data["townships"] if r["year"] == total["year"]]
        assert total["quota"] == sum(r["quota"] for r in rows)
        assert total["pool_lent"] == sum(r["pool"] for r in rows)
        assert total["pool_held"] + total["pool_lent"] == 2
    assert Plan.from_json(data) == plan


def _stable(plan: Plan) -> dict:
    data = plan.to_json()
    data.pop("generated_at")
    data["solver"].pop("seconds")
    return data


def test_the_same_county_gives_the_same_json_twice():
    assert _stable(_solve(waiting_county(pool=2))) == _stable(_solve(waiting_county(pool=2)))


def test_the_demo_plan_uses_retirements_hires_and_loans(demo_db):
    plan = plan_job(demo_db, years=5, as_of=AS_OF)
    assert plan.is_plan and plan.years == (2027, 2028, 2029, 2030, 2031)
    existing = [x for x in plan.loans if not x.new]
    assert len(existing) == 2 and all(x.returns for x in existing)
    assert sum(x.hires for x in plan.lines if x.year == 2027) > 0
    assert sum(x.leavers for x in plan.lines) > 0
    # The years follow the people: each year starts with last year's staff less its leavers plus
    # the year's planned hires. (Whether a move waits for a retirement depends on the ledger: the
    # demo's vacancies cover its needs in the first year; the hand-made county above must wait.)
    for x in plan.lines:
        if x.year > 2027:
            before = plan.line(x.township, x.kind, x.year - 1)
            assert x.staff_start == before.staff_start - before.leavers + x.hires
    # Every year holds the hard rules: quota + pool covers the staff, the totals never grow.
    for x in plan.lines:
        assert x.quota + x.pool >= x.staff_start
    for rows in plan.totals().values():
        assert all(b.balance <= a.balance for a, b in zip(rows, rows[1:]))
        assert rows[0].balance <= plan.baseline[rows[0].kind].total


def test_a_scenarios_growth_applies_year_by_year(demo_db):
    from planner.demo.scenarios import GROWTH_NAME

    plan = plan_job(demo_db, GROWTH_NAME, years=3, as_of=AS_OF)
    grown = [(x.township, x.kind) for x in plan.lines
             if x.year == 2029 and x.required > plan.line(x.township, x.kind, 2027).required]
    assert grown and all(x.required >= plan.line(x.township, x.kind, 2027).required
                         for x in plan.lines if x.year == 2029)


def test_plan_command_writes_json_and_workbook(demo_db, db_path, tmp_path, capsys):
    out, book = tmp_path / "plan.json", tmp_path / "plan.xlsx"
    code = cli_main(["plan", "--db", str(db_path), "--years", "3", "--json", str(out), "--xlsx", str(book)])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.startswith("多年度编制规划（基准，")
    assert "事业编制" in captured.out and "2029年" in captured.out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["status"] in ("optimal", "feasible") and len(data["years"]) == 3
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == ["规划总表", "逐年调剂明细", "周转池借用", "全县合计", "说明"]
    roadmap = workbook["规划总表"]
    assert roadmap.cell(1, 6).value.startswith(f"{data['years'][0]}年")
    assert roadmap.max_row == 1 + len({(r["township"], r["kind"]) for r in data["townships"]})
    assert workbook["逐年调剂明细"].max_row == 1 + len(data["moves"])


def test_plan_command_in_english_and_its_refusals(demo_db, db_path, capsys):
    assert cli_main(["--lang", "en", "plan", "--db", str(db_path), "--years", "2"]) == 0
    assert re.match(r"Multi-year plan \(基准, \d{4}–\d{4}\): ", capsys.readouterr().out)
    assert cli_main(["plan", "--db", str(db_path), "--scenario", "没有这个情景"]) == 2
    assert cli_main(["plan", "--db", str(db_path), "--years", "0"]) == 2
    assert cli_main(["plan", "--db", str(db_path), "--time-limit", "-1"]) == 2


def test_rules_that_cannot_hold_give_exit_3_and_a_diagnosis(tmp_path, capsys):
    from planner.store.db import open_database
    from planner.store.ledger import replace_county

    county = waiting_county()
    county.townships[1].locked = True
    county.townships[1].quotas["institutional"].approved = 2   # 3 people on a locked quota of 2, no pool
    path = tmp_path / "locked.sqlite"
    db = open_database(path)
    with db.session() as session:
        replace_county(session, county, source="test")
    db.close()
    out = tmp_path / "plan.json"
    assert cli_main(["plan", "--db", str(path), "--years", "2", "--json", str(out)]) == 3
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["status"] == "infeasible" and any("乙乡" in d and "锁定" in d for d in data["diagnosis"])
    assert not data["moves"]


def test_plan_job_reports_progress_and_stops_on_cancel(demo_db):
    from planner.errors import Cancelled
    from planner.taskstate import TaskState

    heard = []
    state = TaskState(on_progress=lambda fraction, message: heard.append((fraction, message)))
    plan_job(demo_db, years=2, state=state, as_of=AS_OF)
    assert heard[0][0] == 0.0 and heard[-1] == (1.0, "完成 (done)")
    assert any("多年度规划" in message for _, message in heard)

    class CancelAfterLoading(TaskState):
        def is_cancelled(self) -> bool:
            return self.progress()[0] > 0.0 or "人员离岗" in self.progress()[1]

    with pytest.raises(Cancelled):
        plan_job(demo_db, years=2, state=CancelAfterLoading(), as_of=AS_OF)
