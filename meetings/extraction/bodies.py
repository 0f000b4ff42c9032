"""Which body (mechanism) a phrase names: JWG-ICC, JCC, BPC, other JWGs.

Exact patterns come first; then "Joint Working Group on <Topic>" for any topic;
then a fuzzy pass (difflib) over word windows so that "Joint Working Groop on
International Cooperation and Coordiantion" is still recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from .ordinals import edit_distance
from .text import any_of

# (short name, regular expression). Case-insensitive unless the pattern is all acronyms.
BODY_PATTERNS = [
    (
        "JWG-ICC",
        r"(?:CPEC\s+)?Joint\s+Working\s+Group\s+(?:\(JWG\)\s+)?on\s+International\s+Cooperation"
        r"\s+(?:and|&)\s+Coordination(?:\s*\((?:JWG[-\s]?)?ICC\))?",
    ),
    (
        "JWG-ICC",
        r"JWG\s*(?:-|on)\s*(?:ICC|International\s+Cooperation\s+(?:and|&)\s+Coordination)\b",
    ),
    ("JWG-ICC", r"\bJWG\s?ICC\b"),
    (
        "JCC",
        r"(?:CPEC\s+)?Joint\s+Co(?:operation|ordination)\s+(?:Committee|Council)"
        r"(?:\s*\((?:CPEC[-\s])?JCC\))?",
    ),
    ("JCC", r"\bJCC\b"),
    (
        "BPC",
        r"(?:(?:Pakistan|China)[-\s](?:China|Pakistan)\s+)?(?:Bilateral\s+)?Political\s+"
        r"Consultations?(?:\s*\(BPCs?\))?",
    ),
    ("BPC", r"\bBPCs?\b"),
    # "the second round of bilateral consultations between Pakistan and China"
    ("BPC", r"bilateral\s+consultations"),
    (
        "BPC",
        r"diplomatic\s+consultations\s+at\s+(?:the\s+)?vice[-\s]+foreign[-\s]+minister(?:ial)?"
        r"[-\s]+level",
    ),
    (
        "BPC",
        r"(?:vice[-\s]+foreign[-\s]+minister(?:ial)?(?:[-\s]+level)?\s+)?"
        r"(?:diplomatic|political)\s+consultations",
    ),
]
_CASE_SENSITIVE = re.compile(r"\\b[A-Z]")

# The CPEC working groups, by the words real reports use for their topics: (short, regex).
WORKING_GROUP_TOPICS = [
    ("ICC", r"international\s+cooperation\s+(?:(?:and|&)\s+)?coordination"),
    ("Planning", r"long[-\s]term\s+plan(?:ning)?|planning"),
    ("Energy", r"energy|power"),
    ("Transport", r"transport(?:ation)?(?:\s+infrastructure)?"),
    ("Gwadar", r"gwadar(?:\s+port)?"),
    ("Industrial", r"industrial\s+(?:cooperation|parks?)|industr(?:y|ies|ial)"),
    ("SEZ", r"special\s+economic\s+zones?|(?-i:SEZs?)"),
    ("Socio-Economic", r"socio[-\s]?economic\s+(?:development|cooperation)|social\s+sector"),
    ("Security", r"(?:safety\s+and\s+)?security"),
    ("S&T", r"science\s+(?:and|&)\s+technology"),
    ("Agriculture", r"agricultur(?:e|al\s+cooperation)"),
    ("IT", r"information\s+technology(?:\s+industry)?|(?-i:IT)(?:\s+industry)?"),
    ("Water", r"water\s+resources?(?:\s+management)?"),
]
_TOPIC = "|".join(f"(?P<t_{i}>{rx})" for i, (_, rx) in enumerate(WORKING_GROUP_TOPICS))
_TOPIC2 = "|".join(f"(?P<u_{i}>{rx})" for i, (_, rx) in enumerate(WORKING_GROUP_TOPICS))
_CORRIDOR = r"(?:CPEC|CEPC|China[-\s]Pakistan\s+Economic\s+Corridor(?:\s*\(CPEC\))?)(?:'s)?\s+"
_CORRIDOR_FILLER = rf"(?:(?:the\s+)?{_CORRIDOR})?"
_WG_HEAD = r"(?:joint\s+)?working\s+(?P<plural>groups?)|JWG"
# "Joint Working Group on Gwadar", "Joint Working Groups of China Pakistan Economic Corridor
# (CPEC) Industrial Cooperation", "working group on transport infrastructure", "the two Joint
# Working Groups on Gwadar and Socio-Economic Development"
_WG_TOPIC_AFTER = re.compile(
    rf"\b(?:{_WG_HEAD})\s+(?:\(JWG\)\s+)?(?:(?:meeting|session)s?\s+)?(?:on|of|for)\s+"
    rf"{_CORRIDOR_FILLER}(?:{_TOPIC})\b"
    rf"(?:\s+(?:and|&)\s+(?:{_TOPIC2})\b)?",
    re.IGNORECASE,
)
# "Energy Working Group", "CPEC International Cooperation Coordination Working Group"
_WG_TOPIC_BEFORE = re.compile(
    rf"(?<![\w-])(?:joint\s+)?(?:{_CORRIDOR})?(?:{_TOPIC})\s+(?:(?:joint\s+)?working\s+group\b|"
    r"(?-i:JWG)\b(?!-))",
    re.IGNORECASE,
)
# "the joint working group (JWG) between the two governments ... to review the long-term plan"
_WG_DESCRIBED = re.compile(
    r"\b(?:joint\s+)?working\s+group\b(?:\s*\(JWG\))?(?P<between>[^.;]{0,150}?)\b"
    r"(?:to\s+review|on|for)\s+(?:the\s+)?(?:CPEC'?s?\s+)?long[-\s]term\s+plan"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:CPEC|China-Pakistan\s+Economic\s+Corridor)"
    r"(?:\s*\(CPEC\))?)?",
    re.IGNORECASE,
)


_MEETINGS_OF = re.compile(r"\b(?:meetings|sessions)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_TOPIC_LEAD = re.compile(rf"(?<![\w-])(?:{_TOPIC2})\s+$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\s*\((?:CPEC[-\s])?(?:JWG[-\s]?)?[A-Za-z&-]{2,12}\)")


def _topic_short(m: re.Match, prefix: str) -> str:
    for key, value in m.groupdict().items():
        if value and key.startswith(prefix):
            return "JWG-" + WORKING_GROUP_TOPICS[int(key[2:])][0]
    return ""


def _working_groups(sentence: str, taken: list[BodyMention]) -> list[BodyMention]:
    """The CPEC working groups named by their topics, before or after "working group"."""
    found: list[BodyMention] = []

    def add(short: str, a: int, b: int) -> None:
        abbr = _ABBREVIATION.match(sentence, b)  # "... Industrial Cooperation (JWG-IC)"
        b = abbr.end() if abbr else b
        if short and not _overlaps(taken + found, a, b):
            found.append(BodyMention(short, sentence[a:b], a, b))

    for m in _WG_TOPIC_AFTER.finditer(sentence):
        second = _topic_short(m, "u_")
        # "the meetings of the JWG on Gwadar and Industrial Cooperation were held": two groups
        several = (m.group("plural") or "").lower() == "groups" or bool(
            _MEETINGS_OF.search(sentence, max(0, m.start() - 30), m.start())
        )
        topic_end = next(m.end(k) for k, v in m.groupdict().items() if v and k.startswith("t_"))
        add(_topic_short(m, "t_"), m.start(), topic_end if second else m.end())
        if second and several:
            start = next(m.start(k) for k, v in m.groupdict().items() if v and k.startswith("u_"))
            add(second, start, m.end())
    for m in _WG_TOPIC_BEFORE.finditer(sentence):
        short = _topic_short(m, "t_")
        lead = _TOPIC_LEAD.search(sentence, max(0, m.start() - 40), m.start())
        if short == "JWG-Planning" and lead and _topic_short(lead, "u_") != short:
            # "Energy Planning Working Group": planning of energy, the energy group
            add(_topic_short(lead, "u_"), lead.start(), m.end())
            continue
        add(short, m.start(), m.end())
    if "plan" in sentence:
        for m in _WG_DESCRIBED.finditer(sentence):
            # the span is the group's name; the description after it is not
            add("JWG-Planning", m.start(), m.start("between"))
    return found


# Known short forms for "Joint Working Group on <topic>" (topic compared lower-case).
JWG_TOPIC_SHORT = {
    "international cooperation and coordination": "ICC",
    "special economic zones": "SEZ",
    "special economic zone": "SEZ",
    "sezs": "SEZ",
    "sez": "SEZ",
    "energy": "Energy",
    "planning": "Planning",
    "transport infrastructure": "Transport",
    "gwadar": "Gwadar",
    "industrial cooperation": "Industrial",
    "industrial parks": "Industrial",
    "security": "Security",
    "socio-economic development": "Socio-Economic",
    "socio economic development": "Socio-Economic",
    "socioeconomic development": "Socio-Economic",
    "agriculture": "Agriculture",
    "agricultural cooperation": "Agriculture",
    "science and technology": "S&T",
    "science & technology": "S&T",
    "information technology": "IT",
    "it industry": "IT",
    "water resources": "Water",
    "media": "Media",
    "think tanks": "Think-Tanks",
    "health": "Health",
    "education": "Education",
    "mining": "Mining",
    "tourism": "Tourism",
    "trade": "Trade",
}
_CONNECTORS = frozenset({"and", "&", "of", "for", "the"})
# "Joint Working Group on", also with "Working" or "Group" misspelt by a letter ("Workng").
_JWG_HEAD = re.compile(
    r"(?:CPEC\s+)?(?:Joint\s+(?P<working>W[a-z]{5,7})\s+(?P<group>Gr[a-z]{2,4})|JWG)\s+"
    r"(?:\(JWG\)\s+)?on\s+(?=[A-Z])"
)
_JWG_SUFFIX = re.compile(r"\bJWG-(?P<abbr>(?!ICC\b)[A-Z][A-Za-z&]+)\b")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'&-]*|&")


@dataclass(frozen=True)
class BodyMention:
    short: str
    name: str  # as written
    start: int
    end: int


@lru_cache(maxsize=64)
def _compiled(bodies: tuple[tuple[str, str], ...]) -> tuple:
    patterns = []
    for short, pattern in BODY_PATTERNS:
        flags = 0 if _CASE_SENSITIVE.match(pattern) else re.IGNORECASE
        patterns.append((short, re.compile(pattern, flags)))
    known = {short for short, _ in BODY_PATTERNS}
    for short, full in bodies:
        if short in known:
            continue
        words = r"\s+".join(re.escape(w) for w in full.split())
        patterns.append((short, re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)))
        patterns.append((short, re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])")))
    return tuple(patterns)


def _overlaps(spans: list[BodyMention], a: int, b: int) -> bool:
    return any(m.start < b and a < m.end for m in spans)


@lru_cache(maxsize=4096)
def short_for_topic(topic: str, abbr: str = "") -> str:
    """`JWG-<short>` for a JWG topic: a known short form, the acronym given, or the topic."""
    low = " ".join(topic.lower().split())
    if low in JWG_TOPIC_SHORT:
        return "JWG-" + JWG_TOPIC_SHORT[low]
    for known, short in JWG_TOPIC_SHORT.items():
        if len(known) > 6 and SequenceMatcher(None, low, known).ratio() >= 0.9:
            return "JWG-" + short
    if abbr:
        abbr = abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr
        return "JWG-" + abbr
    words = [w for w in topic.split() if w.lower() not in _CONNECTORS]
    if len(words) == 1:
        return "JWG-" + words[0]
    return "JWG-" + "".join(w[0].upper() for w in words)


def _known_prefix(topic: str) -> str:
    """The longest leading run of words that is a known topic, else the whole topic."""
    words = list(re.finditer(r"\S+", topic))
    for size in range(len(words), 0, -1):
        if " ".join(w.group() for w in words[:size]).lower() in JWG_TOPIC_SHORT:
            return topic[: words[size - 1].end()]
    return topic


def _near_word(word: str, wanted: str) -> bool:
    """One letter off, or two letters swapped ("Workng", "Gruop")."""
    word = word.lower()
    distance = edit_distance(word, wanted, 3)
    return distance <= 1 or (distance == 2 and sorted(word) == sorted(wanted))


def _jwg_topics(sentence: str, taken: list[BodyMention]) -> list[BodyMention]:
    """'Joint Working Group on <Capitalised Topic>' for topics not in the fixed patterns."""
    found = []
    for head in _JWG_HEAD.finditer(sentence):
        if _overlaps(taken, head.start(), head.end()):
            continue
        if head.group("working") and not _near_word(head.group("working"), "working"):
            continue
        if head.group("group") and not _near_word(head.group("group"), "group"):
            continue
        tokens = list(_TOKEN.finditer(sentence, head.end()))
        end = head.end()
        last_good = None
        for i, tok in enumerate(tokens):
            gap = sentence[end : tok.start()]
            if gap.strip() or "\n" in gap or i >= 7:
                break
            word = tok.group()
            if word[0].isupper() or word == "&" or (word.lower() in _CONNECTORS and i):
                end = tok.end()
                if word[0].isupper():
                    last_good = tok.end()
            else:
                break
        if last_good is None:
            continue
        topic = _known_prefix(sentence[head.end() : last_good])
        last_good = head.end() + len(topic)
        stop = last_good
        abbr = ""
        paren = re.match(r"\s*\((?P<abbr>[A-Za-z&-]{2,12})\)", sentence[last_good:])
        if paren:
            abbr = paren.group("abbr")
            abbr = re.sub(r"^JWG[-\s]?", "", abbr)
            stop = last_good + paren.end()
        found.append(
            BodyMention(
                short_for_topic(topic, abbr), sentence[head.start() : stop], head.start(), stop
            )
        )
    for m in _JWG_SUFFIX.finditer(sentence):
        if not _overlaps(taken + found, m.start(), m.end()):
            found.append(
                BodyMention(
                    short_for_topic(m.group("abbr"), m.group("abbr")), m.group(), m.start(), m.end()
                )
            )
    return found


@lru_cache(maxsize=16384)
def _ratio(a: str, b: str) -> float:
    """difflib's similarity ratio; 0 when the lengths alone rule out 0.7 (ratio is at most
    2 * min(len) / (len(a) + len(b)))."""
    if 2 * min(len(a), len(b)) < 0.7 * (len(a) + len(b)):
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def _fuzzy(sentence: str, targets: tuple[tuple[str, str], ...], taken: list[BodyMention]):
    """Windows of words that closely resemble a known body's full name."""
    low = sentence.lower()
    if not any(
        w in low for w in ("joint", "bilateral", "consult", "committee", "working", "group")
    ):
        return []
    tokens = list(_TOKEN.finditer(sentence))
    found: list[BodyMention] = []
    for short, full in targets:
        target = full.lower()
        words = target.split()
        n = len(words)
        for i, tok in enumerate(tokens):
            first = tok.group().lower()
            if first[0] != words[0][0] or _ratio(first, words[0]) < 0.7:
                continue
            best = None
            for size in (n, n - 1, n + 1):
                if size < 2 or i + size > len(tokens):
                    continue
                a, b = tok.start(), tokens[i + size - 1].end()
                if _overlaps(taken + found, a, b):
                    continue
                last = tokens[i + size - 1].group().lower()
                if _ratio(last, words[-1]) < 0.75:
                    continue
                window = " ".join(t.group().lower() for t in tokens[i : i + size])
                ratio = SequenceMatcher(None, window, target).ratio()
                if ratio >= 0.88 and (best is None or ratio > best[0]):
                    best = (ratio, a, b)
            if best:
                _, a, b = best
                found.append(BodyMention(short, sentence[a:b], a, b))
    return found


