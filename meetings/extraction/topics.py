"""Focus areas, corridors and agreed statements.

Focus areas are matched from the vocabulary's synonyms, but only in sentences
about what the sides agreed, focused on or cooperate in; corridors when the
text names a CPEC 2.0 corridor; agreements when the sides agreed, reaffirmed,
underscored or reviewed something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .ordinals import edit_distance
from .text import any_of, trie_alternation

# A sentence is about the meeting's substance when it has one of these.
# (Nouns count only when they introduce what was agreed: "agreement on", "decision to".)
_CUES = (
    r"agree[ds]?\b|agreeing|consensus|reaffirm\w*|reiterat\w*|underscor\w*|underlin\w*|"
    r"emphasi[sz]\w*|stress(?:ed|ing)|focus\w*|priorit\w*|discuss\w*|review\w*|resolve[ds]?|"
    r"decided|pledg\w*|vow\w*|explor\w*|identified|"
    r"(?:agreements?|decisions?)\s+(?:on|to|that|regarding|was|were|has|had|reached)\b|"
    r"(?:mous?|memorand(?:um|a)(?:\s+of\s+understanding)?)\s+(?:on|in|for|regarding)\b|"
    r"reached\s+(?:an\s+)?agreement|understandings?\s+(?:on|regarding|that)\b|"
    r"(?:cooperation|collaboration|partnerships?|cooperate|collaborate|exchanges?|projects?)"
    r"\s+(?:in|on|across|within|regarding|for|including)\b|"
    r"(?:will|would|shall)\s+(?:include|cover|encompass)\b|"
    r"(?:areas?|domains?)\s*(?:such\s+as|of|including|like|namely|:)(?!\w)"
)
FOCUS_CUES = re.compile(rf"\b(?:{_CUES})")
# One side's wish, not something the sides agreed: "the Chinese side showed interest in ...".
ONE_SIDE_WISH = re.compile(
    r"\b(?:showed|shown|expressed|evinced)\s+(?:(?:a|keen|great|its|their|strong)\s+)*interest\b|"
    r"\b(?:sought|requested|urged|proposed|hoped|wished|asked)\b|"
    # one side informing the other: "the Pakistani side briefed ... on security"
    r"\b(?:briefed|gave\s+(?:a\s+)?briefing|give\s+(?:a\s+)?briefing|apprised|informed)\b",
    re.IGNORECASE,
)
# One person's words: "He said that ...", "Speaking on the occasion, the minister said ...".
ONE_SPEAKER = re.compile(
    r"^[\"']?\s*(?:Speaking\s+(?:on\s+the\s+occasion|at\s+the\s+\w+)\b[^.;]{0,120}?\b(?:said|added)\b|"
    r"(?:He|She)\s+(?:also\s+|further\s+)?(?:said|added)\b)"
)
ONE_SIDE_STRESS = re.compile(
    r"\b(?:chinese|pakistani|china's|pakistan's)\s+side\s+(?:also\s+|further\s+)?(?:stressed|"
    r"emphasi[sz]ed|underlined|underscored|highlighted|said|called\s+for|urged|suggested)\b"
)
_FORUM_DECIDED = re.compile(
    r"\b(?:meeting|session|jwg|jcc|group|committee|forum)\s+(?:\w+\s+)?(?:agreed|decided|resolved|"
    r"approved)\b"
)
BOTH_SIDES = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|countries|delegations|parties)\b|\bagree", re.I
)
# (A sector word alone, "the energy sector", "the power sector's debt", states no agreement:
# reports name sectors in background and complaints far more than in what was agreed.)
_ANY_CUE = FOCUS_CUES
# Another decision-making forum is the sentence's subject: what it approved is not the
# meeting's ("the federal cabinet had approved the framework agreement on ...").
OTHER_FORUM = re.compile(
    r"\b(?:federal\s+)?cabinet\b|\bparliament\b|\bNational\s+Assembly\b|\bSenate\b|"
    r"\bECNEC\b|\bECC\b|\bcourt\b",
)
# Words that name a kind of sector after the specific one: "IT industry", "power industry".
GENERIC_HEADS = frozenset({"industry", "industries"})
# An item of a list ("- early completion of ML-1;", "2) mining", "(iii) tourism").
LIST_ITEM = re.compile(
    r"^\s*(?:[-\u2013\u2022*\u25aa\u25e6\u2023]|\(?\d{1,2}[.)]|\(?[ivx]{1,4}\))\s+"
)


def introduces_list(sentence: str) -> bool:
    """'The two sides agreed on the following:': the items that follow are what was agreed."""
    text = sentence.rstrip()
    return text.endswith(":") and AGREED.search(text.lower()) is not None


# A sentence that carries on from the one before ("Its construction will ...").
CONTINUATION = re.compile(r"^[\"']?\s*(?:Its|It|They|This|These|Their|Such|In\s+this\s+regard)\b")

AGREEMENT_SUBJECT = (
    r"(?:(?:the|both)\s+(?:two\s+)?(?:sides|countries|parties|delegations|nations|governments|"
    r"co-chairs|leaders|ministers)|they|the\s+(?:meeting|session|JWG|JCC|committee|forum|"
    r"participants|talks|consultations)|(?:Pakistan|China)\s+and\s+(?:Pakistan|China)|"
    r"it\s+was|we)"
)
# verb -> kind
AGREEMENT_VERBS = {
    "agreed": "agreed",
    "agree": "agreed",
    "decided": "agreed",
    "resolved": "agreed",
    "expressed the resolve": "agreed",
    "expressed their resolve": "agreed",
    "expressed the determination": "agreed",
    "vowed": "agreed",
    "pledged": "agreed",
    "reached consensus": "agreed",
    "reached a consensus": "agreed",
    "reaffirmed": "reaffirmed",
    "reiterated": "reaffirmed",
    "renewed": "reaffirmed",
    "underscored": "underscored",
    "underlined": "underscored",
    "emphasised": "underscored",
    "emphasized": "underscored",
    "stressed": "underscored",
    "highlighted": "underscored",
    "reviewed": "reviewed",
}
_VERB = "|".join(
    re.escape(v).replace(r"\ ", r"\s+") for v in sorted(AGREEMENT_VERBS, key=len)[::-1]
)
AGREEMENT = re.compile(
    rf"\b{AGREEMENT_SUBJECT}\b(?:[^.;]{{0,120}}?)\b(?P<verb>{_VERB})\b", re.IGNORECASE
)
_ATTRIBUTION = re.compile(
    r"[,.]?\s*[\"']\s*,?\s*(?:it|he|she|they|the\s+\w+(?:\s+\w+)?)\s+"
    r"(?:was\s+further\s+added|was\s+added|added|said|stated|noted|read)\b.*$",
    re.IGNORECASE,
)

CORRIDOR_WORD = re.compile(r"\bcorridors?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    slug: str
    start: int
    end: int


def _is_case_sensitive(synonym: str) -> bool:
    upper = sum(c.isupper() for c in synonym)
    return upper >= 2 and len(synonym) <= 6


@lru_cache(maxsize=32)
def _matchers(focus_areas: tuple[tuple[str, tuple[str, ...]], ...]):
    """Two regexes (case-insensitive, case-sensitive) and a synonym -> slug table."""
    table: dict[str, str] = {}
    exact: dict[str, str] = {}
    for slug, synonyms in focus_areas:
        for syn in synonyms:
            syn = " ".join(syn.replace("\u2019", "'").split())
            if not syn:
                continue
            if _is_case_sensitive(syn):
                exact.setdefault(syn, slug)
            else:
                table.setdefault(syn.lower(), slug)

    def build(words, flags):
        if not words:
            return None
        trie = trie_alternation(words, space=r"[\s,]+", guard="[A-Za-z0-9]")
        if trie is not None:  # the same matches, found faster
            return re.compile(trie + r"(?![A-Za-z0-9])", flags)
        parts = [re.escape(w).replace(r"\ ", r"[\s,]+") for w in sorted(words, key=len)[::-1]]
        return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(parts) + r")(?![A-Za-z0-9])", flags)

    singles: dict[str, tuple[tuple[str, str], ...]] = {}
    for syn, slug in table.items():
        if len(syn) >= 8 and syn.isalpha():
            singles[syn[:3]] = (*singles.get(syn[:3], ()), (syn, slug))
    return build(table, 0), build(exact, 0), table, exact, singles


def _key(vocabulary) -> tuple:
    return tuple((slug, tuple(syns)) for slug, syns in vocabulary.focus_areas.items())


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'-]*)( +)$")
_WORD_OF_BEFORE = re.compile(r"([A-Za-z][\w'-]*) +(?:of|for|on) +$")
_WORD_AFTER = re.compile(r" +([A-Za-z][\w'-]*)")


def _proper_noun(sentence: str, start: int, end: int) -> bool:
    """Is a capitalised match part of a name ("Security Council", "Ministry of Energy")?"""
    if not sentence[start].isupper():
        return False
    before = sentence[:start]
    after = sentence[end:]
    prev = _WORD_BEFORE.search(before)
    if prev and prev.group(1)[0].isupper() and before.strip() != prev.group(1):
        return True
    prev2 = _WORD_OF_BEFORE.search(before)
    if prev2 and prev2.group(1)[0].isupper():
        return True
    nxt = _WORD_AFTER.match(after)
    if nxt and nxt.group(1)[0].isupper() and nxt.group(1).lower() not in ("and",):
        return True
    return False


def matchers_for(vocabulary) -> tuple:
    """The compiled matchers for a vocabulary (pass them on to skip the lookup)."""
    return _matchers(_key(vocabulary))


def match_focus_areas(
    sentence: str, vocabulary, masked: list[tuple[int, int]] = (), matchers=None
) -> list[Match]:
    """Focus areas named in `sentence` (whatever the sentence is about)."""
    loose, exact, table, exact_table, singles = matchers or _matchers(_key(vocabulary))
    found: list[Match] = []
    low = sentence.lower()
    if len(low) != len(sentence):  # a character whose lower case is longer: keep offsets
        low = sentence
    for regex, lookup, lower in ((exact, exact_table, False), (loose, table, True)):
        if regex is None:
            continue
        for m in regex.finditer(low if lower else sentence):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in masked) or any(
                f.start < b and a < f.end for f in found
            ):
                continue
            key = " ".join(m.group().replace(",", " ").split())
            slug = lookup.get(key.lower() if lower else key)
            if slug is None:
                slug = _lookup_loose(key, lookup, lower)
            if slug is None:
                continue
            if lower and _proper_noun(sentence, a, b) and not _head_of_name(sentence, a, b):
                continue
            found.append(Match(slug, a, b))
    if singles:
        found += _misspelt(sentence, table, singles, found, masked)
    found.sort(key=lambda f: f.start)
    return _without_generic_heads(sentence, found)


def _head_of_name(sentence: str, start: int, end: int) -> bool:
    """Is a capitalised match the last word of a name with no 'of' ("Karakoram Highway",
    "Gwadar Port"): the thing named is of that kind, unlike "Ministry of Energy" or "Energy
    Administration"."""
    if _NEXT_CAPITAL.match(sentence, end):
        return False
    before = _CAPITALS_BEFORE.search(sentence[max(0, start - 80) : start])
    if not before:
        return False
    words = before.group(1).split()
    if any(w.lower() in _NAME_CONNECTORS for w in words):
        return False
    # "Ministry of National Food Security": the end of a longer name with "of"
    outer = sentence[max(0, start - 80 - len(before.group(1))) : start - len(before.group(1))]
    return not _OF_NAME_BEFORE.search(outer)


