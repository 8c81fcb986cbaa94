"""The named roster: the design's posts given to a township's people, against today's arrangement."""

from __future__ import annotations

from planner.domain.county import DutyData, OfficeData, PersonData, TownshipData
from planner.domain.posts import PostData
from planner.domain.posts_check import check_posts
from planner.domain.posts_roster import named_roster
from planner.domain.workload import WorkParams

PARAMS = WorkParams()
CENTRE = "便民服务中心"


def _town(people, posts=()):
    duties = [DutyData(CENTRE, "低保审核", 1200, 60), DutyData(CENTRE, "医保缴费", 1600, 30),
              DutyData(CENTRE, "残疾人证", 600, 60), DutyData(CENTRE, "养老认证", 1000, 30)]
    return TownshipData("柳湾镇", offices=[OfficeData(CENTRE, "institutional")], duties=duties,
                        people=[PersonData(n, "institutional", CENTRE, leader=lead) for n, lead in people],
                        posts=list(posts))


def test_a_roster_that_already_is_the_design_changes_nothing():
    first = named_roster(_town([("张三", False), ("李四", False), ("王五", False)]), PARAMS)
    assert not first.uncovered_a and not first.uncovered_b
    # Adopt it as today's arrangement: the roster of that is the same, with no change at all.
    again = named_roster(_town([("张三", False), ("李四", False), ("王五", False)], first.as_posts()), PARAMS)
    assert [p.holder for p in again.posts] == [p.holder for p in first.posts]
    assert again.changes == [] and all(c.a_changes == 0 and c.b_changes == 0 for c in again.costs.values())
    assert check_posts(_town([("张三", False), ("李四", False), ("王五", False)], first.as_posts()), PARAMS) == []


def test_the_current_a_holder_keeps_the_duty():
    people = [("张三", False), ("李四", False), ("王五", False)]
    design = named_roster(_town(people), PARAMS)
    big = max(design.posts, key=lambda p: p.load_hours)
    # Today 王五 holds the big post's first duty as A: the roster gives him that post.
    today = [PostData(CENTRE, "旧岗", "王五", [big.a[0]], [])]
    roster = named_roster(_town(people, today), PARAMS)
    assert next(p for p in roster.posts if p.a == big.a).holder == "王五"


def test_leaders_take_no_post_and_too_few_people_leave_duties_uncovered():
    people = [("张三", False), ("李四", True)]       # 李四 is a leader: no time for duties
    roster = named_roster(_town(people), PARAMS)
    assert {p.holder for p in roster.posts} <= {"张三", None}
    assert roster.uncovered_a, "with one person for several posts some duties have no A holder"
    assert roster.one_more["institutional"], "one more person covers some of them"
    assert set(roster.one_more["institutional"]) <= set(roster.uncovered_a)
    words = "\n".join(roster.summary())
    assert "无人承担A岗" in words and "再增加1名事业人员可承担A岗" in words
    assert "One more" in "\n".join(roster.summary("en"))


def test_same_township_same_roster():
    people = [("张三", False), ("李四", False), ("王五", False), ("赵六", False)]
    one, two = named_roster(_town(people), PARAMS), named_roster(_town(people), PARAMS)
    assert one.posts == two.posts and one.changes == two.changes
