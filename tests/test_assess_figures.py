"""The township assessment on a small hand-made county: every figure recomputed here by hand."""

from __future__ import annotations

import json
import subprocess

import openpyxl
import pytest

from planner.domain.county import (CountyData, DutyData, HiringPlanData, OfficeData, PersonData, QuotaData,
                                   TownshipData)
from planner.domain.months import Month
from planner.domain.retirement import retirement_month
from planner.domain.rules import Range, RulesLibrary
from planner.services.assessing import assessment_job
from planner.services.rules import save_rules
from planner.store.db import open_database
from planner.store.ledger import replace_county

AS_OF = Month(2026, 6)
AWT = (248 - 10 - 5 - 10) * 8          # the default working year: 1,784 hours
CAF = 1 / (1 - 0.10)                    # the default shared-duty share


def hand_made() -> CountyData:
    jia = TownshipData("甲镇", "镇", "二类", population=20000, villages=10)
    jia.quotas = {"administrative": QuotaData("administrative", 20, 18, 8),
                  "institutional": QuotaData("institutional", 30, 31, 0)}
    jia.offices = [OfficeData("党政办", "administrative"), OfficeData("便民服务中心", "institutional")]
    jia.duties = [DutyData("党政办", "公文", annual_volume=1000, minutes_per_case=60),     # 1,000 h
                  DutyData("党政办", "值班", fixed_hours=784),                             #   784 h
                  DutyData("便民服务中心", "窗口", annual_volume=7136, minutes_per_case=30)]  # 3,568 h
    jia.hiring = [HiringPlanData("administrative", 2026, planned=1, hired=0)]
    jia.people = [
        PersonData("小王", "administrative", sex="男", birth_month=Month(1996, 7)),            # 29: young
        PersonData("老李", "administrative", sex="女", birth_month=Month(1970, 1)),            # 56: old, overdue
        PersonData("老赵", "institutional", sex="男", birth_month=Month(1966, 3)),             # 60: old
        PersonData("小孙", "institutional", sex="男", birth_month=Month(1990, 1),
                   planned_leave=Month(2027, 1)),                                              # leaves by transfer
        PersonData("无名", "institutional"),                                                   # birth unknown
    ]
    yi = TownshipData("乙乡", "乡", "三类", population=10000, villages=5)
    yi.quotas = {"administrative": QuotaData("administrative", 15, 15, 9)}
    bing = TownshipData("丙镇", "镇", "一类", population=0, villages=0)
    bing.quotas = {"administrative": QuotaData("administrative", 10, 10, 5)}
    return CountyData("手算县", townships=[jia, yi, bing])


RULES = RulesLibrary(bands={("二类", "administrative"): Range(None, 18)}, leadership={"二类": Range(5, 7)},
                     offices={"administrative": 1})


@pytest.fixture
def hand_db(db_path):
    db = open_database(db_path)
    with db.session() as s:
        replace_county(s, hand_made())
    save_rules(db, RULES)
    yield db
    db.close()


def test_every_figure_of_a_township_by_hand(hand_db):
    result = assessment_job(hand_db, as_of=AS_OF)
    jia = result.township("甲镇")
    admin, inst = jia.kind("administrative"), jia.kind("institutional")
    # Quota: vacancy, usable vacancy (less the planned hire), over-quota.
    assert (admin.approved, admin.staff, admin.vacancy, admin.usable_vacancy, admin.over_quota) == (20, 18, 2, 1, 0)
    assert (inst.vacancy, inst.usable_vacancy, inst.over_quota) == (0, 0, 1)
    # Workload need: hours ÷ AWT × CAF, plus the leadership posts for the administrative kind.
    assert admin.need_fte == pytest.approx((1000 + 784) / AWT * CAF + 8)
    assert inst.need_fte == pytest.approx(3568 / AWT * CAF)
    assert admin.wisn_ratio == pytest.approx(18 / ((1000 + 784) / AWT * CAF + 8))
    assert (admin.status, inst.status) == ("surplus", "surplus")    # 1.98 and 13.95, above 1.2
    # Standards: the band, the leadership posts, the offices.
    assert admin.band == Range(None, 18) and jia.leadership == 8 and jia.leadership_standard == Range(5, 7)
    assert jia.offices["administrative"] == 1 and jia.office_limits["administrative"] == 1
    assert sorted(w.rule for w in jia.warnings) == ["band", "leadership"]
    # Age: 4 of 5 birth months known; 小王 under 30; 老李 (56) and 老赵 (60) 55 or over.
    assert (jia.age.on_file, jia.age.known, jia.age.young, jia.age.old) == (5, 4, 1, 2)
    assert jia.age.young_share == pytest.approx(1 / 4) and jia.age.old_share == pytest.approx(2 / 4)
    horizon = AS_OF.plus(60)
    retiring = [p.name for p in hand_made().township("甲镇").people
                if p.planned_leave is None and retirement_month(p.sex, p.status, p.birth_month) is not None
                and retirement_month(p.sex, p.status, p.birth_month) < horizon]
    assert sorted(retiring) == ["老李", "老赵"] and jia.age.retiring == 2
    # County comparison: (20 + 30) / 20,000 and 15 / 10,000 per 10,000 residents; 丙镇 has no residents on file.
    assert jia.comparison.per_10k == pytest.approx(25.0)
    assert result.township("乙乡").comparison.per_10k == pytest.approx(15.0)
    assert result.township("丙镇").comparison.per_10k is None
    assert result.median_per_10k == pytest.approx(20.0)
    assert jia.comparison.per_village == pytest.approx(5.0) and result.median_per_village == pytest.approx(4.0)
    # 乙乡: no people on file, no duties: the need is its leadership posts alone.
    yi = result.township("乙乡")
    assert yi.age.on_file == 0 and yi.age.young_share is None
    assert yi.kind("administrative").need_fte == 9 and yi.kind("institutional").has_line is False
    assert yi.warnings == ()                       # 三类 has no rule in this library