_NAME_CONNECTORS = frozenset({"of", "for", "and", "on", "the"})
_OF_NAME_BEFORE = re.compile(r"[A-Z][\w'-]*\s+(?:of|for)\s+(?:the\s+)?$")
_NEXT_CAPITAL = re.compile(r" +[A-Z]")
_CAPITALS_BEFORE = re.compile(r"((?:[A-Z][\w'-]* +){1,4})$")


def _without_generic_heads(sentence: str, found: list[Match]) -> list[Match]:
    """'IT industry', 'agricultural industries': the generic head adds no focus area; nor does
    'investment' in 'third-party investment' (third parties investing)."""
    out = []
    for f in found:
        word = sentence[f.start : f.end].lower()
        next_to = out and 0 <= f.start - out[-1].end <= 1
        if word in GENERIC_HEADS and next_to:
            continue
        if next_to and out[-1].slug == "third-party" and word in _THIRD_PARTY_HEADS:
            continue
        out.append(f)
    return out


_THIRD_PARTY_HEADS = frozenset({"investment", "investments", "investors", "investor"})
_WORD = re.compile(r"\b[a-z]{7,}\b")


@lru_cache(maxsize=32)
def _long_words(prefixes: tuple[str, ...]) -> re.Pattern:
    """_WORD's matches that start with one of `prefixes` (the only ones _misspelt looks at)."""
    plain = [p for p in prefixes if re.fullmatch("[a-z]{3}", p)]
    if not plain:
        return re.compile(r"(?!)")
    return re.compile(r"\b" + trie_alternation(plain) + r"[a-z]{4,}\b")


