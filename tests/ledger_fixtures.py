"""Fixtures for the ledger and window tests: temporary databases and settings.

`ledger_db` holds the 14-township demo ledger written with replace_county only,
so these tests depend on the ledger alone, not on scenarios or the solver.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def ledger_db(db_path):
    from planner.store.db import open_database
    from planner.demo.county import generate_demo
    from planner.store.ledger import replace_county

    db = open_database(db_path)
    with db.session() as session:
        replace_county(session, generate_demo(14, 1))
    yield db
    db.close()


@pytest.fixture
def fresh_settings(tmp_path):
    """Settings in a private INI file of this test; the user's settings are never touched."""
    from PySide6.QtCore import QSettings

    from ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
