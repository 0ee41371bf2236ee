"""Desktop integration files: validated by the freedesktop tools themselves, and the
MIME rule checked against real case files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from casefile.store import Case

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
METAINFO = PACKAGING / "org.casefile.Casefile.metainfo.xml"


def need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.skip(f"{program} is not installed (Debian: apt-get install desktop-file-utils appstream "
                    "shared-mime-info libglib2.0-bin); .ci/run installs it")
    return path


def test_desktop_file_validates():
    result = subprocess.run([need("desktop-file-validate"), str(PACKAGING / "casefile.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_declares_the_casefile_type():
    text = (PACKAGING / "casefile.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-casefile;" in text and "Icon=casefile" in text


def test_metainfo_validates():
    result = subprocess.run([need("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_release_screenshots_and_matching_launchable():
    root = ET.parse(METAINFO).getroot()
    assert root.find("releases/release").get("version") == "0.1.0"
    assert root.find("launchable").text == "casefile.desktop"
    images = [image.text for image in root.iter("image")]
    assert images and all(url.startswith("https://") for url in images)
    for url in images:  # every published screenshot has its source in the tree
        assert (ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_icon_pngs_in_every_size_from_the_svg():
    assert (ICONS / "casefile.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "casefile.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # transparent corner


@pytest.fixture
def mime_database(tmp_path):
    need("update-mime-database")
    need("gio")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(PACKAGING / "casefile-mime.xml", packages / "casefile.xml")
    result = subprocess.run(["update-mime-database", str(tmp_path / "mime")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return tmp_path


def content_type(database: Path, path: Path) -> str:
    env = dict(os.environ, XDG_DATA_HOME=str(database), XDG_DATA_DIRS=f"{database}:/usr/share")
    out = subprocess.run(["gio", "info", "-a", "standard::content-type", str(path)],
                         capture_output=True, text=True, env=env, check=True).stdout
    return out.rsplit("content-type:", 1)[1].strip()


def test_mime_type_by_extension_and_by_header(mime_database, tmp_path):
    Case.create(tmp_path / "plain.casefile", "Plain").close()
    renamed = tmp_path / "no-extension"
    shutil.copy(tmp_path / "plain.casefile", renamed)
    other = tmp_path / "other-database"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert content_type(mime_database, tmp_path / "plain.casefile") == "application/x-casefile"
    assert content_type(mime_database, renamed) == "application/x-casefile"  # header + application_id
    assert content_type(mime_database, other) == "application/vnd.sqlite3"  # plain SQLite is not a case
