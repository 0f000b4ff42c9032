"""How many ~4 KB articles per second `extract()` handles on one core.

    .venv/bin/python bench/extract_speed.py [--articles 400] [--seed 1] [--repeat 3]

Articles are generated from templates with random bodies, ordinals, dates, cities and
names, so the figure does not depend on any one real article. The articles are extracted
`--repeat` times; the figure is the median run's CPU time (a busy machine slows single runs).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from meetings.extraction import extract  # noqa: E402

BODIES = [
    "Joint Working Group on International Cooperation and Coordination (JWG-ICC)",
    "Joint Cooperation Committee (JCC)",
    "Pakistan-China Bilateral Political Consultations (BPC)",
    "CPEC Joint Working Group on Energy",
    "Joint Working Group on Special Economic Zones",
    "JWG-ICC",
]
ORDINALS = ["second", "3rd", "fourth", "5th", "sixth", "seventh", "8th", "ninth", "10th", "11th"]
CITIES = ["Islamabad", "Beijing", "Karachi", "Lahore", "Urumqi", "Kashgar", "Chengdu", "Gwadar"]
MONTHS = ["January", "March", "April", "June", "August", "October", "November", "December"]
SURNAMES_CN = ["Wang", "Li", "Zhang", "Liu", "Chen", "Sun", "Luo", "Zhou"]
GIVEN_CN = ["Weidong", "Ming", "Hua", "Jianguo", "Lijun", "Fang", "Haibo", "Yuhang"]
NAMES_PK = ["Amna Baloch", "Sohail Mahmood", "Tariq Saeed", "Ayesha Khan", "Asad Mir", "Bilal Shah"]
AREAS = [
    "agriculture",
    "renewable energy",
    "information technology",
    "science and technology",
    "people's livelihood",
    "industry",
    "Special Economic Zones",
    "trade and investment",
    "health",
    "education",
    "media and culture",
    "tourism",
]
FILLER = [
    "Officials said the corridor had entered a new phase of high-quality development.",
    "The Foreign Office spokesperson later told reporters that the talks were cordial.",
    "Analysts noted that the projects had faced delays during the pandemic years.",
    "The early-harvest power plants ended the load-shedding that once crippled factories.",
    "Both countries describe their friendship as higher than the mountains.",
    "Security arrangements for Chinese nationals were reviewed by the interior ministry.",
]


def article(rng: random.Random) -> str:
    body = rng.choice(BODIES)
    year = rng.randint(2016, 2025)
    day = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    cn = f"{rng.choice(SURNAMES_CN)} {rng.choice(GIVEN_CN)}"
    pk = rng.choice(NAMES_PK)
    city = rng.choice(CITIES)
    parts = [
        f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"{city.upper()}: The {rng.choice(ORDINALS)} meeting of the {body} was held in "
        f"{city} on {month} {day}, {year}.",
        f"The meeting was co-chaired by Vice Foreign Minister {cn} and Foreign Secretary {pk}.",
    ]
    for _ in range(rng.randint(9, 12)):
        kind = rng.random()
        if kind < 0.4:
            a, b = rng.sample(AREAS, 2)
            verb = rng.choice(["agreed to deepen cooperation in", "reaffirmed their focus on"])
            parts.append(f"The two sides {verb} {a} and {b}, officials said.")
        elif kind < 0.55:
            parts.append(
                f"They reviewed progress since the {rng.choice(ORDINALS)} meeting held in "
                f"{rng.choice(CITIES)} on {day} {rng.choice(MONTHS)} {year - 1}."
            )
        else:
            parts.append(rng.choice(FILLER) + " " + rng.choice(FILLER))
    text = "\n\n".join(parts)
    while len(text) < 3800:
        text += "\n\n" + " ".join(rng.sample(FILLER, 3))
    return text[:4200]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = [article(rng) for _ in range(args.articles)]
    extract(texts[0])  # compile and cache patterns outside the timing
    # CPU time of this process: on a busy machine wall-clock time also counts other work.
    runs = []
    for _ in range(max(1, args.repeat)):
        wall, cpu = time.perf_counter(), time.process_time()
        meetings = sum(len(extract(t).meetings) for t in texts)
        runs.append((time.process_time() - cpu, time.perf_counter() - wall))
    runs.sort()
    cpu, wall = runs[len(runs) // 2]
    size = sum(len(t) for t in texts) / len(texts)
    rates = ", ".join(f"{len(texts) / c:.0f}" for c, _ in runs)
    print(
        f"{len(texts)} articles (mean {size / 1024:.1f} KB), {meetings} meetings: "
        f"{len(texts) / cpu:.0f} articles/s on one core "
        f"({len(texts) / wall:.0f}/s wall-clock; median of {len(runs)} runs: {rates})"
    )


if __name__ == "__main__":
    main()
