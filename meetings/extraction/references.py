"""Mentions of meetings in a sentence: a body plus, when stated, the meeting's ordinal.

"the fifth meeting of the JWG-ICC", "the 3rd JCC", "JCC's 10th session",
"BPC round 4", "the dourth round of BPC" (a misspelt ordinal, kept as candidates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bodies import BodyMention
from .ordinals import Ordinal, find_ordinals, typo_candidates
from .text import any_of

MEETING_NOUN = r"(?:meetings?|sessions?|rounds?|editions?|sittings?|instal?lments?|plenary)"
_FILLER = (
    r"(?:\(?(?:special|commemorative|extraordinary)\)?\s+){0,2}"  # "12th (Special) JCC"
    r"(?:(?:CPEC|Pakistan-China|China-Pakistan|Sino-Pak(?:istan)?|Pak-China|annual)\s+)?"
)
_NOUN_AFTER_ORDINAL = re.compile(
    rf"[\s-]*(?:[A-Za-z-]+\s+)?{MEETING_NOUN}\b(?P<of>\s+(?:of|between|with|on|under)\s+"
    r"(?:the\s+|their\s+|its\s+)?)?",
    re.IGNORECASE,
)
# A generic name for the body being reported: "the fourth meeting of the working group",
# "the sixth round of the consultations", "the previous session of the committee".
GENERIC_BODY = re.compile(
    r"(?:[A-Za-z-]+\s+)?(?:working\s+group|group|committee|consultations|mechanism|dialogue|"
    r"JWG|forum)\b",
    re.IGNORECASE,
)
# "the inaugural meeting of the Cabinet Committee on CPEC": one country's own committee, not
# a bilateral body of the corridor.
_DOMESTIC_BODY = re.compile(
    r"(?:cabinet|parliamentary|senate|standing|steering|ministerial|provincial|federal|"
    r"national|inter-ministerial|special|sub-?)\b",
    re.IGNORECASE,
)
# "The second, held in Kashgar, ...": an ordinal standing for a meeting of the body in hand.
_BARE_ORDINAL_BEFORE = re.compile(r"^[\"']?\s*(?:The|the)\s+$")
_BARE_ORDINAL_AFTER = re.compile(
    r"\s*,\s*(?:(?:which\s+was\s+|was\s+)?(?:held|convened|hosted|conducted)|in|at)\b"
)
# "Its last meeting, the ninth in the series, was held ...": an ordinal in apposition.
_IN_THE_SERIES = re.compile(r"\s+in\s+the\s+series\b")
# "Its second session was held online, and the third took place in Islamabad": a bare ordinal
# in the next clause of a list of sessions.
_BARE_ORDINAL_IN_LIST = re.compile(r"[,;]\s*(?:and|while|but|whereas)\s+the\s+$")
_BARE_ORDINAL_HELD = re.compile(
    r"\s+(?:took\s+place|was\s+(?:held|convened|hosted|conducted))\b", re.IGNORECASE
)
# "The group met for the first time in Beijing": the body's first meeting (not "the two
# sides met for the first time since 2019").
_FIRST_TIME = re.compile(
    r"\b(?P<subj>(?:[Tt]he\s+)?(?:[\w-]+\s+)?(?i:group|committee|JWG|JCC|BPC|mechanism|"
    r"consultations|dialogue|forum)|[Ii]t)\s+(?:(?:had|has)\s+)?(?:first\s+)?(?:met|convened)\s+for\s+the\s+"
    r"first\s+time\b(?!\s+(?:since|in\s+(?:\w+\s+)?(?:years|months|decades)))"
)
_BODY_RIGHT_AFTER = re.compile(rf"[\s-]*(?:the\s+)?{_FILLER}", re.IGNORECASE)
# "the JCC's 10th", "the Joint Cooperation Committee (JCC) had its twelfth", "the working
# group, whose fourth", "the JWG on Agriculture will hold its fourth"
_BODY_BEFORE_ORDINAL = re.compile(
    r"(?:\s*\([A-Za-z&-]{2,15}\))?(?:'s|s')?\s*(?:(?:(?:has|have|will|would|shall|is\s+to|"
    r"plans?\s+to)\s+)?(?:held|convened|holds|convenes|concluded|had|hosted|hold|convene|host)"
    r"\s+its\s+)?$",
    re.IGNORECASE,
)
# "the consultations between the two ministries, whose fourth round": the ordinal numbers the
# body the relative clause hangs on.
_BODY_BEFORE_WHOSE = re.compile(r"[^.;]{0,80}?,?\s+whose\s+$")
_BODY_BEFORE_CARDINAL = re.compile(
    rf"(?:'s)?\s*{MEETING_NOUN}?\s*(?:No\.?|number)?\s*$", re.IGNORECASE
)
_TYPO_SLOT = re.compile(
    rf"(?<![\w-])(?P<w>[A-Za-z]{{4,}})(?:\s+{MEETING_NOUN}(?:\s+of)?(?:\s+the)?)?\s+", re.IGNORECASE
)
_BARE_JWG = re.compile(
    r"\bJWG\b(?!\s*-|\s+on\b)|\bJoint\s+Working\s+Group\b(?!\s+(?:\(JWG\)\s+)?on\b)"
)

BACK_REFERENCE = re.compile(
    r"\b(?:since|previous|preceding|prior\s+to|earlier|former|past|after|last|"
    r"(?:decisions?|consensus|agreements?|understandings?)\s+(?:taken|made|reached|arrived\s+at|"
    r"achieved)\s+(?:at|in|during)|implementation\s+of|"
    r"outcomes?\s+of|follow[-\s]up\s+(?:of|on|to))\s+"
    r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NOT_BACK = re.compile(r"\blast\s+(?:week|month|year)|(?:week|month|year)'s\s", re.IGNORECASE)
FUTURE_BEFORE = re.compile(
    r"\b(?:next(?!\s+(?:to|day)\b)|upcoming|forthcoming|coming|future|subsequent|ahead\s+of|"
    r"(?:in\s+)?preparations?\s+(?:for|of)|in\s+the\s+run-up\s+to|leading\s+(?:up\s+)?to|"
    # "to be taken up at the seventh JCC", "will be approved by the JCC": done at a coming one
    r"(?:to|will|would|shall)\s+be\s+(?:[a-z]+ed|taken\s+up|put\s+up|laid)\s+(?:at|in|during|by|before)"
    r")\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "a review meeting on CPEC's second phase and the 13th JCC", "the upcoming visit of the Prime
# Minister and the 13th JCC": the meeting is what another meeting prepares, or one of the coming
# events named together.
_PREPARED_FOR = re.compile(
    r"\b(?:review|preparatory|consultative|coordination)[-\s]meetings?\s+(?:on|of|for|about|"
    r"regarding)\s+[^.;]{0,80}$|"
    r"\b(?:(?:in\s+)?preparations?\s+(?:for|of)|ahead\s+of|in\s+the\s+run-up\s+to|leading\s+"
    r"(?:up\s+)?to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    r"\b(?:next|upcoming|forthcoming)\s+(?:[\w'-]+\s+){1,6}and\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "agreed to convene the 15th JCC", "plans to hold the next round": an infinitive or a
# future tense in front of the mention.
FUTURE_VERB_BEFORE = re.compile(
    r"\b(?:(?:to|will|would|shall)\s+(?:hold|convene|host|organi[sz]e|call)|for\s+(?:holding|"
    r"convening))\s+"
    r"(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "... will be held", "... would meet again", even after an inserted phrase ("the 15th JCC,
# which both sides want to be the largest yet, is scheduled for ..."), unless the clause first
# says the meeting took place.
FUTURE_AFTER = re.compile(
    r"^\W*(?:\([^)]{1,20}\)\s*)?(?:at\s+its\s+(?:next\s+)?)?(?:meeting\s+|session\s+)?"
    r"(?:scheduled|slated|planned)\s+"
    r"(?:for|to\s+be|on|in)\b|"
    r"^[^.;]{0,120}?\b(?:will\s+be\s+held|(?:set|scheduled|slated|due|expected)\s+to\s+"
    r"(?:take\s+place|be\s+held|be\s+convened|meet|convene)\b|would\s+be\s+held|(?:is|was|are|were)\s+"
    r"(?:now\s+|currently\s+|tentatively\s+|provisionally\s+|still\s+|most\s+)?(?:scheduled|expected|"
    r"set|due|likely|planned|slated|proposed|going\s+to\s+be\s+held)\b|to\s+be\s+held|(?:will|would|shall)\s+"
    r"(?:take\s+place|convene|meet|be\s+convened|be\s+hosted)|(?:has|have|had)\s+been\s+"
    r"(?:postponed|pushed\s+back|deferred|put\s+off|delayed|rescheduled)|(?:was|were)\s+"
    r"(?:postponed|deferred|put\s+off|rescheduled))",
    re.IGNORECASE,
)
# "the JWG on Tourism will hold its third meeting": the future inside the mention itself
_FUTURE_INSIDE = re.compile(
    r"\b(?:will|would|shall|is\s+to|plans?\s+to)\s+(?:hold|convene|host)\s+its\b", re.IGNORECASE
)
_PAST_BEFORE_FUTURE = re.compile(
    r"\b(?:was|were)\s+(?:held|convened|hosted|co-?chaired|chaired|conducted)\b|"
    r"\b(?:took\s+place|concluded|met)\b|;",
    re.IGNORECASE,
)
REPORTED = re.compile(
    r"\b(?:held|hold|holds|convened|convene|conducted|met|meet|took\s+place|co-?chaired|chaired|led|"
    r"headed|hosted|concluded|opened|kicked\s+off|attended|venue|organi[sz]ed|commenced|began|"
    r"in\s+(?:a|the)\s+[\w-]+\s+round|during\s+the|at\s+the)\b",
    re.IGNORECASE,
)


# Countries other than China and Pakistan that hold talks with one of them.
OTHER_COUNTRIES = (
    "Afghanistan|Bangladesh|India|Iran|Nepal|Sri Lanka|Bhutan|Maldives|Myanmar|Russia|Turkey|"
    "Türkiye|Turkiye|Saudi Arabia|the UAE|United Arab Emirates|Qatar|Kuwait|Oman|Bahrain|Egypt|Iraq|"
    "Syria|Jordan|Israel|Palestine|the United States|the US|the USA|America|the UK|Britain|"
    "the United Kingdom|France|Germany|Italy|Spain|the Netherlands|Belgium|Poland|Japan|"
    "South Korea|North Korea|Korea|Indonesia|Malaysia|Thailand|Vietnam|Viet Nam|the Philippines|"
    "Singapore|Cambodia|Laos|Mongolia|Kazakhstan|Uzbekistan|Tajikistan|Kyrgyzstan|Turkmenistan|"
    "Azerbaijan|Belarus|Ukraine|Australia|New Zealand|Canada|Brazil|Argentina|Mexico|Chile|"
    "Nigeria|Kenya|Ethiopia|South Africa|Algeria|Morocco|Tanzania|Serbia|Hungary|Greece|"
    "Ireland|Switzerland|Sweden|Norway|Denmark|Finland|Austria|Portugal|Romania|Bulgaria|"
    "Czechia|the Czech Republic|Georgia|Armenia|Cyprus|Lebanon|Yemen|Libya|Tunisia|Sudan|"
    "Somalia|Djibouti|Ghana|Zimbabwe|Zambia|Uganda|Rwanda|Senegal|Angola|Mozambique|Peru|"
    "Colombia|Venezuela|Cuba|Ecuador|Brunei|Fiji|Mauritius|Madagascar|Cameroon|Sierra Leone|"
    "the European Union|the EU"
)
# "China and Bangladesh held ...", "between Pakistan and Iran": talks with a third country.
_THIRD_COUNTRY_PAIR = re.compile(
    rf"\b(?:(?:China|Pakistan)\s+and\s+(?:{OTHER_COUNTRIES})|(?:{OTHER_COUNTRIES})\s+and\s+"
    rf"(?:China|Pakistan)|(?:China|Pakistan)-(?:{OTHER_COUNTRIES})|"
    rf"(?:China|Pakistan)\b[^.;]{{0,80}}?\bwith\s+(?:{OTHER_COUNTRIES}))\b"
)
_CHINA = re.compile(r"\b(?:China|Chinese|Beijing)\b")
_PAKISTAN = re.compile(r"\b(?:Pakistan|Pakistani|Islamabad)\b")


def third_country_talks(sentence: str) -> bool:
    """Does the sentence tell of talks between China or Pakistan and a third country, naming
    only one of the two? Every body here is China-Pakistan."""
    if " and " not in sentence and "-" not in sentence and " with " not in sentence:
        return False
    if not _THIRD_COUNTRY_PAIR.search(sentence):
        return False
    return not (_CHINA.search(sentence) and _PAKISTAN.search(sentence))


_BARE_HINT = re.compile(r"[\"']?\s*The\s+[\w-]+\s*,")
_MEETING_HINT = any_of(
    "meeting",
    "session",
    "round",
    "edition",
    "sitting",
    "instal",
    "plenary",
    "jwg",
    "joint",
    "first time",
)


@dataclass
class Ref:
    body: str
    name: str
    number: int | None
    start: int  # relative to the sentence
    end: int
    sentence: int
    back: bool = False
    future: bool = False
    reported: bool = False
    # the topic of another meeting ("a review meeting on the 13th JCC"): the sentence's date and
    # venue are that meeting's
    prepared: bool = False
    typo: dict[int, int] = field(default_factory=dict)
    meeting: object = None  # set when resolved to a meeting


def _bare_jwg(sentence: str, bodies: list[BodyMention], context_jwg: str) -> list[BodyMention]:
    if not context_jwg:
        return []
    out = []
    for m in _BARE_JWG.finditer(sentence):
        if not any(b.start <= m.start() < b.end for b in bodies):
            out.append(BodyMention(context_jwg, m.group(), m.start(), m.end()))
    return out


def _body_at(bodies: list[BodyMention], pos: int, slack: int = 0) -> BodyMention | None:
    for b in bodies:
        if pos <= b.start <= pos + slack:
            return b
    return None


def _body_ending_at(bodies: list[BodyMention], text: str, pos: int, pattern) -> BodyMention | None:
    for b in reversed(bodies):
        if b.end <= pos and pos - b.end <= 40 and pattern.fullmatch(text[b.end : pos]):
            return b
    return None


def find_refs(
    sentence: str,
    index: int,
    bodies: list[BodyMention],
    context_body: str,
    context_jwg: str,
    main_body: str = "",
) -> list[Ref]:
    """Meetings mentioned in one sentence. `context_body` names the body of the meeting being
    reported so far (for "the fifth meeting was held ..."); `context_jwg` the last JWG named;
    `main_body` the article's own body, which "this fifth meeting" stands for."""
    if not bodies and not _MEETING_HINT.search(sentence.lower()):
        if not (context_body and _BARE_HINT.match(sentence)):
            return []
    bare = _bare_jwg(sentence, bodies, context_jwg)
    all_bodies = sorted([*bodies, *bare], key=lambda b: b.start)
    refs: list[Ref] = []
    used: set[int] = set()

    def add(body: BodyMention | None, number, a: int, b: int, typo=None) -> None:
        if body is not None:
            used.add(id(body))
            a, b = min(a, body.start), max(b, body.end)
            short, name = body.short, body.name
        elif main_body and _THIS_BEFORE.search(sentence, max(0, a - 6), a):
            short, name = main_body, ""
        else:
            short, name = context_body, ""
        refs.append(Ref(short, name, number, a, b, index, typo=typo or {}))

    for o in find_ordinals(sentence):
        if o.cardinal:
            body = _body_ending_at(
                all_bodies, sentence, _noun_start(sentence, o), _BODY_BEFORE_CARDINAL
            )
            if body is None:
                m = _OF_THE_FILLER.match(sentence[o.end :])
                body = _body_at(all_bodies, o.end + m.end()) if m else None
            if body is not None or context_body:
                add(body, o.value, _noun_start(sentence, o), o.end)
            continue
        body = _bound_body(sentence, o.start, o.end, all_bodies)
        if body is not None:
            add(body, o.value, o.start, o.end)
        elif not context_body:
            continue
        elif _unbound_meeting(sentence, o.end) or _generic_meeting(sentence, o.end):
            noun = _NOUN_AFTER_ORDINAL.match(sentence, o.end)
            add(None, o.value, o.start, noun.end())
        elif _BARE_ORDINAL_BEFORE.match(sentence[: o.start]) and _BARE_ORDINAL_AFTER.match(
            sentence, o.end
        ):
            add(None, o.value, o.start, o.end)
        elif _IN_THE_SERIES.match(sentence, o.end):
            add(None, o.value, o.start, o.end)
        elif _BARE_ORDINAL_IN_LIST.search(sentence, max(0, o.start - 20), o.start) and (
            _BARE_ORDINAL_HELD.match(sentence, o.end)
        ):
            add(None, o.value, o.start, o.end)
    if "first time" in sentence:
        for m in _FIRST_TIME.finditer(sentence):
            a, b = m.span("subj")
            body = next((x for x in all_bodies if x.start < b and a < x.end), None)
            if body is not None or context_body:
                add(body, 1, a, m.end())
    taken = [(r.start, r.end) for r in refs]
    for m in _TYPO_SLOT.finditer(sentence) if all_bodies else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        if not _NOUN_AFTER_ORDINAL.match(sentence, m.end("w")) and not _body_at(
            all_bodies, m.end()
        ):
            continue
        body = _bound_body(sentence, m.start("w"), m.end("w"), all_bodies)
        if body is None:
            continue
        candidates = typo_candidates(m.group("w"))
        if candidates:
            add(body, None, m.start("w"), m.end("w"), typo=candidates)
    for body in all_bodies:
        if id(body) not in used and body not in bare:
            if _PARENT_BEFORE.search(sentence, max(0, body.start - 40), body.start):
                continue  # "the JWG on S&T, part of CPEC's JCC": the body above, not a meeting
            if _FOUNDED_BEFORE.search(sentence, max(0, body.start - 40), body.start):
                continue  # "announced the establishment of a joint working group on IT"
            add(body, None, body.start, body.end)
    if refs and third_country_talks(sentence):
        return []
    reported = bool(REPORTED.search(sentence))
    for ref in refs:
        _flag(sentence, ref, reported)
    return sorted(refs, key=lambda r: r.start)


