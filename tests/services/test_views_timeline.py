"""The timeline's description: uncertain dates drawn honestly, links as arrows,
lanes, bins past the detail limit, and redaction before anything is drawn."""

from __future__ import annotations

from datetime import date

import pytest

from casefile.services import records
from casefile.services.views.figure import Circle, Group, Line, Rect, Role, Text, texts, walk
from casefile.services.views.timeline import LABEL_W, Event, Timeline, event_days, load_timeline

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def test_dates_become_points_spans_bars_and_faded_spans():
    assert event_days("2013-08-05", "exact", None, "exact") == (day("2013-08-05"), day("2013-08-05"), "point", False)
    assert event_days("2013-08", "exact", None, "exact") == (day("2013-08-01"), day("2013-08-31"), "span", False)
    assert event_days("2013", "approximate", None, "exact") == (day("2013-01-01"), day("2013-12-31"), "span", True)
    assert event_days("2013-08-05", "exact", "2013-08-09", "exact") == (
        day("2013-08-05"), day("2013-08-09"), "bar", False)
    assert event_days("2013-08", "exact", "2013-09", "approximate")[2:] == ("bar", True)
    assert event_days("2013", "unknown", None, "exact") is None
    assert event_days(None, "exact", None, "exact") is None


def _case_with_dates(case):
    made = {}
    for title, start, qualifier, end in (("Exact day", "2013-08-05", "exact", None),
                                         ("A month", "2013-08", "exact", None),
                                         ("About a year", "2013", "approximate", None),
                                         ("Start to end", "2013-09-01", "exact", "2013-09-20"),
                                         ("No date", None, "exact", None)):
        made[title] = records.create(case, "incident", title=title, start_date=start, start_qualifier=qualifier,
                                     end_date=end, incident_type="detention")
    records.create_link(case, "incident_link", from_id=made["Exact day"], to_id=made["Start to end"],
                        relation="causes")
    return made


def _group(figure, incident_id: int) -> Group:
    return next(g for g in figure.groups() if g.key == str(incident_id))


def test_figure_draws_each_shape_and_the_month_as_its_whole_span(case):
    made = _case_with_dates(case)
    timeline = load_timeline(case)
    assert timeline.omitted == 1 and len(timeline.events) == 4
    start, end = day("2013-01-01"), day("2014-01-01")
    figure = timeline.figure(start, end, LABEL_W + 365)  # one unit a day
    assert isinstance(_group(figure, made["Exact day"]).items[0], Circle)
    month = _group(figure, made["A month"]).items[0]
    assert isinstance(month, Rect) and month.role == Role.INCIDENT_SPAN
    assert month.x == pytest.approx(LABEL_W + day("2013-08-01") - start) and month.w == pytest.approx(31)
    year = _group(figure, made["About a year"]).items[0]
    assert isinstance(year, Rect) and year.role == Role.INCIDENT_FADED and year.w == pytest.approx(365)
    bar = _group(figure, made["Start to end"]).items[0]
    assert isinstance(bar, Rect) and bar.role == Role.INCIDENT and bar.w == pytest.approx(20)
    arrows = [item for item in figure.items if isinstance(item, Line) and item.arrow
              and item.role == Role.LINK_CAUSES and item.y1 < figure.height - 40]  # not the legend's
    assert len(arrows) == 1 and arrows[0].x2 == pytest.approx(bar.x - 3)


def test_lanes_by_actor_show_the_pseudonym_in_a_shared_profile(case):
    incident = records.create(case, "incident", title="Detention", start_date="2013-08-05")
    actor = records.create(case, "actor", name="Rosa Ficticia", category="person", protected=True,
                           pseudonym="Witness A")
    records.create_link(case, "involvement", incident_id=incident, actor_id=actor, role="witness")
    secret = records.create(case, "incident", title="Secret meeting", start_date="2013-08-06", confidential=True)
    assert any("Rosa Ficticia" in label for _key, label in load_timeline(case, lanes="actor").lanes)
    public = load_timeline(case, lanes="actor", profile="public")
    assert [label for _key, label in public.lanes] == ["Witness A"]
    assert public.withheld == 1 and secret not in [event.id for event in public.events]
    start, end = public.extent()
    drawn = " ".join(texts(public.figure(start, end, 800)))
    assert "Witness A" in drawn and "Rosa" not in drawn and "Secret" not in drawn


def test_many_incidents_in_sight_are_counted_into_bins_per_lane():
    first = day("2000-01-01")
    events = [Event(n, f"INC-{n:04d}", f"Incident {n}", first + n, first + n, "point", False, "", ("a",))
              for n in range(3000)]
    timeline = Timeline(events, [("a", "Lane")], [])
    zoomed_out = timeline.figure(first, first + 3000, 900, detail_limit=1500)
    bins = [g for g in walk_groups(zoomed_out) if g.key.startswith("bin:")]
    assert bins and not zoomed_out.groups()  # no incident drawn one by one
    assert sum(int(g.tooltip.split()[0]) for g in bins) == 3000
    zoomed_in = timeline.figure(first + 100, first + 130, 900, detail_limit=1500)
    assert {g.key for g in zoomed_in.groups()} == {str(n) for n in range(100, 130)}


def walk_groups(figure):
    return [item for item in figure.items if isinstance(item, Group)]


def test_hostile_titles_are_kept_as_plain_strings(case):
    title = '<b>bold</b> <img src="/etc/passwd"> \u202eRTL\u202c\nsecond line'
    records.create(case, "incident", title=title, start_date="2013-08-05")
    timeline = load_timeline(case)
    start, end = timeline.extent()
    labels = [item.text for item in walk(timeline.figure(start, end, 900).items) if isinstance(item, Text)]
    assert title in labels  # the description keeps the text; renderers draw it literally
