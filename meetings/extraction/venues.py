"""Where a meeting took place: a gazetteer of cities, venue phrases, datelines, mode."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import _DAY, _MONTH, _YEAR

# city -> country
CITIES = {
    # Pakistan
    "Islamabad": "Pakistan",
    "Karachi": "Pakistan",
    "Lahore": "Pakistan",
    "Peshawar": "Pakistan",
    "Quetta": "Pakistan",
    "Gwadar": "Pakistan",
    "Rawalpindi": "Pakistan",
    "Multan": "Pakistan",
    "Faisalabad": "Pakistan",
    "Gilgit": "Pakistan",
    "Hyderabad": "Pakistan",
    "Sialkot": "Pakistan",
    "Muzaffarabad": "Pakistan",
    "Skardu": "Pakistan",
    "Sukkur": "Pakistan",
    "Abbottabad": "Pakistan",
    "Murree": "Pakistan",
    "Sost": "Pakistan",
    "Thar": "Pakistan",
    # China
    "Beijing": "China",
    "Shanghai": "China",
    "Urumqi": "China",
    "Kashgar": "China",
    "Chengdu": "China",
    "Xi'an": "China",
    "Guangzhou": "China",
    "Shenzhen": "China",
    "Kunming": "China",
    "Wuhan": "China",
    "Hangzhou": "China",
    "Nanjing": "China",
    "Chongqing": "China",
    "Tianjin": "China",
    "Xiamen": "China",
    "Qingdao": "China",
    "Dalian": "China",
    "Harbin": "China",
    "Changsha": "China",
    "Zhengzhou": "China",
    "Lanzhou": "China",
    "Hohhot": "China",
    "Lhasa": "China",
    "Nanning": "China",
    "Haikou": "China",
    "Sanya": "China",
    "Boao": "China",
    "Hefei": "China",
    "Jinan": "China",
    "Fuzhou": "China",
    "Yinchuan": "China",
    "Xining": "China",
    "Guiyang": "China",
    "Shenyang": "China",
    "Changchun": "China",
    "Taiyuan": "China",
    "Shijiazhuang": "China",
    "Nanchang": "China",
    "Suzhou": "China",
    "Ningbo": "China",
    "Khorgos": "China",
}
# other spellings -> gazetteer name
CITY_ALIASES = {
    "Xian": "Xi'an",
    "Urumchi": "Urumqi",
    "\u00dcr\u00fcmqi": "Urumqi",
    "Kashi": "Kashgar",
    "Peking": "Beijing",
    "Canton": "Guangzhou",
    "Chungking": "Chongqing",
}
# phrases that name a capital without naming the city
CAPITAL_PHRASES = {
    "the Chinese capital": "Beijing",
    "China's capital": "Beijing",
    "the capital of China": "Beijing",
    "the Pakistani capital": "Islamabad",
    "Pakistan's capital": "Islamabad",
    "the capital of Pakistan": "Islamabad",
    "the federal capital": "Islamabad",
}

# Mode words count when they describe a meeting, not a thing ("virtual reality", "online
# payments", "hybrid seed").
VIRTUAL = re.compile(
    r"\b(?:virtual(?:ly)?(?!\s+(?:reality|currenc\w*|assets?|private|machines?))|"
    r"via\s+video[-\s]?link|video[-\s]?link|video[-\s]?conferenc\w*|video\s+(?:format|calls?)|"
    r"virtualy|(?<!came\s)(?<!come\s)(?<!comes\s)(?<!coming\s)online(?!\s+(?:portals?|platforms?|payments?|systems?|services?|shopping|banking|"
    r"education|learning|courses?|applications?|registration|visas?|trade|markets?|sales|stores?|"
    r"business|content|media|news|fraud|campaigns?))|by\s+video|through\s+video)\b",
    re.IGNORECASE,
)
HYBRID = re.compile(
    r"\bhybrid[-\s]+(?:mode|format|manner|meeting|session|form|fashion|setting|arrangement)s?\b|"
    r"\b(?:in|via|through)\s+(?:a\s+)?hybrid\b(?![-\s]+(?:seeds?|varieties|variety|rice|maize|"
    r"cotton|crops?|vehicles?|cars?|development))|\bhybrid(?=\s*(?:[,.;]|$))|"
    r"\b(?:online\s+and\s+(?:offline|in[-\s]person|physical(?:ly)?)|(?:offline|in[-\s]person|"
    r"physical(?:ly)?)\s+and\s+(?:online|virtual(?:ly)?))\b",
    re.IGNORECASE,
)

_ALL_NAMES = {**{c: c for c in CITIES}, **CITY_ALIASES}
_CITY = "|".join(re.escape(n) for n in sorted(_ALL_NAMES, key=len, reverse=True))
CITY_NAMES = _CITY
_CAPITAL = "|".join(re.escape(p) for p in CAPITAL_PHRASES)
# "held in Beijing", "in the Chinese city of Kashgar", "at Islamabad"
_IN_CITY = re.compile(
    rf"\b(?:in|at|to)\s+(?:the\s+(?:\w+\s+)?(?:city|capital|port\s+city)\s+of\s+)?"
    rf"(?:(?P<city>{_CITY})|(?P<capital>{_CAPITAL}))(?![\w'])",
    re.IGNORECASE,
)
# "held at the Ministry of Foreign Affairs, Islamabad"
_AT_PLACE_CITY = re.compile(
    rf"\b(?:held|hosted|convened|met)\s+(?:[^.;]{{0,60}}?\s)?at\s+(?:the\s+)?[A-Z][^.;]{{0,60}}?,\s+"
    rf"(?P<city>{_CITY})(?![\w'])",
    re.IGNORECASE,
)
_CITY_HOSTED = re.compile(
    rf"(?<![\w'])(?P<city>{_CITY})\s+(?:served|serves|was|acted)\s+as\s+(?:the\s+)?venue|"
    rf"(?<![\w'])(?P<city2>{_CITY})\s+(?:hosted|played\s+host)",
    re.IGNORECASE,
)
_M, _D, _Y = (re.sub(r"\?P<\w+>", "?:", p) for p in (_MONTH, _DAY, _YEAR))
# "ISLAMABAD, Jan 21 (Reuters) -", "Beijing, 24 April 2023 (TDI):", "BEIJING, (APP - Outlet -
# 25th Apr, 2025)", "ISLAMABAD:", and a line holding only the city.
DATELINE = re.compile(
    rf"\A\s*(?P<city>{_CITY})\s*"
    rf"(?:,\s*(?P<date>{_M}\s+{_D}(?:,?\s+{_Y})?|{_D}\s+{_M}(?:,?\s+{_Y})?))?"
    r"\s*,?\s*(?:\((?P<paren>[^()]{1,80})\))?\s*(?::\s*|\s*-{1,2}\s+|\Z|(?<=\))\s*(?=[A-Z]))",
    re.IGNORECASE,
)
# "Islamabad, China and Pakistan have agreed ...": a city and a comma opening the story.
_BARE_DATELINE = re.compile(rf"\A\s*(?P<city>{_CITY}),\s+(?=[A-Z][a-z]+\s+[a-z\s]*[A-Za-z])")


@dataclass(frozen=True)
class Venue:
    city: str
    country: str
    start: int
    end: int


def canonical_city(name: str) -> str:
    for known, canonical in _ALL_NAMES.items():
        if known.lower() == name.lower():
            return canonical
    return ""


# "the Pakistani embassy in Beijing said": where an institution sits, not where a meeting met.
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:embassy|embassies|consulate|consulate-general|mission|high\s+commission|office|"
    r"headquarters|bureau|correspondent)\s*$",
    re.IGNORECASE,
)


_TRAVEL_BEFORE = re.compile(
    r"\b(?:visits?|visited|visiting|arrival|arrived?|trip|travel(?:l?ed)?|journey|departure|"
    r"depart(?:ed|s)?|flew|flown|return(?:ed)?)\b[^.;]{0,50}$",
    re.IGNORECASE,
)
_AT_INSTITUTION = re.compile(r"\bat\s+the\s+(?:[A-Z][\w'-]*\s+){1,5}$")
# "at the Gwadar Port Authority", "at the Beijing Hotel": a city naming the building
_AT_CITY_PLACE = re.compile(rf"\bat\s+the\s+(?P<city>{_CITY})\s+(?=[A-Z])")


def find_venues(sentence: str) -> list[Venue]:
    found = []
    for m in _IN_CITY.finditer(sentence):
        if m.group()[:2].lower() == "to" and _TRAVEL_BEFORE.search(
            sentence, max(0, m.start() - 60), m.start()
        ):
            continue  # "the President's visit to Islamabad": where someone goes, not a venue
        if _INSTITUTION_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            # ... unless the meeting was held there: "concluded at the Foreign Office in Islamabad"
            if not _AT_INSTITUTION.search(sentence, max(0, m.start() - 60), m.start()):
                continue
        if m.group("city"):
            city = canonical_city(m.group("city"))
            start, end = m.start("city"), m.end("city")
        else:
            phrase = next(p for p in CAPITAL_PHRASES if p.lower() == m.group("capital").lower())
            city = CAPITAL_PHRASES[phrase]
            start, end = m.start("capital"), m.end("capital")
        found.append(Venue(city, CITIES[city], start, end))
    for m in _AT_CITY_PLACE.finditer(sentence) if "at the" in sentence else ():
        city = canonical_city(m.group("city"))
        found.append(Venue(city, CITIES[city], m.start("city"), m.end("city")))
    low = sentence.casefold()  # cheap tests before the two patterns that try every city
    at_place = "at" in low and any(w in low for w in ("held", "hosted", "convened", "met"))
    for m in _AT_PLACE_CITY.finditer(sentence) if at_place else ():
        city = canonical_city(m.group("city"))
        found.append(Venue(city, CITIES[city], m.start("city"), m.end("city")))
    for m in _CITY_HOSTED.finditer(sentence) if "venue" in low or "host" in low else ():
        group = "city" if m.group("city") else "city2"
        city = canonical_city(m.group(group))
        found.append(Venue(city, CITIES[city], m.start(group), m.end(group)))
    return sorted(set(found), key=lambda v: v.start)


def find_dateline(sentence: str, opening: bool = False) -> tuple[Venue, re.Match] | None:
    """'ISLAMABAD, Jan 21 (Reuters) -' or 'BEIJING:' at the start of a sentence; with
    `opening` (the story's first sentence) also 'Islamabad, China and Pakistan ...'."""
    m = DATELINE.match(sentence)
    if not m and opening:
        m = _BARE_DATELINE.match(sentence)
        if m and _IN_CITY.match("in " + sentence[m.end() :].split(None, 1)[0]):
            m = None  # "Beijing, Shanghai and ...": a list of cities
    if not m:
        return None
    raw = m.group("city")
    if not (raw.isupper() or raw[0].isupper()):
        return None
    city = canonical_city(raw)
    return Venue(city, CITIES[city], m.start("city"), m.end("city")), m


def dateline_date(m: re.Match) -> str:
    """The date a dateline gives, in its own slot or in its bracket ('(APP - 25th Apr, 2025)')."""
    groups = m.groupdict()
    return groups.get("date") or groups.get("paren") or ""


# "People's Daily Online", "Dawn Online": an outlet's name, not how a meeting met.
_OUTLET_ONLINE = re.compile(r"[A-Z][\w']*\s+$")


# "the first in-person JCC since the pandemic", "met face to face": said of how the sides met,
# so it is the mode; "in person" inside "online and in person" is hybrid, tested first.
IN_PERSON = re.compile(
    r"\b(?:in[-\s]person|face[-\s]to[-\s]face|physical(?:ly)?\s+(?:meeting|session|format|"
    r"mode|presence|attendance))\b",
    re.IGNORECASE,
)


def find_mode(sentence: str) -> str:
    if HYBRID.search(sentence):
        return "hybrid"
    for m in VIRTUAL.finditer(sentence):
        if m.group() == "Online" and _OUTLET_ONLINE.search(sentence, 0, m.start()):
            continue
        return "virtual"
    if IN_PERSON.search(sentence):
        return "in_person"
    return ""
