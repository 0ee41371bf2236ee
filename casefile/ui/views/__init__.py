"""The views of an open case: tabs beside the list (List, Timeline, Link Chart,
Map), each filtered by the list's filter and clicking through to the record.

Each view is a :class:`~casefile.ui.views.pane.FigurePane` drawn from a figure
description (``services/views``). A view joins the tabs with
``host.register(action, title, factory)``: ``action`` is an ``ActionId`` or
a new ``ActionSpec`` for the View menu, ``factory(window)`` makes the pane
once per open case, when its tab is first shown (a view and what it imports,
numpy among them, cost the window's start nothing until then). The map view
(``map_actions.py``) does this in its own ``install(host)``, called from here
when the module is present.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QSizePolicy, QTabWidget, QWidget

from ..actions import ActionId, ActionRegistry, ActionSpec
from .pane import FigurePane

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

PaneFactory = Callable[["MainWindow"], FigurePane]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Views", text)


class ViewHost(QObject):
    """Puts the list and the views in tabs when a case opens; routes the View
    menu, the list's filter and the case's changes to them."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.registry: ActionRegistry = window.actions
        self._views: list[tuple[str, str, PaneFactory]] = []   # action id, title, factory
        self.tabs: QTabWidget | None = None
        self.panes: dict[str, FigurePane] = {}  # the views made so far
        self._waiting: dict[str, tuple[QWidget, str, PaneFactory]] = {}  # tabs whose view is made when shown
        window.case_opened.connect(lambda _case: self._opened())
        window.case_closing.connect(self._closing)
        self.registry.connect(ActionId.SHOW_LIST, lambda: self.show(None))
        self.registry.connect(ActionId.EXPORT_VIEW_SVG, lambda: self.export("svg"))
        self.registry.connect(ActionId.EXPORT_VIEW_PNG, lambda: self.export("png"))

    def register(self, action: str | ActionSpec, title: str, factory: PaneFactory) -> None:
        if isinstance(action, ActionSpec):
            self.registry.add(action, after=ActionId.SHOW_LINK_CHART)
            action_id = str(action.id)
        else:
            action_id = str(action)
        self.registry.connect(action_id, lambda: self.show(action_id))
        self._views.append((action_id, title, factory))
        if self.tabs is not None:
            self._add(action_id, title, factory)

    # -- a case opens and closes ----------------------------------------------------

    def _opened(self) -> None:
        view = self.window_.view
        if view is None:
            return
        self.tabs = QTabWidget()
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        # The views' controls must not set the list pane's minimum width: on a small
        # screen the three panes shrink in proportion (a view's own row of controls
        # is clipped at its right end, the tab bar scrolls).
        policy = self.tabs.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.tabs.setSizePolicy(policy)
        self.tabs.tabBar().setUsesScrollButtons(True)
        pane = view.table.parentWidget()
        layout = pane.layout() if pane is not None else None
        if layout is None:
            return
        layout.replaceWidget(view.table, self.tabs)
        self.tabs.addTab(view.table, _tr("List"))
        self.panes, self._waiting = {}, {}
        for action_id, title, factory in self._views:
            self._add(action_id, title, factory)
        self.tabs.currentChanged.connect(lambda _n: self._tab_changed())
        view.list_model.modelReset.connect(self._scope_changed)  # filter or kind changed
        if self.window_.events is not None:
            self.window_.events.changed.connect(self._case_changed)

    def _add(self, action_id: str, title: str, factory: PaneFactory) -> None:
        assert self.tabs is not None
        placeholder = QWidget()
        self._waiting[action_id] = (placeholder, title, factory)
        self.tabs.addTab(placeholder, title)

    def pane(self, action_id: str) -> FigurePane | None:
        """The view, made now if its tab was never shown."""
        if action_id in self.panes or action_id not in self._waiting or self.tabs is None:
            return self.panes.get(action_id)
        placeholder, title, factory = self._waiting.pop(action_id)
        pane = factory(self.window_)
        self.panes[action_id] = pane
        index, current = self.tabs.indexOf(placeholder), self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)  # the tabs do not move for the viewer
        try:
            self.tabs.insertTab(index, pane, title)
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return pane

    def _closing(self) -> None:
        self.panes, self._waiting = {}, {}
        self.tabs = None  # goes with the case's view

    def _scope_changed(self) -> None:
        for pane in self.panes.values():
            pane.changed()

    def _case_changed(self, _changes: dict) -> None:
        for pane in self.panes.values():
            pane.changed()

    def _tab_changed(self) -> None:
        if self.tabs is not None:
            shown = self.tabs.currentWidget()
            waiting = next((key for key, (widget, _t, _f) in self._waiting.items() if widget is shown), None)
            if waiting is not None:
                self.pane(waiting)
        pane = self.current()
        if pane is not None:
            pane.canvas.setFocus()

    # -- the View menu ------------------------------------------------------------------

    def current(self) -> FigurePane | None:
        widget: QWidget | None = self.tabs.currentWidget() if self.tabs is not None else None
        return widget if isinstance(widget, FigurePane) else None

    def show(self, action_id: str | None) -> None:
        if self.tabs is None:
            return
        target = self.pane(action_id) if action_id else None
        if action_id and target is None:
            return
        self.tabs.setCurrentIndex(self.tabs.indexOf(target) if target is not None else 0)
        focus = target.canvas if target is not None else self.tabs.currentWidget()
        if focus is not None:
            focus.setFocus()

    def export(self, fmt: str) -> None:
        pane = self.current()
        if pane is None:
            self.window_.statusBar().showMessage(_tr("Choose a view (timeline, link chart, map) to export."), 5000)
            return
        pane.export(fmt)


def _timeline(window: MainWindow) -> FigurePane:
    from .timeline_view import TimelinePane

    return TimelinePane(window)


def _link_chart(window: MainWindow) -> FigurePane:
    from .linkchart_view import LinkChartPane

    return LinkChartPane(window)


def install(window: MainWindow) -> ViewHost:
    host = ViewHost(window)
    host.register(ActionId.SHOW_TIMELINE, _tr("Timeline"), _timeline)
    host.register(ActionId.SHOW_LINK_CHART, _tr("Link Chart"), _link_chart)
    if importlib.util.find_spec("casefile.ui.views.map_view") is not None:  # built by its own helper
        importlib.import_module("casefile.ui.views.map_actions").install(host)
    return host
