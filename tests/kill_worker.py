"""The writer that tests/test_kill.py kills: a fork server and the work its children do.

Run as `python tests/kill_worker.py`. It imports the planner once, then on
each line "run DB LOG SEED" on stdin forks a child and answers "pid N"; the
child writes to the ledger through the real code paths (ledger edits,
imports with their backup, proposals of the solver applied with theirs) until
it is killed. When the
child is gone the server answers "exit N STATUS". Forking a process that has
already imported everything makes each of the many runs start in
milliseconds instead of the half second a fresh interpreter needs, and the
server itself never opens the database, so a child starts with no
connection of its parent.

Around every commit the child appends to LOG, with os.write so the line is
in the file the moment the call returns:
    BEGIN op / END op         (an operation: one or more transactions, backups)
    PENDING seq op digest     (the content the commit is about to make durable)
    COMMITTED seq op digest   (after commit() returned)
The parent checks that the database, after the kill, holds exactly the last
committed content or, when a PENDING line is the last, possibly that one.
"""

from __future__ import annotations

import os
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from sqlalchemy import event, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from safety_helpers import session_digest  # noqa: E402
from planner.store import backup
from planner.store import ledger_edit  # noqa: E402
from planner.store.db import open_database  # noqa: E402
from planner.demo.county import generate_demo  # noqa: E402
from planner.store.models import Duty, Office, Quota, Township  # noqa: E402
from planner.services.applying import apply_proposal_safely  # noqa: E402
from planner.services.excel import replace_ledger_safely  # noqa: E402
from planner.solving.solve import solve_county  # noqa: E402
from planner.domain.proposal import Proposal  # noqa: E402

# Built once, before any fork: ledgers to import, and (in warm_up) the solver's proposal
# for each as read back from a database, which applies right after that ledger is imported.
IMPORTS = [generate_demo(14, 1), generate_demo(14, 3), generate_demo(8, 3)]
PROPOSALS: list[Proposal] = []


def _child(db_path: str, log_path: str, seed: int) -> None:
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    born = time.monotonic()

    def note(line: str) -> None:
        os.write(fd, f"{line} {(time.monotonic() - born) * 1000:.0f}ms\n".encode())

    state = {"seq": 0, "op": ""}

    @event.listens_for(Session, "before_commit")
    def _pending(session):
        state["seq"] += 1
        session.info["digest"] = session_digest(session)
        note(f"PENDING {state['seq']} {state['op']} {session.info['digest']}")

    @event.listens_for(Session, "after_commit")
    def _committed(session):
        note(f"COMMITTED {state['seq']} {state['op']} {session.info.pop('digest')}")

    backup.set_default_keep(3)
    rng = random.Random(seed)
    db = open_database(db_path, create=False)
    note("START")
    while True:
        state["op"] = rng.choices(OPS, weights=[3, 1, 2, 3])[0]
        note(f"BEGIN {state['op']}")
        do_op(db, rng, state["op"])
        note(f"END {state['op']}")


OPS = ["edit", "duty", "import", "apply"]


def do_op(db, rng: random.Random, op: str) -> None:
    """One change of the ledger, as the window or the command line makes it."""
    if op == "edit":
        with db.session() as s:
            q = rng.choice(s.scalars(select(Quota)).all())
            township = s.get(Township, q.township_id).name
            field = rng.choice(["approved", "staff"])
            ledger_edit.set_quota_field(s, township, q.kind, field, max(0, getattr(q, field) + rng.choice([-1, 1])))
    elif op == "duty":
        with db.session() as s:
            d = rng.choice(s.scalars(select(Duty)).all())
            o = s.get(Office, d.office_id)
            township = s.get(Township, o.township_id).name
            ledger_edit.set_duty_field(s, township, o.name, d.name, "annual_volume", float(rng.randint(0, 5000)))
    elif op == "import":
        replace_ledger_safely(db, rng.choice(IMPORTS), source="kill-test.xlsx")
    else:
        # A proposal for the ledger as imported: import, then apply (two commits, each with its backup).
        i = rng.randrange(len(IMPORTS))
        replace_ledger_safely(db, IMPORTS[i], source="kill-test.xlsx")
        apply_proposal_safely(db, PROPOSALS[i], user="kill-test")


def warm_up() -> None:
    """Solve the proposals, then run every operation once on a scratch ledger, so that children
    start with the mappers configured and every lazily imported module loaded (the scratch
    database is closed again before any fork)."""
    import shutil
    import tempfile

    from planner.store.ledger import load_county

    folder = tempfile.mkdtemp(prefix="kill-warm-up-")
    try:
        db = open_database(Path(folder) / "warm.sqlite")
        for county in IMPORTS:
            replace_ledger_safely(db, county, source="warm-up")
            with db.session() as s:
                PROPOSALS.append(solve_county(load_county(s)))
        rng = random.Random(0)
        for op in OPS:
            do_op(db, rng, op)
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serve() -> None:
    warm_up()
    print("ready", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            return
        _, db_path, log_path, seed = parts
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                _child(db_path, log_path, int(seed))
            except BaseException:
                with open(log_path, "a", encoding="utf-8") as fh:
                    fh.write("ERROR " + traceback.format_exc().replace("\n", " | ") + "\n")
                status = 1
            os._exit(status)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {pid} {status}", flush=True)


if __name__ == "__main__":
    serve()
