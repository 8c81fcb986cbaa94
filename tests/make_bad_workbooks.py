"""A corpus of malformed ledger workbooks, each with the problem it must be rejected for.

Run as a script to write the corpus into a folder for a look by hand:
    python tests/make_bad_workbooks.py /tmp/bad-workbooks
tests/test_excel_import.py imports every workbook and checks the message and
that the database file is byte for byte unchanged.
"""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from planner.demo.county import generate_demo  # noqa: E402
from planner.excel import write_workbook  # noqa: E402
from planner.excel.template import MAX_DATA_ROWS  # noqa: E402
from tests import hostile_workbooks as hw  # noqa: E402


@dataclass(frozen=True)
class BadCase:
    name: str
    build: Callable[[Path, Path], None]   # (valid base workbook, target)
    where: str                            # the line must start with this (Chinese location)
    fragment: str                         # and contain this
    count: int | None = 1                 # exact number of problems, when it is known


def base_county():
    """Three townships with people: 柳湾镇, 冲口乡, 上畈镇 (rows 2.. of each sheet).

    Trimmed to 20 duties and 5 people each, so that the corpus is quick to write.
    """
    county = generate_demo(3, 2, with_people=True)
    for t in county.townships:
        t.duties = t.duties[:20]
        t.people = t.people[:5]
        # The demo's posts name duties and people cut above; the corpus is about the other sheets.
        t.posts = []
        for o in t.offices:
            o.backup_office = None
    return county


DUTY_ROWS = sum(len(t.duties) for t in base_county().townships)
OFFICE_ROWS = sum(len(t.offices) for t in base_county().townships)
FIRST_DUTY = base_county().townships[0].duties[0]     # row 2 of 职责事项


def write_base(path: Path) -> Path:
    return write_workbook(path, base_county())


def _edit(fn: Callable[[openpyxl.Workbook], None]) -> Callable[[Path, Path], None]:
    def build(base: Path, target: Path) -> None:
        wb = openpyxl.load_workbook(base)
        fn(wb)
        wb.save(target)
    return build


def _cell(sheet: str, ref: str, value) -> Callable[[Path, Path], None]:
    def fn(wb):
        wb[sheet][ref] = value
    return _edit(fn)


def _raw(data: bytes) -> Callable[[Path, Path], None]:
    def build(base: Path, target: Path) -> None:
        target.write_bytes(data)
    return build


def _rewrite_part(part_of: Callable[[zipfile.ZipFile], str],
                  change: Callable[[bytes], bytes]) -> Callable[[Path, Path], None]:
    """Copy the base zip, changing one part's bytes: for XML that openpyxl cannot write."""
    def build(base: Path, target: Path) -> None:
        with zipfile.ZipFile(base) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            part = part_of(src)
            for item in src.infolist():
                data = src.read(item.filename)
                dst.writestr(item, change(data) if item.filename == part else data)
    return build


def _sheet_part(title: str) -> Callable[[zipfile.ZipFile], str]:
    def find(zf: zipfile.ZipFile) -> str:
        wb = openpyxl.load_workbook(zf.fp, read_only=True)
        index = wb.sheetnames.index(title) + 1
        wb.close()
        return f"xl/worksheets/sheet{index}.xml"
    return find


def _huge_rows(data: bytes) -> bytes:
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i)
                    for i in range(2, MAX_DATA_ROWS + 12))
    head, _, tail = data.partition(b"</sheetData>")
    # The header row stays; every data row after it is replaced by the flood.
    head = re.sub(rb'<row r="(?!1")\d+".*?</row>', b"", head, flags=re.S)
    return head + rows + b"</sheetData>" + tail


def _formula_error(data: bytes) -> bytes:
    # C2 (核定编制) becomes a formula whose cached result is #DIV/0!, as Excel saves it.
    return re.sub(rb'<c r="C2"[^>]*?(/>|>.*?</c>)', b'<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
                  data, count=1, flags=re.S)


def _delete_sheet(title: str):
    def fn(wb):
        del wb[title]
    return _edit(fn)


def _delete_column(title: str, idx: int):
    def fn(wb):
        wb[title].delete_cols(idx)
    return _edit(fn)


def _append(title: str, row: list):
    def fn(wb):
        wb[title].append(row)
    return _edit(fn)


def _title_row(title: str):
    def fn(wb):
        wb[title].insert_rows(1)
        wb[title]["A1"] = "某县乡镇编制台账"
    return _edit(fn)


