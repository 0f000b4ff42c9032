"""Full-text search of meetings: the index over MeetingText and the triggers that keep it.

MeetingText holds one row of searchable text per meeting (its body's names; its summary,
city and country; its people's names and titles; its agreed statements), written only by
database triggers, so every write (the ORM's, raw SQL, bulk inserts, QuerySet.update())
keeps it in step:

- SQLite: `meeting_fts`, an FTS5 table with MeetingText as its external content (porter
  stemming, prefix indexes), kept in step with it by the usual three triggers; its `rank`
  is bm25 with the columns weighted as RANK_WEIGHTS says.
- PostgreSQL: MeetingText.vector is a stored generated tsvector (english, weighted per
  column the same way) with a GIN index; statement triggers with transition tables refresh
  each touched meeting once per statement.

Migration 0015 creates the index and fills it; `install_triggers()` runs after every
`migrate` too (see apps.py), because SQLite drops a table's triggers when a later
migration rebuilds the table (as Django does to add a NOT NULL column).

Queries: every word must occur, as a prefix of a word (after stemming), in any column;
`match_expression()` builds the query for each database from the same words, so both
give the same rows.
"""

import re

TEXT = "meetings_meetingtext"
COLUMNS = ("body", "own", "people", "agreements")
# Relative weight of a match in each column; PostgreSQL's setweight classes A-D stand for
# 1.0, 0.4, 0.2 and 0.1 in ts_rank, SQLite's bm25 takes the numbers.
RANK_WEIGHTS = {"body": ("A", 10.0), "own": ("B", 4.0), "people": ("A", 10.0)}
RANK_WEIGHTS["agreements"] = ("C", 2.0)

# Words that PostgreSQL's english configuration drops from a query: dropped here on both
# databases, so that "the energy" finds the same meetings on each.
STOP_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i if in into is it"
    " its of on or our she so than that the their them then there these they this those to"
    " was we were what when where which while who will with you your".split()
)
_WORD = re.compile(r"[^\W_]+")


def words(text):
    """The words of a query that take part in it, lower-cased, at most 20."""
    found = [w.lower() for w in _WORD.findall(text)]
    return [w for w in found if w not in STOP_WORDS][:20]


def match_expression(text, vendor):
    """The database's full-text query for `text` (every word, as a prefix), or None when
    no word is left to search for."""
    terms = words(text)
    if not terms:
        return None
    if vendor == "postgresql":
        return " & ".join(f"{w}:*" for w in terms)
    return " AND ".join(f'"{w}"*' for w in terms)


# The text of the meetings selected by `{where}` (SQL over meetings_meeting AS m).
SQLITE_SELECT = """
SELECT m.id, b.short_name || ' ' || b.name, m.summary || ' ' || m.city || ' ' || m.country,
  coalesce((SELECT group_concat(p.name || ' ' || pa.title, ' ')
            FROM meetings_participant pa JOIN meetings_person p ON p.id = pa.person_id
            WHERE pa.meeting_id = m.id), ''),
  coalesce((SELECT group_concat(a.statement, ' ') FROM agreements_agreement a
            WHERE a.meeting_id = m.id), '')
FROM meetings_meeting m JOIN meetings_body b ON b.id = m.body_id
WHERE {where}
"""
UPSERT = (
    f"INSERT INTO {TEXT} (meeting_id, {', '.join(COLUMNS)}) {{select}} "
    "ON CONFLICT (meeting_id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS)
)

# (table, event, whose meetings: SQL over NEW/OLD), for SQLite's row triggers.
SQLITE_SOURCES = [
    ("meetings_meeting", "INSERT", "m.id = NEW.id"),
    ("meetings_meeting", "UPDATE OF body_id, summary, city, country", "m.id = NEW.id"),
    ("meetings_participant", "INSERT", "m.id = NEW.meeting_id"),
    ("meetings_participant", "UPDATE", "m.id IN (OLD.meeting_id, NEW.meeting_id)"),
    ("meetings_participant", "DELETE", "m.id = OLD.meeting_id"),
    ("agreements_agreement", "INSERT", "m.id = NEW.meeting_id"),
    ("agreements_agreement", "UPDATE", "m.id IN (OLD.meeting_id, NEW.meeting_id)"),
    ("agreements_agreement", "DELETE", "m.id = OLD.meeting_id"),
    (
        "meetings_person",
        "UPDATE OF name",
        "m.id IN (SELECT meeting_id FROM meetings_participant WHERE person_id = NEW.id)",
    ),
    ("meetings_body", "UPDATE OF short_name, name", "m.body_id = NEW.id"),
]


