"""A database of revision 0003 upgrades to the standing checks and the decision on record, as it was."""

from __future__ import annotations

import json
import sqlite3

from sqlalchemy import text

from planner.domain.rules import example_library
from planner.services.applying import applied_records, decisions_by_township
from planner.services.rules import load_rules
from planner.store.db import head_revision, open_database, schema_revision
from planner.store.ledger import load_county


def test_a_0003_database_upgrades_with_the_example_rules_and_empty_decisions(db_path):
    old = open_database(db_path, revision="0003_people_time")
    assert schema_revision(old.engine) == "0003_people_time"
    result = {"status": "optimal", "scenario": "基准",
              "townships": [{"township": "老镇", "kind": "administrative", "approved": 20, "proposed": 18}]}
    with old.engine.begin() as conn:
        tables = {r[0] for r in conn.execute(text("select name from sqlite_master where type='table'"))}
        assert "standing_rule" not in tables
        conn.execute(text("INSERT INTO county (id, name, working_days, annual_leave_days, other_absence_days, "
                          "training_days, hours_per_day, shared_duty_share, backup_load_factor, max_backup_roles, "
                          "version) VALUES (1, '旧县', 248, 10, 5, 10, 8, 0.1, 0.15, 3, 1)"))
        conn.execute(text("INSERT INTO township (id, name, type, category, population, area_km2, villages, locked, "
                          "position, version) VALUES (1, '老镇', '镇', '二类', 1000, 1.0, 1, 0, 0, 1)"))
        conn.execute(text("INSERT INTO quota (township_id, kind, approved, staff, leadership, version) "
                          "VALUES (1, 'administrative', 18, 15, 9, 1)"))
        conn.execute(text("INSERT INTO applied_proposal (applied_by, scenario, fingerprint, result_json, "
                          "before_json, reverted) VALUES ('王', '基准', 'x', :r, '{}', 0)"),
                     {"r": json.dumps(result, ensure_ascii=False)})
    old.close()

    db = open_database(db_path)
    try:
        assert schema_revision(db.engine) == head_revision()  # through 0004_rules_decisions and later
        with db.session() as s:
            county = load_county(s)
        assert [t.name for t in county.townships] == ["老镇"]
        assert county.township("老镇").quota("administrative").approved == 18
        assert load_rules(db) == example_library()
        (record,) = applied_records(db)
        assert (record.decision_no, record.decision_date, record.decision) == ("", None, None)
        assert record.townships == ["老镇"] and record.slots_moved == 2
        assert list(decisions_by_township(db)) == ["老镇"]
    finally:
        db.close()
    backups = sorted((db_path.parent / "backups").glob("*"))
    assert backups, "no backup before the upgrade"
    with sqlite3.connect(backups[-1]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003_people_time",)


def test_the_migration_goes_down_again(db_path):
    from alembic import command

    from planner.store.location import alembic_config

    db = open_database(db_path)
    try:
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003_people_time")
    finally:
        db.close()
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        columns = {r[1] for r in conn.execute("pragma table_info(applied_proposal)")}
    assert "standing_rule" not in tables and "decision_no" not in columns
