"""Backups: consistent copies, pruning, restoring, and the `backup` / `restore` commands."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from safety_helpers import TABLES, file_digest, write_ledger
from planner.store.backup import (
    BackupError, backup_before, backup_database, backup_folder, integrity_problems, list_backups,
    prune_backups, restore_database,
)
from planner.store.db import open_database, schema_revision, head_revision
from planner.demo.county import generate_demo
from planner.store.instance_lock import InstanceLock
from planner.store.ledger import load_county, replace_county
from planner.store.models import AuditEntry, Quota, Township
from planner.services.backups import restore_and_log
from planner.services.excel import replace_ledger_safely

ROOT = Path(__file__).resolve().parents[1]
LEDGER = tuple(t for t in TABLES if t != "audit_log")


@pytest.fixture
def demo_db(db_path):
    db = open_database(db_path)
    write_ledger(db, 14, 1)
    yield db
    db.close()


def run(*args):
    """The command as a user runs it: `python main.py …` in its own process."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def run_here(capsys, *args):
    """The command through cli.main in this process (quicker, for the error cases)."""
    from types import SimpleNamespace

    from cli import main

    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse and open_db_or_exit exit this way
        code = exc.code
    out = capsys.readouterr()
    return SimpleNamespace(returncode=code, stdout=out.out, stderr=out.err)


def _edit_everything(db) -> None:
    with db.session() as s:
        for q in s.scalars(select(Quota)):
            q.approved += 1
    replace_county_data = generate_demo(5, 9)
    with db.session() as s:
        replace_county(s, replace_county_data)


def test_backup_is_a_private_verified_single_file_beside_the_database(demo_db, db_path):
    target = backup_database(demo_db)
    assert target.parent == backup_folder(db_path) == db_path.parent / "backups"
    assert target.name.startswith("ledger-") and target.name.endswith("-manual.sqlite")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(target.parent).st_mode) == 0o700
    assert integrity_problems(target) == []
    con = sqlite3.connect(target)
    try:
        # self-contained: not a WAL file that needs side files to be complete
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        con.close()
    assert file_digest(target) == file_digest(db_path)
    assert not list(target.parent.glob(".*.tmp"))


def test_backup_then_restore_gives_back_the_same_content(demo_db, db_path):
    before = file_digest(db_path)
    target = backup_database(demo_db)
    _edit_everything(demo_db)
    assert file_digest(db_path) != before
    changed = file_digest(db_path)

    safety = restore_database(target, db_path)
    assert file_digest(db_path) == before
    assert integrity_problems(db_path) == []
    # the state the restore replaced was kept first
    assert safety is not None and "before-restore" in safety.name
    assert file_digest(safety) == changed
    # the open engine sees the restored ledger
    with demo_db.session() as s:
        assert len(load_county(s).townships) == 14


def test_backup_is_one_snapshot_even_while_a_writer_is_busy(demo_db, db_path):
    committed = file_digest(db_path)
    writer = demo_db.new_session()
    try:
        for q in writer.scalars(select(Quota)):
            q.staff += 1
        writer.flush()  # written into the open transaction, not committed
        target = backup_database(db_path, reason="apply")
        assert file_digest(target) == committed
        writer.commit()
    finally:
        writer.close()
    assert file_digest(db_path) != committed


def test_restore_and_log_records_the_restore(demo_db, db_path):
    target = backup_database(demo_db)
    _edit_everything(demo_db)
    demo_db.close()
    outcome = restore_and_log(target, db_path)
    assert file_digest(db_path, LEDGER) == file_digest(target, LEDGER)
    db = open_database(db_path)
    try:
        with db.session() as s:
            last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last.action == "restore" and last.new_value == target.name
        assert last.old_value == outcome.backup.name
    finally:
        db.close()


def test_prune_keeps_the_newest_automatic_backups_and_every_manual_one(demo_db, db_path):
    manual = backup_database(demo_db)
    made = [backup_database(demo_db, reason="apply", keep=100) for _ in range(5)]
    folder = backup_folder(db_path)
    removed = prune_backups(folder, keep=2)
    assert set(removed) == set(made[:3])
    assert set(list_backups(folder)) == {manual, *made[3:]}
    # the automatic keep is applied by every automatic backup
    backup_database(demo_db, reason="import", keep=2)
    assert len(list_backups(folder, include_manual=False)) == 2
    assert manual.exists()


