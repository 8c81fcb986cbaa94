"""Starting the desktop application: `python main.py [--db PATH] [--lang zh_CN|en]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import __version__
from planner.services.demo import write_demo
from planner.store.credentials import open_server_database
from planner.store.db import Database, DamagedDatabase, DatabaseError, default_database_path, open_database
from planner.store.reads import is_empty
from ui import fonts, i18n
from ui.main_window import MainWindow
from ui.recovery import offer_restore
from ui.safety_actions import ask_password
from ui.settings import APPLICATION, ORGANIZATION, Settings
from ui.i18n import error_text

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls



def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as in tests)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    return app


def choose_database(args: argparse.Namespace, settings: Settings) -> str:
    """--db, else the last database if it still exists, else the default one in the user's data folder."""
    if getattr(args, "db", None):
        return args.db
    last = settings.last_database
    if last and ("://" in last or Path(last).exists()):
        return last
    return str(default_database_path())


def open_start_database(location: str, on_default_path: bool) -> Database:
    """Open the database; a new one, or an empty default one, gets the demo county."""
    # A server that wants a password: the keyring's, else asked (never kept in settings).
    db = open_server_database(location, ask=lambda url: ask_password(None, url),
                              open_fn=lambda url: open_database(url, create=True))
    if db.created:
        write_demo(db)
    elif on_default_path:
        if is_empty(db):
            write_demo(db)
    return db


def run_gui(args: argparse.Namespace) -> int:
    app = make_application()
    settings = Settings()
    language = getattr(args, "lang", None) or settings.language
    fonts.apply_application_font(app)
    i18n.install_language(language, app)

    location = choose_database(args, settings)
    default = str(default_database_path())
    try:
        try:
            db = open_start_database(location, on_default_path=(location == default))
        except DamagedDatabase as damaged:
            db = offer_restore(None, damaged)
            if db is None:
                raise
    except DatabaseError as error:
        QMessageBox.critical(None, translate("App", "Cannot open the database"), error_text(error))
        if getattr(args, "db", None) or location == default:
            return 2
        # The remembered database failed (moved, upgraded elsewhere): fall back to the default one.
        try:
            db = open_start_database(default, on_default_path=True)
        except DatabaseError as second:
            QMessageBox.critical(None, translate("App", "Cannot open the database"), str(second))
            return 2

    window = MainWindow(db, settings)
    window.show()
    code = app.exec()
    if window.db is not None:
        window.db.close()
    return int(code)