def _merge(title: str, ref: str):
    def fn(wb):
        wb[title].merge_cells(ref)
    return _edit(fn)


def _zip_with(files: dict[str, bytes]) -> Callable[[Path, Path], None]:
    def build(base: Path, target: Path) -> None:
        with zipfile.ZipFile(target, "w") as zf:
            for name, data in files.items():
                zf.writestr(name, data)
    return build


def _truncated(base: Path, target: Path) -> None:
    data = base.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def _template_only(base: Path, target: Path) -> None:
    from planner.excel import write_template
    write_template(target)


def _extra_townships_sheet(wb):
    ws = wb.create_sheet("townships")
    ws.append(["township", "type", "category", "population"])


def _duplicate_header(wb):
    ws = wb["乡镇"]
    ws["H1"] = "人口"


def _params_absent_days(wb):
    ws = wb["参数"]
    ws["B3"] = 60   # 年休假天数
    ws["B4"] = 120  # 病假及其他缺勤天数
    ws["B5"] = 60   # 培训天数
    ws["B2"] = 200  # 年工作日


def _full_width_townships(wb):
    ws = wb["乡镇"]
    ws.append(["XY镇", "镇", "二类", 1000])
    ws.append(["ＸＹ镇", "镇", "二类", 1000])


def _parts_of_250_mb(base: Path, target: Path) -> None:
    names = ["docProps/app.xml", "docProps/core.xml", "xl/theme/theme1.xml", "xl/comments/comment1.xml",
             "xl/comments/comment2.xml"]
    hw.changed(lambda b, entries: [replace(e, size=250 * hw.MB) if e.name in names else e
                                   for e in entries])(base, target)


def _big_shared_strings(base: Path, target: Path) -> None:
    hw.with_shared_strings("乡镇", "A2", b"0", b"<si><t>x</t></si>")(base, target)
    entries = [hw.entry(i.filename, zipfile.ZipFile(target).read(i.filename))
               for i in zipfile.ZipFile(target).infolist()]
    hw.write_zip(target, [replace(e, size=200 * hw.MB) if e.name == "xl/sharedStrings.xml" else e
                          for e in entries])


def _second_sheet_named(title: str):
    """A second sheet of the name `title`, holding what the first holds with one value changed."""
    def fn(base: Path, entries):
        data = hw.content(base, hw.part_of(base, title))
        data = hw.cell_xml("C2", b'<c r="C2" t="n"><v>99</v></c>')(data)
        return hw.add_sheet(base, entries, title, hw.entry("xl/worksheets/sheet99.xml", data))
    return fn


def _many_sheets(count: int):
    """workbook.xml listing `count` more sheets, all showing the first sheet's part."""
    def fn(base: Path, entries):
        data = hw.content(base, "xl/workbook.xml")
        rid = re.search(rb'<sheet [^>]*?r:id="([^"]+)"', data).group(1)
        extra = b"".join(b'<sheet name="s%d" sheetId="%d" r:id="%s"/>' % (i, 100 + i, rid) for i in range(count))
        data = data.replace(b"</sheets>", extra + b"</sheets>", 1)
        return [hw.entry(e.name, data) if e.name == "xl/workbook.xml" else e for e in entries]
    return fn


def _sheet_part_name(title: str):
    return lambda base: hw.part_of(base, title)


def _truncate_part(name: str):
    def fn(base: Path, entries):
        return [hw.entry(e.name, hw.content(base, e.name)[:200]) if e.name == name else e for e in entries]
    return fn


def _drop_part(name: str):
    return lambda base, entries: [e for e in entries if e.name != name]


def _scramble_part(name_of):
    def fn(base: Path, entries):
        name = name_of(base)
        return [replace(e, data=e.data[:40] + bytes(b ^ 0x5A for b in e.data[40:80]) + e.data[80:])
                if e.name == name else e for e in entries]
    return fn


