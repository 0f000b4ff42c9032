"""The JSON shape of an extraction, as documented in the product brief."""

from __future__ import annotations

from .types import ArticleExtraction, MeetingMention, PersonMention


def _person(p: PersonMention) -> dict:
    return {"name": p.name, "title": p.title, "country": p.country, "evidence": p.evidence.sentence}


def _meeting(m: MeetingMention) -> dict:
    return {
        "body": m.body,
        "body_name": m.body_name,
        "number": m.number,
        "date": m.date,
        "date_precision": m.date_precision,
        "city": m.city,
        "country": m.country,
        "mode": m.mode or None,
        "is_main_subject": m.is_main_subject,
        "status": m.status,
        "date_inferred": m.date_inferred,
        "co_chairs": [_person(p) for p in m.co_chairs],
        "delegation_leaders": [_person(p) for p in m.delegation_leaders],
        "focus_areas": [{"slug": f.slug, "evidence": f.evidence.sentence} for f in m.focus_areas],
        "corridors": [
            {"slug": c.slug, "how": c.how, "evidence": c.evidence.sentence} for c in m.corridors
        ],
        "agreements": [
            {"text": a.text, "focus_areas": list(a.focus_areas), "evidence": a.evidence.sentence}
            for a in m.agreements
        ],
    }


def to_json_dict(result: ArticleExtraction) -> dict:
    """`{"published_on": ..., "meetings": [...]}`; the command adds "file" and "sha256"."""
    return {
        "published_on": result.published_on,
        "outlet": result.outlet or None,
        "title": result.title,
        "url": result.url or None,
        "dateline_city": result.dateline_city or None,
        "warnings": list(result.warnings),
        "meetings": [_meeting(m) for m in result.meetings],
    }