_PARENT_BEFORE = re.compile(
    r"\b(?:(?:is|are|being)\s+)?(?:(?:a\s+)?part\s+of|under\s+the\s+(?:framework|umbrella)\s+of|"
    r"(?:sub-?)?groups?\s+of|set\s+up\s+(?:by|under))\s+(?:the\s+)?(?:CPEC'?s?\s+)?$",
    re.IGNORECASE,
)
_FOUNDED_BEFORE = re.compile(
    r"\b(?:establish(?:ment\s+of|ed|es|ing)?|set(?:ting)?\s+up|creat(?:e|ed|es|ing|ion\s+of)|"
    r"form(?:ed|ing|ation\s+of)?|launch(?:ed|ing)?)\s+(?:an?\s+|the\s+)?(?:new\s+)?$",
    re.IGNORECASE,
)
_OF_THE_FILLER = re.compile(r"\s+(?:of\s+)?(?:the\s+)?" + _FILLER, re.IGNORECASE)
_NOUN_BEFORE_NUMBER = re.compile(rf"{MEETING_NOUN}\s*(?:No\.?|number)?\s*$", re.IGNORECASE)
# "the 13th meeting of the China-Pakistan Economic Corridor (CPEC) Joint Working Group on ...":
# capitalised words and an acronym in brackets between the noun and the body's name
_CAPITALISED_FILLER = re.compile(r"(?:(?:[A-Z][\w-]*(?:'s)?|\([A-Z][\w&-]*\))\s+){0,5}")
_MEETING_WORD_S = re.compile(r"[\s-]*(?:meeting|session|round|sitting)s?\b", re.IGNORECASE)
_MEETING_WORD = re.compile(r"[\s-]*(?:meeting|session|round)\b", re.IGNORECASE)


