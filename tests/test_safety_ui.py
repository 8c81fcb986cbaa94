"""The window's safety parts: backup and restore actions, the audit log view, the read-only second
window, and the choice offered on a save conflict."""

from __future__ import annotations

import csv
import os

import pytest
from sqlalchemy import select

from safety_helpers import file_digest, write_ledger
from planner.store.audit import audit_entries
from planner.store.backup import backup_folder, list_backups
from planner.store.conflicts import CANCEL, OVERWRITE, RELOAD, ConflictError, ConflictRecord
from planner.store.db import open_database
from planner.store.instance_lock import holder_of, is_read_only
from planner.store.ledger import load_county
from planner.store.models import Quota, Township

LEDGER = ("county", "township", "quota", "office", "duty", "person")


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ledger_file(db_path):
    db = open_database(db_path)
    write_ledger(db, 6, 4)
    db.close()
    return db_path


def _window(qtbot, path, settings):
    from ui.main_window import MainWindow

    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(open_database(path), settings)
    # Edits are committed as they are made; closing at the end of a test keeps them.
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Save
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, ledger_file, settings):
    w = _window(qtbot, ledger_file, settings)
    yield w
    w.safety.release_lock()


def _first_township(db) -> str:
    with db.session() as s:
        return s.scalars(select(Township.name).order_by(Township.position)).first()


def test_actions_are_in_the_menus_and_the_window_holds_the_lock(window, ledger_file):
    texts = [a.text() for a in window.menu_file.actions()]
    assert window.safety.action_backup.text() in texts and window.safety.action_restore.text() in texts
    assert window.safety.action_audit in window.menu_tools.actions()
    assert holder_of(ledger_file).pid == os.getpid()
    assert not window.safety.banner.isVisibleTo(window) and not is_read_only(window.db)


def test_second_window_on_the_same_file_is_read_only_with_a_clear_message(qtbot, window, ledger_file, settings):
    before = file_digest(ledger_file, LEDGER)
    second = _window(qtbot, ledger_file, settings)
    assert is_read_only(second.db) and second.safety.read_only
    assert second.safety.banner.isVisibleTo(second)
    message = second.safety.banner_label.text()
    assert str(os.getpid()) in message
    assert not second.safety.action_restore.isEnabled()
    township = _first_township(second.db)
    with second.db.session() as s:
        assert len(load_county(s).townships) == 6  # it shows the ledger
    second.editor.set_quota_field(township, "administrative", "staff", 1)
    assert second.last_error == second.safety.read_only_text()
    assert file_digest(ledger_file, LEDGER) == before
    # the first window still edits
    window.editor.set_quota_field(township, "administrative", "approved", 33)
    with window.db.session() as s:
        q = s.scalars(select(Quota).join(Township).where(Township.name == township,
                                                         Quota.kind == "administrative")).one()
        assert q.approved == 33


def test_backup_now_and_restore_from_the_window(window, ledger_file, monkeypatch):
    made = window.safety.backup_now()
    assert made is not None and made.parent == backup_folder(ledger_file)
    assert str(made) in window.statusBar().currentMessage()
    original = file_digest(made, LEDGER)

    township = _first_township(window.db)
    window.editor.set_quota_field(township, "administrative", "approved", 41)
    window.save()
    assert file_digest(ledger_file, LEDGER) != original

    monkeypatch.setattr(window.safety, "choose_restore_file", lambda: str(made))
    monkeypatch.setattr(window.safety, "confirm_restore", lambda path: True)
    assert window.safety.restore()
    assert file_digest(ledger_file, LEDGER) == original
    assert window.undo_stack.count() == 0
    assert holder_of(ledger_file).pid == os.getpid()  # the window kept its lock across the restore
    assert len(list_backups(backup_folder(ledger_file))) == 2  # plus the one of the state replaced
    with window.db.session() as s:
        assert audit_entries(s, action="restore")


def test_restore_cancelled_changes_nothing(window, ledger_file, monkeypatch):
    made = window.safety.backup_now()
    window.editor.set_quota_field(_first_township(window.db), "administrative", "approved", 41)
    window.save()
    before = file_digest(ledger_file)
    monkeypatch.setattr(window.safety, "choose_restore_file", lambda: str(made))
    monkeypatch.setattr(window.safety, "confirm_restore", lambda path: False)
    assert not window.safety.restore()
    assert file_digest(ledger_file) == before


