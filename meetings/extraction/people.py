"""Co-chairs and delegation leaders: names, the titles they held, and their country.

A person phrase is a run of 2-4 capitalised name words with a title before it
("Vice Foreign Minister of China Sun Weidong") or after it ("Sohail Mahmood,
Pakistan's Foreign Secretary"). Title words, countries and honorifics are data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .ordinals import edit_distance
from .text import trie_alternation
from .venues import CITIES, CITY_ALIASES

# Words that make a title (compared lower-case).
TITLE_HEADS = frozenset(
    """minister secretary ambassador chairman chairperson chairwoman chair director
    director-general envoy spokesperson spokesman spokeswoman adviser advisor commissioner
    counsellor counselor councilor councillor consul head chief president vice-president premier
    governor senator officer representative mayor attache d'affaires vice-chairman vice-minister
    secretary-general dg sapm coordinator administrator manager ceo""".split()
)
_LONG_HEADS = tuple(h for h in TITLE_HEADS if len(h) >= 7 and h.isalpha())
TITLE_MODIFIERS = frozenset(
    """vice deputy assistant executive additional special federal foreign joint acting state
    prime permanent charge senior first parliamentary provincial general former then
    caretaker interim""".split()
)
TITLE_TOPICS = frozenset(
    """planning development initiatives commerce finance revenue interior information
    broadcasting maritime affairs railways energy power petroleum water resources industries
    industry production science technology education health economic economy national reform
    commission ndrc cpec authority board investment trade ministry division department
    international cooperation coordination asia asian committee party communist central bureau
    office council overseas relations privatisation privatization communications defence defense
    climate change food security agriculture research standing senate assembly people's republic
    government asia-pacific south region regional bank fund chamber administration policy
    strategic external kashmir human rights law justice army staff navy air force ministerial
    level ministers secretaries department-general bilateral multilateral economic-affairs
    boundary ocean oceanic consular protocol europe european american americas africa african
    china-pakistan pakistan-china boi mofcom nea cidca sasac mofa cpc nha wapda environment
    ecology transport housing labour labor culture tourism religious textiles aviation shipping
    statistics customs irrigation livestock fisheries forestry mines minerals""".split()
)
TITLE_CONNECTORS = frozenset({"of", "for", "to", "the", "and", "&", "on", "in"})
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "madam", "engr", "sir", "excellency"}
    # military ranks written before a name: "Lt Gen (retd) Asim Bajwa", "Brig. Ali Khan"
    | {"lt", "gen", "lieutenant", "maj", "brig", "brigadier", "col", "colonel", "retd"}
    | {"capt", "adm", "admiral", "cdr", "commodore", "marshal"}
)
COUNTRY_WORDS = {
    "china": "China",
    "chinese": "China",
    "china's": "China",
    "prc": "China",
    "pakistan": "Pakistan",
    "pakistani": "Pakistan",
    "pakistan's": "Pakistan",
}
# Words that can never be part of a person's name.
NOT_NAME_WORDS = frozenset(
    """the a an he she it they we our their his her its both two this that these those
    meanwhile according during after later while as in on at with by from for and but also
    however earlier yesterday today mr mrs ms dr cpec joint working group committee meeting
    session round consultations dialogue belt road initiative corridor economic zones zone
    beijing islamabad monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec xinhua reuters app dawn online daily news times tribune
    nation express gazette people's global radio television tv press release statement
    spokesperson said added noted under since let all new year western eastern northern
    southern northwest northeast southwest southeast xinjiang uygur autonomous region province
    punjab sindh balochistan khyber pakhtunkhwa united nations states kingdom god
    mission embassy excellency islamic republic""".split()
)
NAME_PARTICLES = frozenset({"ul", "ud", "bin", "binte", "al", "ur", "e", "van", "de", "von", "el"})

# Country a title usually belongs to, when nothing else says (first match wins).
TITLE_COUNTRY = [
    ("ndrc", "China"),
    ("national development and reform commission", "China"),
    ("state councilor", "China"),
    ("state councillor", "China"),
    ("executive vice foreign minister", "China"),
    ("vice foreign minister", "China"),
    ("assistant foreign minister", "China"),
    ("assistant minister", "China"),
    ("vice minister", "China"),
    ("vice-minister", "China"),
    ("vice chairman", "China"),
    ("premier", "China"),
    ("director-general of the department of asian affairs", "China"),
    ("foreign secretary", "Pakistan"),
    ("additional secretary", "Pakistan"),
    ("federal minister", "Pakistan"),
    ("minister for planning", "Pakistan"),
    ("minister of planning", "Pakistan"),
    ("minister for", "Pakistan"),
    ("minister of state", "Pakistan"),
    ("special assistant to the prime minister", "Pakistan"),
    ("sapm", "Pakistan"),
    ("senator", "Pakistan"),
    ("chief of army staff", "Pakistan"),
    ("secretary planning", "Pakistan"),
    ("federal secretary", "Pakistan"),
    # Agencies and ministries only one side has.
    ("national energy administration", "China"),
    ("nea", "China"),
    ("china international development cooperation agency", "China"),
    ("cidca", "China"),
    ("mofcom", "China"),
    ("ministry of agriculture and rural affairs", "China"),
    ("ministry of natural resources", "China"),
    ("ministry of ecology and environment", "China"),
    ("international department", "China"),
    ("cpc", "China"),
    ("board of investment", "Pakistan"),
    ("boi", "Pakistan"),
    ("planning commission", "Pakistan"),
    ("ministry of planning", "Pakistan"),
    ("planning development and special initiatives", "Pakistan"),
    ("cpec authority", "Pakistan"),
    ("national food security", "Pakistan"),
    ("foreign office", "Pakistan"),
    ("division", "Pakistan"),  # "Power Division", "Petroleum Division"
    ("gwadar port authority", "Pakistan"),
]
_TITLE_COUNTRY_KEYS = [
    (" " + " ".join(re.findall(r"[a-z0-9]+", key)) + " ", country) for key, country in TITLE_COUNTRY
]
# A federal secretary is named "Secretary <Ministry>" ("Secretary Communications"); the
# Chinese side's secretaries are party or general secretaries.
_PAKISTANI_SECRETARY = re.compile(
    r"^secretary\b(?![- ]general)(?!.*\b(?:party|cpc|communist|committee)\b)"
)
OTHER_COUNTRY = {"China": "Pakistan", "Pakistan": "China"}

_CITY_WORDS = frozenset(w.lower() for w in [*CITIES, *CITY_ALIASES])
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_HE = re.compile(r"\bH\.\s?E\.\s*")
_PARENTHESIS = re.compile(r"\([^()]{1,40}\)")
# Multi-word place names whose words are also people's names ("Kong" is a surname).
_PAREN_COUNTRY = re.compile(r"\s*\(\s*(China|Pakistan|Chinese|Pakistani)(?:\s+side)?\s*\)", re.I)
_PLACE_PHRASES = re.compile(r"\bHong\s+Kong\b|\bNew\s+York\b|\bSri\s+Lanka\b")


@dataclass
class Person:
    name: str
    title: str
    country: str
    start: int  # of the name, relative to the sentence
    end: int
    # A partial reference to someone named in full elsewhere: a surname after an honorific
    # or a title ("Mr. Sun", "Foreign Secretary Qureshi"), or a title alone ("the Foreign
    # Secretary", then `name` is ""). The article resolves it or drops it.
    partial: bool = False


@dataclass
class Role:
    role: str  # "co_chair" or "delegation_leader"
    person: Person | None  # None: "the two leaders co-chaired" (the delegation leaders)


@lru_cache(maxsize=16384)
def _is_name_word(word: str) -> bool:
    low = word.lower()
    if not word[0].isupper() or low in NOT_NAME_WORDS or low in _CITY_WORDS:
        return False
    if low in TITLE_HEADS or low in TITLE_MODIFIERS or low in TITLE_TOPICS:
        return False
    if _misspelt_head(low):
        return False
    if low in HONORIFICS or low in COUNTRY_WORDS or low.rstrip("'s") in COUNTRY_WORDS:
        return False
    if len(word) > 1 and word.isupper():
        return False  # an acronym: CPEC, NDRC
    if "-" in word and any(part.lower() in COUNTRY_WORDS for part in word.split("-")):
        return False
    if "-" in word and _is_title_word(low):
        return False  # "Vice-Foreign"
    return len(word) > 1


@lru_cache(maxsize=8192)
def _misspelt_head(low: str) -> bool:
    """A long title word one letter off ('secratary', 'ministre'): non-native copy."""
    if len(low) < 7 or not low.isalpha() or low in TITLE_HEADS:
        return False
    return any(
        h[0] == low[0] and abs(len(h) - len(low)) <= 1 and edit_distance(low, h, 2) <= 1
        for h in _LONG_HEADS
    )


@lru_cache(maxsize=16384)
def _is_title_word(low: str) -> bool:
    if "-" in low and low not in TITLE_HEADS and low not in TITLE_TOPICS:
        # "Vice-Foreign Minister", "Deputy-Director": every part a title word
        return all(_is_title_word(part) for part in low.split("-") if part)
    return (
        low in TITLE_HEADS
        or _misspelt_head(low)
        or low in TITLE_MODIFIERS
        or low in TITLE_TOPICS
        or low in TITLE_CONNECTORS
        or low in COUNTRY_WORDS
        or low in HONORIFICS
    )


def find_people(text: str, partial: bool = False) -> list[Person]:
    """Every name (2-4 capitalised words) in `text`, with the title next to it. With
    `partial`, also single surnames after an honorific or a title ("Mr. Sun")."""
    original = text
    text = _HE.sub(lambda m: " " * len(m.group()), text)
    text = _PARENTHESIS.sub(lambda m: " " * len(m.group()), text)
    text = _PLACE_PHRASES.sub(lambda m: " " * len(m.group()), text)
    tokens = list(_TOKEN.finditer(text))
    people: list[Person] = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i].group()) and not _surname_he(text, tokens, i):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and text[tokens[j - 1].end() : tokens[j].start()] == " ":
            word = tokens[j].group()
            if _is_name_word(word):
                j += 1
            elif (
                word in NAME_PARTICLES
                and j + 1 < len(tokens)
                and _is_name_word(tokens[j + 1].group())
            ):
                j += 2
            else:
                break
        size = j - i
        if size == 1 and _JOINED_NAME.fullmatch(tokens[i].group()):
            size = 2  # "Khashih-ur-Rehman", "Zia-ul-Haq": a full name written as one word
        if 2 <= size <= 4 and _organisation_words(text, tokens, i, j):
            i = j
            continue
        if 2 <= size <= 4:
            start, end = tokens[i].start(), tokens[j - 1].end()
            title, country = _title_before(text, tokens, i)
            if not title:
                title, country = _title_after(text, tokens, j)
            said = _PAREN_COUNTRY.match(original, end)  # "Ali Khan (Pakistan)"
            country = country or (COUNTRY_WORDS[said.group(1).lower()] if said else "")
            people.append(Person(text[start:end], title, country, start, end))
        elif size == 1 and partial and i > 0:
            start, end = tokens[i].start(), tokens[i].end()
            prev = tokens[i - 1]
            gap = text[prev.end() : start]
            after_title = prev.group().lower() in TITLE_HEADS and gap == " "
            after_honorific = prev.group().lower() in HONORIFICS and gap.strip() in ("", ".")
            title, country = _title_before(text, tokens, i) if after_title else ("", "")
            if title or after_honorific:
                people.append(Person(text[start:end], title, country, start, end, partial=True))
        i = j
    return people


_JOINED_NAME = re.compile(r"[A-Z][a-z]+-(?:ul|ur|ud|un|us|uz|e|al|ullah)-[A-Z][a-z]+")


def _surname_he(text: str, tokens: list, i: int) -> bool:
    """'Vice Premier He Lifeng': a capitalised 'He' inside a sentence, before a name word,
    is the surname, not the pronoun (which opens sentences and quotations)."""
    if tokens[i].group() != "He" or i == 0 or i + 1 >= len(tokens):
        return False
    before = text[: tokens[i].start()].rstrip()
    after_honorific = tokens[i - 1].group().lower() in HONORIFICS
    if not before or (before[-1] in ".!?:;\"'\u201c\u2018(\n" and not after_honorific):
        return False
    nxt = tokens[i + 1]
    return text[tokens[i].end() : nxt.start()] == " " and _is_name_word(nxt.group())


def _organisation_words(text: str, tokens: list, i: int, j: int) -> bool:
    """'the Comprehensive Transportation Department': capitalised words after 'the' or before
    an organisation word name an organisation, not a person."""
    if (
        i > 0
        and tokens[i - 1].group() == "the"
        and text[tokens[i - 1].end() : tokens[i].start()] == " "
    ):
        return True
    return (
        j < len(tokens)
        and tokens[j].group().lower() in ORG_WORDS
        and text[tokens[j - 1].end() : tokens[j].start()] == " "
    )


_TITLE_REF = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(?=[A-Z])")


def find_title_refs(text: str) -> list[Person]:
    """Titles standing for a person named elsewhere: 'the Foreign Secretary co-chaired ...'.
    A title followed by a name is not one (the name is found by `find_people`)."""
    refs: list[Person] = []
    for m in _TITLE_REF.finditer(text):
        tokens = list(_TOKEN.finditer(text, m.end(), min(len(text), m.end() + 120)))
        k = 0
        while k < len(tokens):
            word = tokens[k].group()
            low = word.lower()
            if not _is_title_word(low) or (low not in TITLE_CONNECTORS and not word[0].isupper()):
                break
            if k and not _gap_ok(text[tokens[k - 1].end() : tokens[k].start()], "", word):
                break
            k += 1
        run = tokens[:k]
        while run and run[-1].group().lower() in TITLE_CONNECTORS:
            run.pop()
        if not run:
            continue
        if k < len(tokens):
            gap = text[run[-1].end() : tokens[k].start()]
            if gap.strip() in ("", ",") and _is_name_word(tokens[k].group()):
                continue  # "the Foreign Secretary, Sohail Iqbal": a titled name
        title, country = _clean_title(text, run)
        if title:
            refs.append(Person("", title, country, run[0].start(), run[-1].end(), partial=True))
    return refs


def _mentions(text: str) -> list[Person]:
    """Names, surnames and bare titles in `text`, in order."""
    found = find_people(text, partial=True)
    if _TITLE_HINT.search(text.lower()):
        found += [
            r
            for r in find_title_refs(text)
            if not any(p.start < r.end and r.start < p.end for p in found)
        ]
    return sorted(found, key=lambda p: p.start)


# Ranks used as an honorific between a title and a name ("Foreign Secretary Ambassador X").
_RANKS = frozenset({"ambassador", "amb"})
ORG_WORDS = frozenset(
    """ministry department division board commission authority administration bureau
    corporation council agency institute""".split()
)
_PAREN_GAP = re.compile(r"\s*\([^)]{1,40}\)\s*")
_COUNTRY_QUALIFIER = re.compile(
    r"\s*\bof\s+the\s+People's\s+Republic\s+of\s+(?P<cn>China)\b"
    r"|\s*\bof\s+the\s+Islamic\s+Republic\s+of\s+(?P<pk>Pakistan)\b"
    r"|\s*\b(?:of|from)\s+(?P<c1>China|Pakistan)\b(?!['-])"
    r"|\b(?P<c2>China's|Pakistan's|Chinese|Pakistani)\s+",
    re.IGNORECASE,
)


def _gap_ok(gap: str, before: str, after: str) -> bool:
    """May a title continue across `gap` between words `before` and `after`?"""
    if (gap.strip() in ("", "'s", "&") and "\n" not in gap) or _PAREN_GAP.fullmatch(gap):
        return True
    if gap.strip() == "." and before.lower() in HONORIFICS and "\n" not in gap:
        return True  # "Federal Minister ... Prof. Ahsan Iqbal": the honorific sits inside
    if gap.strip() == ",":
        if after.isupper() and len(after) > 1 and after.lower() in TITLE_TOPICS:
            return True  # "Director General of the Department of ..., NDRC"
        if before.lower() in TITLE_TOPICS and after.lower() in TITLE_TOPICS:
            return True  # "Minister for Planning, Development and Special Initiatives"
        if after.lower() in ORG_WORDS:
            return True  # "Secretary, Ministry of Information Technology"
        if before.lower() in TITLE_HEADS and after[0].isupper() and after.lower() in TITLE_TOPICS:
            return True  # "Deputy Administrator, National Energy Administration"
    return False


def _org_name_start(text: str, tokens: list, k: int) -> int:
    """'... of the Gwadar Port Authority': where a capitalised organisation name ending in
    tokens[k] (an organisation word) starts, when 'of (the)' comes before it; else k."""
    if k >= len(tokens) or tokens[k].group().lower() not in ORG_WORDS:
        return k
    j = k
    while j > 0 and k - j <= 4:
        prev = tokens[j - 1]
        gap = text[prev.end() : tokens[j].start()]
        if gap != " ":
            # "Gwadar Port Authority Chairman X" after a comma or a sentence start
            return j if gap.strip() in (",", ":", ";", "-", '"') and j < k else k
        if prev.group().lower() in ("of", "the"):
            return j
        if not prev.group()[0].isupper():
            return j if j < k else k
        j -= 1
    return j if j == 0 and j < k else k


def _bridge_to_head(text: str, tokens: list, k: int) -> int:
    """'Director General of the Department of Regional Opening-up at China's NDRC X': where a
    title resumes left of a word the title words do not cover ('at', 'Opening-up', 'Rural'),
    when a title head lies a few capitalised words further left; else k. Two capitalised
    non-title words in a row are a person's name, which a title never spans."""
    j = k
    plain = 0
    while j > 0 and k - j < 12:
        prev = tokens[j - 1]
        gap = text[prev.end() : tokens[j].start()]
        after = tokens[j].group()
        acronym = j == k and after.isupper() and len(after) > 1 and after.lower() in TITLE_TOPICS
        if acronym and gap == ", ":
            pass  # "Director General of the Department of Regional Opening-up, NDRC, X"
        elif gap.strip() not in ("", "'s") or "\n" in gap:  # blanks: a parenthesis removed
            return k
        word = prev.group()
        low = word.lower()
        if low in TITLE_HEADS or _misspelt_head(low):
            # "Secretary Iqbal and ...": a head followed by a name is a person, not a title
            after = tokens[j].group().lower()
            return j - 1 if _is_title_word(after) or after == "at" else k
        if _is_title_word(low):
            plain = 0
        elif word[0].isupper() or low == "at":
            plain = plain + 1 if _is_name_word(word) else 0
            if plain >= 2:
                return k
        else:
            return k
        j -= 1
    return k


