"""Read-modify-write edits from several processes: every commit lands or raises ConflictError.

Each writer reads a quota line and writes it back plus one through the service API
(`save`, `quota_line`, `set_quota_field`), as a script or a second window would. Whatever
the interleaving, the final value is the start plus the number of increments that landed:
nothing is lost without an error, on PostgreSQL and on SQLite alike.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from pg_server import PgServer, server_bin_dir
from safety_helpers import write_ledger
from planner.store import ledger_edit
from planner.store.conflicts import ConflictError, save
from planner.store.db import open_database
from planner.store.models import Township

WORKER = Path(__file__).with_name("lost_update_worker.py")


@pytest.fixture(scope="module")
def pg():
    if server_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries not installed (Debian package postgresql)")
    server = PgServer().start()
    yield server
    server.stop()


def _race(url: str, writers: int, n: int, check: bool) -> None:
    db = open_database(url)
    try:
        write_ledger(db, 3, 1)
        with db.session() as s:
            township = s.scalars(select(Township).order_by(Township.id)).first().name
            start = ledger_edit.quota_line(s, township, "administrative").staff
        procs = [subprocess.Popen([sys.executable, str(WORKER), url, township, str(n), "1" if check else "0"],
                                  stdout=subprocess.PIPE, text=True) for _ in range(writers)]
        outcomes = [p.communicate(timeout=240)[0].split() for p in procs]
        assert all(p.returncode == 0 for p in procs)
        landed = sum(int(o[0]) for o in outcomes)
        conflicts = sum(int(o[1]) for o in outcomes)
        with db.session() as s:
            end = ledger_edit.quota_line(s, township, "administrative").staff
    finally:
        db.close()
    assert landed + conflicts == writers * n
    assert end - start == landed, f"{landed} increments landed but the value grew by {end - start}"


@pytest.mark.parametrize("check", [False, True], ids=["plain", "ensure_unchanged"])
def test_writers_on_postgres_lose_nothing(pg, check):
    name = f"race_{uuid.uuid4().hex[:8]}"
    pg.admin_execute(f"create database {name}")
    try:
        _race(pg.url(database=name), 3, 30, check)
    finally:
        pg.admin_execute(f"drop database {name} with (force)")


def test_demo_on_a_server_names_it_without_the_password(pg):
    from cli import main as cli_main

    name = f"demo_{uuid.uuid4().hex[:8]}"
    pg.admin_execute(f"create database {name}")
    try:
        url = pg.url(database=name)
        password = url.split(":")[2].split("@")[0]
        out = subprocess.run([sys.executable, str(Path(__file__).resolve().parents[1] / "main.py"), "demo",
                              "--db", url, "--townships", "3"], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert password not in out.stderr + out.stdout and ":***@" in out.stderr
        with pytest.raises(SystemExit) as refused:
            cli_main(["demo", "--db", url.replace(password, "wrong-" + password)])
        assert refused.value.code == 2
    finally:
        pg.admin_execute(f"drop database {name} with (force)")


def test_writers_on_sqlite_lose_nothing(tmp_path):
    _race(str(tmp_path / "ledger.sqlite"), 3, 30, False)


def test_a_stale_row_raises_conflict_error_in_a_plain_session(tmp_path):
    """`with db.session()` reports the conflict as ConflictError too, not as StaleDataError."""
    db = open_database(tmp_path / "ledger.sqlite")
    try:
        write_ledger(db, 2, 1)
        with db.session() as s:
            township = s.scalars(select(Township).order_by(Township.id)).first().name
        mine = db.new_session()
        try:
            line = ledger_edit.quota_line(mine, township, "administrative")
            save(db, lambda s: ledger_edit.set_quota_field(s, township, "administrative", "staff",
                                                           line.staff + 5))
            with pytest.raises(ConflictError):
                ledger_edit.set_quota_field(mine, township, "administrative", "staff", line.staff + 1)
                mine.commit()
        finally:
            mine.rollback()
            mine.close()
        with db.session() as s:
            assert ledger_edit.quota_line(s, township, "administrative").staff == line.staff + 5
    finally:
        db.close()
