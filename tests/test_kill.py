"""Crash safety: a writer killed with SIGKILL at random moments never damages or half-changes the ledger.

A fork server (tests/kill_worker.py) starts one child per round; the child
edits quota and duties, imports whole ledgers (with their backup) and applies
proposals through the real code paths, logging each commit's content digest
before and after commit() returns. After each SIGKILL the database must pass
`PRAGMA integrity_check` and hold exactly the last committed content, or the
content of the commit that was in flight when the child died.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from safety_helpers import file_digest, write_ledger
from planner.store.backup import backup_folder, integrity_problems
from planner.store.db import open_database

KILLS = 120
HERE = Path(__file__).resolve().parent


def _integrity(path: Path) -> str:
    con = sqlite3.connect(str(path))
    try:
        return ";".join(r[0] for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def _wait_for_start(log: Path, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and log.stat().st_size:
            return
        time.sleep(0.002)


def _parse(log: Path) -> dict:
    """What a child's log says: the last committed digest, the digest in flight after it,
    the operation it was in when killed, errors, and its commits by operation."""
    state = {"committed": None, "in_flight": None, "op": None, "errors": [], "commits": Counter()}
    if not log.exists():
        return state
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "BEGIN":
            state["op"] = parts[1]
        elif parts[0] == "END":
            state["op"] = None
        elif parts[0] == "PENDING" and len(parts) >= 4:
            state["in_flight"] = parts[3]
        elif parts[0] == "COMMITTED" and len(parts) >= 4:
            assert parts[3] == state["in_flight"], "a commit logged without its PENDING line"
            state["committed"], state["in_flight"] = parts[3], None
            state["commits"][parts[2]] += 1
        elif parts[0] == "ERROR":
            state["errors"].append(line)
    return state


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks (POSIX only)")
def test_sigkill_at_random_moments_never_loses_or_damages_the_ledger(tmp_path):
    db_path = tmp_path / "ledger.sqlite"
    db = open_database(db_path)
    write_ledger(db, 14, 1)
    db.close()
    expected = file_digest(db_path)

    server = subprocess.Popen([sys.executable, str(HERE / "kill_worker.py")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, bufsize=1)
    assert server.stdout.readline().strip() == "ready", "the fork server did not start"
    rng = random.Random(20240601)
    tally = Counter()
    ops = Counter()      # commits made, by operation
    during = Counter()   # kills that landed inside an operation, by operation
    started = time.monotonic()
    try:
        for round_no in range(KILLS):
            log = tmp_path / f"round-{round_no:03d}.log"
            server.stdin.write(f"run {db_path} {log} {rng.randrange(1 << 30)}\n")
            server.stdin.flush()
            reply = server.stdout.readline().split()
            assert reply[:1] == ["pid"], reply
            pid = int(reply[1])
            # Kill at a random moment of the child's work: after it opened the database (its
            # start-up time varies with the machine's load), a random 5–200 ms into writing.
            _wait_for_start(log)
            time.sleep(rng.uniform(0.005, 0.200))
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # it died on its own: the log says why
            done = server.stdout.readline().split()
            assert done[:2] == ["exit", str(pid)], done
            status = int(done[2])

            state = _parse(log)
            assert not state["errors"], state["errors"][0]
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
            tally["kills"] += 1
            ops.update(state["commits"])
            if state["op"] is not None:
                during[state["op"]] += 1  # killed inside an operation: mid-transaction, mid-backup

            assert _integrity(db_path) == "ok", f"round {round_no}: integrity_check failed"
            tally["integrity_ok"] += 1
            committed, in_flight = state["committed"], state["in_flight"]
            if committed is not None:
                expected = committed
            actual = file_digest(db_path)
            if actual == expected:
                tally["equal_last_committed"] += 1
            else:
                assert in_flight is not None and actual == in_flight, (
                    f"round {round_no}: the ledger is neither the last committed state nor the one in flight")
                tally["equal_in_flight"] += 1
                expected = actual
            tally["content_ok"] += 1
        server.stdin.write("quit\n")
        server.stdin.flush()
        server.wait(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    elapsed = time.monotonic() - started

    # Every finished backup the children made is sound (a killed backup never takes a backup's name).
    backups = list(backup_folder(db_path).glob("*.sqlite"))
    for path in backups:
        assert integrity_problems(path) == [], path
    report = dict(tally, commits=dict(ops), killed_during=dict(during), backups=len(backups),
                  seconds=round(elapsed, 1))
    print("kill test:", report)
    assert tally["kills"] == KILLS and tally["integrity_ok"] == KILLS and tally["content_ok"] == KILLS
    # the kills hit the real work: many inside an operation, imports and applied proposals among them
    assert ops["edit"] + ops["duty"] > 0 and ops["import"] + ops["apply"] > 0
    assert sum(during.values()) >= KILLS // 3
    assert during["import"] + during["apply"] >= 5