def test_audit_log_view_filters_and_exports(qtbot, qtmodeltester, window, tmp_path, monkeypatch):
    township = _first_township(window.db)
    window.editor.set_quota_field(township, "administrative", "approved", 37)
    window.editor.set_quota_field(township, "institutional", "staff", 12)
    dialog = window.safety.show_audit_log()
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    with window.db.session() as s:
        total = len(audit_entries(s))
        edits = len(audit_entries(s, action="ledger_edit"))
    assert dialog.model.rowCount() == total and edits >= 2

    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("ledger_edit"))
    assert dialog.model.rowCount() == edits
    dialog.text_edit.setText("institutional")
    assert dialog.proxy.rowCount() == 1
    assert dialog.visible_rows()[0][4] == f"{township}/institutional"

    target = tmp_path / "log.csv"
    monkeypatch.setattr(dialog, "choose_export_file", lambda: str(target))
    assert dialog.export() == str(target)
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert len(rows) == 2 and rows[1][4] == f"{township}/institutional" and rows[1][5] == "staff"

    dialog.text_edit.clear()
    dialog.since_box.setChecked(True)
    dialog.since_edit.setDate(dialog.since_edit.date().addYears(5))
    assert dialog.model.rowCount() == 0


def _quota_on_record(db, township: str) -> int:
    with db.session() as s:
        return s.scalars(select(Quota.approved).join(Township).where(
            Township.name == township, Quota.kind == "administrative")).one()


@pytest.mark.parametrize("choice", [OVERWRITE, RELOAD, CANCEL])
def test_an_edit_from_a_stale_screen_is_a_conflict_with_a_choice(qtbot, window, ledger_file, monkeypatch, choice):
    from planner.store import ledger_edit

    township = _first_township(window.db)
    shown = _quota_on_record(window.db, township)
    other_user = open_database(ledger_file)  # another process would hold its own connection
    try:
        with other_user.session() as s:
            s.info["audit_user"] = "李四"
            ledger_edit.set_quota_field(s, township, "administrative", "approved", shown + 3)
    finally:
        other_user.close()
    asked, reloads = [], []
    monkeypatch.setattr(window.safety, "ask_conflict_choice", lambda error: asked.append(error) or choice)
    real_reload = window.reload_ledger
    monkeypatch.setattr(window, "reload_ledger", lambda clear_undo=False: reloads.append(1) or real_reload(clear_undo))

    # this window still shows the old number and the user types a new one over it
    assert not window.editor.set_quota_field(township, "administrative", "approved", shown - 1, current=shown)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    conflict = asked[0]
    assert isinstance(conflict, ConflictError) and conflict.records[0].changed_by == "李四"
    assert conflict.records[0].entity_key == f"{township}/administrative"
    expected = {OVERWRITE: shown - 1, RELOAD: shown + 3, CANCEL: shown + 3}[choice]
    assert _quota_on_record(window.db, township) == expected
    assert len(reloads) == (0 if choice == CANCEL else 1)
    # the refused step never entered the undo history; an overwrite is one undoable step
    assert window.undo_stack.count() == (1 if choice == OVERWRITE else 0)


def test_conflict_mapping_of_a_stale_data_error(qtbot, window, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    asked = []
    monkeypatch.setattr(window.safety, "ask_conflict_choice", lambda error: asked.append(error) or CANCEL)
    window.editor.failed.emit(StaleDataError("UPDATE statement on table 'quota' expected to update 1 row"))
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert isinstance(asked[0], ConflictError)


def test_other_edit_errors_still_reach_the_window(window):
    window.editor.set_quota_field(_first_township(window.db), "administrative", "approved", "abc")
    assert "approved" in window.last_error or "核定编制" in window.last_error


def test_backups_to_keep_is_a_setting(window, ledger_file):
    from planner.store import backup

    assert window.safety.backups_to_keep() == backup.DEFAULT_KEEP == backup.default_keep()
    window.safety.set_backups_to_keep(2)
    assert window.settings.value("backup/keep") == 2 and backup.default_keep() == 2
    for _ in range(4):
        backup.backup_before(window.db, "apply")
    assert len(list_backups(backup_folder(ledger_file), include_manual=False)) == 2
    with pytest.raises(ValueError):
        window.safety.set_backups_to_keep(0)
    backup.set_default_keep(backup.DEFAULT_KEEP)


def test_server_urls_are_remembered_without_their_password(window):
    from types import SimpleNamespace

    from ui import file_menu

    db = SimpleNamespace(path=None, url="postgresql+psycopg://clerk:s3cret@db.example:5432/ledger")
    remembered = file_menu.remembered_location(db)
    assert "s3cret" not in remembered and remembered == "postgresql+psycopg://clerk@db.example:5432/ledger"