def _misspelt(sentence: str, table, singles, found: list[Match], masked) -> list[Match]:
    """One-letter misspellings of long one-word synonyms ('agricultur', 'techonology')."""
    out = []
    low = sentence.lower()
    for m in _long_words(tuple(singles)).finditer(low):
        word = m.group()
        candidates = singles.get(word[:3])
        if not candidates or word in table:
            continue
        a, b = m.start(), m.end()
        if (a > 0 and sentence[a].isupper()) or any(f.start < b and a < f.end for f in found):
            continue
        if any(x < b and a < y for x, y in masked):
            continue
        slug = _close_synonym(word, candidates)
        if slug:
            out.append(Match(slug, a, b))
    return out


@lru_cache(maxsize=8192)
def _close_synonym(word: str, candidates: tuple[tuple[str, str], ...]) -> str:
    for syn, slug in candidates:
        if abs(len(syn) - len(word)) <= 1 and edit_distance(word, syn, 2) <= 1:
            return slug
    return ""


def _lookup_loose(key: str, lookup: dict[str, str], lower: bool) -> str | None:
    wanted = re.sub(r"[\s,]+", " ", key.lower() if lower else key)
    for syn, slug in lookup.items():
        if re.sub(r"[\s,]+", " ", syn) == wanted:
            return slug
    return None