_THIS_BEFORE = re.compile(r"\b[Tt]his\s+$")


def _noun_start(sentence: str, o: Ordinal) -> int:
    m = _NOUN_BEFORE_NUMBER.search(sentence[: o.start])
    return m.start() if m else o.start


def _bound_body(sentence: str, start: int, end: int, bodies: list[BodyMention], backward=True):
    """The body an ordinal at [start, end) numbers, if the wording ties them."""
    m = _BODY_RIGHT_AFTER.match(sentence, end)
    body = _body_at(bodies, m.end()) if m else None
    if body is not None and m.end() - end <= 30:
        return body  # "the 3rd JCC", "second CPEC JWG-ICC meeting"
    noun = _NOUN_AFTER_ORDINAL.match(sentence, end)
    if noun and noun.group("of"):
        rest = sentence[noun.end() :]
        filler = _CAPITALISED_FILLER.match(rest)
        for b in bodies:
            if noun.end() <= b.start <= noun.end() + max(filler.end(), 0) + 1:
                return b  # "fifth meeting of the CPEC Joint Working Group on ..."
    if not backward:
        return None
    body = _body_ending_at(bodies, sentence, start, _BODY_BEFORE_ORDINAL)
    if body is None and sentence.endswith("whose ", 0, start):
        for b in reversed(bodies):
            if b.end <= start and _BODY_BEFORE_WHOSE.fullmatch(sentence, b.end, start):
                return b
    return body


