"""Dialogs of the 岗位 tab: who covers whom, the backup office, the named roster, the wall table.

Each shows what planner.domain / planner.services compute; none writes the
ledger itself (a backup office is set by the caller's undoable step).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from ui.print_preview import show_preview
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QMessageBox, QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from planner.domain.county import TownshipData
from planner.domain.posts_cover import who_covers
from planner.domain.posts_roster import NamedRoster
from planner.domain.vocabulary import kind_label
from planner.domain.workload import WorkParams
from planner.services import posts as service
from ui.file_dialogs import save_file_name
from ui.i18n import current_language, error_text


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def _lang() -> str:
    return "en" if current_language() == "en" else "zh"


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


class CoverDialog(QDialog):
    """Tick the people who are away; see who stands in for each of their duties."""

    def __init__(self, township: TownshipData, params: WorkParams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.township, self.params = township, params
        self.setWindowTitle(translate("CoverDialog", "Who covers whom — {township}").format(township=township.name))
        self.people = QListWidget(self)
        for p in township.people:
            item = QListWidgetItem(p.name, self.people)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.people.itemChanged.connect(lambda _item: self.update_report())
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        left = QVBoxLayout()
        left.addWidget(QLabel(translate("CoverDialog", "Away (leave, training):"), self))
        left.addWidget(self.people)
        right = QVBoxLayout()
        right.addWidget(QLabel(translate("CoverDialog", "Stand-ins:"), self))
        right.addWidget(self.report)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(_close_buttons(self))
        self.resize(900, 560)
        self.update_report()

    def away(self) -> list[str]:
        return [self.people.item(i).text() for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]

    def set_away(self, names: list[str]) -> None:
        for i in range(self.people.count()):
            item = self.people.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def update_report(self) -> None:
        away = self.away()
        if not away:
            self.report.setPlainText(translate("CoverDialog", "Tick the people who are away."))
            return
        report = who_covers(self.township, self.params, away)
        lines = report.summary(_lang())
        if report.uncovered:
            lines.append((translate("CoverDialog", "Left without anyone: ")) + "、".join(report.uncovered))
        self.report.setPlainText("\n".join(lines) or translate("CoverDialog", "None of them holds a duty as A."))


class BackupOfficeDialog(QDialog):
    """Choose an office and the office that stands in for it."""

    def __init__(self, township: TownshipData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.township = township
        self.setWindowTitle(translate("CoverDialog", "Backup office"))
        self.office, self.backup = QComboBox(self), QComboBox(self)
        self.office.addItems([o.name for o in township.offices])
        self.office.currentTextChanged.connect(self._fill_backups)
        form = QFormLayout()
        form.addRow(translate("CoverDialog", "Office:"), self.office)
        form.addRow(translate("CoverDialog", "Backed up by:"), self.backup)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill_backups(self.office.currentText())

    def _fill_backups(self, office: str) -> None:
        self.backup.clear()
        self.backup.addItem(translate("CoverDialog", "(none)"), None)
        for o in self.township.offices:
            if o.name != office:
                self.backup.addItem(o.name, o.name)
        current = next((o.backup_office for o in self.township.offices if o.name == office), None)
        self.backup.setCurrentIndex(max(0, self.backup.findData(current)))

    def choice(self) -> tuple[str, str | None]:
        return self.office.currentText(), self.backup.currentData()


class RosterDialog(QDialog):
    """The design's posts with the people they go to, and what changes against today."""

    def __init__(self, township: TownshipData, roster: NamedRoster, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CoverDialog", "Named roster — {township}").format(township=township.name))
        lang = _lang()
        from planner.domain.posts import duty_label

        lines = roster.summary(lang) + [""]
        for post in roster.posts:
            holder = post.holder or translate("CoverDialog", "(nobody)")
            a = "、".join(duty_label(township, r) for r in post.a)
            b = "、".join(duty_label(township, r) for r in post.b)
            kind = kind_label(post.kind, "en" if lang == "en" else "zh")
            lines.append(f"{kind}{post.post}　{holder}　A：{a}　B：{b}")
        if roster.changes:
            lines += ["", translate("CoverDialog", "Changes against today:")] + [c.text(lang) for c in roster.changes]
        self.text = QPlainTextEdit("\n".join(lines), self)
        self.text.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(_close_buttons(self))
        self.resize(960, 620)


class WallTableDialog(QDialog):
    """The wall table of this township or of all: print preview, PDF or Excel."""

    def __init__(self, db, township: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.township = db, township
        self.setWindowTitle(translate("CoverDialog", "Wall table (double A/B roster)"))
        self.one = QRadioButton(translate("CoverDialog", "This township: {township}").format(township=township), self)
        self.every = QRadioButton(translate("CoverDialog", "Every township"), self)
        self.one.setChecked(True)
        self.status = QLabel(self)
        row = QHBoxLayout()
        for text, slot in ((translate("CoverDialog", "Print preview…"), self.preview), (translate("CoverDialog", "Save PDF…"), self.save_pdf),
                           (translate("CoverDialog", "Save Excel…"), self.save_xlsx)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.one)
        layout.addWidget(self.every)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(_close_buttons(self))

    def tables(self):
        return service.wall_tables(self.db, None if self.every.isChecked() else self.township)

    def _name(self, suffix: str) -> str:
        base = "双AB岗公示表" if self.every.isChecked() else f"{self.township}双AB岗公示表"
        return base + suffix

    def preview(self) -> None:
        from ui.report.wall_table import WallTableDocument

        show_preview(self, WallTableDocument(self.tables(), current_language()))

    def save_pdf(self) -> None:
        from ui.report.wall_table import write_wall_table_pdf

        path = save_file_name(self, None, translate("CoverDialog", "Save PDF"), self._name(".pdf"), "PDF (*.pdf)")
        if path:
            self._write(lambda: write_wall_table_pdf(self.tables(), path, current_language()), path)

    def save_xlsx(self) -> None:
        from planner.exports.wall_table_xlsx import write_wall_table_xlsx

        path = save_file_name(self, None, translate("CoverDialog", "Save Excel"), self._name(".xlsx"), "Excel (*.xlsx)")
        if path:
            self._write(lambda: write_wall_table_xlsx(self.tables(), path, _lang()), path)

    def _write(self, job, path: str) -> None:
        try:
            job()
        except Exception as error:  # a file that cannot be written: said, nothing half-written
            QMessageBox.warning(self, self.windowTitle(), error_text(error))
            return
        self.status.setText(translate("CoverDialog", "Written: {path}").format(path=path))


def print_wall_table(db, township: str, parent: QWidget | None = None) -> None:
    dialog = WallTableDialog(db, township, parent)
    dialog.exec()
    dialog.deleteLater()