def is_focus_sentence(sentence: str) -> bool:
    return _cue(sentence) is not None


# The standing areas of a committee's working groups, named in lower case and the plural
# ("CPEC working groups in energy, transport infrastructure"), unlike one group's name.
_WORKING_GROUPS_IN = re.compile(r"\bworking\s+groups\s+(?:on|in|for)\s+[a-z]")


def _cue(sentence: str) -> re.Match | None:
    """The cue that makes `sentence` one about what the sides agreed, or None."""
    low = sentence.lower()
    cue = _ANY_CUE.search(low)
    if cue is None and "groups" in sentence:
        cue = _WORKING_GROUPS_IN.search(sentence)
    if cue is None:
        return None
    if _FORUM_HINT_RE.search(low) and OTHER_FORUM.search(sentence):
        return None
    if _WISH_HINT_RE.search(low) and ONE_SIDE_WISH.search(sentence):
        if not BOTH_SIDES.search(sentence):
            return None
    if _COMMENTARY_HINT.search(low) and COMMENTARY.search(low):
        if not (BOTH_SIDES.search(sentence) and AGREED.search(low)):
            return None
    return cue


# Cheap pre-tests for the two regular expressions above.
_FORUM_HINT = ("cabinet", "parliament", "assembly", "senate", "ecnec", "ecc", "court")
_WISH_HINT = (
    "interest",
    "sought",
    "request",
    "urged",
    "propos",
    "hoped",
    "wished",
    "asked",
    "brief",
    "apprised",
    "informed",
)
_FORUM_HINT_RE = any_of(*_FORUM_HINT)
_WISH_HINT_RE = any_of(*_WISH_HINT)


# --- what the sides agreed, and what they did not -------------------------------------------

