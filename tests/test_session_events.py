"""Every Database's sessions log and hold their rows, however many databases came and went.

SQLAlchemy's event registry is keyed by the id of a sessionmaker's session class; a new class
may reuse the id of a collected one, and `event.contains` then answers True for listeners the
new class never got. The audit log and the version checks must not depend on that.
"""

from __future__ import annotations

import gc

from planner.store.conflicts import _HELD
from planner.store.db import open_database


def test_each_new_database_logs_and_holds_rows(tmp_path):
    path = tmp_path / "ledger.sqlite"
    open_database(path).close()
    for i in range(60):
        db = open_database(path, create=False)
        session = db.new_session()
        try:
            assert len(session.dispatch.before_flush) >= 1, f"no audit listener on database {i}"
            assert len(session.dispatch.loaded_as_persistent) >= 1, f"rows not held on database {i}"
        finally:
            session.close()
            db.close()
        del db, session
        gc.collect()
    assert _HELD
