"""Test set-up: offscreen Qt, a private settings/data folder, fresh databases."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory, monkeypatch):
    """Tests never read or write the real user's settings or data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("PLANNER_LOG_DIR", str(home / "logs"))  # the log too (planner.logsetup)
    # QSettings reads its folder once per process, so point it at this test's folder explicitly.
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / ".config"))
            QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(home / "system-config"))
    yield


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def demo_db(db_path):
    """A database holding the 14-township demo county."""
    from planner.store.db import open_database
    from planner.demo.county import write_demo

    db = open_database(db_path)
    write_demo(db, 14, 1)
    yield db
    db.close()


@pytest.fixture
def chinese_ui(qapp):
    """The window's language is Chinese for the test (errors, progress and labels show their Chinese)."""
    from ui import i18n

    i18n.install_language("zh_CN", qapp)
    try:
        yield
    finally:
        i18n.install_language("en", qapp)
