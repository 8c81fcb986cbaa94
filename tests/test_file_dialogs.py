"""The file dialogs open in the folder the user last chose a file in."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from ui.file_dialogs import open_file_name, save_file_name
from ui.settings import Settings


def test_the_last_folder_is_remembered_and_offered_next_time(qapp, tmp_path, monkeypatch):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    folder = tmp_path / "方案"
    folder.mkdir()
    offered: list[str] = []

    def save(parent, title, start, file_filter, **options):
        offered.append(start)
        return str(folder / "调剂方案.xlsx"), ""

    def open_(parent, title, start, file_filter):
        offered.append(start)
        return "", ""  # cancelled: the folder stays

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    assert save_file_name(None, settings, "t", "a.xlsx", "Excel (*.xlsx)") == str(folder / "调剂方案.xlsx")
    assert offered[-1] == "a.xlsx" and settings.last_folder == str(folder)
    save_file_name(None, settings, "t", "b.xlsx", "Excel (*.xlsx)")
    assert offered[-1] == str(folder / "b.xlsx")
    assert open_file_name(None, settings, "t", "*") == "" and offered[-1] == str(folder)
    assert settings.last_folder == str(folder)
    assert Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)).last_folder == str(folder)


def test_qt_file_dialog_speaks_chinese_in_the_chinese_ui(qapp, chinese_ui):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.text()]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts and "取消" in texts
    assert not [t for t in texts if "Look in" in t or "Files of" in t or t == "Cancel"]
    dialog.deleteLater()