def sqlite_triggers():
    statements = []
    for number, (table, event, where) in enumerate(SQLITE_SOURCES):
        upsert = UPSERT.format(select=SQLITE_SELECT.format(where=where))
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS meeting_text_{number} AFTER {event} ON {table} "
            f"BEGIN {upsert}; END"
        )
    statements.append(
        "CREATE TRIGGER IF NOT EXISTS meeting_text_gone AFTER DELETE ON meetings_meeting "
        f"BEGIN DELETE FROM {TEXT} WHERE meeting_id = OLD.id; END"
    )
    columns = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    # An external-content FTS table forgets a row given the values it indexed: the old row.
    forget = (
        f"INSERT INTO meeting_fts (meeting_fts, rowid, {columns}) "
        f"VALUES ('delete', old.meeting_id, {old});"
    )
    remember = f"INSERT INTO meeting_fts (rowid, {columns}) VALUES (new.meeting_id, {new});"
    for name, event, action in (
        ("meeting_fts_insert", "INSERT", remember),
        ("meeting_fts_delete", "DELETE", forget),
        ("meeting_fts_update", "UPDATE", f"{forget} {remember}"),
    ):
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {TEXT} BEGIN {action} END"
        )
    return statements


def sqlite_create_index(cursor):
    cursor.execute(
        f"CREATE VIRTUAL TABLE meeting_fts USING fts5({', '.join(COLUMNS)}, "
        f"content='{TEXT}', content_rowid='meeting_id', "
        "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4')"
    )
    weights = ", ".join(str(RANK_WEIGHTS[c][1]) for c in COLUMNS)
    cursor.execute(
        f"INSERT INTO meeting_fts (meeting_fts, rank) VALUES ('rank', 'bm25({weights})')"
    )


def sqlite_fill(cursor):
    cursor.execute(UPSERT.format(select=SQLITE_SELECT.format(where="true")))


def sqlite_drop(cursor):
    names = [f"meeting_text_{n}" for n in range(len(SQLITE_SOURCES))]
    for name in [*names, "meeting_text_gone", "meeting_fts_insert", "meeting_fts_delete"]:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    cursor.execute("DROP TRIGGER IF EXISTS meeting_fts_update")
    cursor.execute("DROP TABLE IF EXISTS meeting_fts")


# PostgreSQL: one function writes the text of some meetings; statement triggers hand it the
# meetings a statement touched (from its transition tables), so a bulk insert of many
# participants refreshes each meeting once.
PG_REFRESH = f"""
CREATE OR REPLACE FUNCTION meeting_text_refresh(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
INSERT INTO {TEXT} (meeting_id, {", ".join(COLUMNS)})
SELECT m.id, b.short_name || ' ' || b.name, concat_ws(' ', m.summary, m.city, m.country),
  coalesce((SELECT string_agg(p.name || ' ' || pa.title, ' ' ORDER BY pa.id)
            FROM meetings_participant pa JOIN meetings_person p ON p.id = pa.person_id
            WHERE pa.meeting_id = m.id), ''),
  coalesce((SELECT string_agg(a.statement, ' ' ORDER BY a.id) FROM agreements_agreement a
            WHERE a.meeting_id = m.id), '')
FROM meetings_meeting m JOIN meetings_body b ON b.id = m.body_id
WHERE m.id = ANY(ids)
ON CONFLICT (meeting_id) DO UPDATE SET
  {", ".join(f"{c} = excluded.{c}" for c in COLUMNS)};
$$
"""
# (table, event, the meetings a statement touched: SQL over its transition tables). A
# trigger with transition tables can't name columns, so any update of these tables counts.
PG_SOURCES = [
    ("meetings_meeting", "INSERT", "SELECT id FROM new_rows"),
    ("meetings_meeting", "UPDATE", "SELECT id FROM new_rows"),
    ("meetings_participant", "INSERT", "SELECT meeting_id FROM new_rows"),
    (
        "meetings_participant",
        "UPDATE",
        "SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows",
    ),
    ("meetings_participant", "DELETE", "SELECT meeting_id FROM old_rows"),
    ("agreements_agreement", "INSERT", "SELECT meeting_id FROM new_rows"),
    (
        "agreements_agreement",
        "UPDATE",
        "SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows",
    ),
    ("agreements_agreement", "DELETE", "SELECT meeting_id FROM old_rows"),
    (
        "meetings_person",
        "UPDATE",
        "SELECT pa.meeting_id FROM meetings_participant pa JOIN new_rows n ON n.id = pa.person_id",
    ),
    (
        "meetings_body",
        "UPDATE",
        "SELECT m.id FROM meetings_meeting m JOIN new_rows n ON n.id = m.body_id",
    ),
]
PG_VECTOR = " || ".join(
    f"setweight(to_tsvector('english'::regconfig, coalesce({column}, '')), '{RANK_WEIGHTS[column][0]}')"
    for column in COLUMNS
)


