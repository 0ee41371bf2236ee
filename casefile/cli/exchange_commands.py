"""Placeholder module: commands are added by the exchange_commands work."""


def register(sub) -> None:
    pass