def test_prune_removes_temporary_files_left_by_a_crash(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / ".ledger-x.sqlite.123.tmp"
    stale.write_bytes(b"half")
    fresh = folder / ".ledger-y.sqlite.124.tmp"
    fresh.write_bytes(b"being written now")
    os.utime(stale, (1, 1))
    prune_backups(folder, keep=3)
    assert not stale.exists() and fresh.exists()


def test_backup_before_a_change_and_none_for_a_server_database(demo_db, db_path):
    path = backup_before(demo_db, "apply")
    assert path is not None and path.name.endswith("-apply.sqlite")
    assert backup_before("postgresql+psycopg://u@localhost/ledger", "apply") is None
    with pytest.raises(BackupError, match="pg_dump"):
        backup_database("postgresql+psycopg://u@localhost/ledger")


def test_import_is_backed_up_first(demo_db, db_path):
    before = file_digest(db_path)
    outcome = replace_ledger_safely(demo_db, generate_demo(4, 3), source="test.xlsx")
    assert outcome.backup is not None and outcome.backup.name.endswith("-import.sqlite")
    assert file_digest(outcome.backup) == before
    with demo_db.session() as s:
        assert len(load_county(s).townships) == 4


def test_a_damaged_or_foreign_backup_is_refused_and_the_database_kept(demo_db, db_path, tmp_path):
    before = file_digest(db_path)
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("hello")
    with pytest.raises(BackupError, match="SQLite"):
        restore_database(not_sqlite, db_path)

    foreign = tmp_path / "other.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("create table t (x)")
    con.commit()
    con.close()
    with pytest.raises(BackupError, match="台账"):
        restore_database(foreign, db_path)

    damaged = backup_database(demo_db, tmp_path / "damaged.sqlite")
    data = bytearray(damaged.read_bytes())
    page = 4096
    for offset in range(3 * page, min(len(data), 6 * page)):
        data[offset] = 0xA5
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        restore_database(damaged, db_path)
    assert file_digest(db_path) == before
    assert not list(backup_folder(db_path).glob("*before-restore*"))


def test_restoring_an_older_version_backup_upgrades_it(tmp_path):
    old_path = tmp_path / "old.sqlite"
    old = open_database(old_path, revision="0001")
    old.close()
    live = tmp_path / "ledger.sqlite"
    db = open_database(live)
    write_ledger(db, 3, 1)
    db.close()
    restore_and_log(old_path, live)
    db = open_database(live)
    try:
        assert schema_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_backup_and_restore_commands(demo_db, db_path, tmp_path):
    demo_db.close()
    before = file_digest(db_path)
    ledger_before = file_digest(db_path, LEDGER)
    out = run("backup", "--db", db_path)
    assert out.returncode == 0, out.stderr
    auto = Path(out.stdout.strip())
    assert auto.parent == db_path.parent / "backups" and auto.exists()

    named = tmp_path / "copies" / "县台账.sqlite"
    out = run("backup", "--db", db_path, "--to", named)
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()) == named and file_digest(named) == before

    db = open_database(db_path)
    _edit_everything(db)
    db.close()
    out = run("restore", named, "--db", db_path)
    assert out.returncode == 0, out.stderr
    assert "before-restore" in out.stderr
    assert file_digest(db_path, LEDGER) == ledger_before


def test_restore_command_refuses_while_a_window_holds_the_database(demo_db, db_path, capsys):
    target = backup_database(demo_db)
    with demo_db.session() as s:
        s.scalars(select(Township)).first().population += 1
    before = file_digest(db_path)
    with InstanceLock(db_path):  # a lock of its own, as another process's would be
        out = run_here(capsys, "restore", target, "--db", db_path)
    assert out.returncode != 0
    assert "打开编辑" in out.stderr and "close that window" in out.stderr
    assert file_digest(db_path) == before


def test_commands_explain_errors(tmp_path, capsys):
    out = run_here(capsys, "backup", "--db", tmp_path / "missing.sqlite")
    assert out.returncode == 2 and "不存在" in out.stderr
    out = run_here(capsys, "backup", "--db", "postgresql+psycopg://u@localhost/x")
    assert out.returncode == 2 and "pg_dump" in out.stderr
    out = run_here(capsys, "restore", tmp_path / "nope.sqlite", "--db", tmp_path / "l.sqlite")
    assert out.returncode == 2 and "备份文件不存在" in out.stderr