def pg_triggers():
    statements = [PG_REFRESH]
    transitions = {
        "INSERT": "NEW TABLE AS new_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
    }
    sources = [
        (table, event, f"PERFORM meeting_text_refresh(ARRAY({touched}));")
        for table, event, touched in PG_SOURCES
    ]
    sources.append(
        (
            "meetings_meeting",
            "DELETE",
            f"DELETE FROM {TEXT} WHERE meeting_id IN (SELECT id FROM old_rows);",
        )
    )
    for number, (table, event, action) in enumerate(sources):
        statements += [
            f"CREATE OR REPLACE FUNCTION meeting_text_{number}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN {action} RETURN NULL; END $$",
            f"CREATE OR REPLACE TRIGGER meeting_text_{number} AFTER {event} ON {table} "
            f"REFERENCING {transitions[event]} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION meeting_text_{number}()",
        ]
    return statements


def pg_create_index(cursor):
    # Django made `vector` a plain column; PostgreSQL computes it from the others instead.
    cursor.execute(f"ALTER TABLE {TEXT} DROP COLUMN vector")
    cursor.execute(
        f"ALTER TABLE {TEXT} ADD COLUMN vector tsvector GENERATED ALWAYS AS ({PG_VECTOR}) STORED"
    )
    cursor.execute(f"CREATE INDEX meeting_text_vector_idx ON {TEXT} USING gin (vector)")


def pg_fill(cursor):
    cursor.execute("SELECT meeting_text_refresh(ARRAY(SELECT id FROM meetings_meeting))")


def pg_drop(cursor):
    for number, (table, _, _) in enumerate([*PG_SOURCES, ("meetings_meeting", "", "")]):
        cursor.execute(f"DROP TRIGGER IF EXISTS meeting_text_{number} ON {table}")
        cursor.execute(f"DROP FUNCTION IF EXISTS meeting_text_{number}()")
    cursor.execute("DROP FUNCTION IF EXISTS meeting_text_refresh(bigint[])")


def install_triggers(connection):
    """Create whichever of the triggers are missing (all of them are, the first time)."""
    if TEXT not in connection.introspection.table_names():
        return  # migrated back to before migration 0015
    statements = {"sqlite": sqlite_triggers, "postgresql": pg_triggers}.get(connection.vendor)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements():
                cursor.execute(statement)


def create_index(connection):
    """The migration's forward step: the index, the triggers, the existing meetings' text."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            sqlite_create_index(cursor)
            install_triggers(connection)
            sqlite_fill(cursor)
        elif connection.vendor == "postgresql":
            pg_create_index(cursor)
            install_triggers(connection)
            pg_fill(cursor)


def drop_index(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            sqlite_drop(cursor)
        elif connection.vendor == "postgresql":
            pg_drop(cursor)