# Wording that commits the sides to something: a clause with one of these states what they
# agreed (and overrides the reviewing/discussing words below).
AGREED = re.compile(
    r"\b(?:agree\w*|consensus|understandings?|reaffirm\w*|reiterat\w*|decided|decisions?|resolved?|"
    r"resolution|"
    r"commit\w*|pledg\w*|vow\w*|identified|priorit\w*|focus\w*|underscor\w*|underlin\w*|"
    r"emphasi[sz]\w*|stress(?:ed|ing)|signed|approved|finali[sz]ed|"
    r"(?:will|would|shall)\s+(?:\w+\s+)?(?:cooperate|collaborate|work|enhance|deepen|strengthen|"
    r"expand|promote|boost|explore|increase|advance|accelerate|speed))\b"
)
# Looking at what exists or happened, not deciding anything: reviewing progress, discussing,
# satisfaction over what was done.
TOOK_STOCK = re.compile(
    r"\b(?:discuss\w*|deliberat\w*|exchanged\s+views|took\s+stock|"
    r"review(?:ed|ing|s)?\b|"
    r"(?:was|were|been|being)\s+(?:\w+\s+)?(?:reviewed|discussed|deliberated|examined|assessed|"
    r"evaluated|noted|appreciated)|"
    r"satisf\w*|appreciat\w*|lauded|commended|hailed|praised|"
    r"(?:completed|completion\s+of|inaugurat\w*|operationali[sz]\w*)\b)"
)
# A clause denying the decision: "no decision on it was taken", "was not on the agenda".
NEGATED = re.compile(
    r"\bno\s+(?:\w+\s+)?(?:decision|agreement|consensus|breakthrough|progress|understanding|"
    r"deal|headway|mention)s?\b|\b(?:not|never|neither|nor)\b(?!\s+only\b|\s+least\b|\s+limited\b)|"
    r"n't\b|\bfailed\s+to\b|\bwithout\s+(?:agreeing|reaching)\b|\b(?:remains?|remained)\s+"
    r"(?:unresolved|pending|stalled)\b"
)
# Someone else's view or advice, or how things have gone so far: "CPEC has so far focused on
# energy", "Pakistan should push for ...", "analysts say ...".
# (Compared lower-case, after a cheap test for its words.)
COMMENTARY = re.compile(
    r"\b(?:analysts?|experts?|observers?|economists?|critics?|commentators?|scholars?|"
    r"in\s+my\s+view|(?:i|we)\s+(?:think|believe|argue))\b|"
    r"\b(?:should|must|ought\s+to|needs?\s+to|would\s+do\s+well)\b|"
    r"\b(?:has|have)\s+(?:so\s+far\s+|thus\s+far\s+|largely\s+|mostly\s+|mainly\s+|until\s+now\s+)?"
    r"(?:been\s+)?focus\w*|\b(?:so|thus)\s+far\b|\bto\s+date\b|"
    r"\bover\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|decades?)\b"
)
_COMMENTARY_HINT = any_of(
    *"""analyst expert observer economist critic commentator scholar think believe argue
    should must ought need focus far""".split(),
    "in my view",
    "would do well",
    "to date",
    "over the",
)
_NEGATED_HINT = any_of("no", "never", "neither", "n't", "failed", "without", "remain")
_TOOK_STOCK_HINT = any_of(
    *"""discuss deliberat exchanged took review satisf appreciat lauded commended hailed
    praised complet inaugurat operationali examined assessed evaluated noted""".split()
)
_CAUSE_HINT = any_of(
    "because", "due", "owing", "result", "wake", "caused", "account", "since", "led", "leading"
)
_EVENT_HINT = any_of(
    *"""forum expo exhibition summit conference festival fair seminar symposium gala games
    roadshow conclave award""".split()
)
# Where a statement starts inside a sentence: ';', ', but', ', while', ', whereas'.
STATEMENT_BREAK = re.compile(r";|,?\s+(?:but(?!\s+not\s+limited|\s+also)|whereas)\s+|,\s+while\s+")
# Where a clause starts inside a statement: an 'and' or a comma before the sides' next verb
# ("reviewed progress on X, and agreed to Y"), a comma before the sides.
CLAUSE_BREAK = re.compile(
    r",?\s+(?:and|while)\s+(?=(?:(?:also|further|then|later|jointly)\s+)?(?:agreed|decided|"
    r"resolved|reaffirmed|reiterated|pledged|vowed|committed|underscored|emphasi[sz]ed|stressed|"
    r"identified|reviewed|discussed|expressed|noted|appreciated|welcomed|lauded|signed|approved)\b)|"
    r",\s+(?:and\s+)?(?=(?:the|both)\s+(?:two\s+)?(?:sides|countries|delegations|parties)\b)"
)
# The focus words that follow name a cause or a consequence, not a topic of the meeting.
CAUSE = re.compile(
    r"\b(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of|in\s+the\s+wake\s+of|"
    r"caused\s+by|on\s+account\s+of|(?:has|have|had)\s+since|since\s+then|which\s+led\s+to|"
    r"leading\s+to|resulting\s+in)\b"
)
# A place a thing is done along or through ("promote tourism along the Karakoram Highway"): the
# name is where, not what.
_PLACE_BEFORE = re.compile(
    r"\b(?:along|through|near|via|across|around)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,3}$"
)
# The focus word names an event ("met at the agriculture expo"), not a topic (unless the sides
# agreed to hold it: "agreed to hold an investment conference").
EVENT_AFTER = re.compile(
    r"[\s-]+(?:forum|expo|exhibition|summit|conference|festival|fair|seminar|symposium|gala|"
    r"games|roadshow|conclave|award)s?\b",
    re.IGNORECASE,
)


