"""Text normalisation and sentence splitting with offsets.

`normalize()` maps typographic characters one-for-one (curly quotes, dashes,
non-breaking spaces, carriage returns), so every offset in the normalised text
is also an offset in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ONE_FOR_ONE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\t": " ",
        "\r": " ",
        "\f": "\n",
        "\v": "\n",
    }
)

# Words that end with a period without ending the sentence (compared lower-case).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof no nos jan feb mar apr jun jul aug sep sept oct nov dec st gen lt col
    maj capt cdr adm sen rep gov jr sr vs inc co corp ltd dept govt amb hon messrs mt ft approx
    fig vol art sec engr eng brig cf al""".split()
)

PUBLICATION_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")

# A period, ! or ? (plus closing quotes/brackets) followed by whitespace, or glued to the
# next sentence when a writer forgot the space ("in Beijing.The two sides").
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s)|(?<=[a-z0-9)]{2})[.!?](?=[A-Z][a-z])")
# The two halves of _BOUNDARY, each starting with the punctuation so that the engine scans for
# it: their matches never overlap, so together they are _BOUNDARY's matches.
_BOUNDARY_SPACED = re.compile(r"[.!?]+[\"')\]]*(?=\s)")
_BOUNDARY_GLUED = re.compile(r"[.!?](?<=[a-z0-9)]{2}[.!?])(?=[A-Z][a-z])")
_NEXT_STARTS_SENTENCE = re.compile(r"\s*[\"'(\[]?\s*[A-Z0-9]")
_BLANK_LINE = re.compile(r"\n[ ]*\n\s*")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_WRAPPED_LINE_END = re.compile(r"(?<=[.!?\"':])[ ]*\n")


@dataclass(frozen=True)
class Sentence:
    text: str  # normalised text of the sentence
    start: int  # offsets in the original (and normalised) text
    end: int


def normalize(text: str) -> str:
    """Same-length copy of `text` with quotes, dashes and spaces made plain ASCII."""
    return text.translate(_ONE_FOR_ONE)


# An embedded post's attribution, "- Name (@handle) July 10, 2021": the date is when it was
# posted, not when any meeting was, and the name its author, not a chair.
_EMBED_BYLINE = re.compile(
    r"(?:-{1,2}\s*)?(?:[A-Z][\w.'-]*\s+){0,5}\(@\w{1,30}\)\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?"
)


def blank_embeds(norm: str) -> str:
    """`norm` with embedded posts' attributions blanked (same length, so offsets hold)."""
    if "(@" not in norm:
        return norm
    return _EMBED_BYLINE.sub(lambda m: " " * len(m.group()), norm)


@dataclass
class Header:
    """What the lines at the top of a saved article say about it."""

    published_on: str | None = None
    title: str = ""
    outlet: str = ""
    url: str = ""


