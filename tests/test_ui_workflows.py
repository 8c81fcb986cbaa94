"""Workflows that used to stall: "+20% workload in one township" can be entered without a duty name."""

from __future__ import annotations

from planner.demo.county import generate_demo
from planner.scenarios.changes import DutyGrowth
from planner.scenarios.store import copy_county
from tests.ledger_fixtures import fresh_settings  # noqa: F401  (fixture)


def test_workload_of_one_whole_township_grows_without_a_duty_name():
    county = generate_demo(14, 1)
    name = county.townships[2].name
    grown = copy_county(county)
    DutyGrowth(match="", percent=20, townships=[name]).apply_county(grown)
    for before, after in zip(county.townships, grown.townships):
        for d0, d1 in zip(before.duties, after.duties):
            factor = 1.2 if before.name == name else 1.0
            assert abs(d1.annual_volume - d0.annual_volume * factor) < 1e-9
            assert abs(d1.fixed_hours - d0.fixed_hours * factor) < 1e-9
    change = DutyGrowth(match="", percent=20, townships=[name])
    assert change.describe("zh") == f"{name}：全部事项工作量 +20%"
    assert "every duty" in change.describe("en") and "事项" not in change.describe("en")


def test_the_baseline_solved_on_the_proposal_tab_can_be_compared(demo_db, fresh_settings, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(demo_db, fresh_settings)
    window.confirm_leave = lambda: True
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.solve_panel.solveFinished, timeout=60000) as blocker:
        window.solve_panel.start()
    baseline = blocker.args[0]
    compare = window.compare_view
    picks = [compare.pick_list.item(i).data(0x0100) for i in range(compare.pick_list.count())]
    assert baseline.scenario in picks
    scenario = window.scenario_view.list_model.rows()[0].name
    finished: list = []
    window.scenario_view.solve_bar.finished.connect(lambda name, _r: finished.append(name))
    window.scenario_view.solve(scenario)
    qtbot.waitUntil(lambda: scenario in finished, timeout=60000)
    compare.set_checked([baseline.scenario, scenario])
    assert compare.comparison is not None and list(compare.comparison.names) == [baseline.scenario, scenario]
    window.undo_stack.clear()
