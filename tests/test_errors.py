"""One error hierarchy: every planner exception is a PlannerError, user-facing ones say it in both
languages, and there is one Cancelled."""

from __future__ import annotations

import importlib
import inspect
import itertools
import pickle
import pkgutil
import re
from pathlib import Path

import pytest

import planner
from planner.domain.rules import Range, RulesLibrary
from planner.services.assessing import UnknownTownship
from planner.demo.county import generate_demo
from planner.domain.edit_rules import EditError
from planner.domain.workload import ParameterError, WorkParams
from planner.errors import Cancelled, PlannerError, UserError, split_bilingual
from planner.excel.problems import CellError
from planner.exports import fonts
from planner.exports.comparison import ComparisonError, compare
from planner.scenarios.changes import ChangeProblem, ScenarioError
from planner.scenarios.store import change_from_dict
from planner.services.apply import ApplyError
from planner.services.solving import EmptyLedger
from planner.solving.faults import TIME_LIMIT, SolverFailed
from planner.solving.solve import ProposalInvalid, solve_county
from planner.store.backup import BackupError, backup_database
from planner.store.conflicts import ConflictError
from planner.services.outputs import check_output
from planner.store.db import DamagedDatabase, DatabaseError, SchemaTooNew, open_database
from planner.store.instance_lock import LockHeld, LockInfo
from planner.taskstate import TaskError

CJK = re.compile(r"[\u3400-\u9fff]")


def planner_exception_classes() -> dict[str, type]:
    found = {}
    for info in pkgutil.walk_packages(planner.__path__, "planner."):
        if ".migrations" in info.name:  # alembic scripts, run by alembic only
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__.startswith("planner."):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


def test_every_planner_exception_class_is_a_planner_error():
    found = planner_exception_classes()
    assert len(found) >= 17, sorted(found)
    assert sorted(name for name, cls in found.items() if not issubclass(cls, PlannerError)) == []


def test_the_old_base_classes_still_catch_them():
    # Callers written against the builtin bases keep working.
    assert issubclass(ParameterError, ValueError) and issubclass(ScenarioError, ValueError)
    assert issubclass(ApplyError, ValueError) and issubclass(EditError, ValueError)
    assert issubclass(DatabaseError, RuntimeError) and issubclass(BackupError, RuntimeError)
    assert issubclass(SolverFailed, RuntimeError) and issubclass(LockHeld, RuntimeError)


def test_one_cancelled_under_every_old_name():
    from planner.excel import Cancelled as ExcelCancelled
    from planner.excel.reader import Cancelled as ReaderCancelled
    from planner.solving.solve import SolveCancelled
    from planner.taskstate import TaskCancelled
    from ui.tasks import TaskCancelled as UiTaskCancelled

    assert TaskCancelled is SolveCancelled is ExcelCancelled is ReaderCancelled is UiTaskCancelled is Cancelled
    assert issubclass(Cancelled, PlannerError) and not issubclass(Cancelled, UserError)
    assert str(Cancelled()) == ""  # raised bare, as before
    assert Cancelled().message("zh") == "已取消" and Cancelled().message("en") == "cancelled"


def test_the_optimizers_cancel_becomes_the_planners():
    import optimizer

    calls = itertools.count()
    # False for solve_county's own first look, True once the optimizer asks.
    with pytest.raises(Cancelled) as caught:
        solve_county(generate_demo(3, 1), cancel=lambda: next(calls) > 0)
    assert not isinstance(caught.value, optimizer.Cancelled)