def _title_before(text: str, tokens: list, i: int) -> tuple[str, str]:
    k = i
    while k > 0:
        prev = tokens[k - 1]
        gap = text[prev.end() : tokens[k].start()]
        low = prev.group().lower()
        if not _is_title_word(low):
            start = _org_name_start(text, tokens, k) if k < i else k
            if start == k and k < i and (low == "at" or prev.group()[0].isupper()):
                start = _bridge_to_head(text, tokens, k)
            if start == k:
                break
            k = start
            continue
        # "Foreign Secretary, Sohail Iqbal", "Additional Secretary ..., Mr. Imran Khan"
        first_step = (
            (k == i or (k == i - 1 and tokens[k].group().lower() in HONORIFICS))
            and gap.strip() == ","
            and "\n" not in gap
            and (low in TITLE_HEADS or low in TITLE_TOPICS)
        )
        if not first_step and not _gap_ok(gap, prev.group(), tokens[k].group()):
            break
        k -= 1
    # "Foreign Secretary Ambassador X": the rank between a title and the name is an honorific
    if i - k >= 2 and tokens[i - 1].group().lower() in _RANKS:
        if any(_is_head(t.group().lower()) for t in tokens[k : i - 1]):
            i -= 1
    # "... of Pakistan and Vice Minister Chen Lin": the title starts after the "and" that
    # closes the previous person's words
    # ("Mr. X, Director General of NDRC and Ms. Y": X's title after the name ends there too)
    after_name = (
        k > 0
        and text[tokens[k - 1].end() : tokens[k].start()].strip() == ","
        and _is_name_word(tokens[k - 1].group())
    )
    for j in range(i - 1, k - 1, -1):
        if tokens[j].group().lower() in ("and", "&") and (
            after_name or not any(_is_head(t.group().lower()) for t in tokens[k:j])
        ):
            k = j + 1
            break
    return _clean_title(text, tokens[k:i])


