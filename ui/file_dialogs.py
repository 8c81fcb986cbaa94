"""Qt's file dialogs, opened in the folder the user last chose a file in (kept in the settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.settings import Settings


def _start(settings: Settings | None, name: str) -> str:
    folder = settings.last_folder if settings is not None else ""
    if not folder or not Path(folder).is_dir() or Path(name).is_absolute():
        return name
    return str(Path(folder) / name) if name else folder


def _remember(settings: Settings | None, path: str) -> str:
    if path and settings is not None:
        settings.last_folder = str(Path(path).parent)
    return path


def save_file_name(parent: QWidget | None, settings: Settings | None, title: str, name: str, file_filter: str,
                   **options) -> str:
    """QFileDialog.getSaveFileName starting in the last folder; "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, _start(settings, name), file_filter, **options)
    return _remember(settings, path)


def open_file_name(parent: QWidget | None, settings: Settings | None, title: str, file_filter: str,
                   folder: str = "") -> str:
    """QFileDialog.getOpenFileName starting in `folder` or the last folder; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, folder or _start(settings, ""), file_filter)
    return _remember(settings, path)
