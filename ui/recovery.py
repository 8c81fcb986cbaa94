"""When a ledger will not open because its file is damaged: offer the latest good backup.

`offer_restore` shows the error, the newest backup that passes SQLite's
integrity check and a Restore button; restoring keeps the damaged bytes
beside the ledger (planner.store.backup.keep_damaged_copy) and opens the
restored ledger. `log_hint` is the line every error dialog ends with.

The texts here are pairs (Chinese, English) chosen by the UI language, so the
recovery path works before any catalogue is loaded.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.logsetup import log_file
from planner.services.backups import exclusive, restore_and_log
from planner.services.outputs import OutputRefused, check_output
from planner.store.backup import BackupError, backup_folder, integrity_problems, list_backups
from planner.store.db import Database, DamagedDatabase, open_database
from planner.store.instance_lock import LockHeld
from ui import i18n


def _text(zh: str, en: str) -> str:
    return en if i18n.current_language().startswith("en") else zh


def log_hint() -> str:
    """Where the details of an error went, for the end of a dialog."""
    return _text(f"详情见日志：{log_file()}", f"Details are in the log: {log_file()}")


def latest_good_backup(ledger: Path) -> Path | None:
    """The newest backup of `ledger` in its backups folder that passes the integrity check."""
    for candidate in list_backups(backup_folder(ledger), Path(ledger).stem):
        if not integrity_problems(candidate):
            return candidate
    return None


def _ask(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    restore = box.addButton(_text("恢复此备份", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is restore


def offer_restore(parent: QWidget | None, error: DamagedDatabase,
                  ask: Callable[[QWidget | None, str, str], bool] = _ask,
                  tell: Callable[[QWidget | None, str, str], object] = QMessageBox.critical) -> Database | None:
    """Offer the latest good backup of a damaged ledger; the restored, opened ledger, or None."""
    title = _text("数据库已损坏", "The database is damaged")
    backup = latest_good_backup(error.path)
    if backup is None:
        tell(parent, title, f"{error.message(i18n.current_language())}\n\n"
                            + _text("没有找到完好的备份。", "No good backup was found.") + f"\n{log_hint()}")
        return None
    when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    text = (f"{error.message(i18n.current_language())}\n\n"
            + _text(f"最新的完好备份：{backup.name}（{when}）。恢复它吗？损坏的文件会原样保存在旁边。",
                    f"The latest good backup is {backup.name} ({when}). Restore it? "
                    f"The damaged file is kept beside it as it is."))
    if not ask(parent, title, text):
        return None
    try:
        with exclusive(error.path):
            restore_and_log(backup, error.path)
        return open_database(error.path, create=False)
    except (BackupError, LockHeld, DamagedDatabase) as failed:
        tell(parent, title, f"{failed.message(i18n.current_language())}\n{log_hint()}")
        return None


def safe_save_path(parent: QWidget | None, path: str | None, db) -> str | None:
    """The path a save dialog returned, unless writing it would destroy a ledger (then a warning
    and None): the window's save dialogs ask the same question as the command line."""
    if not path:
        return None
    try:
        check_output(path, db)
    except OutputRefused as refused:
        QMessageBox.warning(parent, _text("不能保存到这里", "Cannot save here"),
                            refused.message(i18n.current_language()))
        return None
    return path
