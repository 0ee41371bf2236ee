import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.errors import InvalidInput
from casefile.model.dates import PartialDate, describe


@pytest.mark.parametrize("text, iso", [
    ("2013", "2013"), ("2013-08", "2013-08"), ("2013-08-05", "2013-08-05"),
    ("5 Aug 2013", "2013-08-05"), ("August 2013", "2013-08"), ("5 de agosto de 2013", "2013-08-05"),
    ("agosto de 2013", "2013-08"), ("05/08/2013", "2013-08-05"), ("08/2013", "2013-08"),
    ("Aug. 5, 2013", "2013-08-05"),
])
def test_parse_natural(text, iso):
    assert PartialDate.parse(text).iso() == iso


@pytest.mark.parametrize("text", ["2013-02-30", "13 Foo 2013", "yesterday", "2013-13", "0000", "5 2013"])
def test_parse_rejects(text):
    with pytest.raises(InvalidInput):
        PartialDate.parse(text)


def test_describe():
    assert describe(PartialDate(2013, 8), "approximate") == "about August 2013"
    assert describe(PartialDate(2013, 8, 5)) == "5 August 2013"
    assert describe(None) == "date unknown"


dates = st.builds(lambda y, m, d, p: PartialDate(y, *( (m, min(d, 28)) if p == 2 else (m, None) if p == 1 else (None, None))),
                  st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 31), st.integers(0, 2))


@given(dates, dates)
def test_iso_text_order_is_date_order(a, b):
    """Stored ISO text sorts like the dates: by first day, coarser first on ties."""
    if a.first_day() != b.first_day():
        assert (a.iso() < b.iso()) == (a.first_day() < b.first_day())
    assert PartialDate.from_iso(a.iso()) == a
