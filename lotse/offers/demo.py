"""Demo data (filled in by the module's demo loader)."""


def load(*, stdout=None) -> list[str]:
    return []
