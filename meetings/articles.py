"""Reading article files: the checks both commands make before extracting."""

import hashlib
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


class ArticleError(Exception):
    """A file that cannot be read as an article; the message is one line."""


def sha256_of(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_text(text):
    """Refuse text that is not a usable article; return it unchanged otherwise.

    Text that stops mid-sentence is accepted: most pasted excerpts do, and what they state is
    still worth extracting. The extractor notes it among the extraction's warnings."""
    if not text.strip():
        raise ArticleError("empty: no text to extract from")
    if "\x00" in text:
        raise ArticleError("binary data, not text")
    return text


def read_article(path):
    """The text of the article at `path`, or ArticleError saying why not."""
    path = Path(path)
    if not path.exists():
        raise ArticleError("no such file")
    if path.is_dir():
        raise ArticleError("is a directory")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"too large: {size:,} bytes (the limit is {MAX_BYTES:,})")
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"not UTF-8 text (bad byte at offset {exc.start})") from exc
    return check_text(text.replace("\r\n", "\n"))


def article_paths(paths):
    """Files named directly, and the .txt files inside named directories, in order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def header_spans(text):
    """(start, end) of the lines at the top of `text` that describe the article rather than
    tell it (the `date`, `title:`, `outlet:` and `url:` lines the extractor reads), each
    with the blank lines after it: what a page showing the article can leave out. Offsets
    index `text` itself."""
    from .extraction.text import _HEADER_LINES, normalize, publication_date, read_header

    norm = normalize(text)  # the same length as `text`
    _, start = publication_date(norm)
    _, blanked = read_header(norm)
    spans, hiding = [], False
    if start:
        start += len(norm[start:]) - len(norm[start:].lstrip(" "))
        spans, hiding = [(0, start)], True
    pos, lines = start, 0
    while pos < len(norm) and lines <= _HEADER_LINES:
        end = norm.find("\n", pos)
        end = len(norm) if end == -1 else end + 1
        line, left = norm[pos:end], blanked[pos:end]
        if line.strip() and not left.strip():  # a line the extractor read as a header
            spans.append((pos, end))
            hiding = True
        elif not line.strip() and hiding:
            spans.append((pos, end))
        elif line.strip():
            hiding = False
        lines += bool(line.strip())
        pos = end
    return spans