def _generic_meeting(sentence: str, end: int) -> bool:
    """'the fourth meeting of the working group': an ordinal meeting of a body named by a
    generic noun, which stands for the body being reported."""
    noun = _NOUN_AFTER_ORDINAL.match(sentence, end)
    if not noun or not noun.group("of"):
        return False
    if not _MEETING_WORD_S.match(sentence[end:]):
        return False
    generic = GENERIC_BODY.match(sentence, noun.end())
    return generic is not None and not _DOMESTIC_BODY.match(generic.group())


def _unbound_meeting(sentence: str, end: int) -> bool:
    """'the fifth meeting was held ...': an ordinal meeting naming no body."""
    noun = _NOUN_AFTER_ORDINAL.match(sentence, end)
    if not noun or noun.group("of"):
        return False
    return bool(_MEETING_WORD.match(sentence[end:]))


def _future_after(after: str) -> bool:
    m = FUTURE_AFTER.search(after)
    return bool(m) and not _PAST_BEFORE_FUTURE.search(after, 0, m.start() + m.group().rfind(" "))


# "announced the establishment of a joint working group on IT": the body is being created,
# no session of it is reported.
_CREATED_BEFORE = re.compile(
    r"\b(?:establish(?:ment\s+of|ed|ing)?|set(?:ting)?\s+up|form(?:ation\s+of|ed|ing)?|"
    r"creat(?:ion\s+of|e|ed|ing)|constitut(?:ion\s+of|e|ed|ing)|launch(?:ed|ing)?(?:\s+of)?)\s+"
    r"(?:a|an|the)?\s*(?:new\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_SENT_TO = re.compile(
    r"\b(?:recommend|submit|present|forward|refer|send|sent|propos|put\s+up)\w*\b[^.;]{0,140}?\bto\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _flag(sentence: str, ref: Ref, reported: bool) -> None:
    before = sentence[max(0, ref.start - 60) : ref.start]
    after = sentence[ref.end : ref.end + 160]
    if ref.number is None and _CREATED_BEFORE.search(before):
        reported = False
    if ref.number is None and reported and " to " in before:
        # "recommending the airport as a deliverable to the JCC": the body is who receives
        # it, no session of it is told
        if _SENT_TO.search(sentence, max(0, ref.start - 160), ref.start):
            reported = False
    ref.back = bool(BACK_REFERENCE.search(before)) and not _NOT_BACK.search(before[-25:])
    # ("preparations for the upcoming JCC scheduled for this week": that date is the JCC's)
    ref.prepared = (
        not ref.back
        and bool(_PREPARED_FOR.search(sentence[max(0, ref.start - 140) : ref.start]))
        and not _future_after(after)
    )
    ref.future = bool(
        FUTURE_BEFORE.search(before)
        or FUTURE_VERB_BEFORE.search(before)
        or _future_after(after)
        or ref.prepared
        or (ref.number is not None and _FUTURE_INSIDE.search(sentence, ref.start, ref.end))
    )
    ref.reported = reported