def _title_after(text: str, tokens: list, j: int) -> tuple[str, str]:
    """'..., Pakistan's Foreign Secretary', '..., a director general at China's NDRC'."""
    if j >= len(tokens):
        return "", ""
    gap = text[tokens[j - 1].end() : tokens[j].start()]
    k = j
    if gap in (" ", ", ") and tokens[j].group() == "who" and j + 2 < len(tokens):
        # "X who is secretary of food security ministry"
        if tokens[j + 1].group() == "is" and text[tokens[j].end() : tokens[j + 1].start()] == " ":
            k, gap = j + 2, ", "
    if gap not in (", ", " - "):
        return "", ""
    if tokens[k].group().lower() in ("a", "an", "the") and k + 1 < len(tokens):
        k += 1
    first = k
    lead = tokens[k].group().lower()
    if lead in COUNTRY_WORDS and k + 1 < len(tokens):
        lead = tokens[k + 1].group().lower()
    if lead not in TITLE_HEADS and lead not in TITLE_MODIFIERS:
        return "", ""
    while k < len(tokens):
        word = tokens[k].group()
        low = word.lower()
        if low in ("and", "&") and k + 1 < len(tokens):
            if tokens[k + 1].group().lower() in COUNTRY_WORDS:
                break  # "... ministry and chinese side by ...": the next person's side
            if _name_follows(text, tokens, k + 1):
                break  # "X, Director General of NDRC and Ms. Y Z, ...": the next person
        if not (_is_title_word(low) or low == "at" or word[0].isupper()):
            if not _lower_case_topic(tokens, k, first):
                break
        if k > first and not _gap_ok(
            text[tokens[k - 1].end() : tokens[k].start()], tokens[k - 1].group(), word
        ):
            break
        k += 1
    return _clean_title(text, tokens[first:k])


