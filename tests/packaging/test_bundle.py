"""The built one-folder application starts headless and draws its window.

Slow (builds with PyInstaller, about 1-2 minutes), so it runs only when asked:

    CASEFILE_TEST_BUNDLE=1 uv run --group package pytest tests/packaging/test_bundle.py

CASEFILE_BUNDLE=/path/to/dist/casefile tests an existing bundle instead of building one.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("CASEFILE_TEST_BUNDLE") != "1",
                       reason="builds the PyInstaller bundle (slow): set CASEFILE_TEST_BUNDLE=1"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    existing = os.environ.get("CASEFILE_BUNDLE")
    if existing:
        return Path(existing)
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(["uv", "run", "python", "-m", "casefile.i18n_build"], cwd=ROOT, check=True)
    subprocess.run(["uv", "run", "--group", "package", "pyinstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
                    "packaging/casefile.spec"], cwd=ROOT, check=True, timeout=900)
    return out / "dist" / "casefile"


def run(bundle: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment.update(QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", **env)
    return subprocess.run([str(bundle / "casefile"), *args], capture_output=True, text=True,
                          env=environment, timeout=120)


def test_bundle_draws_the_demo_window(bundle, tmp_path):
    shot = tmp_path / "window.png"
    result = run(bundle, "--demo", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 640 and image.height() >= 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    assert len(colours) > 20  # a drawn window, not a blank rectangle


def test_bundle_opens_encrypted_cases_and_speaks_spanish(bundle, tmp_path):
    passphrase = tmp_path / "pass"
    passphrase.write_text("correct horse battery staple\n")
    case = tmp_path / "sealed.casefile"
    made = run(bundle, "new", str(case), "--title", "Sealed", "--passphrase-file", str(passphrase))
    assert made.returncode == 0, made.stderr  # SQLCipher and the Alembic migrations are inside
    assert b"SQLite format 3" not in case.read_bytes()[:16]
    checked = run(bundle, "verify", str(case), "--passphrase-file", str(passphrase))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    missing = run(bundle, "info", str(tmp_path / "nada.casefile"), LANGUAGE="es")
    assert missing.returncode == 1 and "No existe el archivo" in missing.stderr


def test_bundle_leaves_out_unused_qt(bundle):
    libraries = {p.name for p in (bundle / "_internal" / "PySide6" / "Qt" / "lib").iterdir()}
    assert not any(name.startswith(("libQt6WebEngine", "libQt63D", "libQt6Quick", "libQt6Multimedia"))
                   for name in libraries)
    assert any(name.startswith("libQt6Pdf.") for name in libraries)
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    assert {"libqoffscreen.so", "libqxcb.so", "libqwayland.so"} <= {p.name for p in plugins.iterdir()}
