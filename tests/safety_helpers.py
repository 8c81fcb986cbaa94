"""Helpers of the data-safety tests: a fingerprint of everything a ledger holds, a quick ledger."""

from __future__ import annotations

import hashlib

TABLES = ("county", "township", "quota", "office", "duty", "person", "scenario",
          "applied_proposal", "audit_log")


def table_rows(dbapi_connection, table: str) -> list[tuple]:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"select * from {table} order by id")
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def digest(dbapi_connection, tables=TABLES) -> str:
    """sha256 over every row of every ledger table (in id order), on a DB-API connection."""
    h = hashlib.sha256()
    for table in tables:
        h.update(f"[{table}]".encode())
        for row in table_rows(dbapi_connection, table):
            h.update(repr(row).encode())
            h.update(b"\n")
    return h.hexdigest()


def session_digest(session, tables=TABLES) -> str:
    """The digest as `session` sees the database, its own uncommitted writes included."""
    session.flush()
    return digest(session.connection().connection.driver_connection, tables)


def file_digest(path, tables=TABLES) -> str:
    import sqlite3

    con = sqlite3.connect(str(path))
    try:
        return digest(con, tables)
    finally:
        con.close()


def write_ledger(db, n_townships: int = 14, seed: int = 1):
    """A demo county written straight through replace_county (no example scenarios)."""
    from planner.demo import generate_demo
    from planner.ledger import replace_county

    county = generate_demo(n_townships, seed)
    with db.session() as session:
        replace_county(session, county, source="demo")
    return county


def one_move_proposal(session, rng=None) -> dict | None:
    """A valid proposal for the ledger as it is: one institutional slot from a township with a
    vacancy to another (both unlocked); None when the ledger offers no such pair."""
    import random

    from planner.apply import current_fingerprint
    from planner.ledger import load_county

    rng = rng or random.Random(0)
    county = load_county(session)
    free = [t for t in county.townships if not t.locked and "institutional" in t.quotas]
    gives = [t for t in free if t.quotas["institutional"].approved > t.quotas["institutional"].staff]
    if not gives or len(free) < 2:
        return None
    give = rng.choice(gives)
    take = rng.choice([t for t in free if t is not give])
    rows = []
    for t in county.townships:
        for kind, q in t.quotas.items():
            change = 0
            if kind == "institutional":
                change = -1 if t is give else 1 if t is take else 0
            rows.append({"township": t.name, "kind": kind, "approved": q.approved, "staff": q.staff,
                         "leadership": q.leadership, "required_fte": 0.0, "required": 0,
                         "proposed": q.approved + change, "change": change})
    result = {"status": "optimal", "scenario": "", "townships": rows, "moves": [
        {"from": give.name, "to": take.name, "kind": "institutional", "count": 1, "reason": "测试"}],
        "diagnosis": []}
    result["fingerprint"] = current_fingerprint(session, result)
    result["_give"], result["_take"] = give.name, take.name
    return result