def _name_follows(text: str, tokens: list, k: int) -> bool:
    """Does a person's name (maybe after an honorific) start at tokens[k]? Two name words in
    a row, which no title has."""
    if k < len(tokens) and tokens[k].group().lower() in HONORIFICS:
        k += 1
    if k + 1 >= len(tokens):
        return False
    first, second = tokens[k], tokens[k + 1]
    return (
        _is_name_word(first.group())
        and _is_name_word(second.group())
        and text[first.end() : second.start()] == " "
    )


def _lower_case_topic(tokens: list, k: int, first: int) -> bool:
    """'vice-minister of natural resources': a word of a title's topic written in lower case,
    after 'of'/'for' and before a title word within two words."""
    if k == first or tokens[k - 1].group().lower() not in ("of", "for", "and"):
        return False
    if not tokens[k].group().islower():
        return False
    ahead = [t.group().lower() for t in tokens[k + 1 : k + 3]]
    return any(w in TITLE_TOPICS or w in ORG_WORDS for w in ahead)


def _clean_title(text: str, run: list) -> tuple[str, str]:
    """Title text without country qualifiers ("of China", "Pakistan's"), and its country."""
    while run and run[0].group().lower() in (TITLE_CONNECTORS | HONORIFICS | {"at", "a", "an"}):
        run = run[1:]
    while run and run[-1].group().lower() in (TITLE_CONNECTORS | HONORIFICS | {"at"}):
        run = run[:-1]
    if not run:
        return "", ""
    words = [t.group().lower() for t in run]
    if not any(w in TITLE_HEADS or _misspelt_head(w) for w in words):
        return "", ""
    raw = text[run[0].start() : run[-1].end()]
    country = ""
    for m in _COUNTRY_QUALIFIER.finditer(raw):
        word = next(g for g in m.groups() if g).lower()
        country = country or COUNTRY_WORDS.get(word, "")
    if raw.lower().rstrip().endswith(("china", "pakistan")) and not country:
        last = raw.split()[-1].lower()
        if not re.search(r"\bto\s+\S+$", raw.lower()):
            country = COUNTRY_WORDS.get(last, "")
            raw = raw[: raw.lower().rfind(last)]
    title = _COUNTRY_QUALIFIER.sub(lambda m: " " if m.group("c2") else "", raw)
    title = re.sub(r"\s+", " ", title).strip(" ,-")
    title = re.sub(r"\s+(?:of|for|the|at|and)$", "", title)
    if not title or not any(_is_head(w.lower()) for w in re.findall(r"[\w'-]+", title)):
        return "", ""
    title = title[0].upper() + title[1:]
    if not country:
        m = re.search(r"\bto\s+(China|Pakistan)\b", title, re.IGNORECASE)
        if m:
            country = OTHER_COUNTRY[COUNTRY_WORDS[m.group(1).lower()]]
    return title, country


