"""Shared fixtures: every test gets its own case in tmp_path and its own settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from casefile.store import Case


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Point QSettings and platformdirs at a private folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("CASEFILE_PASSPHRASE", raising=False)
    yield home


@pytest.fixture
def case(tmp_path):
    c = Case.create(tmp_path / "test.casefile", "Test case", documenter="Tester")
    yield c
    c.close()
