"""Starting on a Linux desktop (issue 16 item 11): when the window cannot start
for lack of a system library, one line names the Debian packages to install,
and the README lists them near its top."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.ui.system_libraries import GUI, XCB, missing, needed

ROOT = Path(__file__).resolve().parents[2]


def test_x11_needs_the_xcb_libraries_other_platforms_only_qts_own():
    assert needed({"DISPLAY": ":0"}, "linux") == {**GUI, **XCB}
    assert needed({"QT_QPA_PLATFORM": "xcb"}, "linux") == {**GUI, **XCB}
    assert needed({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux") == GUI
    assert needed({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux") == GUI
    assert needed({"DISPLAY": ":0"}, "win32") == {} and needed({"DISPLAY": ":0"}, "darwin") == {}


def test_the_brief_list_is_covered():
    packages = set(XCB.values()) | set(GUI.values())
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
            "libxcb-xkb1", "libxkbcommon-x11-0", "libegl1"} <= packages


def test_the_readme_lists_every_package_in_its_first_lines():
    top = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    for package in set(XCB.values()) | set(GUI.values()):
        assert f" {package}" in top, package


def test_every_library_qt_links_is_known():
    """The tables follow the installed Qt: each soname its xcb plugin and GUI library need."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin, gui = qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6Gui.so.6"
    if not plugin.exists() or sys.platform != "linux":
        pytest.skip("not a Linux PySide6 wheel")
    readelf = subprocess.run(["readelf", "-d", str(plugin), str(gui)], capture_output=True, text=True)
    if readelf.returncode != 0:
        pytest.skip("no readelf")
    wanted = {line.split("[")[1].rstrip("]") for line in readelf.stdout.splitlines() if "(NEEDED)" in line}
    system = {name for name in wanted if not name.startswith(("libQt6", "libc.", "libm.", "libstdc++", "libgcc",
                                                              "ld-linux", "libpthread", "libdl.", "librt.",
                                                              "libz.", "libgthread"))}
    assert system - set(GUI) - set(XCB) == set()


def test_one_line_names_the_packages_when_the_window_cannot_start(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    absent = missing(env)
    if not absent:
        pytest.skip("this machine has every library the window needs")
    result = subprocess.run([sys.executable, "-c", "import sys; from casefile.cli import main; "
                             "sys.exit(main(sys.argv[1:]))"], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("casefile: the window cannot start")
    assert "sudo apt install " + " ".join(sorted(set(absent.values()))) in lines[0]
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr


def test_a_missing_library_is_named_with_its_package():
    assert missing({"DISPLAY": ":0"}, loads=lambda soname: soname != "libxcb-icccm.so.4", platform="linux") == {
        "libxcb-icccm.so.4": "libxcb-icccm4"}
    assert missing({"QT_QPA_PLATFORM": "offscreen"}, loads=lambda soname: soname != "libxcb-icccm.so.4",
                   platform="linux") == {}  # offscreen (--screenshot) never loads it