def _is_head(low: str) -> bool:
    return low in TITLE_HEADS or _misspelt_head(low)


def typical_country(title: str) -> str:
    """The country a title belongs to when only one side uses it; words compared whole."""
    if not title:
        return ""
    low = " " + " ".join(re.findall(r"[a-z0-9]+", title.lower())) + " "
    for key, country in _TITLE_COUNTRY_KEYS:
        if key in low:
            return country
    if _PAKISTANI_SECRETARY.match(low.strip()):
        return "Pakistan"
    return ""


# --- roles -------------------------------------------------------------------------------

_REPORTED = r"(?:told|said|says|stated|added|informed|briefed)"
# Titles of people who report or host a meeting, never its chairs or leaders.
_NOT_LEADER_HEADS = frozenset({"spokesperson", "spokesman", "spokeswoman", "speaker"})

# Between "co-chaired" and its "by": no relative clause ("co-chaired the meeting, which was
# attended by ..." names who attended, not who chaired).
_TO_BY = r"(?:(?!\b(?:which|who|where|attended|and|while)\b)[^.;]){0,60}?\bby"
_CO_CHAIRED_BY = re.compile(
    rf"\b(?:co-?\s?chaired|chaired|presided\s+over)\b{_TO_BY}\s+|"
    r"\b(?:co-?\s?)?chair(?:man|person)ship\s+of\s+",
    re.IGNORECASE,
)
_CO_CHAIRED = re.compile(
    rf"\b(?:jointly\s+chair(?:ed|s|ing)?|(?:jointly\s+)?co-?\s?chair(?:ed|s|ing)?)\b(?!{_TO_BY}\b)",
    re.IGNORECASE,
)
_CO_CHAIRED_WITH = re.compile(
    r"\bco-?\s?chair(?:ed|s|ing)?\b[^.;]{0,120}?\b(?:with|alongside)\s+"
    r"(?!the\s+(?:participation|support|help|presence|assistance)\b)",
    re.IGNORECASE,
)
_NAMELESS_PAIR = re.compile(r"\b(?:two|both)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r",\s+(?:which|where|while|whereas|during|after|before|and\s+the|said|it\s+was)\b|;"
    r"|\s+while\s+|\s+whereas\s+"
    # the sentence goes on about the meeting ("..., was addressed by") or says who reported it
    r"|,\s+(?:was|were|is|are|has|had|have)\b|,\s+(?:[\w'-]+\s+){0,6}?" + _REPORTED + r"\b"
    # who else attended: "... and attended by X", "with the participation of X"
    r"|,?\s+(?:and\s+)?(?:was\s+|were\s+)?(?:also\s+)?(?:attended|joined)\s+by\b"
    r"|\s+with\s+the\s+participation\s+of\b"
    r"|,\s+the\s+(?:meeting|session|talks|round|consultations|dialogue|group|committee)\b",
    re.IGNORECASE,
)
# "X, accompanied by Y, co-chaired ...": Y came along, Y did not chair.
_ASIDE = re.compile(
    r",\s*(?:accompanied|assisted|flanked|joined|supported)\s+by\s+[^,;]{1,80},", re.IGNORECASE
)


