"""The system libraries the Qt window needs on Linux, checked before Qt starts.

Without one of them Qt aborts with a message naming a single library, often
the wrong one ("xcb-cursor0 is needed" when libxcb-icccm4 is missing). We try
to load each library by its soname, as the dynamic linker would, and say in one
line which Debian packages to install. No Qt here: this runs before Qt loads.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from ..errors import CasefileError
from ..i18n import translate

#: what Qt's GUI library itself links to (any platform plugin): soname -> Debian package
GUI = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libxkbcommon.so.0": "libxkbcommon0", "libX11.so.6": "libx11-6",
    "libglib-2.0.so.0": "libglib2.0-0",
}
#: what the X11 (xcb) platform plugin adds (readelf -d libqxcb.so, PySide6 6.11)
XCB = {
    "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0",
}


def needed(env: Mapping[str, str], platform: str = sys.platform) -> dict[str, str]:
    """The libraries the window will load in this environment (none off Linux)."""
    if not platform.startswith("linux"):
        return {}
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    x11 = qpa == "xcb" or (qpa == "" and bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY"))
    return {**GUI, **XCB} if x11 else dict(GUI)


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing(env: Mapping[str, str] | None = None, loads: Callable[[str], bool] = _loads,
            platform: str = sys.platform) -> dict[str, str]:
    """soname -> Debian package, for each needed library the linker cannot find."""
    env = os.environ if env is None else env
    return {soname: package for soname, package in needed(env, platform).items() if not loads(soname)}


def check(env: Mapping[str, str] | None = None) -> None:
    """Raise a one-line CasefileError naming the packages to install, if any is missing."""
    absent = missing(env)
    if absent:
        raise CasefileError(translate(
            "SystemLibraries", "the window cannot start: the system lacks {libraries}; on Debian or Ubuntu "
            "install them with: sudo apt install {packages}").format(
                libraries=", ".join(absent), packages=" ".join(sorted(set(absent.values())))))
