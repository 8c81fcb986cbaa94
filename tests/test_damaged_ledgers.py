"""Damaged ledgers: every command says so in words, exits non-zero and leaves the file as it was;
`restore` puts a good backup back and keeps the damaged bytes.

The corpus (tests/damaged_dbs.py) holds zeroed pages, a zeroed header, a truncated file and a
document saved over the ledger.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from damaged_dbs import DAMAGES, settle
from safety_helpers import file_digest, run_cli, write_ledger
from planner.services.backups import back_up, restore_and_log
from planner.store.backup import BackupError, integrity_problems
from planner.store.db import DamagedDatabase, open_database

COMMANDS = [["summary"], ["demo", "--force"], ["export", "{out}"], ["solve", "--json", "{json}"], ["scenarios"]]


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "ledger.sqlite"
    db = open_database(path)
    write_ledger(db, 6, 1)
    db.close()
    settle(path)
    return path


def _bytes(path) -> tuple:
    """The file and its side files, byte for byte."""
    return tuple(p.read_bytes() if p.exists() else None
                 for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")))


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_every_command_on_a_damaged_ledger_says_so_and_changes_nothing(ledger, tmp_path, capsys, damage):
    DAMAGES[damage](ledger)
    before = _bytes(ledger)
    for command in COMMANDS:
        argv = [a.format(out=tmp_path / "out.xlsx", json=tmp_path / "out.json") for a in command]
        code, text = run_cli(capsys, argv[0], "--db", ledger, *argv[1:])
        assert code != 0, (command, text)
        assert "数据库文件已损坏" in text and "damaged" in text, (command, text)
        assert "restore" in text and "Traceback" not in text, (command, text)
        assert _bytes(ledger) == before, command
    assert not (tmp_path / "out.xlsx").exists() and not (tmp_path / "out.json").exists()


def test_opening_a_damaged_ledger_raises_damaged_database(ledger):
    DAMAGES["zeroed-pages"](ledger)
    with pytest.raises(DamagedDatabase) as caught:
        open_database(ledger, create=False)
    assert caught.value.path == ledger and "damaged" in caught.value.message_en


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_restore_over_a_damaged_ledger_keeps_its_bytes_and_restores(ledger, tmp_path, capsys, damage):
    good = back_up(ledger, tmp_path / "good.sqlite")
    DAMAGES[damage](ledger)
    damaged_bytes = ledger.read_bytes()
    code, text = run_cli(capsys, "restore", good, "--db", ledger)
    assert code == 0, text
    assert integrity_problems(ledger) == []
    [kept] = list(tmp_path.glob("ledger.sqlite.damaged-*"))
    assert kept.read_bytes() == damaged_bytes and (kept.stat().st_mode & 0o777) == 0o600
    assert str(kept) in text and "damaged" in text
    db = open_database(ledger, create=False)
    db.close()
    code, text = run_cli(capsys, "summary", "--db", ledger)
    assert code == 0, text


def _hold_exclusive_lock(path, seconds: float, ready: threading.Event) -> None:
    con = sqlite3.connect(str(path), timeout=0, check_same_thread=False)
    con.execute("PRAGMA locking_mode=EXCLUSIVE")
    con.execute("BEGIN EXCLUSIVE")
    ready.set()
    time.sleep(seconds)
    con.rollback()
    con.close()


def test_restore_under_another_programs_lock_says_it_waits_then_gives_up(ledger, tmp_path):
    good = back_up(ledger, tmp_path / "good.sqlite")
    before = file_digest(ledger)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_exclusive_lock, args=(ledger, 4.0, ready))
    holder.start()
    ready.wait(5)
    said = []
    started = time.monotonic()
    try:
        with pytest.raises(BackupError) as caught:
            restore_and_log(good, ledger, on_wait=said.append, wait_seconds=1.0)
        waited = time.monotonic() - started
    finally:
        holder.join()
    assert 0.9 < waited < 3.0
    assert len(said) == 1 and "等待" in said[0] and "waiting" in said[0]
    assert "locked" in caught.value.message_en and "锁定" in caught.value.message_zh
    assert file_digest(ledger) == before


def test_restore_waits_for_a_short_lock_and_then_restores(ledger, tmp_path):
    good = back_up(ledger, tmp_path / "good.sqlite")
    ready = threading.Event()
    holder = threading.Thread(target=_hold_exclusive_lock, args=(ledger, 1.0, ready))
    holder.start()
    ready.wait(5)
    said = []
    try:
        outcome = restore_and_log(good, ledger, on_wait=said.append, wait_seconds=10.0)
    finally:
        holder.join()
    assert said and outcome.backup is not None and integrity_problems(ledger) == []
