"""A table whose first column stays put while the rest scrolls sideways.

The ledger is wider than a 1366×768 screen: scrolled right to the 工勤 columns,
the township name would scroll away and a row could no longer be told from the
next. A second view lies over the first column (the pattern of Qt's
"frozencolumn" example): same model, same selection, same row heights, its
vertical scrolling tied to the table's, and everything but the first column
hidden. Editing, sorting and keyboard moves work from either.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.delegates import CheckedTableView


class FrozenColumnTableView(CheckedTableView):
    """A CheckedTableView with its first column frozen at the left edge."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frozen = CheckedTableView(self)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays with the table below
        self.frozen.verticalHeader().setVisible(False)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setFrameShape(QTableView.Shape.NoFrame)
        self.frozen.setStyleSheet("QTableView { border-right: 1px solid palette(mid); }")
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, new: self.frozen.setRowHeight(row, new))
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        # Sorting from the frozen header sorts the table and shows the indicator on both.
        header = self.horizontalHeader()
        frozen_header = self.frozen.horizontalHeader()
        frozen_header.sortIndicatorChanged.connect(self._frozen_sorted)
        header.sortIndicatorChanged.connect(
            lambda section, order: frozen_header.setSortIndicator(section, order))

    # -- wiring the overlay to the model, selection and look of the table
    def setModel(self, model) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.columnsInserted.connect(self._hide_other_columns)
        model.modelReset.connect(self._hide_other_columns)
        self._hide_other_columns()

    def setItemDelegate(self, delegate) -> None:
        super().setItemDelegate(delegate)
        # A delegate of its own: one shared by two views commits its editors to both.
        self.frozen.setItemDelegate(type(delegate)(self.frozen))

    def setAlternatingRowColors(self, enable: bool) -> None:
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def setSelectionBehavior(self, behavior) -> None:
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode) -> None:
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def setEditTriggers(self, triggers) -> None:
        super().setEditTriggers(triggers)
        self.frozen.setEditTriggers(triggers)

    def setSortingEnabled(self, enable: bool) -> None:
        super().setSortingEnabled(enable)
        frozen_header = self.frozen.horizontalHeader()
        frozen_header.setSectionsClickable(enable)
        frozen_header.setSortIndicatorShown(enable)
        frozen_header.setSortIndicatorClearable(self.horizontalHeader().isSortIndicatorClearable())

    def _frozen_sorted(self, section: int, order: Qt.SortOrder) -> None:
        header = self.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (section, order):
            header.setSortIndicator(section, order)

    def _hide_other_columns(self, *args) -> None:
        model = self.model()
        for column in range(model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, column != 0)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        vertical = self.verticalHeader()
        self.frozen.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.verticalHeader().setDefaultSectionSize(vertical.defaultSectionSize())
        self._place_frozen()

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, new)
            self._place_frozen()

    def setFont(self, font) -> None:
        super().setFont(font)
        self.frozen.setFont(font)

    # -- geometry
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
            self._place_frozen()

    def _place_frozen(self) -> None:
        frame = self.frameWidth()
        header = self.horizontalHeader()
        header_height = 0 if header.isHidden() else header.height()
        vertical_width = 0 if self.verticalHeader().isHidden() else self.verticalHeader().width()
        self.frozen.horizontalHeader().setVisible(not header.isHidden())
        self.frozen.horizontalHeader().setFixedHeight(header_height)
        self.frozen.setGeometry(vertical_width + frame, frame, self.columnWidth(0),
                                self.viewport().height() + header_height)
        self.frozen.setVisible(not self.isColumnHidden(0) and self.model() is not None)

    def edit(self, *args):
        # A name is edited in the frozen column, where it can be seen (F2 or a double click):
        # an editor in the table below would lie under it.
        index = args[0]
        if isinstance(index, QModelIndex) and index.isValid() and index.column() == 0:
            if len(args) == 3 and args[1] != QAbstractItemView.EditTrigger.AnyKeyPressed:
                return self.frozen.edit(*args)
            if len(args) == 1:
                return self.frozen.edit(index)
        return super().edit(*args)

    # -- the keyboard and scrolling never leave a cell hidden under the frozen column
    def moveCursor(self, action, modifiers) -> QModelIndex:
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() > 0
                and self.visualRect(current).topLeft().x() < self.frozen.columnWidth(0)):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).topLeft().x() - self.frozen.columnWidth(0))
        return current

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() > 0:
            super().scrollTo(index, hint)
        elif index.isValid():  # the name is always in sight: only scroll to the row
            rect = self.visualRect(index)
            bar = self.verticalScrollBar()
            if rect.top() < 0:
                bar.setValue(bar.value() + rect.top())
            elif rect.bottom() > self.viewport().height():
                bar.setValue(bar.value() + rect.bottom() - self.viewport().height())
