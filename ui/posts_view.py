"""The 岗位 tab of a township: its posts, their gaps, and what to do about them.

Posts are added, edited and removed through undoable steps (ui.undo's base)
that call planner.services.posts; the gaps, the office backups, the named
roster and the wall table are the planner's, shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from planner.domain.county import TownshipData
from planner.domain.posts import PostData, duty_label, person_loads
from planner.domain.workload import WorkParams
from planner.services import posts as service
from planner.services.editing import township_ids
from ui.i18n import current_language, error_text
from ui.table_model import ModelIndex, TableModel
from ui.undo import UndoCommand, UndoContext, push


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def _lang() -> str:
    return "en" if current_language() == "en" else "zh"


# ---------------------------------------------------------------- undoable steps
class AddPostCommand(UndoCommand):
    def __init__(self, context: UndoContext, township: str, post: PostData, position: int | None = None) -> None:
        super().__init__(context, lambda: translate("PostCommands", "Add post {post}").format(
            post=post.name))
        self.township, self.post, self.position = township, post, position

    def _do(self, session):
        service.add_post(session, self.township, self.post, self.position)
        return township_ids(session, self.township)

    def _undo(self, session):
        service.remove_post(session, self.township, self.post.office, self.post.name)
        return township_ids(session, self.township)


class RemovePostCommand(UndoCommand):
    def __init__(self, context: UndoContext, township: str, office: str, name: str) -> None:
        super().__init__(context, lambda: translate("PostCommands", "Remove post {post}").format(
            post=name))
        self.township, self.office, self.name = township, office, name
        self.removed: tuple[PostData, int] | None = None

    def _do(self, session):
        self.removed = service.remove_post(session, self.township, self.office, self.name)
        return township_ids(session, self.township)

    def _undo(self, session):
        post, position = self.removed
        service.add_post(session, self.township, post, position)
        return township_ids(session, self.township)


class EditPostCommand(UndoCommand):
    def __init__(self, context: UndoContext, township: str, office: str, name: str, post: PostData) -> None:
        super().__init__(context, lambda: translate("PostCommands", "Edit post {post}").format(
            post=name))
        self.township, self.office, self.name, self.post = township, office, name, post
        self.before: PostData | None = None

    def _do(self, session):
        self.before = service.replace_post(session, self.township, self.office, self.name, self.post)
        return township_ids(session, self.township)

    def _undo(self, session):
        service.replace_post(session, self.township, self.post.office, self.post.name, self.before)
        return township_ids(session, self.township)


class SetBackupOfficeCommand(UndoCommand):
    def __init__(self, context: UndoContext, township: str, office: str, backup: str | None) -> None:
        super().__init__(context, lambda: translate(
            "PostCommands", "Backup office of {office}").format(office=office))
        self.township, self.office, self.backup = township, office, backup
        self.before: str | None = None

    def _do(self, session):
        self.before = service.set_backup_office(session, self.township, self.office, self.backup)
        return township_ids(session, self.township)

    def _undo(self, session):
        service.set_backup_office(session, self.township, self.office, self.before)
        return township_ids(session, self.township)


# ---------------------------------------------------------------- the table
class PostRowsModel(TableModel):
    """One row per post: office, post, holder, A duties, B duties, load in people."""

    HEADERS = (QT_TRANSLATE_NOOP("PostsView", "Office"), QT_TRANSLATE_NOOP("PostsView", "Post"),
               QT_TRANSLATE_NOOP("PostsView", "Holder"), QT_TRANSLATE_NOOP("PostsView", "A duties"),
               QT_TRANSLATE_NOOP("PostsView", "B duties"), QT_TRANSLATE_NOOP("PostsView", "Load (people)"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.township: TownshipData | None = None
        self.shares: dict[str, float | None] = {}

    def show(self, township: TownshipData | None, params: WorkParams | None) -> None:
        self.township = township
        loads = person_loads(township, params) if township is not None and params is not None else {}
        self.shares = {name: load.share for name, load in loads.items()}
        self.set_rows(township.posts if township is not None else [])

    def column_count(self) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("PostsView", self.HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        post: PostData = self.row(index.row())
        column = index.column()
        if column == 0:
            return post.office
        if column == 1:
            return post.name
        if column == 2:
            return post.holder or translate("PostsView", "(vacant)")
        if column in (3, 4):
            refs = post.a_duties if column == 3 else post.b_duties
            return "、".join(duty_label(self.township, ref) for ref in refs)
        share = self.shares.get(post.holder) if post.holder else None
        return "" if share is None else f"{share:.2f}"


# ---------------------------------------------------------------- the post dialog
class PostDialog(QDialog):
    """Office, name, holder and the A and B duties of one post."""

    def __init__(self, township: TownshipData, post: PostData | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.township = township
        self.setWindowTitle(translate("PostsView", "Post"))
        self.office = QComboBox(self)
        self.office.addItems([o.name for o in township.offices])
        self.name = QLineEdit(self)
        self.holder = QComboBox(self)
        self.holder.addItem(translate("PostsView", "(vacant)"), None)
        for p in township.people:
            self.holder.addItem(p.name, p.name)
        self.a_list, self.b_list = QListWidget(self), QListWidget(self)
        self.refs = [(d.office, d.name) for d in township.duties]
        for widget, chosen in ((self.a_list, post.a_duties if post else []), (self.b_list, post.b_duties if post else [])):
            for ref in self.refs:
                item = QListWidgetItem(f"{duty_label(township, ref)}（{ref[0]}）", widget)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if ref in chosen else Qt.CheckState.Unchecked)
        if post is not None:
            self.office.setCurrentText(post.office)
            self.name.setText(post.name)
            self.holder.setCurrentIndex(max(0, self.holder.findData(post.holder)))
        form = QFormLayout()
        form.addRow(translate("PostsView", "Office:"), self.office)
        form.addRow(translate("PostsView", "Post name:"), self.name)
        form.addRow(translate("PostsView", "Holder:"), self.holder)
        lists = QHBoxLayout()
        for title, widget in ((translate("PostsView", "A duties (holds)"), self.a_list), (translate("PostsView", "B duties (stands in)"), self.b_list)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title, self))
            column.addWidget(widget)
            lists.addLayout(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def post(self) -> PostData:
        def checked(widget: QListWidget):
            return [ref for i, ref in enumerate(self.refs)
                    if widget.item(i).checkState() == Qt.CheckState.Checked]
        return PostData(self.office.currentText(), self.name.text().strip(), self.holder.currentData(),
                        checked(self.a_list), checked(self.b_list))


# ---------------------------------------------------------------- the tab
class PostsView(QWidget):
    """The posts of the township shown in the detail view, with their gaps."""

    def __init__(self, editor=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.township: TownshipData | None = None
        self.params: WorkParams | None = None
        self._roster_task = None
        self.model = PostRowsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.edit_post())
        self.table.horizontalHeader().setStretchLastSection(True)
        self.gaps = QPlainTextEdit(self)
        self.gaps.setReadOnly(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, slot in (("add", self.add_post), ("edit", self.edit_post), ("remove", self.remove_post),
                          ("backup", self.set_backup), ("cover", self.cover), ("roster", self.roster),
                          ("wall", self.wall_table)):
            button = QPushButton(self)
            button.setMinimumWidth(48)   # the row may narrow with the window (text is clipped, not the window held wide)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        for widget in (self.table, self.gaps):   # the window may be made short; these scroll
            widget.setMinimumHeight(40)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.gaps)
        splitter.setSizes([300, 140])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(splitter)
        self.retranslateUi()

    @property
    def db(self):
        return self.editor.db if self.editor is not None else None

    def show_township(self, name: str | None) -> None:
        self.township, self.params = None, None
        if name and self.db is not None:
            self.township, county = service.township_with_posts(self.db, name)
            self.params = county.params
        self.model.show(self.township, self.params)
        self.table.resizeColumnsToContents()
        for column in (3, 4):   # long duty lists: the tooltip holds the whole list
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 380))
        self._show_gaps()
        for button in self.buttons.values():
            button.setEnabled(self.township is not None and self.editor is not None)

    def _show_gaps(self) -> None:
        if self.township is None:
            self.gaps.setPlainText("")
            return
        from planner.domain.posts_check import check_posts
        from planner.domain.posts_office import office_backups, propose_pairing

        lang = _lang()
        lines = [f.text(lang) for f in check_posts(self.township, self.params)]
        lines += [b.text(lang) for b in office_backups(self.township, self.params)]
        lines += [b.text(lang) for b in propose_pairing(self.township, self.params)]
        self.gaps.setPlainText("\n".join(lines) or translate("PostsView", "No gaps: every duty has its A and B holders."))

    # -- steps
    def _push(self, command: UndoCommand) -> bool:
        return push(self.editor.stack, self.editor.context, command)

    def _selected(self) -> PostData | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def add_post(self) -> None:
        if self.township is None or not self.township.offices:
            return
        dialog = PostDialog(self.township, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._push(AddPostCommand(self.editor.context, self.township.name, dialog.post()))

    def edit_post(self) -> None:
        post = self._selected()
        if self.township is None or post is None:
            return
        dialog = PostDialog(self.township, post, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._push(EditPostCommand(self.editor.context, self.township.name, post.office, post.name, dialog.post()))

    def remove_post(self) -> None:
        post = self._selected()
        if self.township is not None and post is not None:
            self._push(RemovePostCommand(self.editor.context, self.township.name, post.office, post.name))

    def set_backup(self) -> None:
        from ui.cover_dialog import BackupOfficeDialog

        if self.township is None:
            return
        dialog = BackupOfficeDialog(self.township, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            office, backup = dialog.choice()
            current = next((o.backup_office for o in self.township.offices if o.name == office), None)
            if backup != current:
                self._push(SetBackupOfficeCommand(self.editor.context, self.township.name, office, backup))

    def cover(self) -> None:
        from ui.cover_dialog import CoverDialog

        if self.township is not None:
            dialog = CoverDialog(self.township, self.params, self)
            dialog.exec()
            dialog.deleteLater()

    def roster(self) -> None:
        """The design and its assignment run off the GUI thread (a large township takes seconds)."""
        from ui import tasks
        from ui.cover_dialog import RosterDialog

        if self.township is None or (self._roster_task is not None and self._roster_task.is_running()):
            return
        self.buttons["roster"].setEnabled(False)

        def done(result) -> None:
            self.buttons["roster"].setEnabled(True)
            township, roster = result
            dialog = RosterDialog(township, roster, self)
            dialog.exec()
            dialog.deleteLater()

        def failed(error) -> None:  # a planner error in words; nothing changed
            self.buttons["roster"].setEnabled(True)
            self.gaps.setPlainText(error_text(error))

        self._roster_task = tasks.run_task(self, service.roster_job, self.db, self.township.name,
                                           on_success=done, on_failure=failed,
                                           on_cancelled=lambda: self.buttons["roster"].setEnabled(True))

    def wall_table(self) -> None:
        from ui.cover_dialog import print_wall_table

        if self.township is not None:
            print_wall_table(self.db, self.township.name, self)

    # -- language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        texts = {"add": translate("PostsView", "Add post…"), "edit": translate("PostsView", "Edit post…"),
                 "remove": translate("PostsView", "Remove post"),
                 "backup": translate("PostsView", "Backup office…"),
                 "cover": translate("PostsView", "Who covers whom…"),
                 "roster": translate("PostsView", "Named roster from the design…"),
                 "wall": translate("PostsView", "Wall table…")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.model.retranslate()
        self._show_gaps()

