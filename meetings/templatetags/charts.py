"""Server-rendered charts for the overview: no JavaScript, no CDN."""

from urllib.parse import urlencode

from django import template
from django.template.defaultfilters import pluralize
from django.urls import reverse

register = template.Library()

TIMELINE_WIDTH = 760
LABEL_WIDTH = 90
ROW_HEIGHT = 34
AXIS_HEIGHT = 28
MIN_RADIUS = 4
MAX_RADIUS = 14
# Dots this big carry their count as text; smaller ones only in their tooltip.
LABELLED_RADIUS = 8


@register.inclusion_tag("includes/timeline.svg.html")
def timeline_chart(cells, max_bodies=12):
    """One row per body, one dot per year it met, sized by how many meetings it held that
    year, from rows of body__short_name, body__slug, year, count (one grouped query, so
    the chart is as big at 100,000 meetings as at 10). The `max_bodies` busiest bodies
    are drawn; the rest are counted below the chart."""
    cells = list(cells)
    if not cells:
        return {"empty": True}
    totals = {}
    for cell in cells:
        totals[cell["body__short_name"]] = totals.get(cell["body__short_name"], 0) + cell["count"]
    busiest = sorted(totals, key=lambda body: (-totals[body], body))[:max_bodies]
    shown = [cell for cell in cells if cell["body__short_name"] in busiest]
    first_year = min(c["year"] for c in shown)
    last_year = max(c["year"] for c in shown)
    years_span = last_year - first_year + 1
    plot = TIMELINE_WIDTH - LABEL_WIDTH - 20
    peak = max(c["count"] for c in shown)

    def x(year):
        return round(LABEL_WIDTH + (year - first_year + 0.5) / years_span * plot, 1)

    rows = []
    for index, body in enumerate(sorted(busiest)):
        y = index * ROW_HEIGHT + ROW_HEIGHT / 2
        dots = []
        for cell in shown:
            if cell["body__short_name"] != body:
                continue
            radius = round(
                MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * (cell["count"] / peak) ** 0.5, 1
            )
            year, count = cell["year"], cell["count"]
            approximate = cell.get("approximate", 0)
            label = f"{body}, {year}: {count} meeting{pluralize(count)}"
            if approximate:
                label += f" ({approximate} with an approximate date)"
            dots.append(
                {
                    "x": x(year),
                    "r": radius,
                    "count": count,
                    "labelled": radius >= LABELLED_RADIUS,
                    "url": reverse("meetings:list")
                    + "?"
                    + urlencode({"body": cell["body__slug"], "date_from": year, "date_to": year}),
                    "label": label,
                    "approximate": bool(approximate),
                }
            )
        rows.append({"body": body, "y": y, "text_y": y + 4, "dots": dots})
    height = len(rows) * ROW_HEIGHT
    step = max(1, -(-years_span // 12))
    years = [{"year": year, "x": x(year)} for year in range(first_year, last_year + 1, step)]
    return {
        "rows": rows,
        "years": years,
        "hidden_bodies": len(totals) - len(busiest),
        "approximate": any(dot["approximate"] for row in rows for dot in row["dots"]),
        "width": TIMELINE_WIDTH,
        "height": height + AXIS_HEIGHT,
        "plot_bottom": height,
        "year_label_y": height + 18,
        "plot_left": LABEL_WIDTH,
        "plot_right": TIMELINE_WIDTH - 20,
    }


@register.inclusion_tag("includes/heatmap.html")
def focus_area_heatmap(cells, focus_areas):
    """A focus area × year grid from rows of focus_area (an id), year and count, with the
    names from `focus_areas`."""
    cells = list(cells)
    if not cells:
        return {"empty": True}
    names = {area.pk: area for area in focus_areas}
    years = list(range(min(c["year"] for c in cells), max(c["year"] for c in cells) + 1))
    peak = max(c["count"] for c in cells)
    counts = {}
    for cell in cells:
        counts.setdefault(cell["focus_area"], {})[cell["year"]] = cell["count"]
    rows = [
        {
            "name": names[pk].name,
            "slug": names[pk].slug,
            "cells": [
                {
                    "year": year,
                    "count": by_year.get(year, 0),
                    "level": level(by_year.get(year, 0), peak),
                }
                for year in years
            ],
        }
        for pk, by_year in sorted(counts.items(), key=lambda item: names[item[0]].name)
    ]
    return {"years": years, "rows": rows}


def level(count, peak):
    """0 for none, else 1–4 by share of the busiest cell (a CSS class picks the shade)."""
    if not count:
        return 0
    return max(1, round(4 * count / peak))
