"""The 人员与用编 tab: the people on file, the hiring plans (用编计划) and the pool loans (周转池)
of the whole county, each added, changed and removed through an undoable step.

Above the tables a warning names every township whose staff on the ledger and people on
file differ (planner.domain.time_rules.roster_gaps), and the county's pool per kind with
what is lent. The tables re-read the ledger after every change, undo included, and only
while the tab is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from planner.domain.county import KINDS, CountyData
from planner.domain.months import Month
from planner.domain.time_rules import pool_overdrawn, roster_gaps
from planner.services.time_editing import time_ledger
from ui.i18n import current_language
from ui.labels import kind_label
from ui.commands import EditContext
from ui.table_model import Role
from ui.undo import push
from ui.time_commands import (
    AddLoanCommand, AddPersonCommand, EditLoanCommand, EditPersonCommand, RemoveLoanCommand, RemovePersonCommand,
    SetHiringPlanCommand,
)
from ui.time_editors import (
    ERROR_STYLE, RecordDialog, hiring_fields, hiring_from, loan_fields, loan_from, loan_warning, person_fields,
    person_from, person_values,
)
from ui.time_models import HiringModel, LoanModel, PeopleModel, hiring_rows, loan_rows, people_rows

MAX_GAPS_SHOWN = 3  # in the warning line; the tooltip lists every one


class TownshipFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.township = ""
        self.setSortRole(Role.SORT)

    def set_township(self, name: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.township = name or ""
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.township = name or ""
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.township:
            return True
        return self.sourceModel().index(row, 0, parent).data(Role.TOWNSHIP) == self.township


def records_table(model, parent: QWidget) -> tuple[QTableView, TownshipFilter]:
    proxy = TownshipFilter(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


class PeopleTab(QWidget):
    """People, hiring plans and pool loans of the county; `workspace` is ui.workspace.Workspace."""

    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.editor = workspace.editor
        self.county: CountyData | None = None
        self._stale = True
        self._in_form = False
        self.host_tabs: QTabWidget | None = None
        # The steps of this tab report a refusal to the form that pushed them (see _failed).
        self.context = EditContext(workspace.db, changed=self.editor.changed.emit, failed=self._failed)

        self.township_label = QLabel(self)
        self.township_combo = QComboBox(self)
        self.township_combo.setMinimumContentsLength(10)
        self.township_combo.currentIndexChanged.connect(self._filter)
        self.roster_warning = QLabel(self)
        self.roster_warning.setStyleSheet(ERROR_STYLE)
        self.roster_warning.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.township_label)
        top.addWidget(self.township_combo)
        top.addWidget(self.roster_warning, 1)

        self.people_model, self.hiring_model, self.loan_model = PeopleModel(self), HiringModel(self), LoanModel(self)
        self.people_view, self.people_proxy = records_table(self.people_model, self)
        self.hiring_view, self.hiring_proxy = records_table(self.hiring_model, self)
        self.loan_view, self.loan_proxy = records_table(self.loan_model, self)
        self.people_view.doubleClicked.connect(lambda _index: self.edit_person())
        self.hiring_view.doubleClicked.connect(lambda _index: self.edit_hiring())
        self.loan_view.doubleClicked.connect(lambda _index: self.edit_loan())

        self.buttons: dict[str, QPushButton] = {}
        self.pool_label = QLabel(self)
        self.pool_label.setWordWrap(True)
        self.tabs = QTabWidget(self)
        for name, view, actions, extra in (
                ("people", self.people_view, (self.add_person, self.edit_person, self.remove_person), None),
                ("hiring", self.hiring_view, (self.add_hiring, self.edit_hiring, self.remove_hiring), None),
                ("loans", self.loan_view, (self.add_loan, self.edit_loan, self.remove_loan), self.pool_label)):
            page = QWidget(self)
            bar = QHBoxLayout()
            for verb, action in zip(("add", "edit", "remove"), actions):
                button = QPushButton(page)
                button.clicked.connect(lambda _checked=False, a=action: a())
                self.buttons[f"{name}_{verb}"] = button
                bar.addWidget(button)
            bar.addStretch(1)
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 4, 0, 0)
            layout.addLayout(bar)
            if extra is not None:
                layout.addWidget(extra)
            layout.addWidget(view, 1)
            self.tabs.addTab(page, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        workspace.ledgerChanged.connect(self.mark_stale)
        workspace.databaseChanged.connect(lambda _db: self.mark_stale())
        self.retranslateUi()

    # ------------------------------------------------------------ reading
    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        db = self.workspace.db
        self._stale = False
        self.county = None if db is None else time_ledger(db)
        county = self.county or CountyData()
        today = Month.today()
        self.people_model.set_rows(people_rows(county, today))
        self.hiring_model.set_rows(hiring_rows(county))
        self.loan_model.set_rows(loan_rows(county, today))
        self._fill_townships([t.name for t in county.townships])
        self._show_warnings(county)
        for view in (self.people_view, self.hiring_view, self.loan_view):
            view.resizeColumnsToContents()
        for view in (self.hiring_view, self.loan_view):  # figures keep their width, not smeared across
            view.horizontalHeader().setStretchLastSection(False)

    def _fill_townships(self, names: list[str]) -> None:
        current = self.township_combo.currentData() or ""
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        self.township_combo.addItem(self.tr("All townships"), "")
        for name in names:
            self.township_combo.addItem(name, name)
        self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(current)))
        self.township_combo.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        name = self.township_combo.currentData() or ""
        for proxy in (self.people_proxy, self.hiring_proxy, self.loan_proxy):
            proxy.set_township(name)

    def _show_warnings(self, county: CountyData) -> None:
        lang = "en" if current_language() == "en" else "zh"
        gaps = roster_gaps(county)
        overdue = sum(1 for r in self.people_model.rows() if r.seen.overdue)
        parts = []
        if gaps:
            shown = "；".join(g.message(lang) for g in gaps[:MAX_GAPS_SHOWN]) if lang == "zh" else \
                "; ".join(g.message(lang) for g in gaps[:MAX_GAPS_SHOWN])
            more = len(gaps) - MAX_GAPS_SHOWN
            parts.append(self.tr("Staff on the ledger and people on file differ in {n} places: {first}").format(
                n=len(gaps), first=shown) + (self.tr(" … and {n} more").format(n=more) if more > 0 else ""))
        if overdue:
            parts.append(self.tr("{n} people are past their retirement month and still on file.").format(n=overdue))
        self.roster_warning.setText("  ".join(parts))
        self.roster_warning.setToolTip("\n".join(g.message(lang) for g in gaps))
        pool = []
        for kind in KINDS:
            lent = sum(t.pool_slots(kind) for t in county.townships)
            pool.append(self.tr("{kind}: pool {pool}, lent {lent}, free {free}").format(
                kind=kind_label(kind), pool=county.time.pool(kind), lent=lent, free=county.time.pool(kind) - lent))
        text = self.tr("County pool (term at most {years} years) — ").format(years=county.time.pool_term_years)
        text += ("；" if lang == "zh" else "; ").join(pool)
        over = pool_overdrawn(county)
        if over:
            text += "  " + " ".join(zh if lang == "zh" else en for _, zh, en in over)
        self.pool_label.setText(text)

    # ------------------------------------------------------------ helpers
    def _selected(self, view: QTableView, model):
        index = view.currentIndex()
        if not index.isValid():
            self.workspace.status(self.tr("Select a row first."))
            return None
        return model.row(view.model().mapToSource(index).row())

    def _townships(self) -> list[str]:
        return [t.name for t in (self.county.townships if self.county else [])]

    def _chosen_township(self) -> str:
        return self.township_combo.currentData() or (self._townships()[0] if self._townships() else "")

    def _failed(self, error: BaseException) -> None:
        """A refused step: the open form shows it under its field; an undo or redo refused later goes to
        the window like any refused edit."""
        if not self._in_form:
            self.editor.failed.emit(error)

    def _push(self, make) -> BaseException | None:
        """Push the step `make(context)` builds; the refusal (for the form to show) or None."""
        self.context.db = self.workspace.db
        before = len(self.context.errors)
        self._in_form = True
        try:
            ok = push(self.editor.stack, self.context, make(self.context))
        finally:
            self._in_form = False
        return None if ok else self.context.errors[before]

    def _reported(self, refused: BaseException | None) -> BaseException | None:
        if refused is not None:
            self.workspace.show_error(refused)
        return refused

    def _dialog(self, title, fields, values, check, submit, warn=None) -> RecordDialog:
        dialog = RecordDialog(title, fields, values, check, submit, warn, self)
        self.last_dialog = dialog
        return dialog

    def open_dialog(self, dialog: RecordDialog) -> bool:
        """Run a form (tests replace this to fill and accept it)."""
        return dialog.exec() == RecordDialog.DialogCode.Accepted

    # ------------------------------------------------------------ people
    def _offices(self, township: str) -> list[str]:
        try:
            return [o.name for o in self.county.township(township).offices] if self.county else []
        except KeyError:
            return []

    def add_person(self) -> bool:
        if self.workspace.db is None or not self._townships():
            return False
        values = person_values(None)
        values["township"] = self._chosen_township()
        offices = sorted({o for t in self._townships() for o in self._offices(t)})

        def check(v):
            return person_from(v)[1]

        def submit(v):
            person, found = person_from(v)
            return self._push(lambda c: AddPersonCommand(c, v["township"], person))

        return self.open_dialog(self._dialog(self.tr("Add person"), person_fields(self._townships(), offices),
                                             values, check, submit))

    def edit_person(self) -> bool:
        row = self._selected(self.people_view, self.people_model)
        if row is None:
            return False

        def submit(v):
            person, _ = person_from(v)
            if person == row.person:
                return None
            return self._push(lambda c: EditPersonCommand(c, row.township, row.ordinal, row.person, person))

        title = self.tr("Change {name} ({township})").format(name=row.person.name, township=row.township)
        return self.open_dialog(self._dialog(title, person_fields(None, self._offices(row.township)),
                                             person_values(row.person), lambda v: person_from(v)[1], submit))

    def remove_person(self) -> bool:
        row = self._selected(self.people_view, self.people_model)
        if row is None or not self.confirm(self.tr("Remove {name} from the people on file of {township}?").format(
                name=row.person.name, township=row.township)):
            return False
        return self._reported(self._push(lambda c: RemovePersonCommand(c, row.township, row.ordinal,
                                              row.person.name))) is None

    def confirm(self, question: str) -> bool:
        """Yes / No before a removal (tests replace this)."""
        return QMessageBox.question(self, self.tr("Remove"), question) == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------ hiring plans
    def add_hiring(self) -> bool:
        return self._hiring_dialog(None, self._chosen_township())

    def edit_hiring(self) -> bool:
        row = self._selected(self.hiring_view, self.hiring_model)
        return False if row is None else self._hiring_dialog(row.plan, row.township.name)

    def _hiring_dialog(self, old, township: str) -> bool:
        if self.workspace.db is None or not township:
            return False
        adding = old is None
        year = Month.today().year + 1
        values = {"township": township, "kind": old.kind if old else "administrative",
                  "year": str(old.year if old else year), "planned": str(old.planned if old else 0),
                  "hired": str(old.hired if old else 0)}

        def chosen(v):
            return v.get("township", township)

        def submit(v):
            plan, _ = hiring_from(v, self.county, chosen(v), old)
            if plan == old:
                return None
            return self._push(lambda c: SetHiringPlanCommand(c, chosen(v), old, plan))

        title = self.tr("Add hiring plan") if adding else self.tr("Change hiring plan ({township})").format(
            township=township)
        return self.open_dialog(self._dialog(title, hiring_fields(self._townships() if adding else None), values,
                                             lambda v: hiring_from(v, self.county, chosen(v), old)[1], submit))

    def remove_hiring(self) -> bool:
        row = self._selected(self.hiring_view, self.hiring_model)
        if row is None or not self.confirm(self.tr("Remove the {year} hiring plan of {township}?").format(
                year=row.plan.year, township=row.township.name)):
            return False
        return self._reported(self._push(lambda c: SetHiringPlanCommand(c, row.township.name, row.plan, None))) is None

    # ------------------------------------------------------------ pool loans
    def add_loan(self) -> bool:
        township = self._chosen_township()
        if self.workspace.db is None or not township:
            return False
        start = Month(Month.today().year + 1, 1)
        values = {"township": township, "kind": "administrative", "slots": "1", "start": str(start),
                  "due": str(start.plus(12 * (self.county.time.pool_term_years if self.county else 3) - 1)),
                  "returned": "0"}

        def submit(v):
            loan, _ = loan_from(v, self.county)
            return self._push(lambda c: AddLoanCommand(c, v["township"], loan))

        return self.open_dialog(self._dialog(self.tr("Lend pool slots"), loan_fields(self._townships()), values,
                                             lambda v: loan_from(v, self.county)[1], submit,
                                             lambda v: loan_warning(v, self.county)))

    def edit_loan(self) -> bool:
        row = self._selected(self.loan_view, self.loan_model)
        if row is None:
            return False
        loan = row.loan
        values = {"kind": loan.kind, "slots": str(loan.slots), "start": str(loan.start), "due": str(loan.due),
                  "returned": str(loan.returned)}

        def submit(v):
            new, _ = loan_from(v, self.county)
            if new == loan:
                return None
            return self._push(lambda c: EditLoanCommand(c, row.township, row.ordinal, new))

        return self.open_dialog(self._dialog(
            self.tr("Change pool loan ({township})").format(township=row.township), loan_fields(None), values,
            lambda v: loan_from(v, self.county)[1], submit,
            lambda v: loan_warning({**v, "township": row.township}, self.county)))

    def remove_loan(self) -> bool:
        row = self._selected(self.loan_view, self.loan_model)
        if row is None or not self.confirm(self.tr("Remove this pool loan of {township}?").format(
                township=row.township)):
            return False
        return self._reported(self._push(lambda c: RemoveLoanCommand(c, row.township, row.ordinal))) is None

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.township_label.setText(self.tr("Township:"))
        for i, text in enumerate((self.tr("People on file"), self.tr("Hiring plans"), self.tr("Pool loans"))):
            self.tabs.setTabText(i, text)
        texts = {"people": (self.tr("Add person…"), self.tr("Change…"), self.tr("Remove person")),
                 "hiring": (self.tr("Add hiring plan…"), self.tr("Change…"), self.tr("Remove hiring plan")),
                 "loans": (self.tr("Lend pool slots…"), self.tr("Change…"), self.tr("Remove loan"))}
        for name, (add, edit, remove) in texts.items():
            self.buttons[f"{name}_add"].setText(add)
            self.buttons[f"{name}_edit"].setText(edit)
            self.buttons[f"{name}_remove"].setText(remove)
        for model in (self.people_model, self.hiring_model, self.loan_model):
            model.retranslate()
        if self.township_combo.count():
            self.township_combo.setItemText(0, self.tr("All townships"))
        if self.county is not None:
            self._show_warnings(self.county)
        if self.host_tabs is not None:
            self.host_tabs.setTabText(self.host_tabs.indexOf(self), self.tr("People and hiring"))


def install(workspace, tabs: QTabWidget) -> PeopleTab:
    """The 人员与用编 tab, after the ledger."""
    tab = PeopleTab(workspace, tabs)
    tabs.addTab(tab, "")
    tab.host_tabs = tabs
    tab.retranslateUi()
    return tab
