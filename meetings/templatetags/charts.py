"""Server-rendered charts for the overview: no JavaScript, no CDN."""

import datetime

from django import template

from meetings.templatetags.meeting_tags import partial_date

register = template.Library()

TIMELINE_WIDTH = 760
LABEL_WIDTH = 90
ROW_HEIGHT = 34
AXIS_HEIGHT = 28


@register.inclusion_tag("includes/timeline.svg.html")
def timeline_chart(meetings):
    """One row per body, one dot per dated meeting, years along the bottom."""
    meetings = list(meetings)
    if not meetings:
        return {"empty": True}
    first_year = min(m.date.year for m in meetings)
    last_year = max(m.date.year for m in meetings) + 1
    start = datetime.date(first_year, 1, 1).toordinal()
    span = datetime.date(last_year, 1, 1).toordinal() - start
    plot = TIMELINE_WIDTH - LABEL_WIDTH - 20

    def x(date):
        return round(LABEL_WIDTH + (date.toordinal() - start) / span * plot, 1)

    bodies = sorted({m.body.short_name for m in meetings})
    rows = []
    for index, body in enumerate(bodies):
        y = index * ROW_HEIGHT + ROW_HEIGHT / 2
        dots = [
            {
                "x": x(m.date),
                "url": m.get_absolute_url(),
                "label": f"{m.title}, {partial_date(m)}",
                "exact": m.date_precision == "day",
            }
            for m in meetings
            if m.body.short_name == body
        ]
        rows.append({"body": body, "y": y, "text_y": y + 4, "dots": dots})
    height = len(bodies) * ROW_HEIGHT
    step = max(1, (last_year - first_year) // 10)
    years = [
        {"year": year, "x": x(datetime.date(year, 1, 1))}
        for year in range(first_year, last_year + 1, step)
    ]
    return {
        "rows": rows,
        "years": years,
        "width": TIMELINE_WIDTH,
        "height": height + AXIS_HEIGHT,
        "plot_bottom": height,
        "year_label_y": height + 18,
        "plot_left": LABEL_WIDTH,
        "plot_right": TIMELINE_WIDTH - 20,
    }


@register.inclusion_tag("includes/heatmap.html")
def focus_area_heatmap(cells):
    """A focus area × year grid from rows of focus_area__name, focus_area__slug, year, count."""
    cells = list(cells)
    if not cells:
        return {"empty": True}
    years = list(range(min(c["year"] for c in cells), max(c["year"] for c in cells) + 1))
    peak = max(c["count"] for c in cells)
    by_area = {}
    for cell in cells:
        area = by_area.setdefault(
            cell["focus_area__slug"], {"name": cell["focus_area__name"], "counts": {}}
        )
        area["counts"][cell["year"]] = cell["count"]
    rows = [
        {
            "name": area["name"],
            "slug": slug,
            "cells": [
                {
                    "year": year,
                    "count": area["counts"].get(year, 0),
                    "level": level(area["counts"].get(year, 0), peak),
                }
                for year in years
            ],
        }
        for slug, area in sorted(by_area.items(), key=lambda item: item[1]["name"])
    ]
    return {"years": years, "rows": rows}


def level(count, peak):
    """0 for none, else 1–4 by share of the busiest cell (a CSS class picks the shade)."""
    if not count:
        return 0
    return max(1, round(4 * count / peak))
