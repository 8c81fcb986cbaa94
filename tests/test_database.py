"""Opening, creating, upgrading and refusing databases."""

import os
import sqlite3
import stat

import pytest
from sqlalchemy import select, text

from planner.domain.county import KINDS
from planner.store.db import SchemaTooNew, head_revision, open_database, schema_revision
from planner.demo.county import generate_demo, write_demo
from planner.store.ledger import load_county, replace_county
from planner.store.models import Quota, Township


def test_new_database_is_private_wal_with_foreign_keys(db_path):
    db = open_database(db_path)
    try:
        assert db.created
        assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert schema_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_deleting_a_township_cascades(demo_db):
    with demo_db.session() as s:
        first = s.scalars(select(Township).order_by(Township.id)).first()
        s.delete(first)
    with demo_db.session() as s:
        assert s.scalar(select(Quota).where(Quota.township_id == first.id)) is None


def test_upgrade_from_first_revision_keeps_the_ledger(db_path):
    old = open_database(db_path, revision="0001")
    assert schema_revision(old.engine) == "0001"
    with old.engine.begin() as conn:
        tables = {r[0] for r in conn.execute(text("select name from sqlite_master where type='table'"))}
        assert "scenario" not in tables and "township" in tables
        conn.execute(text(
            "insert into county (name, working_days, annual_leave_days, other_absence_days, training_days,"
            " hours_per_day, shared_duty_share, backup_load_factor, max_backup_roles) "
            "values ('旧县', 250, 10, 5, 10, 8, 0.1, 0.15, 3)"))
        conn.execute(text(
            "insert into township (name, type, category, population, area_km2, villages, locked, position)"
            " values ('旧镇', '镇', '二类', 20000, 100.0, 9, 0, 0)"))
        conn.execute(text("insert into quota (township_id, kind, approved, staff, leadership)"
                          " values (1, 'administrative', 20, 18, 9)"))
    old.close()

    db = open_database(db_path)
    try:
        assert schema_revision(db.engine) == head_revision()
        with db.session() as s:
            county = load_county(s)
        assert county.name == "旧县" and county.params.working_days == 250
        assert county.townships[0].quotas["administrative"].approved == 20
        with db.engine.connect() as conn:
            assert conn.execute(text("select count(*) from scenario")).scalar() == 0
        assert list((db_path.parent / "backups").glob("ledger-*-upgrade.sqlite"))
    finally:
        db.close()


def test_newer_schema_is_refused_and_left_untouched(db_path):
    open_database(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("update alembic_version set version_num = '9999_future'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew, match="更新版本"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_replace_then_load_round_trip(db_path):
    county = generate_demo(5, seed=7)
    db = open_database(db_path)
    try:
        with db.session() as s:
            replace_county(s, county)
        with db.session() as s:
            loaded = load_county(s)
    finally:
        db.close()
    assert loaded == county


def test_a_failed_write_leaves_the_ledger_as_it_was(demo_db):
    with demo_db.session() as s:
        before = load_county(s)
    broken = generate_demo(3, seed=2)
    broken.townships[1].name = broken.townships[0].name  # violates the unique name
    with pytest.raises(Exception):
        with demo_db.session() as s:
            replace_county(s, broken)
    with demo_db.session() as s:
        assert load_county(s) == before


def test_fingerprint_same_in_memory_and_read_back(db_path):
    """Stale-proposal checks compare fingerprints of a county built in memory and read back."""
    from planner.domain.fingerprint import county_fingerprint

    county = generate_demo(6, seed=3)
    db = open_database(db_path)
    try:
        with db.session() as s:
            replace_county(s, county)
        with db.session() as s:
            loaded = load_county(s)
    finally:
        db.close()
    assert county_fingerprint(loaded) == county_fingerprint(county)
    loaded.townships[0].duties[0].annual_volume += 1
    assert county_fingerprint(loaded) != county_fingerprint(county)


def test_demo_counties_solve_at_every_size():
    """The demo never locks a township over quota, so its proposal always exists."""
    from planner.solving.solve import solve_county

    for n in (3, 14, 40):
        result = solve_county(generate_demo(n, seed=1))
        assert result.status in ("optimal", "feasible"), result.diagnosis
        locked = [t for t in result.lines if t.locked]
        assert all(t.proposed == t.approved for t in locked)


def test_the_newest_revision_read_from_the_scripts_is_alembics_head():
    # Opening a ledger at this revision skips alembic; were the two to differ, a ledger one
    # revision behind could open without its upgrade.
    from planner.store.db import newest_revision

    assert newest_revision() == head_revision()


def test_a_ledger_one_revision_behind_is_still_upgraded_on_opening(db_path):
    from planner.store.db import stored_revision

    older = open_database(db_path, revision="0004_rules_decisions")
    assert stored_revision(older.engine) == "0004_rules_decisions" != head_revision()
    older.close()
    db = open_database(db_path)
    try:
        assert stored_revision(db.engine) == head_revision() == schema_revision(db.engine)
        with db.engine.connect() as conn:
            assert conn.execute(text("select count(*) from post_duty")).scalar() == 0  # 0005's table
    finally:
        db.close()
