"""Translations: compiled and complete catalogues, language switching at run time."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from ui import i18n

I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def build_script():
    spec = importlib.util.spec_from_file_location("build_translations", I18N / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unfinished(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            text = "".join(n.text or "" for n in translation.iter("numerusform")) or (translation.text or "")
            if translation.get("type") == "unfinished" or not text.strip():
                problems.append(f"{ts.name}: {context.findtext('name')}: {message.findtext('source')!r}")
    return problems


@pytest.fixture(autouse=True)
def back_to_english(qapp):
    """Each test leaves the application as Qt starts it: no translators."""
    yield
    i18n.install_language("en", qapp)
    QCoreApplication.processEvents()


def test_every_qm_is_what_lrelease_makes_of_its_ts():
    assert sorted(I18N.glob("*_zh_CN.ts")), "no Chinese catalogue"
    assert build_script().stale_qm_files() == []


def test_no_chinese_entry_is_unfinished():
    problems = [p for ts in sorted(I18N.glob("*_zh_CN.ts")) for p in unfinished(ts)]
    assert problems == []


def test_every_string_in_the_code_is_in_a_catalogue(tmp_path):
    """lupdate over the current code finds nothing that the committed catalogues lack."""
    script = build_script()
    lupdate = script.tool("pyside6-lupdate")
    for ts_name, patterns in script.CATALOGUES.items():
        scratch = tmp_path / ts_name
        shutil.copy(I18N / ts_name, scratch)
        subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", "-target-language", "zh_CN",
                        *map(str, script.sources(patterns)), "-ts", str(scratch)], check=True)
        assert unfinished(scratch) == [], f"run resources/i18n/build_translations.py and translate ({ts_name})"


def test_chinese_loads_ours_and_qts_own(qapp):
    loaded = i18n.install_language("zh_CN", qapp)
    assert any(Path(p).name == "qtbase_zh_CN.qm" for p in loaded)
    assert {Path(p).name for p in loaded} >= {p.name for p in I18N.glob("*_zh_CN.qm")}
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # from Qt's own catalogue
    assert i18n.install_language("en", qapp) == []
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    with pytest.raises(ValueError):
        i18n.install_language("fr", qapp)


def visible_labels(window) -> dict[str, str]:
    from ui.ledger_model import column_of

    return {
        "file": window.menu_file.title(), "edit": window.menu_edit.title(), "tab": window.tabs.tabText(0),
        "save": window.action_save.text(),
        "approved": window.ledger_panel.model.headerData(column_of("approved", "administrative"),
                                                         Qt.Orientation.Horizontal),
        "type": window.ledger_panel.proxy.index(0, column_of("type")).data(),
        "search": window.ledger_panel.search.placeholderText(),
        "detail_tab": window.detail_view.tabs.tabText(0),
        "total": (window.ledger_panel.totals.index(0, 0).data(), window.ledger_panel.totals.index(0, 1).data()),
        "kind": window.detail_view.quota_model.index(0, 0).data(),
    }


def test_switching_language_changes_the_visible_labels(qtbot, qapp, ledger_db, fresh_settings):
    from ui.main_window import MainWindow

    i18n.install_language("zh_CN", qapp)
    window = MainWindow(ledger_db, fresh_settings)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.show()
    window.ledger_panel.select_township(window.ledger_panel.model.summary_at(0).id)
    chinese = visible_labels(window)
    assert chinese["file"] == "文件(&F)" and chinese["tab"] == "编制台账" and chinese["save"] == "保存(&S)"
    assert chinese["approved"] == "行政\n核定编制" and chinese["kind"] == "行政"
    assert chinese["type"] in ("乡", "镇", "街道") and chinese["detail_tab"] == "编制"
    assert chinese["total"] == ("合计", "14 个乡镇") and chinese["search"] == "查找乡镇…"
    assert window.language_actions["zh_CN"].isChecked()

    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")
    english = visible_labels(window)
    assert english == {
        "file": "&File", "edit": "&Edit", "tab": "Ledger", "save": "&Save", "approved": "Admin.\nApproved",
        "type": {"乡": "Township", "镇": "Town", "街道": "Subdistrict"}[window.ledger_panel.model.summary_at(0).type],
        "search": "Find a township…", "detail_tab": "Quota", "total": ("Total", "14 townships"),
        "kind": "Administrative"}
    assert fresh_settings.language == "en"

    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    assert visible_labels(window) == chinese
    assert fresh_settings.language == "zh_CN"


def test_language_from_the_command_line_wins_over_settings(monkeypatch, qapp, tmp_path, fresh_settings):
    import types

    from PySide6.QtWidgets import QApplication

    from ui import app as app_module

    fresh_settings.language = "zh_CN"
    monkeypatch.setattr(app_module, "Settings", lambda: fresh_settings)
    titles = []
    monkeypatch.setattr(QApplication, "exec", lambda *a: titles.extend(
        w.menu_file.title() for w in QApplication.topLevelWidgets()
        if type(w).__name__ == "MainWindow" and w.isVisible()) or 0)
    assert app_module.run_gui(types.SimpleNamespace(db=str(tmp_path / "x.sqlite"), lang="en")) == 0
    assert titles == ["&File"]
    assert fresh_settings.language == "zh_CN"  # --lang is for this run only
    for w in QApplication.topLevelWidgets():
        if type(w).__name__ == "MainWindow":
            w.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
            w.close()
            w.deleteLater()


@pytest.mark.skipif(sys.platform != "linux", reason="checks the Linux font set-up")
def test_widgets_use_the_cjk_family(qapp):
    from ui import fonts

    original = qapp.font()
    try:
        assert fonts.apply_application_font(qapp) == "Noto Sans CJK SC"
        assert qapp.font().families()[0] == "Noto Sans CJK SC"
    finally:
        qapp.setFont(original)
