"""Help → User guide (F1): a short guide in the window's language, from ledger to printed proposal.

The guide is a page of HTML per language in resources/help (guide_zh_CN.html,
guide_en.html), so it can be corrected without touching the code; it opens
in a dialog that fits the screen and stays open beside the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui import i18n
from ui.screen_fit import available_geometry, fitted_size

HELP_DIR = Path(__file__).resolve().parents[1] / "resources" / "help"


def guide_html(language: str) -> str:
    """The guide in `language` (zh_CN or en); Chinese when there is none in that language."""
    path = HELP_DIR / f"guide_{language}.html"
    if not path.exists():
        path = HELP_DIR / "guide_zh_CN.html"
    return path.read_text(encoding="utf-8")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(fitted_size(QSize(640, 620),
                                available_geometry(parent)))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))
        self.browser.setHtml(guide_html(i18n.current_language()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
