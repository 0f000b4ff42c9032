"""Ordinal numbers of meetings: "second", "5th", "twenty-first", "inaugural", "round 4"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
CARDINAL_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
# Words that mean "number one" for a meeting.
FIRST_WORDS = {"inaugural": 1, "first-ever": 1, "first ever": 1, "maiden": 1}

# Real words that may sit where an ordinal goes ("the final round"): never read as typos.
NOT_TYPOS = frozenset(
    """final latest last next recent previous special annual formal joint current several
    separate second-last fruitful focused fresh further first high-level bilateral dedicated
    extended historic landmark important initial detailed""".split()
)
# Common English words within two edits of an ordinal ("their"/"third", "this"/"third",
# "eight"/"eighth", "night"/"ninth"): a writer who typed one meant that word.
COMMON_WORDS = frozenset(
    """their there these three this thin think thing thirst thirty thread threat tired fired
    hired fifty fist firm fire fish fits gift lift sift sixty sight eight eighty fight light
    might night right tight weight height sigh nine ninety tent tenths teeth tense tenet
    month north forth worth fourty forty fort seconds secondly often offer after fifths
    with within wrath birth both booth truth fresh finish""".split()
)

_UNITS = "|".join(w for w in ORDINAL_WORDS if ORDINAL_WORDS[w] < 10)
_ORDINAL_RE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<tens>twenty|thirty|forty|fifty)[- ](?P<unit>{_UNITS})"
    r"|(?P<first>inaugural|first[- ]ever|maiden)"
    r"|(?P<word>" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"
    r"|(?P<digits>\d{1,3})(?:st|nd|rd|th)"
    r")(?![\w])",
    re.IGNORECASE,
)
# "round 4", "session No. 3", "meeting number four"
_CARDINAL_RE = re.compile(
    r"(?<![\w-])(?:round|session|meeting)\s+(?:No\.?\s*|number\s+)?"
    r"(?P<n>\d{1,3}|" + "|".join(CARDINAL_WORDS) + r")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Ordinal:
    value: int
    start: int
    end: int
    cardinal: bool = False  # "round 4": the number follows the noun


def find_ordinals(text: str) -> list[Ordinal]:
    found = []
    for m in _ORDINAL_RE.finditer(text):
        if m.group("tens"):
            value = TENS[m.group("tens").lower()] + ORDINAL_WORDS[m.group("unit").lower()]
        elif m.group("first"):
            value = 1
        elif m.group("word"):
            value = ORDINAL_WORDS[m.group("word").lower()]
        else:
            value = int(m.group("digits"))
        if value > 0:
            found.append(Ordinal(value, m.start(), m.end()))
    for m in _CARDINAL_RE.finditer(text):
        raw = m.group("n").lower()
        value = int(raw) if raw.isdigit() else CARDINAL_WORDS[raw]
        if value > 0:
            found.append(Ordinal(value, m.start("n"), m.end("n"), cardinal=True))
    return sorted(found, key=lambda o: o.start)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning `limit`) once it must exceed `limit - 1`."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= limit:
            return limit
        prev = cur
    return min(prev[-1], limit)


@lru_cache(maxsize=4096)
def typo_candidates(word: str) -> dict[int, int]:
    """Ordinal values a misspelt word may stand for, with their edit distance (<= 2)."""
    low = word.lower()
    if len(low) < 4 or not low.isalpha() or low in ORDINAL_WORDS:
        return {}
    if low in NOT_TYPOS or low in COMMON_WORDS or low in CARDINAL_WORDS:
        return {}
    out: dict[int, int] = {}
    for ordinal, value in ORDINAL_WORDS.items():
        dist = edit_distance(low, ordinal)
        if dist <= 2:
            out[value] = min(dist, out.get(value, 3))
    return out
