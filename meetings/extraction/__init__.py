"""Pure-Python extraction of CPEC meetings from article text (no Django here).

from meetings.extraction import extract, to_json_dict, Vocabulary
result = extract(text)            # -> ArticleExtraction
to_json_dict(result)              # -> {"published_on": ..., "meetings": [...]}
"""

from .extract import extract
from .serialize import to_json_dict
from .types import (
    AgreementMention,
    ArticleExtraction,
    CorridorMention,
    Evidence,
    FocusAreaMention,
    MeetingMention,
    PersonMention,
)
from .vocabulary import Vocabulary

__all__ = [
    "AgreementMention",
    "ArticleExtraction",
    "CorridorMention",
    "Evidence",
    "FocusAreaMention",
    "MeetingMention",
    "PersonMention",
    "Vocabulary",
    "extract",
    "to_json_dict",
]
