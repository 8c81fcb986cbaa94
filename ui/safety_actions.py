"""The window's data-safety parts: File → Back up / Restore, Tools → Audit log, the one-writer lock,
the read-only banner and the choice offered when a save collides with another user's.

Installed by ui.main_window (`install(workspace, window)`): the database,
settings and messages are the workspace's; from the window it takes the File
and Tools menus, room for the banner, and switching to another database. The dialogs a user answers are methods
(`choose_restore_file`, `confirm_restore`, `ask_conflict_choice`, …) so tests
replace them instead of clicking through modal boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QToolBar

from planner.services.backups import back_up, restore_and_log
from planner.store import backup as backups
from planner.store.conflicts import CANCEL, OVERWRITE, RELOAD, ConflictError
from planner.store.credentials import display_url, keyring_available
from planner.store.db import DatabaseError, open_database
from planner.store.instance_lock import InstanceLock, LockHeld, holder_of, is_read_only, read_only_url
from planner.store.refusals import is_read_only_refusal, is_stale_write
from ui import i18n
from ui.audit_view import AuditLogDialog
from ui.workspace import Workspace

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


KEEP_SETTING = "backup/keep"
MAX_KEEP = 1000


def install(workspace: Workspace, window) -> "SafetyActions":
    """`window`: the ui.main_window.MainWindow (menus, tool bars, set_database, confirm_leave)."""
    return SafetyActions(workspace, window)


def ask_password(parent, url: str) -> str | None:
    """The password of a server database, typed by the user; None when they cancel."""
    where = translate("Safety", "Password for {url}:").format(url=display_url(url))
    note = (translate("Safety", "It will be kept in the system keyring.") if keyring_available()
            else translate("Safety", "It is not stored: you will be asked again next time."))
    password, ok = QInputDialog.getText(parent, translate("Safety", "Database password"), f"{where}\n{note}",
                                        QLineEdit.EchoMode.Password)
    return password if ok else None


class SafetyActions(QObject):
    def __init__(self, workspace: Workspace, window) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.lock: InstanceLock | None = None
        self.held: LockHeld | None = None  # why the current database is read-only
        self._audit_dialog = None

        self.action_backup = QAction(window, triggered=lambda: self.backup_now())
        self.action_backup_to = QAction(window, triggered=lambda: self.backup_to())
        self.action_restore = QAction(window, triggered=lambda: self.restore())
        self.action_audit = QAction(window, triggered=lambda: self.show_audit_log())
        self.action_keep = QAction(window, triggered=lambda: self.ask_backups_to_keep())
        menu = window.menu_file
        self._separator = menu.insertSeparator(window.action_quit)
        for action in (self.action_backup, self.action_backup_to, self.action_restore):
            menu.insertAction(self._separator, action)
        window.menu_tools.addAction(self.action_audit)
        window.menu_tools.addAction(self.action_keep)
        backups.set_default_keep(self.backups_to_keep())

        self.banner = QToolBar(window)
        self.banner.setObjectName("read_only_banner")
        self.banner.setMovable(False)
        self.banner.setFloatable(False)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 6px; }")
        self.banner.addWidget(self.banner_label)
        window.addToolBarBreak()
        window.addToolBar(self.banner)
        self.banner.hide()

        workspace.databaseChanged.connect(self.database_changed)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release_lock)
        self.retranslateUi()
        if workspace.db is not None:
            self.database_changed(workspace.db)

    # ------------------------------------------------------------ one writer per file
    def database_changed(self, db) -> None:
        path = None if db is None else db.path
        if db is not None and is_read_only(db):
            self._release()
            if self.held is None or self.held.db_path != Path(path).absolute():
                holder = holder_of(path) if path is not None else None
                self.held = LockHeld(Path(path).absolute(), holder) if path is not None else None
            self._show_read_only(True)
            return
        self.held = None
        if path is None:  # a server database: shared, guarded by the version columns
            self._release()
            self._show_read_only(False)
            return
        if self.lock is not None and self.lock.db_path == Path(path).absolute():
            self._show_read_only(False)
            return
        self._release()
        lock = InstanceLock(path)
        try:
            lock.acquire()
        except LockHeld as held:
            self.held = held
            self._open_read_only(path)
            return
        self.lock = lock
        self._show_read_only(False)

    def _open_read_only(self, path: Path) -> None:
        try:
            read_only = open_database(read_only_url(path), create=False, upgrade=False)
        except DatabaseError as error:
            self.workspace.show_error(error)
            return
        self.workspace.set_database(read_only)  # comes back through databaseChanged as read-only
        self.workspace.status(self.read_only_text(), 15000)

    def release_lock(self) -> None:
        """Let another instance write the ledger (at exit; the OS would drop the lock anyway)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    _release = release_lock

    def read_only_text(self) -> str:
        holder = self.held.holder if self.held is not None else None
        who = (self.tr("{user} on {host} (process {pid}, since {since})").format(
            user=holder.user or "?", host=holder.host or "?", pid=holder.pid, since=holder.since)
            if holder is not None and holder.pid else self.tr("another window"))
        return self.tr("Read-only: this ledger is open for editing by {who}. Nothing can be saved here; "
                       "close the other window, then reopen the ledger to edit it.").format(who=who)

    @property
    def read_only(self) -> bool:
        return self.workspace.db is not None and is_read_only(self.workspace.db)

    def _show_read_only(self, read_only: bool) -> None:
        self.banner_label.setText(self.read_only_text() if read_only else "")
        self.banner.setVisible(read_only)
        self.action_restore.setEnabled(not read_only)
        for action in (self.window.action_add_township, self.window.action_remove_township):
            action.setEnabled(not read_only)

    # ------------------------------------------------------------ backups
    def backup_now(self) -> Path | None:
        """A backup into the backups folder beside the database."""
        return self._backup(None)

    def choose_backup_file(self) -> str:
        path = self.workspace.db.path
        suggestion = str(path.with_name(f"{path.stem}-backup{path.suffix}")) if path else ""
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Back up the ledger to"), suggestion,
                                                "SQLite (*.sqlite *.sqlite3 *.db);;*")
        return chosen

    def backup_to(self) -> Path | None:
        if self._server_database(self.tr("Back up")):
            return None
        target = self.choose_backup_file()
        return self._backup(target) if target else None

    def _server_database(self, title: str) -> bool:
        if self.workspace.db is None or self.workspace.db.path is not None:
            return False
        QMessageBox.information(self.window, title, self.tr(
            "This ledger is on a database server. Its backups are made on the server (pg_dump); "
            "ask the server's administrator."))
        return True

    def _backup(self, target) -> Path | None:
        if self.workspace.db is None or self._server_database(self.tr("Back up")):
            return None
        try:
            made = back_up(self.workspace.db, target)
        except backups.BackupError as error:
            self.workspace.show_error(error)
            return None
        self.workspace.status(self.tr("Backup saved to {path}").format(path=made), 15000)
        return made

    def backups_to_keep(self) -> int:
        value = self.workspace.settings.value(KEEP_SETTING)
        return value if 1 <= value <= MAX_KEEP else backups.DEFAULT_KEEP

    def set_backups_to_keep(self, keep: int) -> None:
        if not 1 <= int(keep) <= MAX_KEEP:
            raise ValueError(f"keep between 1 and {MAX_KEEP} backups")
        self.workspace.settings.set_value(KEEP_SETTING, int(keep))
        backups.set_default_keep(int(keep))

    def ask_backups_to_keep(self) -> None:
        keep, ok = QInputDialog.getInt(self.window, self.tr("Automatic backups"), self.tr(
            "How many automatic backups (before applying a proposal, importing, upgrading or restoring) "
            "to keep per ledger:"), self.backups_to_keep(), 1, MAX_KEEP)
        if ok:
            self.set_backups_to_keep(keep)

    def choose_restore_file(self) -> str:
        folder = backups.backup_folder(self.workspace.db.path)
        chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Restore from backup"),
                                                str(folder if folder.is_dir() else self.workspace.db.path.parent),
                                                "SQLite (*.sqlite *.sqlite3 *.db);;*")
        return chosen

    def confirm_restore(self, backup: Path) -> bool:
        answer = QMessageBox.question(self.window, self.tr("Restore from backup"), self.tr(
            "Replace the ledger with the backup {name}?\n\nThe ledger as it is now is backed up first, so this "
            "can be reversed by restoring that backup.").format(name=backup.name))
        return answer == QMessageBox.StandardButton.Yes

    def restore(self) -> bool:
        workspace = self.workspace
        if workspace.db is None or self._server_database(self.tr("Restore from backup")):
            return False
        if self.read_only:
            workspace.show_error(self.read_only_text())
            return False
        chosen = self.choose_restore_file()
        if not chosen or not self.confirm_restore(Path(chosen)):
            return False
        if not self.window.confirm_leave():
            return False
        path = workspace.db.path
        workspace.db.close()  # the restored file may need its schema upgraded: reopen it afresh
        try:
            outcome = restore_and_log(chosen, path)
        except (backups.BackupError, DatabaseError) as error:
            workspace.show_error(error)
            workspace.set_database(open_database(path, create=False))
            return False
        workspace.set_database(open_database(path, create=False))  # re-reads the ledger, clears undo
        workspace.status(self.tr("Restored from {backup}. The ledger as it was before is saved in {safety}.")
                      .format(backup=Path(chosen).name, safety=outcome.backup), 20000)
        return True

    # ------------------------------------------------------------ audit log
    def show_audit_log(self):
        if self._audit_dialog is None:
            self._audit_dialog = AuditLogDialog(self.workspace, self.window)
        else:
            self._audit_dialog.reload()
        self._audit_dialog.show()
        self._audit_dialog.raise_()
        return self._audit_dialog

    # ------------------------------------------------------------ conflicts
    def on_edit_failed(self, error) -> None:
        if is_stale_write(error):
            error = ConflictError([])
        if isinstance(error, ConflictError):
            # Asked once the failed edit has left the undo stack: a dialog (and a retried edit)
            # inside QUndoStack.push would nest one push in another.
            QTimer.singleShot(0, lambda: self.resolve_conflict(error))
        elif is_read_only_refusal(error):
            self.workspace.show_error(self.read_only_text())
        else:
            self.workspace.show_error(error)

    def ask_conflict_choice(self, error: ConflictError) -> str:
        english = i18n.current_language() == "en"
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Save conflict"),
                          error.message_en if english else error.message_zh, QMessageBox.StandardButton.NoButton,
                          self.window)
        reload_button = box.addButton(self.tr("Reload theirs"), QMessageBox.ButtonRole.AcceptRole)
        overwrite_button = None
        if error.retry is not None:
            overwrite_button = box.addButton(self.tr("Overwrite with mine"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is reload_button:
            return RELOAD
        if overwrite_button is not None and clicked is overwrite_button:
            return OVERWRITE
        return CANCEL

    def resolve_conflict(self, error: ConflictError) -> str:
        """Ask and act: reload the ledger as the other user left it, write mine over it, or neither."""
        choice = self.ask_conflict_choice(error)
        if choice == RELOAD:
            self.workspace.reload_ledger()
            self.workspace.status(self.tr("Reloaded: the ledger shows the other user's change."))
        elif choice == OVERWRITE:
            try:
                error.retry()  # the same edit again, on the record as it is now
            except Exception as again:  # noqa: BLE001 - shown to the user
                self.workspace.show_error(again)
            self.workspace.reload_ledger()
        return choice

    # ------------------------------------------------------------ language
    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        return False

    def retranslateUi(self) -> None:
        self.action_backup.setText(self.tr("&Back up now"))
        self.action_backup.setToolTip(self.tr("Save a consistent copy of the ledger in the backups folder"))
        self.action_backup_to.setText(self.tr("Bac&k up to…"))
        self.action_restore.setText(self.tr("Restore &from backup…"))
        self.action_audit.setText(self.tr("&Audit log…"))
        self.action_keep.setText(self.tr("Automatic &backups to keep…"))
        self.banner.setWindowTitle(self.tr("Read-only"))
        if self.banner.isVisible() or self.read_only:
            self.banner_label.setText(self.read_only_text())