def user_errors(tmp_path: Path) -> list[UserError]:
    """One of each user-facing error, raised where the planner raises it when that is easy."""
    def raised(action) -> UserError:
        with pytest.raises(UserError) as caught:
            action()
        return caught.value

    holder = LockInfo(pid=42, host="desk-3", user="wang", since="2026-11-30 09:00")
    return [
        raised(lambda: WorkParams(working_days=2480).validate()),
        raised(lambda: WorkParams(working_days=100, annual_leave_days=60, other_absence_days=30,
                                  training_days=10).validate()),
        raised(lambda: change_from_dict({"type": "no-such-change"})),
        raised(lambda: compare({})),
        raised(lambda: backup_database(tmp_path / "missing.sqlite")),
        raised(lambda: open_database(tmp_path / "missing.sqlite", create=False)),
        LockHeld(tmp_path / "ledger.sqlite", holder),
        LockHeld(tmp_path / "ledger.sqlite", None),
        EditError("核定编制应为整数", "approved quota must be a whole number", "approved"),
        ApplyError("方案已过期，请重新计算。", "the proposal is stale; solve again", ["a"]),
        ConflictError([]),
        CellError("应为数字", "should be a number"),
        ChangeProblem("乡镇不存在", "no such township"),
        SolverFailed(TIME_LIMIT, "求解超时，未得到方案。", "the solver ran out of time without a proposal"),
        TaskError("计算进程意外退出（退出码 -9）。 (The worker process stopped unexpectedly, exit code -9.)"),
        SchemaTooNew("数据库结构版本 9 由更新版本的本软件创建。 (The database schema 9 was written by a newer version.)"),
        EmptyLedger(),
        DamagedDatabase(tmp_path / "ledger.sqlite", "file is not a database"),
        raised(lambda: check_output(tmp_path / "ledger.sqlite", tmp_path / "ledger.sqlite")),
        raised(lambda: RulesLibrary(leadership={"一类": Range(9, 7)}).checked()),
        UnknownTownship("台账中没有乡镇“甲镇”", message_en="the ledger holds no such township"),
    ]


def test_user_facing_errors_carry_chinese_and_english(tmp_path, monkeypatch):
    errors = user_errors(tmp_path)
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)
    with pytest.raises(fonts.NoCJKFont) as caught:
        fonts.configure_matplotlib_cjk(required=True)
    errors.append(caught.value)
    classes = {type(e) for e in errors}
    every = {cls for cls in planner_exception_classes().values() if issubclass(cls, UserError)}
    assert every - classes == {UserError}  # a new user-facing error belongs in user_errors()
    for error in errors:
        assert CJK.search(error.message_zh), (type(error).__name__, error.message_zh)
        assert error.message_en and not CJK.search(error.message_en), (type(error).__name__, error.message_en)
        assert error.message("zh_CN") == error.message_zh and error.message("en") == error.message_en


def test_str_is_what_it_was():
    error = BackupError("备份文件不存在：x (no such backup file)")
    assert str(error) == "备份文件不存在：x (no such backup file)"
    assert (error.message_zh, error.message_en) == ("备份文件不存在：x", "no such backup file")
    assert str(ApplyError("中", "en")) == "中 (en)"
    params = pytest.raises(ParameterError, WorkParams(working_days=2480).validate).value
    assert str(params) == "年工作日 (working_days): 2480 不在 100–366 之间"
    assert params.message_en == "working_days: 2480 is not between 100 and 366"


def test_split_bilingual_leaves_a_message_it_cannot_split_whole():
    assert split_bilingual("只有中文") == ("只有中文", "只有中文")
    assert split_bilingual("“甲”没有方案 ('甲' holds no proposal)") == ("“甲”没有方案", "'甲' holds no proposal")
    assert split_bilingual("年工作日 (working_days): 太大")[1] == "年工作日 (working_days): 太大"


def test_planner_errors_cross_a_process_boundary_whole():
    error = ApplyError("方案违反编制刚性规则。", "the proposal breaks a hard rule", ["甲镇：超编"])
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ApplyError and str(copy) == str(error)
    assert (copy.message_zh, copy.message_en, copy.problems) == (error.message_zh, error.message_en, error.problems)
    failed = pickle.loads(pickle.dumps(SolverFailed(TIME_LIMIT, "超时", "out of time", "detail")))
    assert failed.kind == TIME_LIMIT and failed.detail == "detail" and isinstance(failed, UserError)
    invalid = pickle.loads(pickle.dumps(ProposalInvalid(["x"])))
    assert invalid.problems == ["x"] and not isinstance(invalid, UserError)


def test_the_window_shows_user_errors_as_written_and_names_other_faults(qapp):
    from ui import i18n
    from ui.solve_runner import readable_error

    # A user error in the window's language: its own half of what was written in both.
    failed = SolverFailed(TIME_LIMIT, "求解超时。", "out of time")
    assert readable_error(failed) == failed.message(i18n.current_language())
    stopped = TaskError("计算进程意外退出 (the worker stopped)")
    assert readable_error(stopped) == ("计算进程意外退出" if i18n.current_language() == "zh_CN" else "the worker stopped")
    i18n.install_language("zh_CN", qapp)
    try:
        assert readable_error(failed) == "求解超时。" and readable_error(stopped) == "计算进程意外退出"
    finally:
        i18n.install_language("en", qapp)
    assert readable_error(KeyError("townships")) == "'townships' (KeyError)"
    assert readable_error(ProposalInvalid(["x"])).endswith("(ProposalInvalid)")
