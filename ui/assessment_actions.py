"""The assessment, the standing checks and the decisions on record, installed into the window.

Adds to the Tools menu: 编制评估…, 编制标准…, 已执行方案与编委决定…; to the ledger's context
menu: the assessment of the township under the cursor. Keeps the ledger's name cells marked
(a township outside a standing check) with a tooltip naming the checks it breaks and the
committee decision its quota was last changed on ("依据 X编〔2026〕3号").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyle, QWidget

from planner.services.applying import decisions_by_township
from planner.services.rules import ledger_warnings
from ui.assessment_dialog import AssessmentDialog
from ui.decisions_view import DecisionsDialog, decision_text
from ui.i18n import current_language
from ui.rules_dialog import edit_rules

translate = QCoreApplication.translate


def township_notes(db) -> dict[str, tuple[bool, str]]:
    """township -> (outside a standing check, tooltip lines): what the ledger's name cell shows."""
    lang = current_language()
    notes: dict[str, tuple[bool, list[str]]] = {}
    for name, warnings in ledger_warnings(db).items():
        notes[name] = (True, [w.text(lang) for w in warnings])
    for name, record in decisions_by_township(db).items():
        text = decision_text(record)
        if text:
            marked, lines = notes.get(name, (False, []))
            notes[name] = (marked, lines + [text])
    return {name: (marked, "\n".join(lines)) for name, (marked, lines) in notes.items()}


class AssessmentActions(QObject):
    def __init__(self, workspace, window: QWidget, ledger_panel) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.window = window
        self.ledger_panel = ledger_panel
        self.action_assess = QAction(window, triggered=lambda: self.assess())
        self.action_assess_township = QAction(window, triggered=lambda: self.assess(self.current_township()))
        self.action_rules = QAction(window, triggered=self.edit_rules)
        self.action_decisions = QAction(window, triggered=self.show_decisions)
        self.dialog: QWidget | None = None
        view = ledger_panel.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(self.action_assess_township)
        self.marker = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        workspace.ledgerChanged.connect(self.refresh_notes)
        workspace.databaseChanged.connect(lambda _db: self.refresh_notes())
        window.installEventFilter(self)   # the window's language change reaches the actions' texts
        self.retranslate()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def current_township(self) -> str | None:
        index = self.ledger_panel.view.currentIndex()
        return None if not index.isValid() else index.siblingAtColumn(0).data(Qt.ItemDataRole.EditRole)

    def refresh_notes(self) -> None:
        db = self.workspace.db
        self.ledger_panel.model.set_notes(township_notes(db) if db is not None else {}, self.marker)

    def assess(self, township: str | None = None) -> AssessmentDialog | None:
        if self.workspace.db is None:
            return None
        self.dialog = AssessmentDialog(self.workspace, township, self.window)
        self.dialog.show()
        return self.dialog

    def edit_rules(self) -> bool:
        return edit_rules(self.workspace, self.window)

    def show_decisions(self) -> DecisionsDialog | None:
        if self.workspace.db is None:
            return None
        self.dialog = DecisionsDialog(self.workspace.db, self.window, getattr(self.workspace, "settings", None))
        self.dialog.show()
        return self.dialog

    def retranslate(self) -> None:
        self.action_assess.setText(translate("Assessment", "Township assessment…"))
        self.action_assess_township.setText(translate("Assessment", "Assess this township…"))
        self.action_rules.setText(translate("Assessment", "Standing checks…"))
        self.action_decisions.setText(translate("Assessment", "Applied proposals and decisions…"))
        self.refresh_notes()


def install(workspace, window: QWidget, *, menu: QMenu, ledger_panel) -> AssessmentActions:
    actions = AssessmentActions(workspace, window, ledger_panel)
    menu.addSeparator()
    menu.addActions([actions.action_assess, actions.action_rules, actions.action_decisions])
    return actions
