"""Small presentation helpers shared by the window, the dossier and the CLI."""


def human_size(size: int | None) -> str:
    """1536 -> "1.5 KiB"; bytes stay whole."""
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