_HINT = any_of(
    "jwg", "jcc", "bpc", "joint", "working", "group", "committee", "consult", "bilateral"
)
_TOPIC_GROUP = re.compile(
    r"\b(?P<topic>[A-Za-z][\w&-]*)\s+(?:working\s+group|JWG)\b(?!\s*(?:on|-)\s)", re.IGNORECASE
)


# "The SEZ meeting was co-chaired by ...", "At the agriculture session": one of several JWGs
# an article reports, named by its topic.
_TOPIC_MEETING = re.compile(
    r"\b(?P<topic>[A-Za-z][\w&-]*)\s+(?:meeting|session|talks|round)\b", re.IGNORECASE
)


def find_topic_groups(
    sentence: str, shorts: set[str], taken: list[BodyMention], meetings: bool = True
) -> list[BodyMention]:
    """'the energy working group', and with `meetings` 'the SEZ meeting': a working group named
    by its topic in front, when the article has named that JWG in full."""
    found = []
    named = _TOPIC_GROUP.finditer(sentence) if "orking group" in sentence.lower() else ()
    by_meeting = _TOPIC_MEETING.finditer(sentence) if meetings else ()
    for m in [*named, *by_meeting]:
        if _overlaps(taken, m.start(), m.end()):
            continue
        short = short_for_topic(m.group("topic"))
        if short in shorts and not _overlaps(found, m.start(), m.end()):
            found.append(BodyMention(short, m.group(), m.start(), m.end()))
    return found


@lru_cache(maxsize=64)
def _extra_shorts(bodies: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Short names to look for besides _HINT's words (those holding one are found by it)."""
    return tuple(
        short
        for short, _ in bodies
        if short not in JWG_TOPIC_SHORT and not _HINT.search(short.lower())
    )


def find_bodies(sentence: str, bodies: tuple[tuple[str, str], ...]) -> list[BodyMention]:
    """Every body named in `sentence`, with spans relative to the sentence."""
    found: list[BodyMention] = []
    extra = _extra_shorts(bodies)
    if not _HINT.search(sentence.lower()) and not any(x in sentence for x in extra):
        return found
    for short, pattern in _compiled(bodies):
        for m in pattern.finditer(sentence):
            if not _overlaps(found, m.start(), m.end()):
                found.append(BodyMention(short, m.group(), m.start(), m.end()))
    if "orking" in sentence or "JWG" in sentence:
        found += _working_groups(sentence, found)
    found += _jwg_topics(sentence, found)
    found += _fuzzy(sentence, tuple((s, f) for s, f in bodies if len(f.split()) > 1), found)
    return sorted(found, key=lambda m: m.start)