def _without_asides(text: str) -> str:
    return _ASIDE.sub(lambda m: " " * len(m.group()), text) if "by" in text else text


_SIDE = r"(?P<side>(?i:pakistan(?:i)?|china|chinese)|[A-Z][a-z]+)"
_SIDE_WORDS = re.compile(
    r"\b(Pakistan|Pakistani|China|Chinese)\s+(?:side|delegation)\b", re.IGNORECASE
)
_LED_THE_SIDE = re.compile(
    rf"\b(?:led|headed|leads|heads|leading|heading|lead|head)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?"
    rf"(?:{_SIDE}(?:'s)?\s+)?(?:high[-\s]level\s+|\d+-member\s+)?(?:delegation|side|team)\b",
)
_SIDE_LED_BY = re.compile(
    rf"\b{_SIDE}(?:'s)?\s+(?:high[-\s]level\s+)?(?:delegation|side|team)"
    r"(?:(?:,[^.;,]{1,60},|\s+(?:at|to|for|in|comprising|comprised\s+of|consisting\s+of|"
    r"including)\s+[^.;,]{1,60}?){0,2}\s+(?:was|were|is))?,?\s+"
    r"(?:(?:led|lead|headed|represented)\s+)?by\s+",
)
# "the spokesperson said that A and B co-chaired": who spoke is before the cut
_CLAUSE_CUT = re.compile(r";|\bwhile\b|\bwhereas\b|\b" + _REPORTED + r"\b(?:\s+that\b)?")
# "X and Y led their respective delegations", "the two officials led their countries' sides"
_LED_THEIR = re.compile(
    r"\b(?:led|headed|leading|heading)\s+(?:their|the)\s+(?:two\s+)?"
    r"(?:respective\s+|countries'\s+|country's\s+|sides'\s+|own\s+)*(?:delegations|sides|teams)\b",
    re.IGNORECASE,
)
_DELEGATION_FROM_LED_BY = re.compile(
    r"\b(?:delegation|side|team)\s+(?:from|of)\s+(?P<side>Pakistan|China)\s*,?\s+"
    r"(?:(?:was|were)\s+)?(?:led|headed)\s+by\s+",
)
_DELEGATION_LED_BY = re.compile(r"\bdelegation,?\s+(?:was\s+)?(?:led|headed)\s+by\s+")
# "The two sides were led by X and Y respectively": both leaders after one "by".
_SIDES_LED_BY = re.compile(
    r"\b(?:two|both|respective)\s+(?:sides|delegations|teams)\s+(?:were\s+)?"
    r"(?:led|headed|represented)\s+by\s+",
    re.IGNORECASE,
)
# "Pakistan was represented by X": a country standing for its side.
_COUNTRY_REPRESENTED_BY = re.compile(
    r"\b(?P<side>Pakistan|China)\s+(?:was|is|were|will\s+be)\s+represented\s+by\s+"
)
# "X presided over the JCC meeting from Pakistan's side, while Y chaired on behalf of the
# Chinese government": each side's chair, the subject before the verb.
_CHAIRED_FOR_SIDE = re.compile(
    r"\b(?:presided(?:\s+over)?|chaired)\b(?=(?:\s+(?:the|this)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|session|JCC|JWG|talks))?\s*,?\s*(?:from|for|on\s+behalf\s+of)\s+(?:the\s+)?"
    r"(?P<side>Pakistan|China|Chinese|Pakistani)(?:'s)?(?:\s+(?:side|government|delegation))?\b)",
    re.IGNORECASE,
)
# "From Pakistan side, X and from Chinese side Y signed the minutes": one signatory a side.
_SIGNED_MINUTES = re.compile(r"\bsigned\s+the\s+(?:agreed\s+)?minutes\b", re.IGNORECASE)
_MINUTES_SIGNED_BY = re.compile(
    r"\bminutes\s+(?:of\s+the\s+meeting\s+)?(?:were|was)\s+(?:also\s+)?signed\s+by\s+",
    re.IGNORECASE,
)
# "X will represent Pakistan at the 14th meeting": the country's leader at a coming meeting.
_WILL_REPRESENT = re.compile(
    r"\b(?:will|would|is\s+to|to)\s+represent\s+(?P<side>Pakistan|China)\b(?=\s+at\b)"
)
# "The co-chairs, X and Y, signed the minutes": the names follow the noun.
_THE_CO_CHAIRS = re.compile(r"\bco-?\s?chairs\s*(?:,|:|\(|-+|were|are)\s*", re.IGNORECASE)
# "X, head of the Chinese delegation, ..." / "Head of the Pakistani delegation X ..."
_HEAD_OF = re.compile(rf"\b(?i:head)\s+of\s+(?:the\s+)?{_SIDE}(?:'s)?\s+(?:delegation|side|team)\b")
_APPOSITION_GAP = re.compile(r"\s*,\s*(?:the\s+|a\s+)?", re.IGNORECASE)
# "Led by X, the Chinese delegation ...": the phrase opens the sentence, the side follows.
_LED_BY_OPENING = re.compile(r"^\W*(?:Led|Headed)\s+by\s+")


