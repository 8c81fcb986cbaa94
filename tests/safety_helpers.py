"""Helpers of the data-safety tests: a fingerprint of everything a ledger holds, a quick ledger."""

from __future__ import annotations

import hashlib

from cli import main as cli_main
from planner.domain.proposal import Proposal

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
    from planner.demo.county import generate_demo
    from planner.store.ledger import replace_county

    county = generate_demo(n_townships, seed)
    with db.session() as session:
        replace_county(session, county, source="demo")
    return county


def solved_proposal(session) -> Proposal:
    """The solver's proposal for the ledger as it is (a baseline result, ready to apply)."""
    from planner.store.ledger import load_county
    from planner.solving.solve import solve_county

    return solve_county(load_county(session))


def run_cli(capsys, *argv) -> tuple[int, str]:
    """`main.py ARGS` in this process: its exit code and everything it printed."""
    try:
        code = cli_main([str(a) for a in argv])
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.err + captured.out
