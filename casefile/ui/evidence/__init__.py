"""Evidence in the window: the panel, the preview, intake from the desktop and its undo commands."""