def _named(people: list[Person]) -> list[Person]:
    """The people named in full, when any is ("Mr. X, the Vice Chairman of NDRC, chaired":
    the title in apposition is X)."""
    full = [p for p in people if p.name and not p.partial]
    return full or people


def _side_country(side: str | None) -> str:
    if not side:
        return ""
    return COUNTRY_WORDS.get(side.lower(), "")


def _with_country(person: Person, country: str) -> Person:
    if not person.country and country:
        person.country = country
    return person


def _shift(people: list[Person], offset: int) -> list[Person]:
    for p in people:
        p.start += offset
        p.end += offset
    return people


def _side_of(section: str, person: Person, previous_end: int) -> str:
    """'from Pakistan side by X' / 'X from Chinese side': the side named next to a person."""
    after = re.match(
        r"\s*,?\s*(?:from|of|on)\s+(?:the\s+)?(Pakistan|Pakistani|China|Chinese)\s+side",
        section[person.end :],
        re.IGNORECASE,
    )
    if after:
        return _side_country(after.group(1))
    before = list(_SIDE_WORDS.finditer(section, previous_end, person.start))
    return _side_country(before[-1].group(1)) if before else ""


_ROLE_HINT = re.compile(r"chair|presid|led\b|lead|head|represent|minutes")
_TITLE_HINT = re.compile(r"\b" + trie_alternation(TITLE_HEADS) + r"\b")


# Two capitalised words in a row (maybe with a particle between): find_people() finds no full
# name in a text without them.
_TWO_CAPITALS = re.compile(
    r"[A-Z][A-Za-z'-]* (?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r")[^A-Za-z]+)?[A-Z]"
)


def may_name_person(text: str) -> bool:
    """Cheap test: could find_people(text) (full names) find anyone?"""
    return _TWO_CAPITALS.search(text) is not None


def has_title(text: str) -> bool:
    """Cheap test: could `text` name a person with a title?"""
    return bool(_TITLE_HINT.search(text.lower()))


def find_roles(sentence: str) -> list[Role]:
    """Co-chairs and delegation leaders named in one sentence. A role with `person=None`
    says "the two (delegation leaders) co-chaired" without naming them."""
    roles: list[Role] = []
    low = sentence.lower()
    if not _ROLE_HINT.search(low):
        return roles
    seen: set[str] = set()
    # Words each pattern below cannot match without, tested first (in any case, through
    # Unicode case folding, non-ASCII text may match the case-insensitive ones: not skipped).
    folded = not sentence.isascii()
    chair = "chair" in low or "presid" in low or folded
    team = "delegation" in sentence or "side" in sentence or "team" in sentence
    led = "led" in sentence or "head" in sentence or "lead" in sentence
    by = team and "by" in sentence
    their = folded or (
        ("led" in low or "head" in low or "lead" in low)
        and ("delegations" in low or "sides" in low or "teams" in low)
    )

    def add(role: str, person: Person) -> None:
        key = person.name or person.title.lower()
        if _NOT_LEADER_HEADS.intersection(person.title.lower().split()):
            return
        if key not in seen:
            seen.add(key)
            roles.append(Role(role, person))

    for m in _CO_CHAIRED_BY.finditer(sentence) if chair else ():
        rest = sentence[m.end() :]
        cut = _CLAUSE_END.search(rest)
        section = rest[: cut.start()] if cut else rest
        previous_end = 0
        for person in _mentions(section)[:4]:
            country = _side_of(section, person, previous_end)
            previous_end = person.end
            add("co_chair", _with_country(_shift([person], m.end())[0], country))
    for m in _CO_CHAIRED.finditer(sentence) if chair else ():
        before = sentence[: m.start()]
        cut = max((c.end() for c in _CLAUSE_CUT.finditer(before)), default=0)
        people = _shift(_mentions(_without_asides(before[cut:])), cut)
        for person in people[-4:]:
            add("co_chair", person)
        if not people and _NAMELESS_PAIR.search(before[cut:]):
            roles.append(Role("co_chair", None))
    for m in _CO_CHAIRED_WITH.finditer(sentence) if chair else ():
        people = _shift(_mentions(sentence[m.end() :]), m.end())
        if people:
            add("co_chair", people[0])
    prev_end = 0
    for m in _LED_THE_SIDE.finditer(sentence) if led and team else ():
        section = sentence[prev_end : m.start()]
        people = _shift(_mentions(section), prev_end)
        if people:
            add("delegation_leader", _with_country(people[-1], _side_country(m.group("side"))))
        prev_end = m.end()
    for m in _LED_THEIR.finditer(sentence) if their else ():
        cut = max((c.end() for c in _CLAUSE_CUT.finditer(sentence, 0, m.start())), default=0)
        people = _shift(_mentions(sentence[cut : m.start()]), cut)
        for person in people[-2:]:
            add("delegation_leader", person)
        if not people and _NAMELESS_PAIR.search(sentence[cut : m.start()]):
            roles.append(Role("delegation_leader", None))
    for pattern in (_SIDE_LED_BY, _DELEGATION_FROM_LED_BY, _DELEGATION_LED_BY) if by else ():
        for m in pattern.finditer(sentence):
            people = _shift(_mentions(sentence[m.end() :]), m.end())
            if people:
                side = m.groupdict().get("side")
                add("delegation_leader", _with_country(people[0], _side_country(side)))
    for m in _SIDES_LED_BY.finditer(sentence) if by else ():
        rest = sentence[m.end() :]
        cut = _CLAUSE_END.search(rest)
        for person in _shift(_mentions(rest[: cut.start()] if cut else rest), m.end())[:2]:
            add("delegation_leader", person)
    for m in _COUNTRY_REPRESENTED_BY.finditer(sentence) if "represented" in sentence else ():
        people = _shift(_mentions(sentence[m.end() :]), m.end())
        if people:
            add("delegation_leader", _with_country(people[0], _side_country(m.group("side"))))
    for m in _CHAIRED_FOR_SIDE.finditer(sentence) if chair else ():
        before = sentence[: m.start()]
        cut = max((c.end() for c in _CLAUSE_CUT.finditer(before)), default=0)
        people = _named(_shift(_mentions(_without_asides(before[cut:])), cut))
        if people:
            add("co_chair", _with_country(people[-1], _side_country(m.group("side"))))
    for m in _WILL_REPRESENT.finditer(sentence) if "represent" in sentence else ():
        before = sentence[: m.start()]
        people = [p for p in _mentions(before) if not before[p.end :].strip(" ,").count(" ") > 3]
        if people:
            add("delegation_leader", _with_country(people[-1], _side_country(m.group("side"))))
    for m in _THE_CO_CHAIRS.finditer(sentence) if chair else ():
        rest = sentence[m.end() :]
        cut = _CLAUSE_END.search(rest)
        for person in _shift(_mentions(rest[: cut.start()] if cut else rest), m.end())[:2]:
            add("co_chair", person)
    for m in _HEAD_OF.finditer(sentence) if team and "ead" in sentence else ():
        country = _side_country(m.group("side"))
        before = [
            p
            for p in _mentions(sentence[: m.start()])
            if _APPOSITION_GAP.fullmatch(sentence[p.end : m.start()])
        ]
        after = _shift(_mentions(sentence[m.end() :]), m.end())
        if before:
            add("delegation_leader", _with_country(before[-1], country))
        elif after and all(
            _is_title_word(w.lower()) for w in _TOKEN.findall(sentence[m.end() : after[0].start])
        ):
            add("delegation_leader", _with_country(after[0], country))
    m = _LED_BY_OPENING.match(sentence) if team else None
    people = _shift(_mentions(sentence[m.end() :]), m.end()) if m else []
    if people:
        side = _SIDE_WORDS.search(sentence, people[0].end)
        add("delegation_leader", _with_country(people[0], _side_country(side and side.group(1))))
    # last: who signed the minutes leads a side only when no other role is theirs
    if "minutes" in low:
        for m in _SIGNED_MINUTES.finditer(sentence):
            before = sentence[: m.start()]
            cut = max((c.end() for c in _CLAUSE_CUT.finditer(before)), default=0)
            section = before[cut:]
            previous_end = 0
            for person in _named(_mentions(section))[-2:]:
                country = _side_of(section, person, previous_end)
                previous_end = person.end
                add("delegation_leader", _with_country(_shift([person], cut)[0], country))
        for m in _MINUTES_SIGNED_BY.finditer(sentence):
            rest = sentence[m.end() :]
            cut = _CLAUSE_END.search(rest)
            for person in _shift(_mentions(rest[: cut.start()] if cut else rest), m.end())[:2]:
                add("delegation_leader", person)
    return roles


