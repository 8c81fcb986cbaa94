"""One township in detail: its facts, quota per kind, offices, duties (volume,
minutes, hours) and the people on file, each in its own tab."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from planner.domain.county import DutyData
from planner.store.ledger_view import TownshipDetail
from planner.store.reads import township_detail
from ui.delegates import CheckedTableView, LedgerDelegate
from ui.posts_view import PostsView
from ui.detail_models import DutyModel, InfoModel, OfficeModel, PeopleModel, QuotaModel, RowsModel
from ui.labels import category_label, kind_label, type_label
from ui.table_model import Role


def make_table(model, parent: QWidget, sortable: bool = False) -> QTableView:
    view = CheckedTableView(parent)  # typing on a row never renames it
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSortRole(Role.SORT)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setItemDelegate(LedgerDelegate(view))
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


class TownshipDetailView(QWidget):
    """Shows the township chosen in the ledger; edits go through the window's LedgerEditor."""

    changed = Signal()

    def __init__(self, editor=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.db = editor.db if editor is not None else None
        self.township_id: int | None = None
        self.detail: TownshipDetail | None = None
        self._sized = False
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # at the top when alone
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)

        self.info_model = InfoModel(editor, self)
        self.quota_model = QuotaModel(editor, self)
        self.office_model = OfficeModel(editor, self)
        self.duty_model = DutyModel(editor, self)
        self.people_model = PeopleModel(editor, self)
        self.tabs = QTabWidget(self)
        self.info_view = make_table(self.info_model, self)
        self.quota_view = make_table(self.quota_model, self)
        self.office_view = make_table(self.office_model, self)
        self.duty_view = make_table(self.duty_model, self, sortable=True)
        self.people_view = make_table(self.people_model, self, sortable=True)
        # Figures keep their natural width; a stretched last column would smear the pressure colour.
        for view in (self.quota_view, self.office_view, self.duty_view):
            view.horizontalHeader().setStretchLastSection(False)

        duty_page = QWidget(self)
        duty_layout = QVBoxLayout(duty_page)
        duty_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.add_duty_button = QPushButton(duty_page)
        self.remove_duty_button = QPushButton(duty_page)
        self.add_duty_button.clicked.connect(self.add_duty)
        self.remove_duty_button.clicked.connect(self.remove_duty)
        self.duty_hint = QLabel(duty_page)
        buttons.addWidget(self.add_duty_button)
        buttons.addWidget(self.remove_duty_button)
        buttons.addWidget(self.duty_hint, 1)
        duty_layout.addLayout(buttons)
        duty_layout.addWidget(self.duty_view)
        self.duty_page = duty_page

        self.posts_view = PostsView(editor, self)
        for page in (self.quota_view, self.office_view, duty_page, self.people_view, self.info_view):
            self.tabs.addTab(page, "")
        self.tabs.addTab(self.posts_view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        self.retranslateUi()

    # -- data
    def show_township(self, township_id: int | None) -> None:
        self.township_id = township_id
        self.refresh()

    def refresh(self) -> None:
        detail = None
        other_names: set[str] = set()
        if self.township_id is not None and self.db is not None:
            detail, other_names = township_detail(self.db, self.township_id)
        self.detail = detail
        name = detail.name if detail else ""
        self.info_model.set_detail(detail, other_names)
        self.quota_model.set_rows(name, detail.quotas if detail else [])
        self.office_model.set_rows(name, detail.offices if detail else [])
        self.duty_model.set_rows(name, detail.duties if detail else [])
        self.people_model.set_offices([o.name for o in detail.offices] if detail else [])
        self.people_model.set_rows(name, detail.people if detail else [])
        if detail is not None and not self._sized:
            self._size_columns()
        self.add_duty_button.setEnabled(detail is not None and bool(detail.offices) and self.editor is not None)
        self.remove_duty_button.setEnabled(detail is not None and self.editor is not None)
        self.posts_view.show_township(name or None)
        # Empty, the pane is one line: the ledger above gets the height (all 14 rows at 1366×768).
        self.tabs.setVisible(detail is not None)
        # ...and no taller than that line, so the splitter gives the rest to the ledger.
        self.setMaximumHeight(QWIDGETSIZE_MAX if detail is not None else self.title.sizeHint().height() + 12)
        self._update_title()
        self.changed.emit()

    def _update_title(self) -> None:
        d = self.detail
        if d is None:
            self.title.setText(self.tr("Select a township in the ledger to see its offices, duties and people."))
            return
        locked = self.tr(" · locked") if d.locked else ""
        self.title.setText(self.tr("{name} ({type}, {category}) · population {population:,} · "
                                   "{offices} offices · {duties} duties · {people} people on file{locked}").format(
            name=d.name, type=type_label(d.type), category=category_label(d.category), population=d.population,
            offices=len(d.offices), duties=len(d.duties), people=len(d.people), locked=locked))

    # -- duty rows
    def add_duty(self) -> None:
        if self.detail is None or self.editor is None or not self.detail.offices:
            return
        offices = [f"{o.name} ({kind_label(o.kind)})" for o in self.detail.offices]
        current = self.duty_view.currentIndex()
        start = 0
        if current.isValid():
            office = self.duty_model.rows()[self.duty_view.model().mapToSource(current).row()].office
            start = next((i for i, o in enumerate(self.detail.offices) if o.name == office), 0)
        choice, ok = QInputDialog.getItem(self, self.tr("Add duty"), self.tr("Office:"), offices, start, False)
        if not ok:
            return
        office = self.detail.offices[offices.index(choice)].name
        name, ok = QInputDialog.getText(self, self.tr("Add duty"), self.tr("Name of the duty:"))
        if ok and name.strip():
            self.editor.add_duty(self.detail.name, DutyData(office, name.strip(), 0.0, 0.0, 0.0, True))

    def remove_duty(self) -> None:
        if self.detail is None or self.editor is None:
            return
        index = self.duty_view.currentIndex()
        if not index.isValid():
            self.duty_hint.setText(self.tr("Select a duty first."))
            return
        row = self.duty_model.rows()[self.duty_view.model().mapToSource(index).row()]
        self.editor.remove_duty(self.detail.name, row.office, row.name)

    # -- language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        for i, text in enumerate((self.tr("Quota"), self.tr("Offices"), self.tr("Duties"), self.tr("People"),
                                  self.tr("Township"))):
            self.tabs.setTabText(i, text)
        self.tabs.setTabText(self.tabs.indexOf(self.posts_view), self.tr("Posts"))
        self.add_duty_button.setText(self.tr("Add duty…"))
        self.remove_duty_button.setText(self.tr("Remove duty"))
        self.duty_hint.setText(self.tr("Double-click a cell to edit; hours = cases × minutes ÷ 60 + fixed hours."))
        for model in (self.info_model, self.quota_model, self.office_model, self.duty_model, self.people_model):
            model.retranslate()
        self._update_title()
        if self.detail is not None:
            self._size_columns()  # headers change width with the language

    def _size_columns(self) -> None:
        """Fit the columns to headers and figures once (the user's own widths are kept afterwards)."""
        for view in (self.quota_view, self.office_view, self.duty_view, self.people_view, self.info_view):
            view.resizeColumnsToContents()
        self._sized = True


def models_of(view: TownshipDetailView) -> list[RowsModel | InfoModel]:
    return [view.info_model, view.quota_model, view.office_model, view.duty_model, view.people_model]
