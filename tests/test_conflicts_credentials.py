"""Concurrent edits of one record end in a clear conflict, never a lost update; passwords stay out of settings."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from safety_helpers import write_ledger
from planner.store import credentials
from planner.store.conflicts import ConflictError, check_version, conflict_guard, overwrite, save
from planner.store.db import open_database
from planner.store.models import Quota, Township


@pytest.fixture
def two_users(db_path):
    """Two Databases on one file, as two processes would have."""
    mine = open_database(db_path)
    write_ledger(mine, 3, 1)
    theirs = open_database(db_path)
    yield mine, theirs
    mine.close()
    theirs.close()


def _quota(session) -> Quota:
    return session.scalars(select(Quota).where(Quota.kind == "administrative").order_by(Quota.id)).first()


def test_later_save_of_a_stale_copy_is_a_named_conflict(two_users):
    mine, theirs = two_users
    me = mine.new_session()
    try:
        my_copy = _quota(me)
        township = me.get(Township, my_copy.township_id).name
        original = my_copy.approved
        with theirs.session() as them:
            them.info["audit_user"] = "李四"
            _quota(them).approved = original + 5
        my_copy.approved = original - 1
        with pytest.raises(ConflictError) as caught:
            with conflict_guard(me):
                me.commit()
    finally:
        me.close()
    conflict = caught.value
    assert [(r.entity, r.entity_key, r.changed_by, r.deleted) for r in conflict.records] == [
        ("quota", f"{township}/administrative", "李四", False)]
    assert f"{township}/行政" in conflict.message_zh and "李四" in conflict.message_zh
    assert "overwrite with mine" in conflict.message_en
    # their change stands; mine was not half-saved
    with mine.session() as s:
        assert _quota(s).approved == original + 5


def test_save_overwrite_and_reload(two_users):
    mine, theirs = two_users
    with mine.session() as s:
        original = _quota(s).approved
    my_session = mine.new_session()
    stale = _quota(my_session)  # read before their change, kept as a window would
    with theirs.session() as them:
        _quota(them).approved = original + 5

    with pytest.raises(ConflictError):
        with conflict_guard(my_session):
            stale.approved = original + 1
            my_session.commit()
    my_session.close()
    # "overwrite with mine": the same edit on the current version
    assert overwrite(mine, lambda s: setattr(_quota(s), "approved", original + 1) or "done") == "done"
    with theirs.session() as s:
        assert _quota(s).approved == original + 1
    # "reload theirs" is a fresh read
    with mine.session() as s:
        assert _quota(s).approved == original + 1


def test_deleted_record_conflict(two_users):
    mine, theirs = two_users
    me = mine.new_session()
    try:
        my_copy = _quota(me)
        with theirs.session() as them:
            them.delete(_quota(them))
        my_copy.staff += 1
        with pytest.raises(ConflictError) as caught:
            with conflict_guard(me):
                me.flush()
    finally:
        me.close()
    assert caught.value.records[0].deleted and "删除" in caught.value.message_zh


def test_check_version_for_plain_row_copies(two_users):
    mine, theirs = two_users
    with mine.session() as s:
        row = _quota(s)
        row_id, version = row.id, row.version
    with mine.session() as s:
        check_version(s, Quota, row_id, version)  # nobody changed it: fine
    with theirs.session() as s:
        _quota(s).staff += 1
    with pytest.raises(ConflictError):
        with mine.session() as s:
            check_version(s, Quota, row_id, version, "quota", "x/administrative")
    assert save(mine, lambda s: _quota(s).version) == version + 1


# ---------------------------------------------------------------- passwords

class MemoryKeyring:
    """A keyring backend holding passwords in a dict, standing in for the system's."""

    def __init__(self):
        import keyring.backend

        class Backend(keyring.backend.KeyringBackend):
            priority = 10
            store: dict = {}

            def get_password(self, service, username):
                return self.store.get((service, username))

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def delete_password(self, service, username):
                self.store.pop((service, username), None)

        self.backend = Backend()


