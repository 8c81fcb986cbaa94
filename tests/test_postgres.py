"""A shared PostgreSQL ledger: the planner unchanged on a real server, and two users editing one record.

The server is started by the fixture from the Debian package's binaries
(tests/pg_server.py); CI installs the package. Each test gets its own
database owned by "alice", which "bob" may also write, as two officials of
one office would.
"""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import select

from pg_server import PgServer, server_bin_dir
from safety_helpers import solved_proposal, write_ledger
from planner.store import credentials
from planner.store import ledger_edit
from planner.store.audit import audit_entries, current_user, os_user
from planner.store.backup import BackupError, backup_before, backup_database
from planner.store.conflicts import ConflictError, conflict_guard, overwrite
from planner.store.db import head_revision, open_database, schema_revision
from planner.demo.county import generate_demo
from planner.store.instance_lock import open_for_instance
from planner.store.ledger import load_county, replace_county
from planner.store.models import AuditEntry, Quota, Township

pytestmark = pytest.mark.skipif(server_bin_dir() is None,
                                reason="PostgreSQL server binaries not installed (Debian package postgresql)")

PASSWORDS = {"alice": "alice-pw", "bob": "bob-pw"}


@pytest.fixture(scope="module")
def pg():
    server = PgServer().start()
    server.admin_execute(*(f"create role {user} login password '{pw}'" for user, pw in PASSWORDS.items()))
    yield server
    server.stop()


@pytest.fixture
def urls(pg):
    """URLs of a fresh database for alice and for bob."""
    name = f"ledger_{uuid.uuid4().hex[:10]}"
    pg.admin_execute(f"create database {name} owner alice")
    pg.admin_execute("alter default privileges for role alice in schema public grant all on tables to bob",
                     "alter default privileges for role alice in schema public grant all on sequences to bob",
                     database=name)
    yield {user: pg.url(user, pw, name) for user, pw in PASSWORDS.items()}
    pg.admin_execute(f"drop database {name} with (force)")


@pytest.fixture
def alice_bob(urls):
    alice = open_database(urls["alice"])
    write_ledger(alice, 5, 3)
    bob = open_database(urls["bob"])
    yield alice, bob
    alice.close()
    bob.close()


def _quota(session) -> Quota:
    return session.scalars(select(Quota).where(Quota.kind == "administrative").order_by(Quota.id)).first()


def test_schema_demo_and_load_on_postgres(urls):
    db = open_database(urls["alice"])
    try:
        assert db.engine.dialect.name == "postgresql" and db.path is None
        assert schema_revision(db.engine) == head_revision()
        written = write_ledger(db, 14, 1)
        with db.session() as s:
            loaded = load_county(s)
        assert loaded == written
    finally:
        db.close()
    # opening again finds the schema current and the ledger intact
    again = open_database(urls["bob"])
    try:
        with again.session() as s:
            assert len(load_county(s).townships) == 14
    finally:
        again.close()


def test_edits_are_logged_with_the_database_user(alice_bob):
    alice, bob = alice_bob
    with alice.session() as s:
        q = _quota(s)
        township, old = s.get(Township, q.township_id).name, q.approved
        assert current_user(s) == (f"alice ({os_user()})" if os_user() not in ("", "alice") else "alice")
    with alice.session() as s:
        ledger_edit.set_quota_field(s, township, "administrative", "approved", old + 2)
    with bob.session() as s:
        _quota(s).staff += 1
    with bob.session() as s:
        edits = audit_entries(s, action="ledger_edit")
    assert [(e.user.split()[0], e.entity_key, e.field) for e in edits] == [
        ("bob", f"{township}/administrative", "staff"), ("alice", f"{township}/administrative", "approved")]
    assert (edits[1].old_value, edits[1].new_value) == (str(old), str(old + 2))


