"""Geometry of the server-rendered SVG charts (no JavaScript): a line chart of one indicator over
the months, and a bar chart comparing the districts. Templates draw them and put the same
figures in a table next to each chart; the SVG gets a title and a text alternative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

WIDTH = 640
LINE_HEIGHT = 220
LEFT = 64
RIGHT = 24
TOP = 16
BOTTOM = 40
BAR_HEIGHT = 20
BAR_GAP = 8
LABEL_WIDTH = 240


@dataclass
class LinePoint:
    period: date
    value: Decimal
    x: float
    y: float


@dataclass
class LineChart:
    width: int
    height: int
    points: list[LinePoint]
    path: str
    ticks: list[tuple[Decimal, float]]  # (value, y) of the horizontal grid lines
    left: int
    right: int
    bottom: float


def _nice_top(biggest: Decimal) -> Decimal:
    """A round upper end of the axis: 10 → 10, 9.8 → 10, 12480 → 15000."""
    if biggest <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(biggest))) - 1) if biggest >= 1 else Decimal("0.1")
    for step in (1, 2, 2.5, 5, 10):
        top = magnitude * Decimal(str(step))
        if top >= biggest:
            return top
    return magnitude * 10  # pragma: no cover - the loop always ends at 10 × magnitude


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def line_chart(points: list[tuple[date, Decimal]]) -> LineChart:
    """A line over the months (x) from zero to a round top (y); gaps between months are kept."""
    inner_width = WIDTH - LEFT - RIGHT
    inner_height = LINE_HEIGHT - TOP - BOTTOM
    top = _nice_top(max((value for _period, value in points), default=Decimal(0)))
    first = points[0][0] if points else date.today()  # noqa: DTZ011 - only a default axis
    span = max(_months(first, points[-1][0]), 1) if points else 1
    placed = []
    for period, value in points:
        x = LEFT + (inner_width * _months(first, period) / span if len(points) > 1 else 0)
        y = TOP + inner_height * float(1 - value / top)
        placed.append(LinePoint(period=period, value=value, x=round(x, 1), y=round(y, 1)))
    path = " ".join(
        f"{'M' if index == 0 else 'L'}{point.x} {point.y}" for index, point in enumerate(placed)
    )
    ticks = [
        (top * Decimal(step) / 4, round(TOP + inner_height * (1 - step / 4), 1))
        for step in range(5)
    ]
    return LineChart(
        width=WIDTH,
        height=LINE_HEIGHT,
        points=placed,
        path=path,
        ticks=ticks,
        left=LEFT,
        right=WIDTH - RIGHT,
        bottom=TOP + inner_height,
    )


@dataclass
class Bar:
    label: str
    value: Decimal | None
    y: int
    text_y: int
    width: int
    value_x: int


@dataclass
class BarChart:
    width: int
    height: int
    label_width: int
    bars: list[Bar]


def bar_chart(rows: list[tuple[str, Decimal | None]]) -> BarChart:
    """Horizontal bars; a row without a figure gets no bar and the words "keine Angabe"."""
    biggest = max((value for _label, value in rows if value is not None), default=Decimal(0))
    space = WIDTH - LABEL_WIDTH - 90
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(space * float(value / biggest)) if value and biggest else 0
        y = index * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            Bar(
                label=label,
                value=value,
                y=y,
                text_y=y + BAR_HEIGHT - 5,
                width=width,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return BarChart(
        width=WIDTH,
        height=max(len(rows) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT),
        label_width=LABEL_WIDTH,
        bars=bars,
    )