# The focus word names a kind of organisation ("participants from finance institutes"): who
# took part, not what was agreed ("set up a training institute" is one thing agreed).
_ORGANISATION_AFTER = re.compile(
    r"[\s-]+(?:institutes|institutions|ministries|divisions|departments|authorities)\b",
    re.IGNORECASE,
)
# A figure of speech, not the sector: "inject positive energy into the corridor".
_FIGURATIVE = re.compile(r".*\bpositive\s+energy$", re.DOTALL)


def _split(pattern: re.Pattern, text: str, a: int, b: int) -> list[tuple[int, int]]:
    spans, start = [], a
    for m in pattern.finditer(text, a, b):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, b))
    return spans


_GOES_ON = re.compile(r"\s*(?:and\s+|also\s+)*to\s+[a-z]")


def _clauses(low: str) -> list[tuple[int, int]]:
    """Clauses of the sentence; of several statements (';', 'but', 'while'), only those with
    a cue of their own ("the emphasis was on X; four years later, the talk is of minerals")."""
    statements = [(0, len(low))]
    if ";" in low or "but" in low or "whereas" in low or "while" in low:
        statements = _split(STATEMENT_BREAK, low, 0, len(low))
        if len(statements) > 1:
            kept, previous = [], False
            for a, b in statements:
                # "agreed to enhance X; to facilitate Y": a list of what was agreed goes on
                previous = bool((previous and _GOES_ON.match(low, a)) or _ANY_CUE.search(low, a, b))
                if previous:
                    kept.append((a, b))
            statements = kept
    if " and " not in low and "while" not in low and ", " not in low:
        return statements
    return [c for a, b in statements for c in _split(CLAUSE_BREAK, low, a, b)]


def _agreed_only(sentence: str, found: list[Match]) -> list[Match]:
    """The focus words of a sentence that are in clauses stating what the sides agreed: not
    in a clause that denies it, that only reviews, discusses or welcomes what exists, after a
    'because of', or naming an event."""
    if not found:
        return found
    low = sentence.lower()
    if len(low) != len(sentence):
        low = sentence
    wish = _WISH_HINT_RE.search(low) is not None and ONE_SIDE_WISH.search(low) is not None
    if ("said" in low or "added" in low) and ONE_SPEAKER.search(sentence):
        # "Speaking on the occasion, the secretary said the government attached top priority
        # to Gwadar": one speaker's view, unless what he tells is what both sides agreed
        if not BOTH_SIDES.search(low) and not _FORUM_DECIDED.search(low):
            return []
    negated = _NEGATED_HINT.search(low) is not None
    took_stock = _TOOK_STOCK_HINT.search(low) is not None and TOOK_STOCK.search(low) is not None
    caused = _CAUSE_HINT.search(low) is not None
    event = _EVENT_HINT.search(low) is not None
    kept = []
    for a, b in _clauses(low):
        clause = low[a:b]
        inside = [f for f in found if a <= f.start < b]
        if not inside or (negated and NEGATED.search(clause)):
            continue
        agreed = AGREED.search(clause) if took_stock or event else None
        if took_stock and not agreed and TOOK_STOCK.search(clause):
            continue
        # "the Pakistani side briefed on security, and both sides agreed on agriculture"
        if wish and ONE_SIDE_WISH.search(clause) and not BOTH_SIDES.search(clause):
            continue
        # "the Chinese side stressed that both sides should coordinate security": one side's
        # emphasis, whatever it says both should do
        if "side" in clause and ONE_SIDE_STRESS.search(clause) and "agree" not in clause:
            continue
        cause = CAUSE.search(clause) if caused else None
        for f in inside:
            if cause and f.start >= a + cause.end():
                continue
            if _ORGANISATION_AFTER.match(sentence, f.end) or _FIGURATIVE.match(
                low, max(0, f.start - 10), f.end
            ):
                continue
            if event and EVENT_AFTER.match(sentence, f.end):
                if not agreed or f.start < a + agreed.start():
                    continue
            if sentence[f.start].isupper() and _PLACE_BEFORE.search(
                sentence, max(0, f.start - 100), f.start
            ):
                continue
            kept.append(f)
    if kept and took_stock and AGREED.search(low) is None:
        return []
    return kept


