"""Where labels go without covering each other: the boxes already taken, kept
in a grid so that a figure of thousands of labels checks each against its
neighbours only.

Text is measured by estimate (no fonts here: the module is shared by the
window and the dossier): ``CHAR_EM`` of the size per character, which holds
for the sans-serif faces both draw with, at the window's size, the larger
(it draws text at ``TEXT_PX`` pixels per unit of size, a figure unit being a
pixel); the renderers elide at ``max_width`` anyway.
"""

from __future__ import annotations

from collections import defaultdict

Box = tuple[float, float, float, float]  # left, top, right, bottom

CHAR_EM = 0.58  # an average character's width, in ems
TEXT_PX = 1.25  # the window's text size in pixels, per unit of a label's size (points at 96 dpi)


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start",
             max_width: float | None = None, px: float = TEXT_PX) -> Box:
    """The box a label takes; ``y`` is its baseline, as in :class:`figure.Text`;
    ``px``: the renderer's text size per unit of ``size``."""
    em = size * px
    width = len(text) * em * CHAR_EM
    if max_width is not None:
        width = min(width, max_width)
    left = x - {"middle": width / 2, "end": width}.get(anchor, 0.0)
    return left, y - em * 0.95, left + width, y + em * 0.25


class Taken:
    """Boxes already drawn; ``take`` adds a box if it overlaps none of them and
    lies ``within`` the figure's left and right edges."""

    def __init__(self, cell: float = 64.0, within: tuple[float, float] | None = None):
        self.cell = cell
        self.within = within
        self._grid: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def _cells(self, box: Box) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(int(box[0] // c), int(box[2] // c) + 1)
                for j in range(int(box[1] // c), int(box[3] // c) + 1)]

    def free(self, box: Box) -> bool:
        left, top, right, bottom = box
        if self.within is not None and (left < self.within[0] or right > self.within[1]):
            return False
        return not any(left < b[2] and right > b[0] and top < b[3] and bottom > b[1]
                       for cell in self._cells(box) for b in self._grid.get(cell, ()))

    def add(self, box: Box) -> None:
        for cell in self._cells(box):
            self._grid[cell].append(box)

    def take(self, box: Box) -> bool:
        if not self.free(box):
            return False
        self.add(box)
        return True
