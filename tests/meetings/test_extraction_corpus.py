"""Scores the article extractor against a hand-labelled corpus, per field.

Each ``corpus/NN_name.txt`` is a short passage written for this corpus (wire copy, Pakistani
and Chinese MFA releases, opinion pieces, non-native English, negatives with no CPEC meeting at
all); ``corpus/NN_name.json`` is the extraction a careful human would produce from it.
``corpus_heldout/``, ``corpus_fresh/`` and ``corpus_blind4/`` hold more pairs in the same format
under the same conventions, each written separately. All four sets have since been tuned on, so
they are regression floors, not a measure of the extractor on unseen text: for new text, score
real articles (``../shared/tools/score-extraction ../shared/realtext`` for the development corpus
of real articles, and real articles nobody tuned on).

Labelling conventions (the ground truth follows them; read them before disputing a label):

* Only China-Pakistan bilateral mechanisms are meetings (JWG-ICC, JCC, BPC, ``JWG-<X>`` for a
  "Joint Working Group on X"). Multilateral events (SCO, UN, Belt and Road Forum), leaders'
  talks, cabinet meetings, talks with third countries and *future* meetings ("the next JCC will
  be held in Beijing") are not listed.
* ``is_main_subject`` is true for every meeting whose proceedings the passage reports as news,
  false for earlier sessions it only refers back to. A retrospective may have no main subject.
* ``date`` is as precise as the text allows ("in August 2023" -> ``2023-08``); weekdays,
  "today" and "yesterday" resolve against the leading ``date YYYY-MM-DD`` token (the
  publication date). No date in the text -> null.
* ``mode`` is null unless a sentence states it (in person, virtual, video link, hybrid). A
  virtual meeting with no stated host city has an empty venue.
* Focus areas are labelled only where the sides agreed / focused / cooperated on them at that
  meeting, not where they appear in background, one side's wish list or a digression.
* ``corridors_explicit`` holds the CPEC 2.0 corridors the passage ties the meeting to in
  words ("under the green corridor"); the ``cpec`` root is not scored.
* People: names without honorifics, titles as written minus the country ("of China",
  "Pakistan's", "Chinese"); country only when the text states it or the title is only used by
  one side.

Scoring: every label is turned into a set of facts keyed by (passage, body, number); a fact is a
true positive when predicted and expected, a false positive when predicted but not expected (a
wrong value is both a false positive and a false negative), a false negative when expected but
not predicted. Facts of a meeting the extractor missed are all false negatives; facts of a
meeting it invented are all false positives.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
HELDOUT = Path(__file__).resolve().parent / "corpus_heldout"
FRESH = Path(__file__).resolve().parent / "corpus_fresh"
BLIND4 = Path(__file__).resolve().parent / "corpus_blind4"
REPO_ROOT = Path(__file__).resolve().parents[2]
# Four sets, written in turn by people who never read the earlier sets' passages. The extractor was
# tuned on CORPUS first; HELDOUT (written after that) then showed the gap and was tuned on in turn,
# then FRESH likewise. They all now carry the 0.9 bar. BLIND4 was written last and was
# blind when written, but rules added since quote its passages in their comments: it has been tuned
# on too. None of the four measures the extractor on unseen text; they are regression floors. The
# measure for new text is real articles (../shared/tools/score-extraction ../shared/realtext, the
# development corpus, and real articles nobody tuned on).
THRESHOLD = 0.9
HELDOUT_THRESHOLD = THRESHOLD
FRESH_THRESHOLD = THRESHOLD
# A regression floor below the bar, kept where it was set while the set was still unseen.
# Precision/recall when written (extractor 79bb155): meeting .906/.967, date .900/.900,
# venue .893/.926, mode .906/.967, is_main_subject .875/.933, co_chairs .818/.818,
# co_chair_titles .727/.727, delegation_leaders .857/.750, focus_areas .641/.926,
# corridors_explicit .750/.750, published_on 1/1. After the last round of general rules
# (6cefde4): every field 1/1 except is_main_subject .967/.967 and focus_areas .794/1.
BLIND4_THRESHOLD = 0.75
CORPORA = [
    pytest.param(CORPUS, 25, id="corpus"),
    pytest.param(HELDOUT, 15, id="heldout"),
    pytest.param(FRESH, 16, id="fresh"),
    pytest.param(BLIND4, 16, id="blind4"),
]

FIELDS = [
    "meeting",
    "date",
    "venue",
    "mode",
    "is_main_subject",
    "co_chairs",
    "co_chair_titles",
    "delegation_leaders",
    "focus_areas",
    "corridors_explicit",
    "published_on",
]

FOCUS_SLUGS = {
    "industry",
    "agriculture",
    "energy",
    "sez",
    "science-technology",
    "information-technology",
    "livelihood",
    "connectivity",
    "trade-investment",
    "media-culture",
    "third-party",
    "security",
    "health",
    "education",
    "water",
    "mining",
    "maritime",
    "finance",
    "tourism",
}
CORRIDOR_SLUGS = {"growth", "livelihood", "innovation", "green", "open"}
MODES = {"in_person", "virtual", "hybrid", None}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --------------------------------------------------------------------------- corpus


def corpus_names(corpus: Path = CORPUS) -> list[str]:
    return sorted(p.stem for p in corpus.glob("*.txt"))


def load_pair(name: str, corpus: Path = CORPUS) -> tuple[str, dict]:
    text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
    label = json.loads((corpus / f"{name}.json").read_text(encoding="utf-8"))
    return text, label


# --------------------------------------------------------------------------- normalisation


def _ws(value: object) -> str:
    return " ".join(str(value or "").split())


def norm_name(name: object) -> str:
    return _ws(name).strip(" ,.;:").casefold()


def norm_body(body: object) -> str:
    return _ws(body).casefold()


def norm_place(place: object) -> str:
    return _ws(place).casefold()


_TITLE_DROP = re.compile(
    r"\b(china's|pakistan's|of\s+the\s+people's\s+republic(\s+of\s+china)?|of\s+the\s+islamic\s+"
    r"republic(\s+of\s+pakistan)?|of\s+china(?!')|of\s+pakistan(?!')|chinese|pakistani|the)\b"
)


def norm_title(title: object) -> str:
    """Lower-case, no parentheses, no country words, no articles, no punctuation."""
    t = _ws(title).casefold().replace("\u2019", "'")
    t = re.sub(r"\([^)]*\)", " ", t)
    t = _TITLE_DROP.sub(" ", t)
    t = re.sub(r"^\s*(a|an)\s+", " ", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(t.split())


# --------------------------------------------------------------------------- facts


def _slug(item: object) -> str:
    return item["slug"] if isinstance(item, dict) else str(item)


def facts_of(name: str, result: dict, predicted: bool) -> dict[str, set[tuple]]:
    """Turn an expected label or a predicted ``to_json_dict`` into per-field fact sets."""
    facts: dict[str, set[tuple]] = {field: set() for field in FIELDS}
    if result.get("published_on"):
        facts["published_on"].add((name, result["published_on"]))
    for m in result.get("meetings") or []:
        if predicted and m.get("status") == "planned":
            continue  # these labels list no future meeting (see the conventions above)
        key = (name, norm_body(m.get("body")), m.get("number"))
        facts["meeting"].add(key)
        if m.get("date"):
            facts["date"].add((*key, m["date"]))
        city, country = norm_place(m.get("city")), norm_place(m.get("country"))
        if city or country:
            facts["venue"].add((*key, city, country))
        facts["mode"].add((*key, m.get("mode")))
        facts["is_main_subject"].add((*key, bool(m.get("is_main_subject"))))
        for person in m.get("co_chairs") or []:
            pname = norm_name(person.get("name"))
            facts["co_chairs"].add((*key, pname, norm_place(person.get("country"))))
            if norm_title(person.get("title")):
                facts["co_chair_titles"].add((*key, pname, norm_title(person.get("title"))))
        for person in m.get("delegation_leaders") or []:
            facts["delegation_leaders"].add(
                (*key, norm_name(person.get("name")), norm_place(person.get("country")))
            )
        for fa in m.get("focus_areas") or []:
            facts["focus_areas"].add((*key, _slug(fa)))
        if predicted:
            explicit = [c["slug"] for c in m.get("corridors") or [] if c.get("how") == "explicit"]
        else:
            explicit = list(m.get("corridors_explicit") or [])
        for slug in explicit:
            if slug != "cpec":
                facts["corridors_explicit"].add((*key, slug))
    return facts


# --------------------------------------------------------------------------- tests on the corpus


@pytest.mark.parametrize("corpus, minimum", CORPORA)
def test_corpus_has_enough_complete_pairs(corpus, minimum):
    names = corpus_names(corpus)
    assert len(names) >= minimum, f"only {len(names)} passages in {corpus}"
    missing = [n for n in names if not (corpus / f"{n}.json").exists()]
    assert not missing, f"passages without a .json label: {missing}"
    orphans = sorted(
        p.stem for p in corpus.glob("*.json") if not (corpus / f"{p.stem}.txt").exists()
    )
    assert not orphans, f"labels without a .txt passage: {orphans}"


@pytest.mark.parametrize(
    "corpus", [CORPUS, HELDOUT, FRESH, BLIND4], ids=["corpus", "heldout", "fresh", "blind4"]
)
def test_labels_are_well_formed(corpus):
    problems = []
    for name in corpus_names(corpus):
        text, label = load_pair(name, corpus)
        words = len(text.split())
        if not 80 <= words <= 400:
            problems.append(f"{name}: {words} words")
        pub = label.get("published_on")
        token = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\b", text)
        if pub != (token.group(1) if token else None):
            problems.append(f"{name}: published_on {pub!r} disagrees with the date token")
        keys = Counter((m["body"], m["number"]) for m in label["meetings"])
        problems += [f"{name}: duplicate meeting {k}" for k, n in keys.items() if n > 1]
        for m in label["meetings"]:
            where = f"{name} {m['body']} #{m['number']}"
            if m["date"] is not None and not DATE_RE.match(m["date"]):
                problems.append(f"{where}: bad date {m['date']!r}")
            if m["mode"] not in MODES:
                problems.append(f"{where}: bad mode {m['mode']!r}")
            if not isinstance(m["is_main_subject"], bool):
                problems.append(f"{where}: is_main_subject not a bool")
            problems += [
                f"{where}: unknown focus area {s!r}"
                for s in m["focus_areas"]
                if s not in FOCUS_SLUGS
            ]
            problems += [
                f"{where}: unknown corridor {s!r}"
                for s in m["corridors_explicit"]
                if s not in CORRIDOR_SLUGS
            ]
            for person in m["co_chairs"] + m["delegation_leaders"]:
                if set(person) != {"name", "title", "country"} or not person["name"]:
                    problems.append(f"{where}: malformed person {person!r}")
                elif person["name"].casefold() not in " ".join(text.split()).casefold():
                    problems.append(f"{where}: {person['name']!r} does not occur in the text")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- extractor score


def _import_extractor():
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    spec = importlib.util.find_spec("meetings.extraction")
    if spec is None or spec.origin in (None, "namespace"):
        pytest.skip("meetings/extraction/__init__.py does not exist yet")
    from meetings.extraction import extract, to_json_dict

    return extract, to_json_dict


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def score_corpus(extract, to_json_dict, corpus: Path = CORPUS):
    expected: dict[str, set[tuple]] = defaultdict(set)
    predicted: dict[str, set[tuple]] = defaultdict(set)
    crashes = {}
    for name in corpus_names(corpus):
        text, label = load_pair(name, corpus)
        for field, fs in facts_of(name, label, predicted=False).items():
            expected[field] |= fs
        try:
            result = to_json_dict(extract(text))
        except Exception as exc:  # a crash on one passage must not hide the others
            crashes[name] = f"{type(exc).__name__}: {exc}"
            continue
        for field, fs in facts_of(name, result, predicted=True).items():
            predicted[field] |= fs
    rows, errors = [], {}
    for field in FIELDS:
        tp = expected[field] & predicted[field]
        fp = predicted[field] - expected[field]
        fn = expected[field] - predicted[field]
        precision = _ratio(len(tp), len(tp) + len(fp))
        recall = _ratio(len(tp), len(tp) + len(fn))
        rows.append((field, len(tp), len(fp), len(fn), precision, recall))
        errors[field] = (fp, fn)
    return rows, errors, crashes


def format_table(rows) -> str:
    lines = [f"{'field':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
    for field, tp, fp, fn, precision, recall in rows:
        lines.append(f"{field:<20} {tp:>4} {fp:>4} {fn:>4} {precision:>9.3f} {recall:>7.3f}")
    return "\n".join(lines)


def format_errors(field: str, fp: set[tuple], fn: set[tuple]) -> str:
    by_passage: dict[str, list[str]] = defaultdict(list)
    for kind, facts in (("unexpected", fp), ("missing", fn)):
        for fact in sorted(facts, key=repr):
            by_passage[fact[0]].append(f"      {kind}: {fact[1:]}")
    lines = [f"  {field}:"]
    for name in sorted(by_passage):
        lines.append(f"    {name}")
        lines.extend(by_passage[name])
    return "\n".join(lines)


def errors_per_passage(errors) -> Counter:
    counts: Counter = Counter()
    for fp, fn in errors.values():
        counts.update(fact[0] for fact in fp | fn)
    return counts


def test_extractor_scores_on_corpus(capsys):
    assert_scores(CORPUS, THRESHOLD, "Extraction corpus", capsys)


def test_extractor_scores_on_heldout_corpus(capsys):
    assert_scores(HELDOUT, HELDOUT_THRESHOLD, "Held-out extraction corpus", capsys)


def test_extractor_scores_on_fresh_corpus(capsys):
    assert_scores(FRESH, FRESH_THRESHOLD, "Fresh extraction corpus", capsys, blind=True)


def test_extractor_scores_on_blind4_corpus(capsys):
    assert_scores(BLIND4, BLIND4_THRESHOLD, "Fourth extraction corpus", capsys, blind=True)


def assert_scores(
    corpus: Path, threshold: float, heading: str, capsys, blind: bool = False
) -> None:
    """``blind``: print the table and the failing fields only. The sets scored this way were meant
    to stay unseen; they have been tuned on since, so this only keeps their output short."""
    extract, to_json_dict = _import_extractor()
    rows, errors, crashes = score_corpus(extract, to_json_dict, corpus)
    if blind:  # which passage crashed, and on what text, stays hidden too
        crashes = {f"passage #{i}": "(hidden)" for i in range(1, len(crashes) + 1)}
    worst = [] if blind else errors_per_passage(errors).most_common(8)
    with capsys.disabled():
        print(f"\n\n{heading}: per-field scores over", len(corpus_names(corpus)), "passages")
        print(format_table(rows))
        if worst:
            print("passages with most wrong facts:", ", ".join(f"{n} ({c})" for n, c in worst))
        for name, message in crashes.items():
            print(f"extract() crashed on {name}: {message}")
    failing = [row for row in rows if row[4] < threshold or row[5] < threshold]
    message = []
    if crashes:
        message.append(
            "extract() crashed on: " + "; ".join(f"{n}: {m}" for n, m in crashes.items())
        )
    if failing:
        message.append(
            "fields below {:.2f} precision or recall: {}".format(
                threshold,
                ", ".join(f"{f} (p={p:.3f}, r={r:.3f})" for f, _, _, _, p, r in failing),
            )
        )
        message.append(format_table(rows))
        if not blind:
            message.append("wrong facts, by field and passage (fact = (body, number, value...)):")
            message.extend(format_errors(f, *errors[f]) for f, *_ in failing)
    assert not message, "\n".join(message)