@pytest.fixture
def memory_keyring():
    keyring = pytest.importorskip("keyring")
    previous = keyring.get_keyring()
    memory = MemoryKeyring().backend
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


URL = "postgresql+psycopg://clerk:s3cret@db.example:5433/ledger"


def test_urls_for_settings_never_hold_the_password():
    assert credentials.url_for_settings(URL) == "postgresql+psycopg://clerk@db.example:5433/ledger"
    assert "s3cret" not in credentials.display_url(URL)
    assert credentials.url_for_settings("/home/a/ledger.sqlite") == "/home/a/ledger.sqlite"
    weird = "postgresql+psycopg://clerk:p%40ss%3Aw@db/ledger"
    assert "p%40ss" not in credentials.url_for_settings(weird) and "@db/ledger" in credentials.url_for_settings(weird)


def test_password_moves_to_the_keyring_and_comes_back(memory_keyring):
    assert credentials.keyring_available()
    assert credentials.resolve_url(URL) == URL
    assert memory_keyring.store == {(credentials.SERVICE, "clerk@db.example:5433/ledger"): "s3cret"}
    bare = credentials.url_for_settings(URL)
    assert credentials.resolve_url(bare) == URL
    asked = []
    assert credentials.resolve_url(bare, ask=lambda u: asked.append(u) or "x") == URL and asked == []


def test_without_a_keyring_the_password_is_asked_each_time(no_keyring):
    assert not credentials.keyring_available()
    bare = credentials.url_for_settings(URL)
    asked = []
    attempts = []

    def fake_open(url):
        attempts.append(url)
        if credentials._url(url).password != "s3cret":
            raise RuntimeError('connection failed: FATAL:  password authentication failed for user "clerk"')
        return "opened"

    assert credentials.open_server_database(bare, ask=lambda u: asked.append(u) or "s3cret",
                                            open_fn=fake_open) == "opened"
    assert asked == [bare] and len(attempts) == 2
    # nothing remembered: the next start asks again
    asked.clear()
    credentials.open_server_database(bare, ask=lambda u: asked.append(u) or "s3cret", open_fn=fake_open)
    assert asked == [bare]


def test_cancelled_password_prompt_gives_the_servers_error(no_keyring):
    def fake_open(url):
        raise RuntimeError("fe_sendauth: no password supplied")

    with pytest.raises(RuntimeError, match="no password supplied"):
        credentials.open_server_database(credentials.url_for_settings(URL), ask=lambda u: None,
                                         open_fn=fake_open)


def test_a_refused_keyring_password_is_forgotten_and_asked_again(memory_keyring):
    bare = credentials.url_for_settings(URL)
    credentials.store_password(bare, "old-password")

    def fake_open(url):
        if credentials._url(url).password != "new-password":
            raise RuntimeError("password authentication failed")
        return "opened"

    assert credentials.open_server_database(bare, ask=lambda u: "new-password", open_fn=fake_open) == "opened"
    assert credentials.lookup_password(bare) == "new-password"


def test_ensure_unchanged_compares_what_the_user_saw(two_users):
    from planner.store.conflicts import ensure_unchanged

    mine, theirs = two_users
    with theirs.session() as s:
        s.info["audit_user"] = "李四"
        q = _quota(s)
        township = s.get(Township, q.township_id).name
        seen = q.approved
        q.approved = seen + 2
    retried = []
    with mine.session() as s:
        ensure_unchanged(s, "quota", f"{township}/administrative", seen + 2, _quota(s).approved)  # fine
        with pytest.raises(ConflictError) as caught:
            ensure_unchanged(s, "quota", f"{township}/administrative", seen, _quota(s).approved,
                             retry=lambda: retried.append(1))
    assert caught.value.records[0].changed_by == "李四"
    caught.value.retry()
    assert retried == [1]