_HEADER_LINES = 8  # a header's lines, and page furniture, come before the story
_KEY_LINE = re.compile(
    r"[ ]*(?:date[ ]+(?P<date>\d{4}-\d{2}-\d{2})"
    r"|(?P<key>title|outlet|url|source)[ ]*:[ ]*(?P<value>\S[^\n]{0,300}?))[ ]*$",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+$|[\w-]+(?:\.[\w-]+)+/\S*$", re.IGNORECASE)


def read_header(norm: str) -> tuple[Header, str]:
    """The header lines among the first lines (`date YYYY-MM-DD`, `title:`, `outlet:`,
    `url:`), before or after a headline, and `norm` with those lines blanked (same length,
    so offsets hold) so that they are not read as the article's sentences."""
    header = Header()
    pos, seen = 0, 0
    while pos < len(norm) and seen < _HEADER_LINES:
        end = norm.find("\n", pos)
        end = len(norm) if end == -1 else end
        line = norm[pos:end]
        m = _KEY_LINE.fullmatch(line)
        if m and m.group("date") and header.published_on is None:
            header.published_on = m.group("date")
        elif m and m.group("key"):
            key, value = m.group("key").lower(), m.group("value").strip()
            if key in ("url", "source") and _URL.match(value) and not header.url:
                header.url = value
            elif key == "title" and not header.title:
                header.title = value
            elif key == "outlet" and not header.outlet and len(value.split()) <= 8:
                header.outlet = value
            else:
                m = None
        if m:
            norm = norm[:pos] + " " * (end - pos) + norm[end:]
        if line.strip():
            seen += 1
        pos = end + 1
    return header, norm


def publication_date(norm: str) -> tuple[str | None, int]:
    """The leading `date YYYY-MM-DD` token, and where the article text starts after it."""
    match = PUBLICATION_DATE.match(norm)
    if not match:
        return None, 0
    return match.group(1), match.end()


# How a finished sentence, or a last line that is no sentence at all, ends (normalised text).
_CLOSING = tuple(".!?\"')]}:;\u2026")
CLIPPED = "looks clipped: ends mid-sentence"


def looks_clipped(norm: str) -> bool:
    """Does the text stop mid-sentence, as most pasted excerpts do? Its last line then has
    no closing punctuation and reads as prose: long, or ending in a lower-case word (a short
    capitalised last line is a byline or a caption, not a cut)."""
    lines = norm.strip().splitlines()
    last = lines[-1].strip() if lines else ""
    if not last or last.endswith(_CLOSING):
        return False
    words = last.split()
    return len(words) >= 8 or (len(words) >= 3 and words[-1][0].islower())


def headline(norm: str, start: int) -> str:
    """The first line, when it reads like a headline: short and without a final period."""
    rest = norm[start:].lstrip()
    first = rest.split("\n", 1)[0].strip()
    if not first or "\n" not in rest:
        return ""
    if len(first) > 160 or first[-1] in ".!?:;,":
        return ""
    if first.count(". ") or len(first.split()) < 3:
        return ""
    return first


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True for text broken into fixed-width lines inside paragraphs."""
    lengths = [len(line.strip()) for line in lines if line.strip()]
    if len(lengths) < 4:
        return False
    wrapped = sum(
        1
        for line in lines
        if 50 <= len(line.strip()) <= 100 and line.rstrip()[-1:] not in ".!?\"':"
    )
    return wrapped >= 0.5 * len(lengths)


def _ends_in_abbreviation(norm: str, dot: int) -> bool:
    """Does the period at `dot` belong to an abbreviation or an initial?"""
    chunk = norm[max(0, dot - 32) : dot]
    if not chunk or chunk[-1].isspace():
        return False
    word = chunk.rsplit(None, 1)[-1]  # the characters since the last whitespace
    word = word[max(word.rfind("("), word.rfind('"'), word.rfind("'")) + 1 :]
    if len(word) == len(chunk) and dot > 32:  # longer than the window: walk back to its start
        i = dot - 32
        while i > 0 and not norm[i - 1].isspace() and norm[i - 1] not in "(\"'":
            i -= 1
        word = norm[i:dot]
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "A. Khan"
    if "." in word and _INITIALS.fullmatch(word):
        return True  # "U.S", "e.g", "H.E"
    return False


def split_sentences(norm: str, start: int = 0) -> list[Sentence]:
    """Split `norm[start:]` into sentences, keeping offsets into `norm`."""
    cuts: list[int] = []
    lines = norm[start:].split("\n")
    wrapped = _is_hard_wrapped(lines)
    for match in _BLANK_LINE.finditer(norm, start):
        cuts.append(match.start())
    if not wrapped:
        pos = norm.find("\n", start)
        while pos != -1:
            cuts.append(pos)
            pos = norm.find("\n", pos + 1)
    else:
        for match in _WRAPPED_LINE_END.finditer(norm[start:]):
            cuts.append(start + match.end() - 1)
    boundaries = [*_BOUNDARY_SPACED.finditer(norm, start), *_BOUNDARY_GLUED.finditer(norm, start)]
    boundaries.sort(key=lambda m: m.start())
    for match in boundaries:
        end = match.end()
        dot = match.start()
        if norm[dot] == "." and _ends_in_abbreviation(norm, dot) and match.group()[-1] == ".":
            continue
        if not _NEXT_STARTS_SENTENCE.match(norm, end):
            continue
        cuts.append(end)
    cuts = sorted(set(cuts))
    sentences: list[Sentence] = []
    prev = start
    for cut in [*cuts, len(norm)]:
        if cut <= prev:
            continue
        _append(sentences, norm, prev, cut)
        prev = cut
    return sentences


def _append(sentences: list[Sentence], norm: str, a: int, b: int) -> None:
    piece = norm[a:b]
    core = piece.strip()  # str.strip() removes exactly the characters str.isspace() names
    if core:
        a += len(piece) - len(piece.lstrip())
        sentences.append(Sentence(core, a, a + len(core)))


def any_of(*words: str) -> re.Pattern:
    """A regex found where any of `words` occurs: as `"|".join(words)`, but trie-shaped."""
    return re.compile(trie_alternation(words))


def trie_alternation(words, space: str = "", guard: str = "") -> str | None:
    """Regex source matching any of `words` as written, the longest at a position first (as an
    alternation sorted longest first does), laid out as a trie so the engine follows one branch
    instead of trying every word. `space`: the regex a space in a word stands for. `guard`: a
    character class that must not come before the match (as a lookbehind after the first
    character, so that the engine scans for the words' first characters). None when a word
    holds a character the `space` regex also matches (the trie would not be deterministic),
    unless the word with those characters read as a space is in `words` too: then its matches
    are that word's (the same spans), and it is left out."""
    words = set(words)
    root: dict = {}
    for word in sorted(words):
        if not word or word[0] == " ":
            return None
        if space and re.sub(space, " ", word) != word:
            if re.sub(space, " ", word) in words:
                continue
            return None
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def token(char: str) -> str:
        return space if space and char == " " else re.escape(char)

    def emit(node: dict) -> str:
        alts = [token(c) + emit(child) for c, child in node.items() if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    firsts = []
    for char, child in root.items():
        lead = re.escape(char)
        if guard:
            lead += f"(?<!{guard}{re.escape(char)})"
        firsts.append(lead + emit(child))
    return "(?:" + "|".join(firsts) + ")" if firsts else None
