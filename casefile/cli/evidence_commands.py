"""Placeholder module: commands are added by the evidence_commands work."""


def register(sub) -> None:
    pass
