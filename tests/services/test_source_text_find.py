"""Find in a source's text: what a documenter types, found however the text spells it."""

from __future__ import annotations

from casefile.services.records.source_text import TextSearch


def found(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in TextSearch(text).find_all(query)]


def test_case_accents_and_white_space_do_not_matter():
    text = "La Policía\ncomunitaria de Ayutla; POLICIA   comunitaria. Straße, Ñuu Savi"
    assert found(text, "policia comunitaria") == ["Policía\ncomunitaria", "POLICIA   comunitaria"]
    assert found(text, "  policía\tcomunitaria ") == ["Policía\ncomunitaria", "POLICIA   comunitaria"]
    assert found(text, "strasse") == ["Straße"]
    assert found(text, "nuu savi") == ["Ñuu Savi"]


def test_offsets_are_python_characters_of_the_text():
    text = "🙂 Bruno Plácido 🙂 bruno placido"  # characters outside the BMP before each match
    assert [(start, end) for start, end in TextSearch(text).find_all("bruno placido")] == [(2, 15), (18, 31)]


def test_ascii_text_takes_the_short_way_and_agrees():
    text = "Clashes began on August 5, when a military patrol detained members"
    assert found(text, "MILITARY patrol") == ["military patrol"]
    assert found(text, "nothing like it") == [] and found(text, "   ") == []


def test_symbols_are_found_literally_and_the_count_is_bounded():
    text = "a.b (c) [d] " * 50
    assert found(text, "(c) [d]")[:1] == ["(c) [d]"]
    assert len(TextSearch(text).find_all("a.b", limit=7)) == 7
