"""Checks of posts, office backup and who covers whom, on hand-made townships."""

from __future__ import annotations

import pytest

from planner.domain.county import DutyData, OfficeData, PersonData, TownshipData
from planner.domain.posts import PostData, person_loads, split_duty_list
from planner.domain.posts_check import check_posts
from planner.domain.posts_cover import who_covers
from planner.domain.posts_office import office_backups, propose_pairing
from planner.domain.workload import WorkParams, post_capacity_hours

PARAMS = WorkParams()                       # capacity (248 − 25) × 8 × 0.9 = 1605.6 h
CAP = post_capacity_hours(PARAMS)
OFFICE, CENTRE = "党政综合办公室", "便民服务中心"


def _town(posts, *, people=("张三", "李四", "王五"), leader=None, duties=None) -> TownshipData:
    duties = duties or [
        DutyData(CENTRE, "低保审核", 600, 60),            # 600 h of counter work
        DutyData(CENTRE, "医保缴费", 1200, 30),           # 600 h
        DutyData(OFFICE, "财务报账", fixed_hours=400, needs_backup=False),
    ]
    return TownshipData("柳湾镇", offices=[OfficeData(OFFICE, "administrative"), OfficeData(CENTRE, "institutional")],
                        duties=duties,
                        people=[PersonData(n, "institutional", CENTRE if n != "王五" else OFFICE, leader=(n == leader))
                                for n in people],
                        posts=posts)


def _codes(township):
    return [(f.code, f.subject) for f in check_posts(township, PARAMS)]


def test_a_complete_arrangement_has_no_gaps():
    t = _town([PostData(CENTRE, "窗口1", "张三", [(CENTRE, "低保审核")], [(CENTRE, "医保缴费")]),
               PostData(CENTRE, "窗口2", "李四", [(CENTRE, "医保缴费")], [(CENTRE, "低保审核")]),
               PostData(OFFICE, "会计", "王五", [(OFFICE, "财务报账")])])
    assert check_posts(t, PARAMS) == []


def test_missing_b_and_a_and_same_holder_are_named():
    t = _town([PostData(CENTRE, "窗口1", "张三", [(CENTRE, "低保审核")], []),
               PostData(CENTRE, "窗口2", "李四", [(CENTRE, "医保缴费")], [(CENTRE, "医保缴费")])])
    found = check_posts(t, PARAMS)
    assert [(f.code, f.subject) for f in found] == [
        ("no_a", "财务报账"), ("no_b", "低保审核"), ("same_holder", "医保缴费")]
    assert found[1].zh == "低保审核 没有B岗" and found[1].en == "低保审核 has no B holder"
    assert "李四" in found[2].zh


def test_over_time_in_people_and_words():
    # 张三: 600 + 600 A hours + 0.15 × 400 B hours = 1260 h … then 低保审核 grows to 1500 h.
    duties = [DutyData(CENTRE, "低保审核", 1500, 60), DutyData(CENTRE, "医保缴费", 1200, 30),
              DutyData(OFFICE, "财务报账", fixed_hours=400, needs_backup=False)]
    t = _town([PostData(CENTRE, "窗口1", "张三", [(CENTRE, "低保审核"), (CENTRE, "医保缴费")], []),
               PostData(CENTRE, "窗口2", "李四", [(OFFICE, "财务报账")], [(CENTRE, "低保审核"), (CENTRE, "医保缴费")])],
              duties=duties)
    load = person_loads(t, PARAMS)["张三"]
    assert load.load_hours == pytest.approx(2100)
    over = [f for f in check_posts(t, PARAMS) if f.code == "over_time"]
    assert [f.subject for f in over] == ["张三"]
    assert over[0].zh == f"张三 承担 {2100 / CAP:.1f} 人的工作量" == "张三 承担 1.3 人的工作量"
    assert over[0].en == "张三 carries 1.3 people's work"


def test_too_many_b_roles_and_a_leader_with_duties():
    duties = [DutyData(CENTRE, f"事项{i}", 10, 6) for i in range(5)]
    t = _town([PostData(CENTRE, "窗口1", "张三", [(CENTRE, f"事项{i}") for i in range(5)]),
               PostData(CENTRE, "窗口2", "李四", [], [(CENTRE, f"事项{i}") for i in range(5)])],
              duties=duties, leader="张三")
    codes = _codes(t)
    assert ("leader_time", "张三") in codes and ("too_many_b", "李四") in codes
    assert not any(code == "over_time" for code, _ in codes)   # a leader is said once, as a leader


def test_a_duty_shared_by_two_a_holders_splits_its_hours():
    duties = [DutyData(CENTRE, "低保审核", 2400, 60)]
    t = _town([PostData(CENTRE, "窗口1", "张三", [(CENTRE, "低保审核")], []),
               PostData(CENTRE, "窗口2", "李四", [(CENTRE, "低保审核")], []),
               PostData(OFFICE, "综合", "王五", [], [(CENTRE, "低保审核")])], duties=duties)
    loads = person_loads(t, PARAMS)
    assert loads["张三"].a_hours == pytest.approx(1200) == loads["李四"].a_hours
    assert loads["王五"].b_load_hours == pytest.approx(0.15 * 2400)
    assert check_posts(t, PARAMS) == []