def focus_in(sentence: str, vocabulary, masked=(), matchers=None) -> list[Match] | None:
    """Focus areas a sentence about what was agreed names; None when it is not such a
    sentence."""
    if _cue(sentence) is None:
        return None
    return _agreed_only(sentence, match_focus_areas(sentence, vocabulary, masked, matchers))


def find_corridors(sentence: str, corridors: list[str]) -> list[Match]:
    """CPEC 2.0 corridors the sentence names: 'green corridor', 'corridors ... namely growth,
    livelihood and open corridor'."""
    if not _may_name_corridor(sentence) or not CORRIDOR_WORD.search(sentence):
        return []
    patterns = _corridor_patterns(tuple(corridors))
    if patterns is None:
        return []
    listing, name, named_corridor = patterns
    found: list[Match] = []
    # a list of two or more corridor names next to the word "corridor(s)"
    for m in listing.finditer(sentence):
        near = sentence[max(0, m.start() - 80) : m.end() + 20]
        if CORRIDOR_WORD.search(near):
            for n in name.finditer(m.group()):
                found.append(Match(n.group().lower(), m.start() + n.start(), m.start() + n.end()))
    for m in named_corridor.finditer(sentence):
        if not any(f.start == m.start("name") for f in found):
            found.append(Match(m.group("name").lower(), m.start("name"), m.end()))
    return sorted(found, key=lambda f: f.start)


@lru_cache(maxsize=32)
def _corridor_patterns(corridors: tuple[str, ...]) -> tuple | None:
    """(a list of corridor names, one name, '<name> corridor'), compiled once per vocabulary."""
    names = [c for c in corridors if c != "cpec"]
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    return (
        re.compile(
            rf"\b(?:{alt})(?:\s*(?:,|and|&|as\s+well\s+as)\s*(?:the\s+)?(?:{alt})\b)+",
            re.IGNORECASE,
        ),
        re.compile(rf"\b(?:{alt})\b", re.IGNORECASE),
        re.compile(rf"\b(?P<name>{alt})[-\s]+corridors?\b", re.IGNORECASE),
    )


def _may_name_corridor(sentence: str) -> bool:
    """Cheap test before CORRIDOR_WORD: ASCII text without 'corridor' in any case cannot match
    (other text may, through Unicode case folding)."""
    return "corridor" in sentence.lower() or not sentence.isascii()


def corridor_spans(sentence: str, corridors: list[str]) -> list[tuple[int, int]]:
    """Spans naming corridors, so that 'livelihood corridor' is not also a focus area."""
    spans = [(m.start, m.end) for m in find_corridors(sentence, corridors)]
    return spans


_VERB_HINT = any_of(
    *"""agree reaffirm reiterat renew underscor underlin emphasi stress highlight review resolv
    determination decided vowed pledged consensus""".split()
)


def find_agreement(sentence: str) -> tuple[str, str] | None:
    """(kind, cleaned text) when the sentence states what the sides agreed."""
    if not _VERB_HINT.search(sentence.lower()):
        return None
    m = AGREEMENT.search(sentence)
    if not m:
        return None
    kind = AGREEMENT_VERBS[" ".join(m.group("verb").lower().split())]
    return kind, clean_statement(sentence)


def clean_statement(sentence: str) -> str:
    text = _ATTRIBUTION.sub("", sentence).strip()
    text = text.strip(" \"'\u201c\u201d\u2018\u2019").strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text


_GROUP_WORDS = re.compile(
    r"\b(?:cpec|china[-\s]pakistan|pakistan[-\s]china|joint\s+working\s+groups?|jwgs?|on|for|of|"
    r"the|economic\s+corridor)\b"
)


def group_topic(body: str, body_name: str, vocabulary, matchers=None) -> list[str]:
    """The focus areas a working group's topic names ("Joint Working Group on Gwadar" ->
    maritime): what its every session works on. Empty for other bodies and topics without
    a focus area (international cooperation, planning)."""
    if not body.startswith("JWG-"):
        return []
    topic = _GROUP_WORDS.sub(" ", body_name.lower())
    found = match_focus_areas(topic, vocabulary, matchers=matchers)
    found += match_focus_areas(body[len("JWG-") :], vocabulary, matchers=matchers)
    slugs: list[str] = []
    for f in found:
        if f.slug not in slugs:
            slugs.append(f.slug)
    return slugs
