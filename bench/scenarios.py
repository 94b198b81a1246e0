"""What `make bench` measures: one list of targets that later modules extend.

Add a module's URLs by appending `Target`s to `TARGETS` (keep names stable: they are the keys in
the result files, so runs can be compared over time). A target with `static_copy=True` is also
fetched once, written as a static HTML file and served by the same gunicorn through WhiteNoise;
the pair gives the dynamic/static throughput ratio (the static file is the ceiling).
"""

from dataclasses import dataclass, field

STATIC_SUBDIR = "bench-static"


@dataclass(frozen=True)
class Target:
    """One request to put under load."""

    name: str  # stable key in the results, e.g. "home"
    path: str  # path on the server, e.g. "/"
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    expect_status: int = 200
    static_copy: bool = False  # also measure the same HTML served as a static file
    kind: str = "dynamic"  # "dynamic" or "static"
    module: str = "content"  # the app that contributed it
    description: str = ""


TARGETS: list[Target] = [
    Target(
        "home",
        "/",
        static_copy=True,
        description="German home page: topic cards, latest articles",
    ),
    Target(
        "topic",
        "/wissen/tarifvertraege/",
        static_copy=True,
        description="Topic page 'Tarifverträge': its ten latest articles",
    ),
]


def static_file_name(target: Target) -> str:
    """File name of a target's static copy inside STATIC_ROOT/bench-static/."""
    return f"{target.name}.html"


def static_twin(target: Target) -> Target:
    """The static-file target that mirrors a dynamic page."""
    return Target(
        name=f"{target.name}-static",
        path=f"/static/{STATIC_SUBDIR}/{static_file_name(target)}",
        static_copy=False,
        kind="static",
        module=target.module,
        description=f"Static copy of '{target.name}' served by WhiteNoise (ceiling)",
    )


def selected(names: list[str] | None = None) -> list[Target]:
    """The targets to run (all, or those named), each followed by its static twin if any."""
    chosen = [t for t in TARGETS if not names or t.name in names]
    unknown = set(names or []) - {t.name for t in TARGETS}
    if unknown:
        raise ValueError(f"unknown targets: {', '.join(sorted(unknown))}")
    plan = []
    for target in chosen:
        plan.append(target)
        if target.static_copy:
            plan.append(static_twin(target))
    return plan