CASES: list[BadCase] = [
    BadCase("empty_file", _raw(b""), "ledger-empty_file.xlsx", "文件为空"),
    BadCase("csv_renamed", _raw("乡镇名称,人口\n柳湾镇,28000\n".encode("utf-8")),
            "ledger-csv_renamed.xlsx", "不是 xlsx 文件"),
    BadCase("old_xls", _raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096),
            "ledger-old_xls.xlsx", "旧版 Excel 97-2003"),
    BadCase("zip_not_xlsx", _zip_with({"readme.txt": b"hello"}), "ledger-zip_not_xlsx.xlsx",
            "不是 Excel 工作簿"),
    BadCase("ods", _zip_with({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                              "content.xml": b"<x/>"}), "ledger-ods.xlsx", "OpenDocument"),
    BadCase("strict_open_xml", _zip_with({
        "xl/workbook.xml": b'<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>'}),
        "ledger-strict_open_xml.xlsx", "Strict Open XML"),
    BadCase("truncated", _truncated, "ledger-truncated.xlsx", "不是 xlsx 文件"),
    BadCase("damaged_sheet_xml", _rewrite_part(_sheet_part("编制"), lambda d: d[: len(d) // 2]),
            "ledger-damaged_sheet_xml.xlsx", "文件已损坏"),
    BadCase("missing_sheet", _delete_sheet("乡镇"), "乡镇", "缺少工作表“乡镇”"),
    BadCase("duplicate_sheet", _edit(_extra_townships_sheet), "townships", "与工作表“乡镇”重复"),
    BadCase("missing_column", _delete_column("编制", 3), "编制, 第1行, 核定编制", "缺少列“核定编制”"),
    BadCase("header_not_on_row_1", _title_row("内设机构"), "内设机构, 第1行",
            "表头应在第1行，实际在第2行：请删除表头上方的 1 行"),
    BadCase("header_misspelt", _cell("内设机构", "B1", "机构名"), "内设机构, 第1行, 机构名称",
            "缺少列“机构名称”（英文名 office）；表头须在第1行"),
    BadCase("duplicate_column", _edit(_duplicate_header), "乡镇, 第1行, 人口(H列)", "与D列重复"),
    BadCase("unknown_township", _cell("编制", "A2", "不存在镇"), "编制, 第2行, 乡镇名称(A列)",
            "未知乡镇“不存在镇”"),
    BadCase("unknown_office", _cell("职责事项", "B2", "不存在办公室"), "职责事项, 第2行, 机构名称(B列)",
            "未知机构“不存在办公室”"),
    BadCase("person_unknown_office", _cell("人员", "B2", "不存在站"), "人员, 第2行, 机构名称(B列)",
            "未知机构“不存在站”"),
    BadCase("duplicate_township", _append("乡镇", ["柳湾镇", "镇", "二类", 1000]), "乡镇, 第5行, 乡镇名称(A列)",
            "乡镇“柳湾镇”重复（已在第2行）"),
    BadCase("duplicate_quota", _cell("编制", "B3", "行政"), "编制, 第3行, 编制类型(B列)",
            "“柳湾镇”的行政编制重复（已在第2行）"),
    BadCase("duplicate_office", _append("内设机构", ["柳湾镇", "党政综合办公室", "行政"]),
            f"内设机构, 第{OFFICE_ROWS + 2}行, 机构名称(B列)", "“柳湾镇”的机构“党政综合办公室”重复（已在第2行）"),
    BadCase("duplicate_duty", _append("职责事项", ["柳湾镇", FIRST_DUTY.office, FIRST_DUTY.name, 1, 1]),
            f"职责事项, 第{DUTY_ROWS + 2}行, 事项名称(C列)", f"事项“{FIRST_DUTY.name}”重复（已在第2行）"),
    BadCase("text_in_number", _cell("编制", "C2", "十二"), "编制, 第2行, 核定编制(C列)",
            "应为非负整数，实为“十二”"),
    BadCase("negative_staff", _cell("编制", "D3", -3), "编制, 第3行, 实有人数(D列)", "不能为负数"),
    BadCase("absurd_staff", _cell("编制", "D3", 5000), "编制, 第3行, 实有人数(D列)", "数值 5000 过大（上限 1000）"),
    BadCase("absurd_minutes", _cell("职责事项", "E2", 20000), "职责事项, 第2行, 单件工时(分钟)(E列)",
            "过大（上限 10000）"),
    BadCase("absurd_volume", _cell("职责事项", "D2", 2e7), "职责事项, 第2行, 年办件量(D列)", "过大"),
    BadCase("absurd_population", _cell("乡镇", "D2", 3_000_000), "乡镇, 第2行, 人口(D列)", "过大"),
    BadCase("absurd_villages", _cell("乡镇", "F2", 900), "乡镇, 第2行, 行政村数(F列)", "过大（上限 500）"),
    BadCase("fractional_quota", _cell("编制", "C2", 12.5), "编制, 第2行, 核定编制(C列)", "应为整数，实为 12.5"),
    BadCase("infinite_text", _cell("职责事项", "F2", "inf"), "职责事项, 第2行, 固定年工时(小时)(F列)",
            "应为非负数"),
    BadCase("unknown_kind", _cell("内设机构", "C2", "临时"), "内设机构, 第2行, 编制类型(C列)",
            "无法识别的值“临时”"),
    BadCase("unknown_type", _cell("乡镇", "B2", "村"), "乡镇, 第2行, 类型(B列)", "应为 乡 / 镇 / 街道"),
    BadCase("unknown_category", _cell("乡镇", "C2", "四类"), "乡镇, 第2行, 类别(C列)", "应为 一类 / 二类 / 三类"),
    BadCase("bad_yes_no", _cell("职责事项", "G2", "也许"), "职责事项, 第2行, 需AB岗(G列)", "应为 是 / 否"),
    BadCase("leadership_on_institutional", _cell("编制", "E3", 2), "编制, 第3行, 领导职数(E列)",
            "领导职数只能填在行政编制行"),
    BadCase("leadership_over_quota", _cell("编制", "E2", 30), "编制, 第2行, 领导职数(E列)",
            f"领导职数 30 超过核定行政编制 {base_county().townships[0].quotas['administrative'].approved}"),
    BadCase("absurd_leadership", _cell("编制", "E2", 60), "编制, 第2行, 领导职数(E列)", "过大（上限 50）"),
    BadCase("empty_required", _cell("编制", "A3", None), "编制, 第3行, 乡镇名称(A列)", "不能为空"),
    BadCase("name_too_long", _cell("内设机构", "B2", "办" * 120), "内设机构, 第2行, 机构名称(B列)",
            "文字过长：120 个字"),
    BadCase("line_break_in_name", _cell("乡镇", "A4", "上畈\n镇"), "乡镇, 第4行, 乡镇名称(A列)",
            "换行符"),
    BadCase("bad_date", _cell("人员", "E2", "去年春天"), "人员, 第2行, 入编日期(E列)", "应为日期"),
    BadCase("parameter_out_of_range", _cell("参数", "B2", 2480), "参数, 第2行, 值(B列)",
            "年工作日 2480 不在 100–366 之间"),
    BadCase("parameter_text", _cell("参数", "B6", "八"), "参数, 第6行, 值(B列)", "每日工时：应为非负数，实为“八”"),
    BadCase("parameter_unknown", _cell("参数", "A2", "年工作日数"), "参数, 第2行, 参数(A列)",
            "未知参数“年工作日数”"),
    BadCase("parameter_not_whole", _cell("参数", "B9", 2.5), "参数, 第9行, 值(B列)", "应为整数"),
    BadCase("absence_exceeds_working_days", _edit(_params_absent_days), "参数, 第2行, 值(B列)",
            "不少于年工作日 200 天"),
    BadCase("merged_cells", _merge("职责事项", "A2:A3"), "职责事项, 第2行", "有合并单元格 A2:A3", count=2),
    BadCase("formula_without_cached_value", _cell("编制", "C2", "=20+6"), "编制, 第2行, 核定编制(C列)",
            "公式没有已计算的结果"),
    BadCase("formula_error_value", _rewrite_part(_sheet_part("编制"), _formula_error),
            "编制, 第2行, 核定编制(C列)", "公式结果为错误值 #DIV/0!"),
    BadCase("no_townships", _template_only, "乡镇, 第2行", "没有乡镇数据"),
    BadCase("too_many_rows", _rewrite_part(_sheet_part("人员"), _huge_rows), "人员",
            f"数据行超过 {MAX_DATA_ROWS:,} 行的上限"),
] + [
    # Silent wrong data once: each must now be refused, or read as Excel reads it.
    BadCase("value_in_xml_comment", hw.sheet_edit("编制", hw.cell_xml("C2", b'<!-- <c r="C2"><v>999</v></c> -->')),
            "编制, 第2行, 核定编制(C列)", "不能为空"),
    BadCase("value_in_processing_instruction",
            hw.sheet_edit("编制", hw.cell_xml("C2", b'<?note <c r="C2"><v>999</v></c> ?>')),
            "编制, 第2行, 核定编制(C列)", "不能为空"),
    BadCase("shared_string_minus_one", hw.with_shared_strings("乡镇", "A3", b"-1", "<si><t>柳湾镇</t></si>".encode()),
            "乡镇, 第3行", "单元格 A3 引用的共享字符串“-1”不存在（共 1 项）"),
    BadCase("shared_string_past_the_end", hw.with_shared_strings("乡镇", "A3", b"1", "<si><t>柳湾镇</t></si>".encode()),
            "乡镇, 第3行", "引用的共享字符串“1”不存在"),
    BadCase("duplicate_zip_member", hw.duplicate_member("编制", hw.cell_xml("C2", b'<c r="C2"><v>99</v></c>')),
            "ledger-duplicate_zip_member.xlsx", "两个同名部件“xl/worksheets/sheet3.xml”"),
    BadCase("decimal_comma", _cell("职责事项", "D2", "1,9"), "职责事项, 第2行, 年办件量(D列)",
            "数字“1,9”含义不明确：逗号只能用作千位分隔符"),
    BadCase("zero_comma_number", _cell("参数", "B7", "0,100"), "参数, 第7行, 值(B列)", "含义不明确"),
    BadCase("lookalike_township_zero_width", _append("乡镇", ["柳湾镇\u200b", "镇", "二类", 1000]),
            "乡镇, 第5行, 乡镇名称(A列)", "乡镇“柳湾镇”重复（已在第2行）；本行的名称含有不可见字符"),
    BadCase("lookalike_township_bom", _append("乡镇", ["\ufeff柳湾镇", "镇", "二类", 1000]),
            "乡镇, 第5行, 乡镇名称(A列)", "乡镇“柳湾镇”重复（已在第2行）"),
    BadCase("lookalike_township_rtl_mark", _append("乡镇", ["柳湾\u200f镇", "镇", "二类", 1000]),
            "乡镇, 第5行, 乡镇名称(A列)", "乡镇“柳湾镇”重复（已在第2行）"),
    BadCase("lookalike_township_full_width", _edit(_full_width_townships), "乡镇, 第6行, 乡镇名称(A列)",
            "乡镇“XY镇”重复（已在第5行）"),
    BadCase("lookalike_office", _append("内设机构", ["柳湾镇", "党政综合办公室\u200d", "行政"]),
            f"内设机构, 第{OFFICE_ROWS + 2}行, 机构名称(B列)", "“柳湾镇”的机构“党政综合办公室”重复（已在第2行）"),
    BadCase("lookalike_duty", _append("职责事项", ["柳湾镇", FIRST_DUTY.office, FIRST_DUTY.name + "\u2060", 1, 1]),
            f"职责事项, 第{DUTY_ROWS + 2}行, 事项名称(C列)", f"事项“{FIRST_DUTY.name}”重复（已在第2行）"),
    # Resources: every bound is checked before the bytes it guards are read.
    BadCase("ignored_sheet_of_1_5_gb", hw.huge_sheet("草稿", 1536, new_sheet=True), "草稿",
            "工作表“草稿”解压后 1.5 GB，超过单个部件 256 MB 的上限"),
    BadCase("known_sheet_of_1_gb", hw.huge_sheet("职责事项", 1024, new_sheet=False), "职责事项",
            "工作表“职责事项”解压后 1.0 GB，超过单个部件 256 MB 的上限"),
    BadCase("parts_over_1_gb_together", _parts_of_250_mb, "ledger-parts_over_1_gb_together.xlsx",
            "超过 1.0 GB 的上限"),
    BadCase("shared_strings_over_128_mb", _big_shared_strings, "ledger-shared_strings_over_128_mb.xlsx",
            "部件 xl/sharedStrings.xml 解压后 200 MB，超过 128 MB 的上限"),
    BadCase("too_many_shared_strings", hw.with_shared_strings("乡镇", "A2", b"0", b"<si><t/></si>" * 2_000_001),
            "ledger-too_many_shared_strings.xlsx", "有 2,000,001 项，超过 2,000,000 项的上限"),
    BadCase("shared_string_too_long",
            hw.with_shared_strings("乡镇", "A2", b"0", b"<si><t>" + b"x" * 40_000 + b"</t></si>"),
            "ledger-shared_string_too_long.xlsx", "第 0 项有 40,000 个字，超过 Excel 单元格 32,767 个字的上限"),
    BadCase("cell_text_too_long", hw.sheet_edit("乡镇", hw.cell_xml(
        "A3", b'<c r="A3" t="inlineStr"><is><t>' + "镇".encode() * 40_000 + b"</t></is></c>")),
            "乡镇, 第3行", "单元格文字 40,000 个字，超过 Excel 单元格 32,767 个字的上限"),
    BadCase("sizes_that_lie", hw.declared_size(hw.sheet_named("编制"), 1000), "ledger-sizes_that_lie.xlsx",
            "文件已损坏，无法读取：工作表“编制”的压缩数据已损坏或与记录的大小、校验和不符"),
    BadCase("too_many_members", hw.extra_members(5_001), "ledger-too_many_members.xlsx",
            "个部件，超过 5,000 个的上限"),
    BadCase("row_number_2_000_000_000", hw.sheet_edit("编制", hw.row_number(10, 2_000_000_000)),
            "编制, 第2000000000行", "行号 2,000,000,000 超出 Excel 的最大行数 1,048,576"),
    BadCase("row_number_100_000_000", hw.sheet_edit("人员", hw.row_number(3, 100_000_000)),
            "人员, 第100000000行", "超出 Excel 的最大行数"),
    BadCase("rows_out_of_order", hw.sheet_edit("编制", hw.move_row_to_end(3, 3)), "编制, 第3行",
            "第3行出现在第10行之后：行的顺序错乱或重复"),
    BadCase("cell_repeated", hw.sheet_edit("编制", hw.cell_xml(
        "D2", b'<c r="D2" t="n"><v>22</v></c><c r="D2" t="n"><v>23</v></c>')), "编制, 第2行",
            "单元格 D2 出现在 D2 之后：单元格顺序错乱或重复"),
    BadCase("column_beyond_xfd", hw.sheet_edit("编制", hw.cell_xml(
        "E2", b'<c r="E2" t="n"><v>9</v></c><c r="XFE2" t="n"><v>1</v></c>')), "编制, 第2行",
            "列 XFE 超出 Excel 的最大列 XFD"),
    BadCase("row_number_not_a_number", hw.sheet_edit("编制", lambda d: d.replace(b'<row r="4"', b'<row r="4x"', 1)),
            "编制, 第4行", "行号“4x”无效"),
    # Tracebacks once: now one clear line each.
    BadCase("encrypted_member", hw.member_flags("编制", flags=0x1), "ledger-encrypted_member.xlsx",
            "设有密码（部件已加密）"),
    BadCase("unusual_compression", hw.member_flags("编制", method=14), "ledger-unusual_compression.xlsx",
            "使用了 Excel 不用的压缩方式（14）"),
    BadCase("dtd_in_sheet", hw.sheet_edit("编制", lambda d: b'<!DOCTYPE x [<!ENTITY a "9">]>' + d), "编制",
            "含有 DTD"),
    BadCase("utf16_sheet", hw.sheet_edit("编制", lambda d: b'<?xml version="1.0" encoding="UTF-16"?>'
                                          + d.decode("utf-8").encode("utf-16-le")), "编制", "编码为 UTF-16"),
    BadCase("broken_workbook_xml", hw.changed(_truncate_part("xl/workbook.xml")), "ledger-broken_workbook_xml.xlsx",
            "文件已损坏"),
    BadCase("missing_relationships", hw.changed(_drop_part("xl/_rels/workbook.xml.rels")),
            "ledger-missing_relationships.xlsx", "文件已损坏，无法读取：缺少部件 xl/_rels/workbook.xml.rels"),
    BadCase("corrupt_compressed_data", hw.changed(_scramble_part(_sheet_part_name("编制"))),
            "ledger-corrupt_compressed_data.xlsx",
            "文件已损坏，无法读取：工作表“编制”的压缩数据已损坏或与记录的大小、校验和不符"),
    BadCase("two_sheet_data_sections", hw.sheet_edit("编制", lambda d: d.replace(
        b"</sheetData>", b'</sheetData><sheetData><row r="11"><c r="C11"><v>9</v></c></row></sheetData>', 1)),
            "编制", "工作表含有两个数据区（<sheetData>）"),
    BadCase("row_inside_a_row", hw.sheet_edit("编制", lambda d: d.replace(
        b'<row r="3">', b'<row r="3"><row r="4"></row>', 1)), "编制, 第3行", "行的结构有误"),
    BadCase("too_many_sheets", hw.changed(_many_sheets(1_001)), "ledger-too_many_sheets.xlsx",
            "张工作表，超过 1,000 张的上限"),
    BadCase("duplicate_sheet_name", hw.changed(_second_sheet_named("编制")), "编制",
            "工作簿中有两张名为“编制”的工作表"),
]


def file_name(case: BadCase) -> str:
    return f"ledger-{case.name}.xlsx"


def write_corpus(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    base = write_base(folder / "valid-base.xlsx")
    paths = {}
    for case in CASES:
        target = folder / file_name(case)
        case.build(base, target)
        paths[case.name] = target
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-workbooks")
    for name, path in write_corpus(out).items():
        print(path)
