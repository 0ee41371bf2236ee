"""Every item model under QAbstractItemModelTester, and the list's lazy paging."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import insert, text

from casefile.model import Incident
from casefile.services import records
from casefile.store import fulltext
from casefile.ui.case.list_model import PAGE, RecordListModel
from casefile.ui.case.navigator import NavigatorModel
from casefile.ui.dialogs.search_popup import SearchResultsModel
from casefile.ui.editors.picker import PickerModel

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


def _fill(case, n=450):
    place = records.create(case, "place", name="Ayutla de los Libres")
    with case.connection() as conn:
        conn.execute(insert(Incident), [
            dict(uuid=f"00000000-0000-4000-8000-{i:012d}", code=f"INC-{i + 1:04d}", title=f"Incident {i:05d}",
                 start_date=f"{2000 + i % 20:04d}-{1 + i % 12:02d}", place_id=place if i % 2 else None,
                 incident_type="detention", violation_status="possible")
            for i in range(n)])
        fulltext.index_all(conn, "incident")  # bulk paths keep the search index themselves
    return place


def test_list_model_passes_the_model_tester_for_every_kind(qapp, case):
    _fill(case)
    records.create(case, "actor", name="Army patrol")
    records.create(case, "source", title="La Jornada")
    records.create(case, "claim", summary="Men in black were seen")
    for kind in ("incident", "actor", "place", "source", "claim", "evidence"):
        _exercise(case, kind)


def _exercise(case, kind):
    model = RecordListModel(case, kind)
    QAbstractItemModelTester(model, FAIL)
    while model.canFetchMore():
        model.fetchMore()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter("incident 0001")
    model.set_filter("")
    model.refresh(set())


def test_list_model_pages_sorts_and_filters_in_sql(qapp, case):
    _fill(case)
    model = RecordListModel(case, "incident")
    assert model.total == 450 and model.rowCount() == PAGE
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    QAbstractItemModelTester(model, FAIL)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == "Incident 00449"
    model.sort(2, Qt.SortOrder.AscendingOrder)  # by partial date
    dates = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert dates == sorted(dates)
    model.set_filter("00017")
    assert model.total == 1 and model.index(0, 1).data() == "Incident 00017"
    model.set_filter('"NEAR( * -')  # search syntax typed by a person is just text
    assert model.total == 0


def test_list_model_redraws_an_edited_row_in_place(qapp, case):
    _fill(case, 10)
    model = RecordListModel(case, "incident")
    QAbstractItemModelTester(model, FAIL)
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(a.row()))
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    records.update(case, "incident", 3, title="Renamed")
    model.refresh({3})
    assert model.index(2, 1).data() == "Renamed" and changed == [2] and not resets


def test_a_new_record_joins_the_end_of_a_loaded_list_without_a_reload(qapp, case):
    """A record made while the whole list is loaded is appended to it; one made
    while pages are still unfetched waits for its page. Neither reloads the rows
    already there (with 10,000 loaded that was 75 ms a record: a batch intake on
    the Evidence list reloaded them for every file)."""
    _fill(case, 450)
    with case.connection() as conn:  # the bulk insert left the code counter behind
        conn.execute(text("INSERT OR REPLACE INTO code_counter (prefix, next_value) VALUES ('INC', 451)"))
    model = RecordListModel(case, "incident")
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    first = records.create(case, "incident", title="Made on the first page's watch")
    model.refresh({first})  # pages unfetched: it waits for its page
    assert model.rowCount() == PAGE and not resets and model.total == 451
    QAbstractItemModelTester(model, FAIL)  # from here on (it fetches pages itself)
    while model.canFetchMore():
        model.fetchMore()
    assert model.index(model.rowCount() - 1, 1).data() == "Made on the first page's watch"
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, a, b: inserted.append((a, b)))
    second = records.create(case, "incident", title="Made with the whole list loaded")
    model.refresh({second})
    assert inserted == [(451, 451)] and not resets
    assert model.rowCount() == model.total == 452
    assert model.index(451, 1).data() == "Made with the whole list loaded"
    records.update(case, "incident", second, title="Renamed at the end")
    model.refresh({second})
    assert model.index(451, 1).data() == "Renamed at the end" and not resets
    records.delete(case, "incident", first)  # gone from the middle of what is loaded: reloaded
    model.refresh({first})
    assert resets and model.rowCount() == model.total == 451
    assert "Made on the first page's watch" not in [model.index(r, 1).data() for r in range(model.rowCount())]
    filtered = RecordListModel(case, "incident")
    filtered.set_filter("Incident 0044")  # ten rows, all loaded
    third = records.create(case, "incident", title="Nothing like the filter")
    filtered.refresh({third})
    assert filtered.rowCount() == filtered.total == 10


def test_100000_rows_fetch_only_the_first_page(qapp, case):
    with case.connection() as conn:
        conn.execute(insert(Incident), [
            dict(uuid=f"00000000-0000-4000-8000-{i:012d}", code=f"INC-{i + 1:05d}", title=f"Incident {i}",
                 start_date="2013-08") for i in range(100_000)])
    start = time.perf_counter()
    model = RecordListModel(case, "incident")
    elapsed = time.perf_counter() - start
    assert model.total == 100_000
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    QAbstractItemModelTester(model, FAIL)  # it fetches a couple of pages itself, no more
    assert model.rowCount() <= 4 * PAGE
    print(f"first page of 100,000 incidents in {elapsed * 1000:.1f} ms")


def test_navigator_model_counts_each_kind(qapp, case):
    model = NavigatorModel(case)
    QAbstractItemModelTester(model, FAIL)
    records.create(case, "actor", name="UPOEG")
    model.refresh()
    assert model.count("actor") == 1
    assert "(1)" in model.index(1).data()


def test_picker_and_search_models(qapp, case):
    records.create(case, "actor", name="Bruno Plácido Valerio")
    picker = PickerModel(case, "actor")
    QAbstractItemModelTester(picker, FAIL)
    picker.set_query("placido")
    assert "Plácido" in picker.index(0).data()
    assert picker.choice(picker.rowCount() - 1).record_id is None  # "Create new actor “placido”"
    picker.set_query("ACT-0001")
    assert picker.choice(0).record_id == 1
    results = SearchResultsModel(case)
    QAbstractItemModelTester(results, FAIL)
    results.set_query("valerio")
    assert results.rowCount() == 1 and results.hit(0).code == "ACT-0001"
    results.set_query('NEAR( "')
    results.set_query("")
    assert results.rowCount() == 0