def test_one_township_is_assessed_against_the_whole_county(hand_db):
    one = assessment_job(hand_db, "乙乡", as_of=AS_OF)
    assert [t.name for t in one.townships] == ["乙乡"] and one.median_per_10k == pytest.approx(20.0)


def page_count(path) -> int:
    return int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))


def page_text(path, number: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_the_pdf_has_one_page_per_township(ledger_db, tmp_path):
    from ui.report.assessment_render import write_assessment_pdf

    result = assessment_job(ledger_db, as_of=AS_OF)
    path = write_assessment_pdf(result, tmp_path / "assessment.pdf")
    assert page_count(path) == len(result.townships) == 14
    for number, township in enumerate(result.townships, 1):
        text = page_text(path, number)
        assert text.startswith(f"{township.name}机构编制评估")
        assert "评估提示" in text and "对照编制标准与全县中位数" in text
        for warning in township.warnings:
            assert warning.zh.replace(" ", "") in text.replace(" ", "")
    english = write_assessment_pdf(result, tmp_path / "assessment_en.pdf", "en")
    assert page_count(english) == 14
    for number, township in enumerate(result.townships, 1):   # a long title wraps: compare without spaces
        assert "".join(page_text(english, number).split()).startswith(f"Assessmentof{township.name}")


def test_a_township_with_every_point_to_note_still_fits_its_page(hand_db, tmp_path):
    from ui.report.assessment_render import write_assessment_pdf

    result = assessment_job(hand_db, as_of=AS_OF)
    jia = result.township("甲镇")
    assert len(jia.warnings) == 2 and jia.kind("institutional").over_quota and jia.age.retiring
    for lang in ("zh_CN", "en"):
        path = write_assessment_pdf(result, tmp_path / f"hand_{lang}.pdf", lang)
        assert page_count(path) == 3
    text = page_text(tmp_path / "hand_zh_CN.pdf", 1)
    for line in ("工作量（实有/需求）：行政富余（1.98）、事业富余（13.95）。", "可用编制：行政1名，", "超编：事业1名，",
                 "5年内2人到龄退休", "55岁及以上人员占50%"):
        assert line in text.replace("\n", ""), line


def test_the_assess_command_writes_json_xlsx_and_pdf(hand_db, db_path, tmp_path, capsys):
    from cli import main

    out = tmp_path / "out"
    code = main(["assess", "--db", str(db_path), "--json", str(out / "a.json"), "--xlsx", str(out / "a.xlsx"),
                 "--pdf", str(out / "a.pdf")])
    assert code == 0
    data = json.loads((out / "a.json").read_text(encoding="utf-8"))
    jia = next(t for t in data["townships"] if t["township"] == "甲镇")
    admin = next(k for k in jia["kinds"] if k["kind"] == "administrative")
    assert (admin["vacancy"], admin["usable_vacancy"], jia["slots_per_10k_residents"]) == (2, 1, 25.0)
    assert data["median_slots_per_10k_residents"] == 20.0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("township\tkind\tapproved")
    assert any(line.startswith("甲镇\t行政\t20\t18\t2\t1\t0") for line in lines)
    wb = openpyxl.load_workbook(out / "a.xlsx")
    assert wb.sheetnames == ["编制与工作量", "标准与结构"]
    ws = wb["编制与工作量"]
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"
    assert [c.value for c in ws[3]][:8] == ["甲镇", "二类", "行政", 20, 18, 2, 1, 0]
    assert ws.max_row == 2 + 4                   # 甲镇 two kinds, 乙乡 and 丙镇 one each
    assert all(cell.font.size >= 9 for row in ws.iter_rows() for cell in row)
    # One township, and a township the ledger does not hold.
    assert main(["assess", "--db", str(db_path), "--township", "乙乡", "--json", str(out / "b.json")]) == 0
    assert [t["township"] for t in json.loads((out / "b.json").read_text("utf-8"))["townships"]] == ["乙乡"]
    assert main(["assess", "--db", str(db_path), "--township", "无此镇"]) == 2
    assert "无此镇" in capsys.readouterr().err
    # Never over the database itself.
    size = db_path.stat().st_size
    assert main(["assess", "--db", str(db_path), "--json", str(db_path)]) == 2
    assert db_path.stat().st_size == size


from tests.ledger_fixtures import ledger_db  # noqa: E402,F401  (fixture)