def test_two_users_editing_one_quota_get_a_conflict_not_a_lost_update(alice_bob):
    alice, bob = alice_bob
    alice_session = alice.new_session()
    bob_session = bob.new_session()
    try:
        mine = _quota(alice_session)      # both read version 1 …
        theirs = _quota(bob_session)
        township = alice_session.get(Township, mine.township_id).name
        original = mine.approved
        theirs.approved = original + 4      # … bob saves first
        bob_session.commit()
        mine.approved = original - 2        # alice saves a copy that is now stale
        with pytest.raises(ConflictError) as caught:
            with conflict_guard(alice_session):
                alice_session.commit()
    finally:
        alice_session.close()
        bob_session.close()
    [record] = caught.value.records
    assert (record.entity, record.entity_key, record.deleted) == ("quota", f"{township}/administrative", False)
    assert record.changed_by.startswith("bob")
    assert "bob" in caught.value.message_zh and "reload theirs" in caught.value.message_en

    # nothing of alice's save landed: bob's number stands, one version later
    with alice.session() as s:
        q = _quota(s)
        assert (q.approved, q.version) == (original + 4, 2)
    # overwrite with mine: the same edit on the current version
    overwrite(alice, lambda s: setattr(_quota(s), "approved", original - 2))
    with bob.session() as s:
        q = _quota(s)
        assert (q.approved, q.version) == (original - 2, 3)
        users = [e.user.split()[0] for e in audit_entries(s, text=township, action="ledger_edit")]
    assert users == ["alice", "bob"]  # the log holds both saves, newest first; the refused one is absent


def test_a_save_waiting_on_the_other_users_open_transaction_ends_in_a_conflict(alice_bob):
    alice, bob = alice_bob
    with bob.session() as s:
        row_id = _quota(s).id
    bob_session = bob.new_session()
    stale = bob_session.get(Quota, row_id)  # bob reads version 1
    alice_session = alice.new_session()
    _quota(alice_session).staff += 1
    alice_session.flush()  # alice's UPDATE holds the row lock, not yet committed

    outcome: dict = {}

    def bob_saves():
        try:
            with conflict_guard(bob_session):
                stale.staff += 5
                bob_session.commit()
            outcome["saved"] = True
        except ConflictError as exc:
            outcome["conflict"] = exc
        except Exception as exc:  # pragma: no cover - reported by the assertion below
            outcome["error"] = exc

    thread = threading.Thread(target=bob_saves)
    thread.start()
    thread.join(0.5)
    assert thread.is_alive(), "bob's UPDATE should wait for alice's transaction"
    alice_session.commit()
    thread.join(10)
    alice_session.close()
    bob_session.close()
    assert "conflict" in outcome, outcome
    assert outcome["conflict"].records[0].changed_by.startswith("alice")


def test_a_failed_import_leaves_the_server_ledger_as_it_was(alice_bob):
    alice, _ = alice_bob
    with alice.session() as s:
        before = load_county(s)
        count = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    bad = generate_demo(4, 2)
    bad.townships[1].name = bad.townships[0].name  # violates the unique township name
    with pytest.raises(Exception):
        with alice.session() as s:
            replace_county(s, bad, source="bad.xlsx")
    with alice.session() as s:
        assert load_county(s) == before
        assert s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) == count


def test_backup_of_a_server_database_is_the_servers_job(urls):
    db = open_database(urls["alice"])
    try:
        assert backup_before(db, "apply") is None
        with pytest.raises(BackupError, match="pg_dump"):
            backup_database(db)
    finally:
        db.close()


def test_server_database_is_shared_not_locked(urls):
    first = open_for_instance(urls["alice"])
    second = open_for_instance(urls["bob"])
    try:
        assert not first.read_only and not second.read_only
        write_ledger(first.db, 3, 1)
        with second.db.session() as s:
            s.scalars(select(Township)).first().villages += 1
    finally:
        first.close()
        second.close()


def test_password_asked_when_the_server_wants_one(urls):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        bare = credentials.url_for_settings(urls["alice"])
        assert "alice-pw" not in bare
        answers = iter(["wrong", "alice-pw"])
        asked = []
        db = credentials.open_server_database(bare, ask=lambda u: asked.append(u) or next(answers))
        try:
            assert asked == [bare, bare]
            with db.session() as s:
                assert s.scalar(select(Township.id).limit(1)) is None
        finally:
            db.close()
    finally:
        keyring.set_keyring(previous)


def test_a_proposal_applied_on_the_server(alice_bob):
    from planner.services.apply import proposal_changes
    from planner.services.applying import apply_proposal_safely

    alice, bob = alice_bob
    with alice.session() as s:
        result = solved_proposal(s)
    changes = proposal_changes(result)
    assert changes
    outcome = apply_proposal_safely(bob, result, user=None)
    assert outcome.backup is None  # a server database: no file to copy
    with alice.session() as s:
        applied = audit_entries(s, action="apply_proposal")
        county = load_county(s)
    assert sorted(e.entity_key for e in applied) == sorted(f"{c.township}/{c.kind}" for c in changes)
    assert all(e.user.startswith("bob") for e in applied)
    for c in changes:
        assert county.township(c.township).quota(c.kind).approved == c.after
