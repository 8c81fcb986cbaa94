"""File menu: new database, open a SQLite file or a database URL, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox
from planner.store.credentials import display_url, open_server_database, url_for_settings
from planner.store.db import Database, DamagedDatabase, DatabaseError, open_database
from ui.recovery import log_hint, offer_restore
from ui.safety_actions import ask_password
from ui.i18n import error_text
from ui.file_dialogs import open_file_name, save_file_name

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILE_FILTER = "SQLite (*.sqlite *.sqlite3 *.db);;*"



def display_name(db: Database | None, full: bool = False) -> str:
    """How a database is named in the title and status bar: file name, or URL without password."""
    if db is None:
        return ""
    if db.path is not None:
        return str(db.path) if full else db.path.name
    return display_url(db.url)


def remembered_location(db: Database) -> str:
    """What settings keep for reopening: the file path, or the URL with its password left out
    (libpq then finds it in ~/.pgpass or PGPASSWORD; settings files are not a place for secrets)."""
    if db.path is not None:
        return str(db.path)
    return url_for_settings(db.url)  # URL.set(password=None) keeps the password in SQLAlchemy 2.1


def open_location(window: "MainWindow", location: str, create: bool = False) -> bool:
    """Open a database in the window after asking about unsaved edits; False on failure or cancel."""
    if not window.confirm_leave():
        return False
    try:
        # A server that wants a password: the keyring's, else asked (never kept in settings).
        db = open_server_database(location, ask=lambda url: ask_password(window, url),
                                  open_fn=lambda url: open_database(url, create=create))
    except DamagedDatabase as error:
        db = offer_restore(window, error)
        if db is None:
            return False
    except DatabaseError as error:
        QMessageBox.critical(window, translate("FileMenu", "Cannot open the database"), f"{error_text(error)}\n{log_hint()}")
        return False
    window.set_database(db)
    window.status(translate("FileMenu", "Opened {name}").format(name=display_name(db, full=True)))
    return True


def new_database(window: "MainWindow") -> bool:
    path = save_file_name(window, window.settings, translate("FileMenu", "New ledger database"), "ledger.sqlite",
                          FILE_FILTER, options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return False
    if Path(path).exists():
        # Never overwrite a ledger: it is an official record.
        QMessageBox.warning(window, translate("FileMenu", "New ledger database"),
                            translate("FileMenu", "{path} already exists. Choose another name, or open it with File → Open.")
                            .format(path=path))
        return False
    return open_location(window, path, create=True)


def open_database_file(window: "MainWindow") -> bool:
    path = open_file_name(window, window.settings, translate("FileMenu", "Open ledger database"), FILE_FILTER)
    return bool(path) and open_location(window, path)


def open_database_url(window: "MainWindow") -> bool:
    url, ok = QInputDialog.getText(
        window, translate("FileMenu", "Open database URL"),
        translate("FileMenu", "SQLAlchemy URL, e.g. postgresql+psycopg://user@host/ledger\n"
            "(the password is taken from ~/.pgpass or may be written in the URL):"),
        QLineEdit.EchoMode.Normal, "postgresql+psycopg://")
    url = url.strip()
    if not ok or not url:
        return False
    if "://" not in url:
        QMessageBox.warning(window, translate("FileMenu", "Open database URL"), translate("FileMenu", "This is not a database URL: {url}").format(url=url))
        return False
    return open_location(window, url)


def fill_recent_menu(window: "MainWindow") -> None:
    menu = window.menu_recent
    menu.clear()
    recent = window.settings.recent_files
    for location in recent:
        action = menu.addAction(location)
        action.triggered.connect(lambda _checked=False, loc=location: _open_recent(window, loc))
    if not recent:
        menu.addAction(translate("FileMenu", "(none)")).setEnabled(False)


def _open_recent(window: "MainWindow", location: str) -> None:
    if "://" not in location and not Path(location).exists():
        window.settings.remove_recent_file(location)
        QMessageBox.warning(window, translate("FileMenu", "Open recent"), translate("FileMenu", "{path} no longer exists.").format(path=location))
        return
    open_location(window, location)
