"""The brief's controlled vocabulary, as data.

The database is seeded from these values by a data migration; at ingestion
time the writer passes the database's (admin-extended) copy to `extract()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# (short name, full name, slug)
BODIES = [
    ("JWG-ICC", "Joint Working Group on International Cooperation and Coordination", "jwg-icc"),
    ("JCC", "Joint Cooperation Committee", "jcc"),
    ("BPC", "Bilateral Political Consultations", "bpc"),
]

# slug -> (display name, synonyms matched case-insensitively as whole words)
FOCUS_AREAS = {
    "industry": (
        "Industry",
        [
            "industry",
            "industrial cooperation",
            "industrial",
            "industrialisation",
            "industrialization",
            "industries",
        ],
    ),
    "agriculture": (
        "Agriculture",
        [
            "agriculture",
            "agricultural",
            "farming",
            "livestock",
            "crops",
            "seeds",
            "seed development",
            "fisheries",
            "horticulture",
        ],
    ),
    "energy": (
        "Energy",
        [
            "energy",
            "renewable energy",
            "clean energy",
            "power",
            "power generation",
            "electricity",
            "solar",
            "hydropower",
            "hydel",
            "wind power",
        ],
    ),
    "sez": (
        "Special Economic Zones",
        ["special economic zones", "special economic zone", "SEZ", "SEZs"],
    ),
    "science-technology": (
        "Science and technology",
        [
            "science and technology",
            "science, and technology",
            "science & technology",
            "scientific",
            "technological cooperation",
        ],
    ),
    "information-technology": (
        "Information technology",
        [
            "information technology",
            "IT",
            "digital",
            "digital economy",
            "ICT",
            "digitalization",
            "digitalisation",
            "digitization",
            "digitisation",
            "telecommunication",
            "telecommunications",
            "e-commerce",
        ],
    ),
    "livelihood": (
        "People's livelihood",
        [
            "livelihood",
            "livelihoods",
            "people's livelihood",
            "poverty alleviation",
            "poverty reduction",
            "eradicating poverty",
            "socio-economic",
            "socioeconomic",
            "social sector",
        ],
    ),
    "connectivity": (
        "Connectivity",
        [
            "connectivity",
            "infrastructure",
            "regional connectivity",
            "transport",
            "transportation",
            "railway",
            "roads",
            "ML-1",
            "highway",
            "highways",
            "motorway",
            "motorways",
            "airport",
            "airports",
        ],
    ),
    "trade-investment": (
        "Trade and investment",
        [
            "trade",
            "investment",
            "investments",
            "exports",
            "business-to-business",
            "business to business",
        ],
    ),
    "media-culture": (
        "Media and culture",
        [
            "media",
            "film",
            "publishing",
            "culture",
            "cultural",
            "cultural exchanges",
            "people-to-people",
            "people to people",
            "think tanks",
            "think-tanks",
        ],
    ),
    "third-party": (
        "Third-party participation",
        [
            "third-party participation",
            "third parties",
            "third party",
            "third-party",
            "other nations",
            "other countries",
            "third countries",
            "third-country",
        ],
    ),
    "security": (
        "Security",
        ["security", "safety and security", "counter-terrorism", "counterterrorism"],
    ),
    "health": (
        "Health",
        [
            "health",
            "healthcare",
            "medical",
            "public health",
            "hospital",
            "hospitals",
            "vaccine",
            "vaccines",
            "vaccination",
            "COVID-19",
            "pandemic",
        ],
    ),
    "education": (
        "Education",
        ["education", "vocational training", "scholarships", "universities"],
    ),
    "water": (
        "Water",
        ["water", "water resources", "dams", "irrigation", "desalination", "water supply"],
    ),
    "mining": ("Mining", ["mining", "minerals", "mineral"]),
    "maritime": (
        "Maritime",
        [
            "maritime",
            "Gwadar",
            "port",
            "ports",
            "blue economy",
            # a port's business, not trade between the two countries
            "transshipment",
            "trans-shipment",
            "transit trade",
            "transshipment trade",
            "trans-shipment trade",
        ],
    ),
    "finance": ("Finance", ["finance", "financial", "financing", "banking", "currency swap"]),
    "tourism": ("Tourism", ["tourism", "tourist"]),
}

# slug -> (display name, parent slug or None); parents come before children.
CORRIDORS = {
    "cpec": ("CPEC", None),
    "growth": ("Growth corridor", "cpec"),
    "livelihood": ("Livelihood corridor", "cpec"),
    "innovation": ("Innovation corridor", "cpec"),
    "green": ("Green corridor", "cpec"),
    "open": ("Open corridor", "cpec"),
}

# corridor slug -> focus-area slugs placed under it by default
CORRIDOR_MAPPING = {
    "growth": ["industry", "agriculture", "sez", "mining"],
    "livelihood": ["livelihood", "health", "education", "water"],
    "innovation": ["science-technology", "information-technology"],
    "green": ["energy"],
    "open": ["trade-investment", "connectivity", "third-party", "maritime", "tourism"],
}


@dataclass
class Vocabulary:
    """What the extractor matches against; defaults to the brief's lists."""

    # focus-area slug -> synonyms
    focus_areas: dict[str, list[str]] = field(
        default_factory=lambda: {slug: list(syns) for slug, (_, syns) in FOCUS_AREAS.items()}
    )
    # focus-area slug -> corridor slugs
    mapping: dict[str, list[str]] = field(
        default_factory=lambda: {
            fa: [c for c, fas in CORRIDOR_MAPPING.items() if fa in fas] for fa in FOCUS_AREAS
        }
    )
    corridors: list[str] = field(default_factory=lambda: list(CORRIDORS))
    # (short name, full name, slug) of the bodies known by name; others are found by pattern
    bodies: list[tuple[str, str, str]] = field(default_factory=lambda: list(BODIES))
