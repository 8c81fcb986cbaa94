"""Posts in a workbook: the optional sheet `岗位` and the `备岗机构` column of `内设机构`.

The columns are declared in planner.excel.template. Each post row names its
township, office, post, holder (a person of the `人员` sheet of the same
township) and its A and B duties, separated by 、 or ; and each a duty of the
`职责事项` sheet of that township. A duty name two offices share is taken from
the post's own office, or written `机构名称·事项名称`. Every problem names the
sheet, row and column; nothing is imported unless the whole file is valid.
"""

from __future__ import annotations

from planner.domain.county import TownshipData
from planner.domain.posts import DutyRef, PostData, duty_label, split_duty_list
from planner.excel.problems import ImportProblem
from planner.excel.reader import SheetRows

QUALIFIER = "·"


def post_rows(township: TownshipData):
    """The `岗位` rows of one township, as the writer puts them (and the reader takes them back)."""
    for post in township.posts:
        yield [township.name, post.office, post.name, post.holder,
               "、".join(duty_label(township, ref) for ref in post.a_duties) or None,
               "、".join(duty_label(township, ref) for ref in post.b_duties) or None]


def read_post_sheets(sheets: dict[str, SheetRows], towns: dict[str, TownshipData], township_of,
                     problems: list[ImportProblem]) -> None:
    """Backup offices into their offices, posts into their townships, after people and duties are read.

    Posts point into every other sheet: while another sheet has a problem, a post row's
    references would only repeat it (an unreadable duty row makes every post naming it
    "unknown"), so the posts are checked once the rest of the file is clean.
    """
    if problems:
        return
    _backup_offices(sheets.get("offices"), towns, problems)
    sheet = sheets.get("posts")
    if sheet is None or not sheet.readable or problems:
        return
    complete = {key: True for key in ("people", "duties", "offices")}
    homes: dict[str, list[str]] = {}
    for t in towns.values():
        for p in t.people:
            homes.setdefault(p.name, []).append(t.name)
    seen: dict[tuple[str, str, str], int] = {}
    for row in sheet.rows:
        town = township_of(sheet, row)
        if town is None or not row.ok("township", "office", "post"):
            continue
        office, name = row.values["office"], row.values["post"]
        if office not in town.office_kinds():
            if complete["offices"]:
                problems.append(sheet.problem(
                    row.number, "office", f"未知机构“{office}”：“内设机构”表中“{town.name}”没有这个机构",
                    f"unknown office \"{office}\": the offices sheet lists no such office for \"{town.name}\""))
            continue
        key = (town.name, office, name)
        if key in seen:
            problems.append(sheet.problem(
                row.number, "post", f"“{town.name}”{office}的岗位“{name}”重复（已在第{seen[key]}行）",
                f"post \"{name}\" of {office} in \"{town.name}\" is listed twice (first on row {seen[key]})"))
            continue
        seen[key] = row.number
        before = len(problems)
        holder = _holder(sheet, row, town, homes, complete["people"], problems)
        a = _duties(sheet, row, "a_duties", town, office, complete["duties"], problems)
        b = _duties(sheet, row, "b_duties", town, office, complete["duties"], problems)
        both = [ref for ref in a if ref in b]
        if both:
            names = "、".join(duty_label(town, ref) for ref in both)
            problems.append(sheet.problem(row.number, "b_duties",
                                          f"同一岗位不能既是A岗又是B岗：{names}",
                                          f"one post cannot be both A and B of: {names}"))
        if len(problems) == before:
            town.posts.append(PostData(office, name, holder, a, b))


def _holder(sheet, row, town: TownshipData, homes: dict[str, list[str]], people_complete: bool,
            problems: list[ImportProblem]) -> str | None:
    if not row.ok("holder") or row.values.get("holder") is None:
        return None
    name = row.values["holder"]
    mine = [p for p in town.people if p.name == name]
    if len(mine) == 1:
        return name
    if len(mine) > 1:
        problems.append(sheet.problem(
            row.number, "holder", f"“{town.name}”有 {len(mine)} 名人员都叫“{name}”，无法确定是谁",
            f"\"{town.name}\" has {len(mine)} people named \"{name}\": cannot tell which"))
    elif not people_complete:
        pass
    elif homes.get(name):
        where = "、".join(homes[name])
        problems.append(sheet.problem(
            row.number, "holder", f"“{name}”在“人员”表中属于“{where}”，不是“{town.name}”：一人不能在两个乡镇任岗",
            f"\"{name}\" is on file in \"{where}\", not \"{town.name}\": nobody holds posts in two townships"))
    else:
        problems.append(sheet.problem(
            row.number, "holder", f"未知人员“{name}”：“人员”表中“{town.name}”没有此人",
            f"unknown person \"{name}\": the people sheet lists nobody of that name in \"{town.name}\""))
    return None


def _duties(sheet, row, key: str, town: TownshipData, office: str, duties_complete: bool,
            problems: list[ImportProblem]) -> list[DutyRef]:
    if not row.ok(key):
        return []
    refs: list[DutyRef] = []
    for text in split_duty_list(row.values.get(key)):
        ref = _duty(town, office, text)
        if isinstance(ref, tuple):
            if ref not in refs:
                refs.append(ref)
        elif ref == "ambiguous":
            offices = "、".join(d.office for d in town.duties if d.name == text)
            problems.append(sheet.problem(
                row.number, key, f"事项“{text}”在“{town.name}”的多个机构中都有（{offices}），请写成“机构名称·{text}”",
                f"duty \"{text}\" is in several offices of \"{town.name}\" ({offices}): write \"office·{text}\""))
        elif duties_complete:
            problems.append(sheet.problem(
                row.number, key, f"未知事项“{text}”：“职责事项”表中“{town.name}”没有这个事项",
                f"unknown duty \"{text}\": the duties sheet lists no such duty for \"{town.name}\""))
    return refs


def _duty(town: TownshipData, office: str, text: str) -> DutyRef | str:
    if QUALIFIER in text:
        named_office, _, name = text.partition(QUALIFIER)
        if any(d.office == named_office.strip() and d.name == name.strip() for d in town.duties):
            return (named_office.strip(), name.strip())
    matches = [(d.office, d.name) for d in town.duties if d.name == text]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        own = [ref for ref in matches if ref[0] == office]
        return own[0] if len(own) == 1 else "ambiguous"
    return "unknown"


def _backup_offices(sheet: SheetRows | None, towns: dict[str, TownshipData], problems: list[ImportProblem]) -> None:
    if sheet is None or not sheet.readable:
        return
    for row in sheet.rows:
        if not row.ok("township", "office", "backup_office") or row.values.get("backup_office") is None:
            continue
        town = towns.get(row.values["township"])
        if town is None:
            continue   # the township's own problem is reported already
        office, backup = row.values["office"], row.values["backup_office"]
        if backup == office:
            problems.append(sheet.problem(row.number, "backup_office", f"机构“{office}”不能为自己备岗",
                                          f"office \"{office}\" cannot be its own backup"))
        elif backup not in town.office_kinds():
            problems.append(sheet.problem(
                row.number, "backup_office", f"未知备岗机构“{backup}”：“{town.name}”没有这个内设机构",
                f"unknown backup office \"{backup}\": \"{town.name}\" has no such office"))
        else:
            for o in town.offices:
                if o.name == office:
                    o.backup_office = backup
