"""The offline gazetteer: shipped GeoNames towns, accent-insensitive prefixes."""

from __future__ import annotations

import socket

import pytest

from casefile.services.views import gazetteer


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the gazetteer opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_ayutla_finds_ayutla_de_los_libres_offline(no_network):
    towns = gazetteer.lookup("Ayutla", 10)
    ayutla = next(t for t in towns if t.name == "Ayutla de los Libres")
    assert ayutla.state == "Guerrero"
    assert ayutla.country == "Mexico" and ayutla.country_code == "MX"
    assert abs(ayutla.latitude - 16.96) < 0.05 and abs(ayutla.longitude + 99.09) < 0.05


def test_prefix_is_accent_and_case_insensitive():
    assert [t.name for t in gazetteer.lookup("AYUTLA DE LOS", 5)] == ["Ayutla de los Libres"]
    assert "São Paulo" in [t.name for t in gazetteer.lookup("sao paulo", 3)]
    assert "Mexicali" in [t.name for t in gazetteer.lookup("Méxic", 5)]


def test_alternate_names_find_the_town_once():
    found = gazetteer.lookup("chilpancingo", 10)
    assert [t.name for t in found].count("Chilpancingo") == 1


def test_most_populous_first_and_limit():
    towns = gazetteer.lookup("a", 7)
    assert len(towns) == 7
    populations = [t.population for t in towns]
    assert populations == sorted(populations, reverse=True)


@pytest.mark.parametrize("query", ["", "   ", "zzzzqqq", "\x00", '"AND NEAR(*', "\u202eevil", "a" * 10_000])
def test_hostile_or_empty_queries_return_quietly(query):
    assert isinstance(gazetteer.lookup(query, 5), list)
    assert gazetteer.lookup("Ayutla", 0) == []


def test_major_towns_are_the_most_populous():
    towns = gazetteer.major_towns(5_000_000)
    assert "Mexico City" in [t.name for t in towns]
    assert all(t.population >= 5_000_000 for t in towns)
