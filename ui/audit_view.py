"""Tools → Audit log: who changed what, when, old → new; filterable, sortable, exportable to CSV.

The table model holds plain rows of strings (planner.store.audit.entry_row), read
once per refresh in a short session; time, user and action filter in SQL, the
free-text box filters the rows on screen through a QSortFilterProxyModel.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import (
    QCoreApplication, QDate, QEvent, QModelIndex, QSortFilterProxyModel, Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from planner.store.audit import ACTION_LABELS, write_audit_csv
from planner.store.reads import audit_rows, audit_user_names
from ui import i18n
from ui.recovery import safe_save_path
from ui.table_model import TableModel
from ui.file_dialogs import save_file_name

MAX_ROWS = 20000  # newest first; a narrower filter shows older entries

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def _headers() -> list[str]:
    return [translate("AuditLog", "Time"), translate("AuditLog", "User"), translate("AuditLog", "Action"),
            translate("AuditLog", "Record type"), translate("AuditLog", "Record"), translate("AuditLog", "Field"),
            translate("AuditLog", "Old value"), translate("AuditLog", "New value")]


class AuditTableModel(TableModel):
    """Rows of strings, one per audit entry, newest first."""

    def column_count(self) -> int:
        return 8

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < 8):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _headers()[section] if 0 <= section < 8 else None
        return section + 1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)


class AuditLogDialog(QDialog):
    """The audit log of the workspace's database."""

    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace  # ui.workspace.Workspace
        self.setObjectName("audit_log_dialog")
        self.resize(1100, 600)
        self.model = AuditTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # the text box searches every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.since_box = QCheckBox(self)
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setEnabled(False)
        self.action_combo = QComboBox(self)
        self.user_combo = QComboBox(self)
        self.text_edit = QLineEdit(self)
        self.text_edit.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.count_label = QLabel(self)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        filters = QHBoxLayout()
        self.since_label, self.action_label, self.user_label, self.text_label = (QLabel(self) for _ in range(4))
        for widget in (self.since_box, self.since_edit, self.action_label, self.action_combo, self.user_label,
                       self.user_combo, self.text_label, self.text_edit, self.refresh_button):
            filters.addWidget(widget)
        filters.setStretchFactor(self.text_edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.since_box.toggled.connect(self.since_edit.setEnabled)
        self.since_box.toggled.connect(lambda _on: self.refresh())
        self.since_edit.dateChanged.connect(lambda _d: self.refresh())
        self.action_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.user_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.text_edit.textChanged.connect(self._text_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self._filling = False
        self.retranslateUi()
        self.refresh()

    # ------------------------------------------------------------ filters
    def _fill_combos(self) -> None:
        self._filling = True
        try:
            english = i18n.current_language() == "en"
            action = self.action_combo.currentData()
            self.action_combo.clear()
            self.action_combo.addItem(self.tr("All actions"), None)
            for code, labels in ACTION_LABELS.items():
                self.action_combo.addItem(labels[1] if english else labels[0], code)
            self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(action)))
            user = self.user_combo.currentData()
            self.user_combo.clear()
            self.user_combo.addItem(self.tr("All users"), None)
            db = self.workspace.db
            if db is not None:
                for name in audit_user_names(db):
                    self.user_combo.addItem(name, name)
            self.user_combo.setCurrentIndex(max(0, self.user_combo.findData(user)))
        finally:
            self._filling = False

    def filters(self) -> dict:
        since = None
        if self.since_box.isChecked():
            since = datetime.combine(self.since_edit.date().toPython(), time.min)
        return {"since": since, "action": self.action_combo.currentData(), "user": self.user_combo.currentData()}

    def refresh(self) -> None:
        """Re-read the log with the time, action and user filters."""
        if self._filling:
            return
        db = self.workspace.db
        rows: list[list[str]] = []
        if db is not None:
            lang = "en" if i18n.current_language() == "en" else "zh_CN"
            rows = audit_rows(db, lang, limit=MAX_ROWS, **self.filters())
        self.model.set_rows(rows)
        if rows:
            self.table.resizeColumnToContents(0)  # the whole time, never "2026-11-30 23:…"

    def reload(self) -> None:
        """Refresh, also picking up users who wrote to the log since the dialog opened."""
        self._fill_combos()
        self.refresh()

    def _text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{shown} of {total} entries").format(shown=shown, total=total))

    # ------------------------------------------------------------ export
    def visible_rows(self) -> list[list[str]]:
        """The rows as shown: filtered and in the table's sort order."""
        return [[self.proxy.index(r, c).data() or "" for c in range(8)] for r in range(self.proxy.rowCount())]

    def choose_export_file(self) -> str:
        path = save_file_name(self, self.workspace.settings, self.tr("Export audit log"), self.tr("audit-log.csv"),
                              self.tr("CSV files (*.csv)"))
        return safe_save_path(self, path, self.workspace.db) or ""

    def export(self) -> str | None:
        path = self.choose_export_file()
        if not path:
            return None
        try:
            count = write_audit_csv(path, self.visible_rows(), header=_headers())
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export audit log"), i18n.error_text(error))
            return None
        self.workspace.status(self.tr("{count} audit entries written to {path}").format(count=count, path=path))
        return path

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            self.refresh()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Audit log"))
        self.since_box.setText(self.tr("Since"))
        self.action_label.setText(self.tr("Action:"))
        self.user_label.setText(self.tr("User:"))
        self.text_label.setText(self.tr("Find:"))
        self.text_edit.setPlaceholderText(self.tr("township, field, value…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        self._fill_combos()
        self.model.retranslate()
        self._update_count()
