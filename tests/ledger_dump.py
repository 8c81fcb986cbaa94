"""The ledger's contents as text, to prove scenario work never alters it.

Read through a separate sqlite3 connection, which sees committed rows whether
they sit in the main file or still in the WAL; every column of every ledger
table (version counters included), ordered by primary key.
"""

from __future__ import annotations

import sqlite3

LEDGER_TABLES = ("county", "township", "quota", "office", "duty", "person", "applied_proposal", "audit_log")


def ledger_dump(db) -> str:
    path = db.path
    assert path is not None, "ledger_dump reads SQLite files"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        lines = []
        for table in LEDGER_TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
                lines.append(f"{table}|{row!r}")
        return "\n".join(lines)
    finally:
        conn.close()