def same_person(a: str, b: str) -> bool:
    """Are two names one person written two ways? The same words in another order ("Weidong
    Sun"), a middle name dropped ("Asad Khan"), or one word misspelt by a letter ("Li
    Shaobin" for "Liu Shaobin"); two-letter words differing ("Wang Yi", "Wang Yu") are two
    people."""
    if a == b:
        return True
    x, y = a.casefold().split(), b.casefold().split()
    if sorted(x) == sorted(y):
        return True
    if len(x) != len(y):
        short, long = sorted((x, y), key=len)
        return (
            len(short) >= 2
            and short[0] == long[0]
            and short[-1] == long[-1]
            and all(w in long for w in short)
        )
    differ = [(u, v) for u, v in zip(x, y, strict=True) if u != v]
    if len(differ) != 1 or len(x) < 2:
        return False
    u, v = differ[0]
    return max(len(u), len(v)) >= 3 and edit_distance(u, v, 2) <= 1


# "Foreign Secretary X and Vice Foreign Minister Y held talks via video link": the two people
# a bilateral meeting brought together, named as the sentence's subject.
_PRINCIPALS_VERB = re.compile(
    r"\s+(?:(?:also|jointly|virtually|formally)\s+)?(?:held\s+(?:the\s+|their\s+)?(?:talks|"
    r"consultations|dialogue|discussions|meeting|session|round)|interacted|conferred|"
    r"exchanged\s+views|led\s+the\s+(?:talks|consultations|dialogue|discussions))\b"
)


def find_principals(sentence: str) -> list[Person]:
    """Two people, of different or unknown countries, who together held the talks: 'A and B
    held the consultations'. Only the sentence's subject counts."""
    if " and " not in sentence or not may_name_person(sentence):
        return []
    verb = _PRINCIPALS_VERB.search(sentence)
    if verb is None:
        return []
    subject = sentence[: verb.start()]
    people = [p for p in find_people(subject) if p.title or p.country]
    if len(people) != 2 or " and " not in subject[people[0].end : people[1].start + 1]:
        return []
    a, b = (p.country or typical_country(p.title) for p in people)
    if a and a == b:
        return []
    # nothing but titles, countries and the names themselves before the verb
    rest = subject
    for p in reversed(people):
        rest = rest[: p.start] + rest[p.end :]
    words = [w.lower() for w in _TOKEN.findall(rest)]
    if any(not _is_title_word(w) and w not in ("and", "s") for w in words):
        return []
    return people
