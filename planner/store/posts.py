"""Posts and backup offices in the database: loading, writing a whole ledger's, single edits.

Single edits work inside the caller's transaction like planner.store.ledger_edit:
the input is checked first (office, holder and duties must be on file in the
township) and EditError names the field before anything changes; every edit
writes an audit entry. Posts are addressed by township, office and post name.
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from planner.domain.county import CountyData, TownshipData
from planner.domain.edit_rules import EditError
from planner.domain.posts import PostData
from planner.store.audit import current_user
from planner.store.models import AuditEntry, Duty, Office, Person, Post, PostDuty, Township

ROLES = ("A", "B")


# ---------------------------------------------------------------- loading and whole-ledger writes
def attach_posts(session: Session, townships: dict[int, TownshipData]) -> None:
    """Fill each township's posts and its offices' backup offices (load_county calls this)."""
    offices = {o.id: (o.township_id, o.name, o.backup_office_id)
               for o in session.execute(select(Office.id, Office.township_id, Office.name, Office.backup_office_id))}
    for tid, name, backup_id in offices.values():
        if backup_id is not None and backup_id in offices and tid in townships:
            for office in townships[tid].offices:
                if office.name == name:
                    office.backup_office = offices[backup_id][1]
    people = dict(session.execute(select(Person.id, Person.name)).all())
    duties = {d.id: (offices[d.office_id][1], d.name) for d in session.execute(select(Duty.id, Duty.office_id, Duty.name))}
    posts: dict[int, PostData] = {}
    for p in session.execute(select(Post.id, Post.township_id, Post.office_id, Post.name, Post.person_id)
                             .where(Post.township_id.in_(list(townships)))
                             .order_by(Post.township_id, Post.position, Post.id)):
        post = PostData(offices[p.office_id][1], p.name, people.get(p.person_id) if p.person_id else None)
        posts[p.id] = post
        townships[p.township_id].posts.append(post)
    for link in session.execute(select(PostDuty.post_id, PostDuty.role, PostDuty.duty_id)
                                .order_by(PostDuty.post_id, PostDuty.role, PostDuty.position, PostDuty.id)):
        post = posts.get(link.post_id)
        if post is None:
            continue
        (post.a_duties if link.role == "A" else post.b_duties).append(duties[link.duty_id])


def write_posts(session: Session, data: CountyData) -> None:
    """Backup offices and posts of a whole county just written by replace_county."""
    township_ids = dict(session.execute(select(Township.name, Township.id)).all())
    office_ids = {(tid, name): oid for oid, tid, name in session.execute(select(Office.id, Office.township_id,
                                                                              Office.name))}
    backups = [dict(oid=office_ids[(township_ids[t.name], o.name)],
                    bid=office_ids[(township_ids[t.name], o.backup_office)])
               for t in data.townships for o in t.offices if o.backup_office]
    if backups:
        table = Office.__table__
        session.execute(update(table).where(table.c.id == bindparam("oid")).values(backup_office_id=bindparam("bid")),
                        backups)
    if not any(t.posts for t in data.townships):
        session.flush()
        return
    duty_ids = {(tid, office, name): did for did, tid, office, name in session.execute(
        select(Duty.id, Office.township_id, Office.name, Duty.name).join(Office, Duty.office_id == Office.id))}
    person_ids: dict[tuple[int, str], int] = {}
    for pid, tid, name in session.execute(select(Person.id, Person.township_id, Person.name).order_by(Person.id)):
        person_ids.setdefault((tid, name), pid)
    post_rows = [dict(township_id=township_ids[t.name], office_id=office_ids[(township_ids[t.name], post.office)],
                      name=post.name, position=i, version=1,
                      person_id=person_ids.get((township_ids[t.name], post.holder)) if post.holder else None)
                 for t in data.townships for i, post in enumerate(t.posts)]
    for start in range(0, len(post_rows), 20000):
        session.execute(insert(Post), post_rows[start:start + 20000])
    post_ids = {(office_id, name): pid for pid, office_id, name in session.execute(
        select(Post.id, Post.office_id, Post.name))}
    link_rows = []
    for t in data.townships:
        tid = township_ids[t.name]
        for post in t.posts:
            pid = post_ids[(office_ids[(tid, post.office)], post.name)]
            link_rows += _link_rows(pid, tid, post, duty_ids)
    for start in range(0, len(link_rows), 20000):
        session.execute(insert(PostDuty), link_rows[start:start + 20000])
    session.flush()


def _link_rows(post_id: int, tid: int, post: PostData, duty_ids: dict) -> list[dict]:
    return [dict(post_id=post_id, duty_id=duty_ids[(tid, *ref)], role=role, position=j)
            for role, refs in (("A", post.a_duties), ("B", post.b_duties))
            for j, ref in enumerate(dict.fromkeys(refs))]


def _link(session: Session, post_id: int, tid: int, post: PostData, duty_ids: dict) -> None:
    rows = _link_rows(post_id, tid, post, duty_ids)
    if rows:
        session.execute(insert(PostDuty), rows)


# ---------------------------------------------------------------- single edits
def _township(session: Session, name: str) -> Township:
    row = session.scalars(select(Township).where(Township.name == name)).first()
    if row is None:
        raise EditError(f"没有名为“{name}”的乡镇", f"no township named '{name}'", "township")
    return row


def _offices(session: Session, township: Township) -> dict[str, Office]:
    return {o.name: o for o in session.scalars(select(Office).where(Office.township_id == township.id))}


def _post_row(session: Session, township: Township, office: str, name: str) -> Post:
    office_row = _offices(session, township).get(office)
    row = None if office_row is None else session.scalars(
        select(Post).where(Post.office_id == office_row.id, Post.name == name)).first()
    if row is None:
        raise EditError(f"“{township.name}”{office}没有岗位“{name}”",
                        f"{office} of '{township.name}' has no post '{name}'", "post")
    return row


def _audit(session: Session, action: str, key: str, field: str, old, new) -> None:
    session.add(AuditEntry(user=current_user(session), action=action, entity="post", entity_key=key, field=field,
                           old_value=None if old is None else str(old), new_value=None if new is None else str(new)))


def _describe(post: PostData | None) -> str | None:
    if post is None:
        return None
    a = "、".join(f"{o}·{d}" for o, d in post.a_duties)
    b = "、".join(f"{o}·{d}" for o, d in post.b_duties)
    return f"{post.office}/{post.name}：{post.holder or '（空缺）'}；A：{a}；B：{b}"


def _checked_ids(session: Session, township: Township, post: PostData) -> tuple[int, int | None, dict]:
    offices = _offices(session, township)
    if post.office not in offices:
        raise EditError(f"“{township.name}”没有内设机构“{post.office}”",
                        f"township '{township.name}' has no office '{post.office}'", "office")
    name = (post.name or "").strip()
    if not name or len(name) > 100:
        raise EditError("岗位名称不能为空，且不超过100字", "a post needs a name of at most 100 characters", "name")
    person_id = None
    if post.holder:
        person_id = session.scalars(select(Person.id).where(Person.township_id == township.id,
                                                            Person.name == post.holder).order_by(Person.id)).first()
        if person_id is None:
            raise EditError(f"“{township.name}”的人员中没有“{post.holder}”",
                            f"'{post.holder}' is not among the people of '{township.name}'", "holder")
    duty_ids = {}
    for ref in list(post.a_duties) + list(post.b_duties):
        office = offices.get(ref[0])
        did = None if office is None else session.scalars(
            select(Duty.id).where(Duty.office_id == office.id, Duty.name == ref[1])).first()
        if did is None:
            raise EditError(f"“{township.name}”没有职责事项“{ref[0]}·{ref[1]}”",
                            f"township '{township.name}' has no duty '{ref[0]} · {ref[1]}'", "duties")
        duty_ids[(township.id, *ref)] = did
    return offices[post.office].id, person_id, duty_ids


def add_post(session: Session, township_name: str, post: PostData, position: int | None = None) -> None:
    township = _township(session, township_name)
    office_id, person_id, duty_ids = _checked_ids(session, township, post)
    if session.scalars(select(Post.id).where(Post.office_id == office_id, Post.name == post.name.strip())).first():
        raise EditError(f"{post.office}已有岗位“{post.name}”", f"{post.office} already has a post '{post.name}'",
                        "name")
    rows = list(session.scalars(select(Post).where(Post.township_id == township.id)
                                .order_by(Post.position, Post.id)))
    position = len(rows) if position is None else max(0, min(position, len(rows)))
    for i, row in enumerate(rows):
        row.position = i + 1 if i >= position else i
    pid = session.execute(insert(Post).values(township_id=township.id, office_id=office_id, name=post.name.strip(),
                                              person_id=person_id, position=position, version=1)
                          ).inserted_primary_key[0]
    _link(session, pid, township.id, post, duty_ids)
    _audit(session, "add", f"{township_name}/{post.office}/{post.name}", "", None, _describe(post))
    session.flush()


def post_position(session: Session, township_name: str, office: str, name: str) -> int:
    township = _township(session, township_name)
    row = _post_row(session, township, office, name)
    ids = list(session.scalars(select(Post.id).where(Post.township_id == township.id)
                               .order_by(Post.position, Post.id)))
    return ids.index(row.id)


def remove_post(session: Session, township_name: str, office: str, name: str) -> tuple[PostData, int]:
    """Remove a post; returns it and its place, for undo."""
    township = _township(session, township_name)
    position = post_position(session, township_name, office, name)
    snapshot = next(p for p in _township_posts(session, township) if p.office == office and p.name == name)
    session.delete(_post_row(session, township, office, name))
    _audit(session, "remove", f"{township_name}/{office}/{name}", "", _describe(snapshot), None)
    session.flush()
    return snapshot, position


def replace_post(session: Session, township_name: str, office: str, name: str, post: PostData) -> PostData:
    """Put `post` in the place of the post (office, name); returns the post as it was."""
    township = _township(session, township_name)
    _checked_ids(session, township, post)
    old, position = remove_post(session, township_name, office, name)
    add_post(session, township_name, post, position)   # an EditError rolls the removal back too
    return old


def _township_posts(session: Session, township: Township) -> list[PostData]:
    data = {township.id: TownshipData(township.name)}
    attach_posts(session, data)
    return data[township.id].posts


def set_backup_office(session: Session, township_name: str, office: str, backup: str | None) -> str | None:
    """Name (or clear, with None) the backup office of an office; returns the one named before."""
    township = _township(session, township_name)
    offices = _offices(session, township)
    if office not in offices:
        raise EditError(f"“{township_name}”没有内设机构“{office}”", f"'{township_name}' has no office '{office}'",
                        "office")
    if backup is not None and backup not in offices:
        raise EditError(f"“{township_name}”没有内设机构“{backup}”", f"'{township_name}' has no office '{backup}'",
                        "backup_office")
    if backup == office:
        raise EditError("机构不能为自己备岗", "an office cannot be its own backup", "backup_office")
    row = offices[office]
    by_id = {o.id: name for name, o in offices.items()}
    old = by_id.get(row.backup_office_id) if row.backup_office_id else None
    row.backup_office_id = offices[backup].id if backup is not None else None
    session.add(AuditEntry(user=current_user(session), action="edit", entity="office", entity_key=f"{township_name}/{office}",
                           field="backup_office", old_value=old, new_value=backup))
    session.flush()
    return old


def clear_posts(session: Session) -> None:
    """Every post of the ledger (replace_county calls this before deleting the rows posts point at)."""
    session.execute(delete(PostDuty))
    session.execute(delete(Post))


def load_township(session: Session, name: str) -> TownshipData | None:
    """One township with its offices, duties, people and posts (the window's 岗位 tab reads this,
    so selecting a township never loads a whole province); quota lines, hiring plans and pool
    loans are left out: the posts do not need them."""
    from planner.store.ledger import person_data
    from planner.domain.county import DutyData, OfficeData

    row = session.scalars(select(Township).where(Township.name == name)).first()
    if row is None:
        return None
    t = TownshipData(name=row.name, type=row.type, category=row.category, population=row.population,
                     area_km2=row.area_km2, villages=row.villages, locked=bool(row.locked))
    offices = list(session.scalars(select(Office).where(Office.township_id == row.id)
                                   .order_by(Office.position, Office.id)))
    names = {o.id: o.name for o in offices}
    t.offices = [OfficeData(o.name, o.kind) for o in offices]
    order = {o.id: i for i, o in enumerate(offices)}
    duties = sorted(session.scalars(select(Duty).where(Duty.office_id.in_(list(names)))),
                    key=lambda d: (order[d.office_id], d.position, d.id))   # load_county's order
    t.duties = [DutyData(names[d.office_id], d.name, d.annual_volume, d.minutes_per_case, d.fixed_hours,
                         bool(d.needs_backup)) for d in duties]
    t.people = [person_data(p) for p in session.scalars(select(Person).where(Person.township_id == row.id)
                                                        .order_by(Person.id))]
    attach_posts(session, {row.id: t})
    return t


def write_township_posts(session: Session, township_id: int, data: TownshipData) -> None:
    """Backup offices and posts of one township just added (a removed township put back by undo)."""
    offices = {o.name: o for o in session.scalars(select(Office).where(Office.township_id == township_id))}
    for o in data.offices:
        if o.backup_office and o.backup_office in offices:
            offices[o.name].backup_office_id = offices[o.backup_office].id
    if not data.posts:
        session.flush()
        return
    duty_ids = {(township_id, office, name): did for did, office, name in session.execute(
        select(Duty.id, Office.name, Duty.name).join(Office, Duty.office_id == Office.id)
        .where(Office.township_id == township_id))}
    people: dict[str, int] = {}
    for pid, name in session.execute(select(Person.id, Person.name).where(Person.township_id == township_id)
                                     .order_by(Person.id)):
        people.setdefault(name, pid)
    for i, post in enumerate(data.posts):
        pid = session.execute(insert(Post).values(
            township_id=township_id, office_id=offices[post.office].id, name=post.name,
            person_id=people.get(post.holder) if post.holder else None, position=i, version=1)).inserted_primary_key[0]
        _link(session, pid, township_id, post, duty_ids)
    session.flush()


def duty_links(session: Session, duty_id: int) -> list[tuple[int, str, int]]:
    """(post id, role, position) of every post naming a duty: kept when the duty is removed."""
    return [(link.post_id, link.role, link.position) for link in session.scalars(
        select(PostDuty).where(PostDuty.duty_id == duty_id).order_by(PostDuty.id))]


def restore_duty_links(session: Session, duty_id: int, links: list[tuple[int, str, int]]) -> None:
    """Put a restored duty back on the posts that named it (those still on file)."""
    live = set(session.scalars(select(Post.id).where(Post.id.in_([post for post, _, _ in links]))))
    rows = [dict(post_id=post, duty_id=duty_id, role=role, position=position)
            for post, role, position in links if post in live]
    if rows:
        session.execute(insert(PostDuty), rows)
        session.flush()
