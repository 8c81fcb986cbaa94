"""`template`, `import` and `export` on the command line: files, exit codes, messages."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from cli import main as cli_main
from planner.store.db import open_database
from planner.demo.county import generate_demo
from planner.excel import write_workbook
from planner.store.ledger import load_county, replace_county

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def ledger(tmp_path) -> Path:
    path = tmp_path / "ledger.sqlite"
    db = open_database(path)
    with db.session() as s:
        replace_county(s, generate_demo(14, 1))
    db.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stderr_lines(capsys) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if ln and not ln.startswith("[")]


def test_template_command_writes_the_blank_template(tmp_path, capsys):
    target = tmp_path / "模板.xlsx"
    assert cli_main(["template", str(target)]) == 0
    assert str(target) in capsys.readouterr().err
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["参数", "乡镇", "编制", "内设机构", "职责事项", "人员", "用编计划", "周转池", "岗位"]
    assert wb["编制"].max_row == 1  # data rows start right under the header
    assert all(cell.comment for cell in wb["编制"][1])


def test_template_to_unwritable_place_exits_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli_main(["template", str(blocker / "t.xlsx")]) == 2
    assert "无法写入" in capsys.readouterr().err


def test_export_then_import_into_new_database(tmp_path, ledger, capsys):
    xlsx, other = tmp_path / "out.xlsx", tmp_path / "other.sqlite"
    assert cli_main(["export", str(xlsx), "--db", str(ledger)]) == 0
    assert "已导出 14 个乡镇" in capsys.readouterr().err
    assert cli_main(["import", str(xlsx), "--db", str(other)]) == 0
    lines = stderr_lines(capsys)
    assert "乡镇：新增 14 个，变更 0 个，删除 0 个，不变 0 个" in lines
    assert lines[-1].startswith("已导入 14 个乡镇")
    a, b = open_database(ledger), open_database(other)
    try:
        with a.session() as s1, b.session() as s2:
            assert load_county(s1) == load_county(s2)
    finally:
        a.close()
        b.close()


def test_import_shows_changes_and_totals(tmp_path, ledger, capsys):
    county = generate_demo(14, 1)
    removed = county.townships.pop(3)
    county.townships[0].quotas["administrative"].approved += 5
    path = write_workbook(tmp_path / "edit.xlsx", county)
    before_admin = sum(t.quota("administrative").approved for t in generate_demo(14, 1).townships)
    after_admin = sum(t.quota("administrative").approved for t in county.townships)
    assert cli_main(["import", str(path), "--db", str(ledger), "--dry-run"]) == 0
    lines = stderr_lines(capsys)
    assert "乡镇：新增 0 个，变更 1 个，删除 1 个，不变 12 个" in lines
    assert f"  删除：{removed.name}" in lines
    assert any(ln.startswith("行政编制：核定 ") and f"{before_admin} → {after_admin}" in ln for ln in lines)
    assert "检查通过（未写入，--dry-run）" in lines[-1]
    db = open_database(ledger)
    try:
        with db.session() as s:
            assert len(load_county(s).townships) == 14  # dry run wrote nothing
    finally:
        db.close()
    assert cli_main(["--lang", "en", "import", str(path), "--db", str(ledger)]) == 0
    lines = stderr_lines(capsys)
    assert "Townships added 0, changed 1, removed 1, unchanged 12" in lines
    assert lines[-1].startswith("imported 13 townships")


def test_invalid_import_exit_1_one_line_per_problem(tmp_path, ledger, capsys):
    path = write_workbook(tmp_path / "bad.xlsx", generate_demo(3, 2))
    wb = openpyxl.load_workbook(path)
    wb["编制"]["C2"] = "十二"
    wb["编制"]["D4"] = -2
    wb["职责事项"]["B5"] = "无此机构"
    wb.save(path)
    before = digest(ledger)
    assert cli_main(["import", str(path), "--db", str(ledger)]) == 1
    lines = stderr_lines(capsys)
    assert lines == [
        "编制, 第2行, 核定编制(C列): 应为非负整数，实为“十二”",
        "编制, 第4行, 实有人数(D列): 不能为负数，实为 -2",
        f"职责事项, 第5行, 机构名称(B列): 未知机构“无此机构”：“内设机构”表中“{generate_demo(3, 2).townships[0].name}”没有这个机构",
        "导入失败：发现 3 个问题，数据库未作任何改动。",
    ]
    assert digest(ledger) == before
    assert cli_main(["--lang", "en", "import", str(path), "--db", str(ledger)]) == 1
    lines = stderr_lines(capsys)
    assert lines[1] == "编制, row 4, 实有人数 (column D): must not be negative, got -2"
    assert lines[-1] == "import failed: 3 problem(s) found; the database was not changed."


def test_missing_file_is_a_problem_not_a_crash(tmp_path, ledger, capsys):
    assert cli_main(["import", str(tmp_path / "nowhere.xlsx"), "--db", str(ledger)]) == 1
    assert stderr_lines(capsys)[0] == "nowhere.xlsx: 文件不存在"


def test_export_of_missing_database_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:  # cli.common reports and exits for every command
        cli_main(["export", str(tmp_path / "o.xlsx"), "--db", str(tmp_path / "none.sqlite")])
    assert exit_info.value.code == 2
    assert not (tmp_path / "o.xlsx").exists()


def test_main_py_runs_import_as_a_process(tmp_path, ledger):
    """The real entry point, exit code and stderr included."""
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(bad), "--db", str(ledger)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0].startswith("bad.xlsx: 不是 xlsx 文件")
    assert proc.stdout == ""


def test_import_refused_while_a_window_holds_the_ledger(tmp_path, ledger, capsys):
    from planner.store.instance_lock import InstanceLock

    path = write_workbook(tmp_path / "ok.xlsx", generate_demo(3, 2))
    before = digest(ledger)
    window_lock = InstanceLock(ledger).acquire()  # as an open window holds it
    try:
        child = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(path), "--db", str(ledger)],
                               capture_output=True, text=True, timeout=60)
    finally:
        window_lock.release()
    assert child.returncode == 2
    assert "请先关闭该窗口再导入" in child.stderr
    assert digest(ledger) == before
    assert cli_main(["import", str(path), "--db", str(ledger)]) == 0  # the window closed: it goes through
