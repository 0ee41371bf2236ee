"""Running the ``casefile`` command in-process, and a sample case to copy."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest

from casefile.cli import main
from casefile.services.sample import create_demo_case


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.strip().splitlines()

    def one_error_line(self) -> str:
        """User errors and usage errors: exactly one line on stderr, no traceback."""
        assert len(self.err_lines) == 1, self.err
        assert "Traceback" not in self.err
        return self.err_lines[0]


@pytest.fixture
def cli(capsys):
    def run(*argv) -> Result:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exit_:  # argparse usage errors and --help
            code = exit_.code
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.casefile"
    create_demo_case(path).close(backup=False)
    return path


@pytest.fixture
def sample_case(sample_template, tmp_path):
    """A fresh copy of the sample case (faster than making one)."""
    path = tmp_path / "sample.casefile"
    shutil.copy(sample_template, path)
    return path
