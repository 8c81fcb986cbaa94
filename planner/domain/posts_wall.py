"""The wall table (双AB岗公示表): what a township posts on its wall.

One row per duty, office by office in the ledger's order: the duty, its A
holders, its B holders (or that it needs none), and the office's backup office
(备岗机构). The window's print, the PDF, the workbook and the `roster` command's
JSON all read these rows; the gaps are planner.domain.posts_check's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planner.domain.county import CountyData, TownshipData
from planner.domain.posts import holders
from planner.domain.posts_check import Finding, check_posts


@dataclass(frozen=True)
class WallRow:
    office: str
    duty: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    backup_office: str | None
    needs_backup: bool = True


@dataclass
class WallTable:
    county: str
    township: str
    date: date
    rows: list[WallRow] = field(default_factory=list)
    gaps: list[Finding] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.township}双AB岗公示表"

    def to_json(self) -> dict:
        return {"township": self.township, "county": self.county, "date": self.date.isoformat(),
                "rows": [{"office": r.office, "duty": r.duty, "a": list(r.a), "b": list(r.b),
                          "office_backup": r.backup_office, "needs_backup": r.needs_backup} for r in self.rows],
                "gaps": [{"code": g.code, "text": g.zh, "text_en": g.en} for g in self.gaps]}


def wall_table(county: CountyData, township: TownshipData, on: date | None = None) -> WallTable:
    """Every duty of the township, office by office: its A and B holders and the office's backup office."""
    a_of, b_of = holders(township)
    backup = {o.name: o.backup_office for o in township.offices}
    table = WallTable(county.name, township.name, on or date.today(),
                      gaps=check_posts(township, county.params))
    for office in township.offices:
        for duty in township.duties:
            if duty.office != office.name:
                continue
            ref = (duty.office, duty.name)
            table.rows.append(WallRow(office.name, duty.name, tuple(a_of.get(ref, [])), tuple(b_of.get(ref, [])),
                                      backup[office.name], bool(duty.needs_backup)))
    return table


# The words of the printed table, defined once for the window, the PDF and the workbook.
WALL_COLUMNS = {
    "zh": ("序号", "内设机构", "职责事项", "A岗（主办）", "B岗（备岗）", "备岗机构"),
    "en": ("No.", "Office", "Duty", "A holder", "B holder", "Backup office"),
}
WALL_WORDS = {
    "zh": {"title": "{township}双AB岗公示表", "vacant": "（空缺）", "none_needed": "（不设B岗）", "no_office": "—",
           "subline": "{county}　{township}　　公示日期：{date}",
           "note": "注：A岗为事项主办人，B岗在A岗不在时代为办理；备岗机构在本机构人员均不在时代为办理窗口事项。"},
    "en": {"title": "{township}: double A/B roster", "vacant": "(vacant)", "none_needed": "(no B needed)",
           "no_office": "—", "subline": "{county} · {township} · posted {date}",
           "note": "A holds the duty; B stands in when A is away; the backup office stands in for the "
                   "counter when nobody of the office is there."},
}


def wall_lang(lang: str | None) -> str:
    return "en" if str(lang or "").lower().startswith("en") else "zh"


def wall_cells(number: int, row: WallRow, lang: str = "zh") -> list[str]:
    words = WALL_WORDS[wall_lang(lang)]
    a = "、".join(row.a) or words["vacant"]
    b = "、".join(row.b) or (words["vacant"] if row.needs_backup else words["none_needed"])
    return [str(number), row.office, row.duty, a, b, row.backup_office or words["no_office"]]


def wall_title(table: WallTable, lang: str = "zh") -> str:
    return WALL_WORDS[wall_lang(lang)]["title"].format(township=table.township)


def wall_subline(table: WallTable, lang: str = "zh") -> str:
    day = (f"{table.date.year}年{table.date.month}月{table.date.day}日" if wall_lang(lang) == "zh"
           else table.date.isoformat())
    return WALL_WORDS[wall_lang(lang)]["subline"].format(county=table.county, township=table.township, date=day)
