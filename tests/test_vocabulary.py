"""The domain's words: defined once (optimizer/words.py), read everywhere through the vocabulary."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from optimizer import words
from planner.domain import vocabulary as v
from planner.domain.county import CATEGORIES, KINDS, TOWNSHIP_TYPES

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY_FILES = {"optimizer/words.py", "planner/domain/vocabulary.py"}


def test_kind_forms():
    assert [v.kind_label(k) for k in KINDS] == ["行政", "事业", "工勤"]
    assert [v.kind_label(k, "zh_CN", long=True) for k in KINDS] == ["行政编制", "事业编制", "工勤编制"]
    assert [v.kind_label(k, "en") for k in KINDS] == ["administrative", "institutional", "support"]
    assert [v.kind_label(k, "en", long=True) for k in KINDS] == ["administrative", "institutional", "support"]
    assert [v.kind_label(k, "en", cap=True) for k in KINDS] == ["Administrative", "Institutional", "Support"]
    assert [v.kind_label(k, "en", short=True) for k in KINDS] == ["Admin.", "Inst.", "Support"]
    # Chinese has one short form and no capitals
    assert v.kind_label("administrative", "zh", short=True, cap=True) == "行政"
    assert v.kind_label("unknown", "zh") == "unknown" and v.kind_label("unknown", "en", cap=True) == "unknown"


def test_language_names():
    for lang in ("zh", "zh_CN", "ZH_cn", None, ""):
        assert v.is_chinese(lang) and v.lang_key(lang) == "zh"
    for lang in ("en", "en_US", "fr"):
        assert not v.is_chinese(lang) and v.lang_key(lang) == "en"


def test_status_level_stage_words():
    assert [v.status_label(s) for s in ("optimal", "feasible", "infeasible")] == ["最优", "可行", "规则无法同时满足"]
    assert [v.status_label(s, "en") for s in ("optimal", "feasible", "infeasible")] == [
        "optimal", "feasible", "the rules cannot all be met"]
    assert v.status_label("feasible", "zh", long=True) == "可行（已达计算时限）"
    assert v.status_label("infeasible", "en", long=True) == "infeasible: the rules cannot all be met"
    assert v.status_label("optimal", "en", long=True) == "optimal"
    assert v.status_label("", "zh") == "" and v.status_label("odd", "en") == "odd"
    assert [v.level_label(n) for n in ("uncovered", "moved", "imbalance")] == ["补足工作量缺口", "尽量少调动", "均衡工作压力"]
    assert v.level_label("moved", "en") == "move few slots"
    assert [v.stage_label(s) for s in ("load", "requirement", "ab_design", "reallocation", "moves")] == [
        "读取数据", "需求测算", "AB岗设计", "编制调剂", "调剂明细"]
    assert v.stage_label("ab_design", "en") == "A/B design" and v.stage_label("other", "en") == "other"


def test_township_category_pressure_yes_no():
    assert [v.township_type_label(t, "en", cap=True) for t in TOWNSHIP_TYPES] == ["Township", "Town", "Subdistrict"]
    assert [v.township_type_label(t) for t in TOWNSHIP_TYPES] == ["乡", "镇", "街道"]
    assert [v.category_label(c, "en") for c in CATEGORIES] == ["Class I", "Class II", "Class III"]
    assert [v.category_label(c) for c in CATEGORIES] == ["一类", "二类", "三类"]
    assert v.pressure_label("shortage") == "紧缺" and v.pressure_label("", "en", cap=True) == "No workload on file"
    assert (v.yes_no(True), v.yes_no(False)) == ("是", "否")
    assert (v.yes_no(1, "en"), v.yes_no(0, "en", cap=True)) == ("yes", "No")


def test_codes_come_from_the_vocabulary():
    assert KINDS == tuple(words.KIND_WORDS) == ("administrative", "institutional", "support")
    assert TOWNSHIP_TYPES == ("乡", "镇", "街道") and CATEGORIES == ("一类", "二类", "三类")
    assert words.KIND_ZH == {k: v.kind_label(k) for k in KINDS}
    assert words.KIND_EN == {k: v.kind_label(k, "en") for k in KINDS}
    assert words.LEVEL_ZH["uncovered"] == v.level_label("uncovered")


@pytest.mark.parametrize("text, kind", [
    ("行政", "administrative"), ("行政编制", "administrative"), (" Administrative ", "administrative"),
    ("事业", "institutional"), ("事业编制", "institutional"), ("INSTITUTIONAL", "institutional"),
    ("工勤", "support"), ("工勤编制", "support"), ("support", "support"),
    ("行政村", None), ("Admin.", None), ("", None),
])
def test_parse_kind(text, kind):
    assert v.parse_kind(text) == kind


def test_parse_other_words():
    assert [v.parse_township_type(t) for t in ("乡", "xiang", "Zhen", "town", "街道", "subdistrict", "city")] == [
        "乡", "乡", "镇", "镇", "街道", "街道", None]
    assert [v.parse_category(c) for c in ("一类", "2", "三", "III", "四类")] == ["一类", "二类", "三类", "三类", None]
    assert [v.parse_yes_no(b) for b in ("是", "否", "Yes", "n", "1", "0", "TRUE", "maybe")] == [
        True, False, True, False, True, False, True, None]


def test_every_word_is_read_back_on_import():
    """What the writer puts in a cell the reader takes back (round trip of every kind, type, category, flag)."""
    for table, parse in ((words.KIND_WORDS, v.parse_kind), (words.TOWNSHIP_TYPE_WORDS, v.parse_township_type),
                         (words.CATEGORY_WORDS, v.parse_category), (words.YES_NO_WORDS, v.parse_yes_no)):
        for code, word in table.items():
            assert parse(word.zh) == code and parse(word.zh_long or word.zh) == code


def _domain_words() -> set[str]:
    found = set()
    for table in (words.KIND_WORDS, words.STATUS_WORDS, words.LEVEL_WORDS, words.YES_NO_WORDS, words.PRESSURE_WORDS):
        for word in table.values():
            found |= {word.zh, word.zh_long, word.en_short, word.en_long} - {""}
    found |= {word.text("en", cap=True) for word in words.KIND_WORDS.values()}
    return found


def _sources() -> list[Path]:
    return sorted([*ROOT.glob("planner/**/*.py"), *ROOT.glob("optimizer/**/*.py"), *ROOT.glob("ui/**/*.py"),
                   *ROOT.glob("cli/**/*.py"), ROOT / "main.py"])


def _violations(source: str, rel: str) -> list[str]:
    """Domain words written as their own literal, tables from kind/status codes to names, stage_ keys."""
    names = _domain_words()
    codes = {*words.KIND_WORDS, *words.STATUS_WORDS}
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in names:
                found.append(f"{rel}:{node.lineno}: {node.value!r}")
            elif node.value in {f"stage_{stage}" for stage in words.STAGE_WORDS}:
                found.append(f"{rel}:{node.lineno}: {node.value!r} (stage names are in the vocabulary)")
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if not (isinstance(key, ast.Constant) and key.value in codes):
                    continue
                colour = isinstance(value, ast.Constant) and str(value.value).startswith("#")
                if isinstance(value, (ast.Constant, ast.Call)) and not colour:
                    found.append(f"{rel}:{key.lineno}: {key.value!r}: {ast.unparse(value)}")
    return found


def test_no_module_outside_the_vocabulary_defines_domain_words():
    """A kind, status, level or pressure name, or yes/no, belongs in optimizer/words.py and nowhere else."""
    found = []
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        if rel not in VOCABULARY_FILES:
            found += _violations(path.read_text(encoding="utf-8"), rel)
    assert found == []


@pytest.mark.parametrize("source", [
    'KIND_NAMES = {"zh": {"administrative": "行政编制"}}',
    'KIND_LABELS = {"administrative": QT_TRANSLATE_NOOP("Labels", "Administrative")}',
    'STATUS = {"optimal": "optimal", "feasible": "feasible"}',
    'def f(x): return "是" if x else "否"',
    'TEXT = {"stage_load": "读取数据"}',
    'label = "Admin."',
])
def test_the_check_finds_a_table(source):
    assert _violations(source, "example.py")


def test_the_check_passes_codes_and_colours():
    assert _violations('COLOURS = {"optimal": "#1f6f3f"}\nif kind == "administrative": pass', "x.py") == []


def test_the_vocabulary_does_not_load_the_solver():
    """Light modules (ledger, Excel, CLI ledger commands) read the words without importing the LP code."""
    code = ("import sys, planner.domain.vocabulary, planner.domain.county; "
            "print(any(m.startswith(('optimizer.lp', 'optimizer.pipeline', 'highspy')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
