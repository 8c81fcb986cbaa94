"""Passwords never shown, the audit CSV never runs formulas, the log is where errors say it is,
a missing HiGHS is said aloud, and a damaged ledger offers its latest good backup in the window."""

from __future__ import annotations

import csv
import logging

import pytest

from cli import main as cli_main
from damaged_dbs import DAMAGES, settle
from safety_helpers import write_ledger
from planner import logsetup
from planner.services.backups import back_up
from planner.store.audit import csv_cell, write_audit_csv
from planner.store.db import DamagedDatabase, DatabaseError, open_database
from planner.store.ledger import load_county
from planner.store.location import display_url

SECRET = "s3cret-Pw"


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "ledger.sqlite"
    db = open_database(path)
    write_ledger(db, 4, 1)
    db.close()
    return path


def _county(path):
    db = open_database(path, create=False)
    try:
        with db.session() as session:
            return load_county(session)
    finally:
        db.close()


# ---------------------------------------------------------------- passwords

def test_display_url_hides_the_password():
    assert SECRET not in display_url(f"postgresql+psycopg://alice:{SECRET}@db.example:5432/ledger")
    assert display_url("/home/x/ledger.sqlite") == "/home/x/ledger.sqlite"
    assert SECRET not in display_url(f"weird://alice:{SECRET}@host/db?x=[")


def test_a_server_that_cannot_be_reached_is_named_without_its_password(capsys):
    url = f"postgresql+psycopg://alice:{SECRET}@127.0.0.1:1/ledger?connect_timeout=2"
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    assert SECRET not in str(caught.value) and SECRET not in caught.value.message_en
    assert "alice:***@127.0.0.1" in str(caught.value)
    try:
        code = cli_main(["summary", "--db", url])
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2 and SECRET not in capsys.readouterr().err
    log = logsetup.log_file()
    assert not log.exists() or SECRET not in log.read_text(encoding="utf-8")


# ---------------------------------------------------------------- formula injection

@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx",
                                   "=cmd|' /C calc'!A0"])
def test_a_cell_that_looks_like_a_formula_is_written_as_text(tmp_path, value):
    target = tmp_path / "audit.csv"
    write_audit_csv(target, [["2025-01-01 00:00:00", value, "ledger_edit", "township", value, "name",
                              "old", value]])
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][1] == "'" + value and rows[1][7] == "'" + value
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert (target.stat().st_mode & 0o777) == 0o600


def test_ordinary_cells_are_left_alone():
    assert [csv_cell(v) for v in ("芦汀镇", "12", "", None, "a=b")] == ["芦汀镇", "12", "", "", "a=b"]


# ---------------------------------------------------------------- the log

def test_the_log_lives_in_the_user_data_folder_and_is_private(tmp_path, monkeypatch):
    monkeypatch.delenv(logsetup.LOG_ENV, raising=False)
    path = logsetup.configure_logging()
    assert path is not None and path.name == "planner.log" and path.parent.name == "logs"
    assert str(path).startswith(str(tmp_path.parent.parent)) or "EstablishmentPlanner" in str(path)
    logging.getLogger("test").warning("hello log")
    assert "hello log" in path.read_text(encoding="utf-8")
    assert (path.stat().st_mode & 0o777) == 0o600
    handler = logsetup._handler
    assert handler.maxBytes == 1_000_000 and handler.backupCount == 5


def test_an_error_line_names_the_log_and_the_log_holds_the_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(logsetup.LOG_ENV, str(tmp_path / "logs"))
    ledger = tmp_path / "ledger.sqlite"
    db = open_database(ledger)
    write_ledger(db, 3, 1)
    db.close()

    def explode(*_args, **_kwargs):
        raise RuntimeError("a fault of the planner")

    monkeypatch.setattr("planner.services.excel.read_ledger", explode)
    code = cli_main(["export", str(tmp_path / "out.xlsx"), "--db", str(ledger)])
    err = capsys.readouterr().err
    log = tmp_path / "logs" / "planner.log"
    assert code == 1 and str(log) in err and "Traceback" not in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "a fault of the planner" in text


# ---------------------------------------------------------------- HiGHS missing

def test_solve_with_highs_missing_says_cbc_solved_instead(ledger, tmp_path, monkeypatch, capsys):
    import json

    from optimizer import lp

    monkeypatch.setattr(lp, "_BulkHiGHS", None)
    out = tmp_path / "p.json"
    assert cli_main(["solve", "--db", str(ledger), "--solver", "highs", "--json", str(out)]) == 0
    err = capsys.readouterr().err
    assert "警告" in err and "HiGHS is not installed" in err
    name = json.loads(out.read_text(encoding="utf-8"))["solver"]["name"]
    assert "CBC" in name and "HiGHS is not installed" in name


# ---------------------------------------------------------------- the window's recovery

def test_the_window_offers_the_latest_good_backup_and_restores_it(ledger, tmp_path, qapp):
    from ui import recovery

    settle(ledger)
    back_up(ledger)                      # an older good backup
    newest = back_up(ledger)             # the newest good one
    broken = tmp_path / "backups" / "ledger-20990101-000000-000000-manual.sqlite"
    broken.write_bytes(b"not a database")   # newest by name, but damaged: skipped
    good = _county(ledger)
    DAMAGES["zeroed-pages"](ledger)
    with pytest.raises(DamagedDatabase) as caught:
        open_database(ledger, create=False)
    asked = []
    db = recovery.offer_restore(None, caught.value, ask=lambda _p, _t, text: asked.append(text) or True,
                                tell=lambda *a: pytest.fail(f"unexpected error dialog: {a}"))
    try:
        assert db is not None and newest.name in asked[0]
    finally:
        db.close()
    assert _county(ledger) == good   # the ledger as backed up (plus the restore's audit entry)
    assert list(tmp_path.glob("ledger.sqlite.damaged-*"))


def test_the_window_says_so_when_no_good_backup_exists(ledger, qapp):
    from ui import recovery

    DAMAGES["zeroed-header"](ledger)
    with pytest.raises(DamagedDatabase) as caught:
        open_database(ledger, create=False)
    told = []
    db = recovery.offer_restore(None, caught.value, ask=lambda *a: pytest.fail("nothing to offer"),
                                tell=lambda _p, _t, text: told.append(text))
    assert db is None and "planner.log" in told[0]


def test_a_cancelled_offer_leaves_the_damaged_file(ledger, qapp):
    from ui import recovery

    settle(ledger)
    back_up(ledger)
    DAMAGES["truncated"](ledger)
    damaged = ledger.read_bytes()
    with pytest.raises(DamagedDatabase) as caught:
        open_database(ledger, create=False)
    assert recovery.offer_restore(None, caught.value, ask=lambda *a: False) is None
    assert ledger.read_bytes() == damaged


def test_the_windows_save_dialogs_refuse_the_ledger(ledger, tmp_path, qapp, monkeypatch):
    from ui import recovery

    warned = []
    monkeypatch.setattr(recovery.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    db = open_database(ledger, create=False)
    try:
        assert recovery.safe_save_path(None, str(ledger), db) is None
        assert recovery.safe_save_path(None, str(ledger) + "-wal", db) is None
        assert recovery.safe_save_path(None, str(tmp_path / "ok.xlsx"), db) == str(tmp_path / "ok.xlsx")
        assert recovery.safe_save_path(None, "", db) is None
    finally:
        db.close()
    assert len(warned) == 2 and ("数据库" in warned[0] or "database in use" in warned[0])
