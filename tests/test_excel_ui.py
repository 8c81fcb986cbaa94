"""File → Import / Export / Save template in the window: preview, confirmation, undo."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QPushButton

from planner.store.db import open_database
from planner.demo.county import generate_demo
from planner.excel import build_preview, read_workbook, write_workbook
from planner.excel.problems import ImportProblem
from planner.store.ledger import load_county, replace_county
from ui import tasks
from ui.excel_actions import ImportLedgerCommand, install
from ui.excel_dialogs import ImportPreviewDialog, ProblemsDialog
from ui.workspace import Workspace

QM = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "excel_zh_CN.qm"


class FakeWindow(QMainWindow):
    """The part of the main window the Excel actions use."""

    def __init__(self, db) -> None:
        super().__init__()
        self.workspace = Workspace(db, parent=self)
        self.db = db
        self.undo_stack = self.workspace.undo_stack
        self.workspace.statusMessage.connect(self.status)
        self.workspace.errorReported.connect(self.show_error)
        self.workspace.reloadRequested.connect(self.reload_ledger)
        self.menu_file = self.menuBar().addMenu("File")
        self.action_quit = QAction("Quit", self)
        self.menu_file.addAction(self.action_quit)
        self.reloads = 0
        self.messages: list[str] = []
        self.errors: list[str] = []

    def reload_ledger(self, clear_undo: bool = False) -> None:
        self.reloads += 1

    def status(self, message: str, timeout_ms: int = 0) -> None:
        self.messages.append(message)

    def show_error(self, error) -> None:
        self.errors.append(str(error))


@pytest.fixture
def ledger_db(tmp_path):
    db = open_database(tmp_path / "ledger.sqlite")
    with db.session() as s:
        replace_county(s, generate_demo(14, 1))
    yield db
    db.close()


@pytest.fixture
def window(qtbot, ledger_db):
    win = FakeWindow(ledger_db)
    qtbot.addWidget(win)
    win.excel_actions = install(win.workspace, win, menu=win.menu_file, before=win.action_quit)
    return win


@pytest.fixture
def synchronous_tasks():
    with tasks.synchronous(True):
        yield


def ledger(db):
    with db.session() as s:
        return load_county(s)


def db_digest(db) -> str:
    return hashlib.sha256(Path(db.path).read_bytes()).hexdigest()


def edited_county():
    county = generate_demo(14, 1)
    county.townships.pop(0)
    county.townships[0].quotas["administrative"].approved += 3
    return county


def test_actions_sit_in_the_file_menu_before_quit(window):
    texts = [a.text() for a in window.menu_file.actions()]
    assert texts == ["&Import from Excel…", "&Export to Excel…", "Save import &template…", "", "Quit"]


def test_import_confirmed_applies_and_undo_redo_switch_ledgers(window, tmp_path, synchronous_tasks):
    before = ledger(window.db)
    path = write_workbook(tmp_path / "edited.xlsx", edited_county())
    asked = []
    window.excel_actions.confirm_import = lambda outcome, name: asked.append((outcome, name)) or True
    window.excel_actions.import_file(str(path))
    assert len(asked) == 1 and asked[0][1] == "edited.xlsx"
    preview = asked[0][0].preview
    assert preview.removed == [before.townships[0].name] and len(preview.changed) == 1
    assert ledger(window.db) == edited_county()
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Import edited.xlsx"
    assert window.messages[-1] == "Imported 13 townships from edited.xlsx."
    window.undo_stack.undo()
    assert ledger(window.db) == before
    window.undo_stack.redo()
    assert ledger(window.db) == edited_county()
    assert window.reloads >= 3 and window.errors == []


def test_import_declined_changes_nothing(window, tmp_path, synchronous_tasks):
    digest = db_digest(window.db)
    path = write_workbook(tmp_path / "edited.xlsx", edited_county())
    window.excel_actions.confirm_import = lambda outcome, name: False
    window.excel_actions.import_file(str(path))
    assert window.undo_stack.count() == 0
    assert db_digest(window.db) == digest
    assert window.messages[-1] == "Import cancelled; the ledger was not changed."


def test_refused_file_lists_every_problem_and_changes_nothing(window, tmp_path, synchronous_tasks, monkeypatch):
    monkeypatch.setattr("ui.excel_actions.ui_language", lambda: "zh_CN")
    path = write_workbook(tmp_path / "bad.xlsx", edited_county())
    wb = openpyxl.load_workbook(path)
    wb["编制"]["C2"] = "十二"
    wb["乡镇"]["B3"] = "村"
    wb.save(path)
    digest = db_digest(window.db)
    window.excel_actions.confirm_import = lambda *a: pytest.fail("a refused file must not be offered")
    window.excel_actions.import_file(str(path))
    dialog = window.excel_actions.problems_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.toPlainText().splitlines() == [
        "乡镇, 第3行, 类型(B列): 无法识别的值“村”，应为 乡 / 镇 / 街道",
        "编制, 第2行, 核定编制(C列): 应为非负整数，实为“十二”",
    ]
    assert "2 problem(s) found in “bad.xlsx”" in dialog.heading.text()
    assert window.undo_stack.count() == 0 and db_digest(window.db) == digest
    dialog.close()


def test_same_ledger_is_not_imported_again(window, tmp_path, synchronous_tasks):
    path = write_workbook(tmp_path / "same.xlsx", ledger(window.db))
    window.excel_actions.confirm_import = lambda *a: pytest.fail("nothing to confirm")
    window.excel_actions.import_file(str(path))
    assert window.undo_stack.count() == 0
    assert "nothing to import" in window.messages[-1]


def test_export_and_template_actions_write_files(window, tmp_path, synchronous_tasks):
    out = tmp_path / "export.xlsx"
    window.excel_actions.export_file(str(out))
    assert read_workbook(out).county == ledger(window.db)
    assert window.messages[-1] == f"Exported 14 townships to {out}."
    template = tmp_path / "template.xlsx"
    window.excel_actions.save_template(str(template))
    assert openpyxl.load_workbook(template).sheetnames == ["参数", "乡镇", "编制", "内设机构", "职责事项", "人员", "用编计划", "周转池", "岗位"]


def test_import_runs_off_the_gui_thread(window, tmp_path, qtbot):
    path = write_workbook(tmp_path / "edited.xlsx", edited_county())
    window.excel_actions.confirm_import = lambda outcome, name: True
    window.excel_actions.import_file(str(path))
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20000)
    assert ledger(window.db) == edited_county()


def test_cancelled_export_writes_no_file(window, tmp_path, qtbot):
    with window.db.session() as s:
        replace_county(s, generate_demo(120, 1))  # over 10,000 rows: the cancel flag is polled
    out = tmp_path / "big.xlsx"
    window.excel_actions.export_file(str(out))
    handle = window.excel_actions.handle
    with qtbot.waitSignal(handle.finished, timeout=20000):
        window.excel_actions.progress.findChild(QPushButton).click()  # the dialog's Cancel button
    assert not out.exists()
    assert window.messages[-1] == "Cancelled; the ledger was not changed."


def test_preview_dialog_shows_totals_and_asks(qtbot):
    before, after = generate_demo(14, 1), edited_county()
    preview = build_preview(before, after)
    notice = ImportProblem("乡镇", 1, "备注", "未知列，已忽略", "unknown column, ignored", "H")
    dialog = ImportPreviewDialog(preview, "edited.xlsx", [notice], "en")
    qtbot.addWidget(dialog)
    assert "1 removed" in dialog.heading.text() and "1 changed" in dialog.heading.text()
    row = [dialog.totals.item(0, c).text() for c in range(5)]
    assert row == ["Administrative", str(preview.totals_before["administrative"].approved),
                   str(preview.totals_after["administrative"].approved),
                   str(preview.totals_before["administrative"].staff),
                   str(preview.totals_after["administrative"].staff)]
    assert "乡镇, row 1, 备注 (column H): unknown column, ignored" in dialog.details.toPlainText()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    dialog.import_button.click()
    assert dialog.result() == ImportPreviewDialog.DialogCode.Accepted


def test_problems_dialog_copies_and_saves_every_line(qtbot, tmp_path):
    problems = [ImportProblem("编制", n, "核定编制", f"问题{n}", f"problem {n}", "C") for n in range(2, 6002)]
    dialog = ProblemsDialog(problems, "big.xlsx", "en")
    qtbot.addWidget(dialog)
    shown = dialog.text.toPlainText().splitlines()
    assert len(shown) == 5001 and shown[-1].startswith("… and 1000 more")
    saved = Path(dialog.save(str(tmp_path / "p.txt")))
    lines = saved.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 6000 and lines[0] == "编制, row 2, 核定编制 (column C): problem 2"
    dialog.copy()
    assert QGuiApplication.clipboard().text().splitlines()[-1] == "编制, row 6001, 核定编制 (column C): problem 6001"


def test_undo_of_an_import_that_cannot_be_written_is_reported(window, monkeypatch):
    command = ImportLedgerCommand(window.workspace, generate_demo(2, 1), generate_demo(3, 1), "x.xlsx", already_applied=True)
    window.undo_stack.push(command)
    import planner.services.excel

    def refuse(*args, **kwargs):
        raise RuntimeError("database is locked")
    monkeypatch.setattr(planner.services.excel, "replace_ledger_safely", refuse)
    window.undo_stack.undo()
    assert window.errors == ["database is locked"]
    assert command.error is not None
    # The import is still in effect, so it keeps its place in the history: undo may be tried again.
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 1
    monkeypatch.undo()
    window.undo_stack.undo()
    assert window.undo_stack.index() == 0 and window.errors == ["database is locked"]


def test_chinese_translation_of_the_actions(window, qtbot):
    translator = QTranslator()
    assert translator.load(str(QM))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: window.excel_actions.action_import.text() != "&Import from Excel…")
        texts = [a.text() for a in window.menu_file.actions()[:3]]
        assert texts == ["从 Excel 导入(&I)…", "导出到 Excel(&E)…", "保存导入模板(&T)…"]
    finally:
        app.removeTranslator(translator)


def test_import_into_a_read_only_ledger_is_refused_up_front(qtbot, ledger_db, tmp_path, synchronous_tasks):
    from planner.store.instance_lock import read_only_url

    read_only = open_database(read_only_url(ledger_db.path), create=False, upgrade=False)
    try:
        win = FakeWindow(read_only)
        qtbot.addWidget(win)
        win.excel_actions = install(win.workspace, win, menu=win.menu_file, before=win.action_quit)
        win.excel_actions.ask_open_path = lambda: pytest.fail("no file is asked for")
        win.excel_actions.import_file()
        assert "read-only" in win.errors[-1]
        assert win.undo_stack.count() == 0
    finally:
        read_only.close()


def test_a_second_import_waits_for_the_first(window, tmp_path, qtbot):
    path = write_workbook(tmp_path / "edited.xlsx", edited_county())
    window.excel_actions.confirm_import = lambda outcome, name: True
    window.excel_actions.import_file(str(path))
    window.excel_actions.import_file(str(path))  # while the first is still reading
    assert window.messages[-1] == "An import or export is still running."
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20000)
    qtbot.wait(200)
    assert window.undo_stack.count() == 1
