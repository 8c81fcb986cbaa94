"""One file, two windows: the second instance is told who holds the ledger and opens it read-only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from safety_helpers import file_digest, write_ledger
from planner.store.db import open_database
from planner.store.instance_lock import (
    InstanceLock, LockHeld, holder_of, is_read_only, lock_path_for, open_for_instance, read_lock_info,
    read_only_url,
)
from planner.store.models import Quota

ROOT = Path(__file__).resolve().parents[1]

HOLDER = """
import sys, time
sys.path.insert(0, {root!r})
from planner.store.instance_lock import InstanceLock
lock = InstanceLock({db!r}).acquire()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def ledger_file(tmp_path) -> Path:
    path = tmp_path / "共享 台账" / "ledger.sqlite"
    db = open_database(path)
    write_ledger(db, 3, 1)
    db.close()
    return path


def _holder_process(db: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), db=str(db))],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_lock_is_refused_with_who_holds_it(ledger_file):
    first = InstanceLock(ledger_file).acquire()
    try:
        with pytest.raises(LockHeld) as held:
            InstanceLock(ledger_file).acquire()
        info = held.value.holder
        assert info is not None and info.pid == os.getpid() and info.user == first.info.user
        assert str(os.getpid()) in str(held.value) and "打开编辑" in str(held.value)
        assert holder_of(ledger_file) == info
        assert stat_mode(lock_path_for(ledger_file)) == 0o600
    finally:
        first.release()
    assert holder_of(ledger_file) is None
    assert not lock_path_for(ledger_file).exists()
    InstanceLock(ledger_file).acquire().release()


def stat_mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


def test_a_killed_holder_leaves_no_stale_lock(ledger_file):
    proc = _holder_process(ledger_file)
    try:
        assert holder_of(ledger_file).pid == proc.pid
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # the file with the dead holder's details is still there, but the OS lock is gone
    assert read_lock_info(lock_path_for(ledger_file)).pid == proc.pid
    lock = InstanceLock(ledger_file).acquire()
    try:
        assert read_lock_info(lock.path).pid == os.getpid()
    finally:
        lock.release()


def test_second_instance_opens_read_only_and_cannot_write(ledger_file):
    proc = _holder_process(ledger_file)
    try:
        opened = open_for_instance(ledger_file)
        try:
            assert opened.read_only and opened.lock is None and is_read_only(opened.db)
            assert opened.holder.holder.pid == proc.pid
            assert opened.db.path == ledger_file.absolute()
            before = file_digest(ledger_file)
            with opened.db.session() as s:
                assert len(s.scalars(select(Quota)).all()) >= 6  # it reads the ledger
            with pytest.raises(OperationalError, match="readonly"):
                with opened.db.session() as s:
                    s.scalars(select(Quota)).first().approved += 1
            with pytest.raises(OperationalError, match="readonly"):
                with opened.db.engine.begin() as conn:
                    conn.execute(text("delete from township"))
            assert file_digest(ledger_file) == before
        finally:
            opened.close()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def test_first_instance_writes_and_holds_the_lock_until_closed(ledger_file):
    opened = open_for_instance(ledger_file)
    try:
        assert not opened.read_only and opened.lock is not None and not is_read_only(opened.db)
        with opened.db.session() as s:
            s.scalars(select(Quota)).first().approved += 1
        second = open_for_instance(ledger_file)
        try:
            assert second.read_only and second.holder.holder.pid == os.getpid()
        finally:
            second.close()
    finally:
        opened.close()
    again = open_for_instance(ledger_file)
    try:
        assert not again.read_only
    finally:
        again.close()


def test_a_new_database_is_created_only_by_the_lock_holder(tmp_path):
    path = tmp_path / "new.sqlite"
    opened = open_for_instance(path)
    try:
        assert path.exists() and stat_mode(path) == 0o600 and opened.db.created
    finally:
        opened.close()


def test_read_only_url_survives_spaces_and_chinese(ledger_file):
    url = read_only_url(ledger_file)
    assert url.startswith("sqlite:///file:") and "mode=ro" in url and " " not in url
    db = open_database(url, create=False, upgrade=False)
    try:
        assert db.path == ledger_file.absolute()
        with db.engine.connect() as conn:
            assert conn.execute(text("select count(*) from township")).scalar() == 3
    finally:
        db.close()


def test_server_databases_take_no_lock(monkeypatch):
    import planner.store.db

    opened_urls = []
    monkeypatch.setattr(planner.store.db, "open_database", lambda url, create=True: opened_urls.append(url) or "db")
    opened = open_for_instance("postgresql+psycopg://clerk@db.example/ledger")
    assert opened.lock is None and not opened.read_only and opened_urls == [
        "postgresql+psycopg://clerk@db.example/ledger"]


def test_lock_released_when_the_holder_exits_normally(ledger_file):
    proc = _holder_process(ledger_file)
    proc.terminate()
    proc.wait()
    deadline = time.monotonic() + 5
    while holder_of(ledger_file) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert holder_of(ledger_file) is None
