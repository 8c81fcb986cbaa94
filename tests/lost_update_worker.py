"""One writer of tests/test_lost_updates.py: read a quota line, write it back plus one, N times.

Run as `python lost_update_worker.py URL TOWNSHIP N CHECK`; prints "landed conflicts" at the
end. CHECK=1 re-reads the line and compares it (`ensure_unchanged`) before writing, as the
window does for an edit made on a screen that may be stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.store import ledger_edit  # noqa: E402
from planner.store.conflicts import ConflictError, ensure_unchanged, save  # noqa: E402
from planner.store.db import open_database  # noqa: E402


def main(url: str, township: str, n: int, check: bool) -> None:
    db = open_database(url, create=False)
    landed = conflicts = 0
    key = f"{township}/administrative"

    def increment(session):
        line = ledger_edit.quota_line(session, township, "administrative")
        if check:
            now = ledger_edit.quota_line(session, township, "administrative")
            ensure_unchanged(session, "quota", key, line.staff, now.staff)
        ledger_edit.set_quota_field(session, township, "administrative", "staff", line.staff + 1)

    try:
        for _ in range(n):
            try:
                save(db, increment)
                landed += 1
            except ConflictError:
                conflicts += 1
    finally:
        db.close()
    print(landed, conflicts)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