def test_vacant_post_leaves_its_duties_without_holder():
    t = _town([PostData(CENTRE, "窗口1", None, [(CENTRE, "低保审核")], [(CENTRE, "医保缴费")])])
    codes = _codes(t)
    assert ("vacant_post", "窗口1") in codes and ("no_a", "低保审核") in codes and ("no_b", "医保缴费") in codes


def test_duty_lists_split_on_both_separators():
    assert split_duty_list("低保审核、医保缴费; 财务报账；；") == ["低保审核", "医保缴费", "财务报账"]


# ---------------------------------------------------------------- office backup
def _offices_town(backup: str | None, office_people: int):
    people = [PersonData(f"综合{i}", "administrative", OFFICE) for i in range(office_people)]
    people += [PersonData("窗口甲", "institutional", CENTRE), PersonData("窗口乙", "institutional", CENTRE)]
    duties = [DutyData(CENTRE, "低保审核", 2000, 30),            # 1000 h counter work
              DutyData(CENTRE, "党建", fixed_hours=500),           # fixed hours: not counter work
              DutyData(OFFICE, "公文", fixed_hours=1500)]
    return TownshipData("柳湾镇", offices=[OfficeData(OFFICE, "administrative"),
                                          OfficeData(CENTRE, "institutional", backup)],
                        duties=duties, people=people)


def test_backup_office_can_absorb_or_not():
    # need = 0.15 × 1000 = 150 h; one office person: 1605.6 − 1500 = 105.6 h spare; two: 1711.2 h.
    short = office_backups(_offices_town(OFFICE, 1), PARAMS)
    centre = next(b for b in short if b.office == CENTRE)
    assert centre.need_hours == pytest.approx(150) and centre.spare_hours == pytest.approx(CAP - 1500)
    assert not centre.ok and "无法承接" in centre.text()
    enough = next(b for b in office_backups(_offices_town(OFFICE, 2), PARAMS) if b.office == CENTRE)
    assert enough.ok and enough.spare_hours == pytest.approx(2 * CAP - 1500)


def test_a_pairing_is_proposed_when_none_is_set():
    proposal = propose_pairing(_offices_town(None, 2), PARAMS)
    assert [(p.office, p.backup, p.proposed) for p in proposal] == [(CENTRE, OFFICE, True)]
    assert proposal[0].ok
    # Nobody with room: said in words, no office named.
    none = propose_pairing(_offices_town(None, 0), PARAMS)
    assert none[0].backup is None and "没有机构能承接" in none[0].text()


# ---------------------------------------------------------------- who covers whom
def _cover_town():
    duties = [DutyData(CENTRE, "低保审核", 1000, 60), DutyData(CENTRE, "医保缴费", 1200, 30),
              DutyData(OFFICE, "财务报账", fixed_hours=400, needs_backup=False)]
    t = _town([PostData(CENTRE, "窗口1", "张三", [(CENTRE, "低保审核")], [(CENTRE, "医保缴费")]),
               PostData(CENTRE, "窗口2", "李四", [(CENTRE, "医保缴费")], [(CENTRE, "低保审核")]),
               PostData(OFFICE, "会计", "王五", [(OFFICE, "财务报账")])], duties=duties)
    t.offices[0].backup_office = CENTRE
    return t


def test_one_person_away_is_covered_by_the_b_holder_who_is_then_over_time():
    report = who_covers(_cover_town(), PARAMS, ["张三"])
    assert [(l.duty, l.away, l.stand_in, l.via) for l in report.lines] == [("低保审核", "张三", "李四", "B")]
    # 李四 meanwhile: own 600 h + 张三's 1000 h = 1600 h, under 1605.6 h.
    assert report.over == [] and report.uncovered == []
    assert report.summary()[0] == "低保审核：张三 不在，由 李四（B岗）顶岗"


def test_two_away_leave_duties_without_anyone_and_office_backup_steps_in():
    report = who_covers(_cover_town(), PARAMS, ["张三", "李四", "王五"])
    # 财务报账's office is backed by the centre, but all of the centre is away as well.
    assert report.uncovered == ["低保审核", "医保缴费", "财务报账"]
    partly = who_covers(_cover_town(), PARAMS, ["王五"])
    # The centre's person with the least A hours stands in: 李四 (600 h) before 张三 (1000 h).
    assert [(l.stand_in, l.via) for l in partly.lines] == [("李四", "office")]


def test_cover_over_time_is_reported():
    t = _cover_town()
    t.duties[1] = DutyData(CENTRE, "医保缴费", 2400, 30)      # 李四 now holds 1200 h
    report = who_covers(t, PARAMS, ["张三"])
    assert [name for name, _ in report.over] == ["李四"]
    assert report.over[0][1] == pytest.approx(2200 / CAP)
    assert "李四 在此期间承担 1.4 人的工作量" in report.summary()
