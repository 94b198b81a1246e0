"""The catalogue's narrow search table on PostgreSQL (`offers_offersearch`, decision 0027).

One row per published offer (`live`) with only what a catalogue search reads: the publication
date it walks by, the columns of `Offer.objects.public()` that change with time (confirmation,
expiry) or with the provider (`visible`: the actor is published), the offer's own facet values,
its topic fields, target groups, languages and districts as one integer array (`facet_keys`,
id * 8 + the facet's code below), and the stored `search_vector` of the offer (the same tsvector,
so matching and `ts_rank` give what the offers table gives). The offers table holds 1.5 KB per
row (descriptions, conditions, workflow columns); walking its newest rows and testing the
tsvector read one page per row. Here a row is a third of that, the table is written in
publication order, and the walk reads neighbouring rows from the same page.

The table is derived data, never written by the application: statement triggers with transition
tables on the offers, their four through tables and the actors call one function that rebuilds
the rows of the offers concerned from the source tables, so `save()`, `bulk_create`, `update()`,
deletes, raw SQL and imports keep it equal to its definition (`search_rows_differ` checks that).
SQLite has no such table: there the catalogue searches the offers as before.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

from lotse.core.fulltext_db import SchemaEditor

TABLE = "offers_offersearch"
# facet_keys: id * 8 + code; the codes of the four many-to-many facets, and two keys of their
# own for "available statewide" and "available online" (a district filter is then one
# condition on the array: the district's key, the statewide key or the online key).
KEY_FACTOR = 8
FACET_CODES = {"topic_field": 1, "target_group": 2, "language": 3, "district": 4}
STATEWIDE_KEY = 5
ONLINE_KEY = 6
# The source tables: (table, offer column, value column, facet).
THROUGH = (
    ("offers_offer_topic_fields", "topicfield_id", "topic_field"),
    ("offers_offer_target_groups", "targetgroup_id", "target_group"),
    ("offers_offer_languages", "language_id", "language"),
    ("offers_offer_districts", "region_id", "district"),
)
# Columns of offers_offer that the rows are made of: an update of other columns (the reminder,
# a workflow field) leaves the rows alone.
OFFER_COLUMNS = (
    "live",
    "first_published_at",
    "confirmed_at",
    "valid_until",
    "actor_id",
    "kind",
    "cost",
    "statewide",
    "online",
    "search_vector",
)


def facet_key(facet: str, pk: int) -> int:
    return pk * KEY_FACTOR + FACET_CODES[facet]


def _keys_sql() -> str:
    parts = [
        f"SELECT CAST({column} * {KEY_FACTOR} + {FACET_CODES[facet]} AS integer) FROM {table} "  # noqa: S608
        f"WHERE offer_id = o.id"
        for table, column, facet in THROUGH
    ]
    parts += [
        f"SELECT {STATEWIDE_KEY} WHERE o.statewide",
        f"SELECT {ONLINE_KEY} WHERE o.online",
    ]
    return "ARRAY(" + " UNION ALL ".join(parts) + " ORDER BY 1)"


_ROW_COLUMNS = (
    "offer_id, first_published_at, confirmed_at, valid_until, visible, kind, cost, statewide, "
    "online, facet_keys, search_vector"
)

# What the table holds by definition: a row per live offer, from the source tables.
DEFINITION = (
    "SELECT o.id, o.first_published_at, o.confirmed_at, o.valid_until, a.is_published, o.kind, "  # noqa: S608
    f"o.cost, o.statewide, o.online, {_keys_sql()}, o.search_vector "
    "FROM offers_offer o JOIN network_actor a ON a.id = o.actor_id WHERE o.live"
)

# The rows of the offers `ids`, rebuilt from the source tables: removed when an offer is gone or
# no longer live, inserted or updated otherwise (an unchanged row is not written again).
REFRESH_FUNCTION = f"""
CREATE OR REPLACE FUNCTION offers_search_refresh(ids bigint[]) RETURNS void AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM {TABLE} s WHERE s.offer_id = ANY(ids) AND NOT EXISTS (
        SELECT 1 FROM offers_offer o WHERE o.id = s.offer_id AND o.live);
    INSERT INTO {TABLE} ({_ROW_COLUMNS})
    {DEFINITION} AND o.id = ANY(ids)
    ORDER BY o.first_published_at DESC NULLS FIRST, o.id
    ON CONFLICT (offer_id) DO UPDATE SET
        first_published_at = EXCLUDED.first_published_at,
        confirmed_at = EXCLUDED.confirmed_at,
        valid_until = EXCLUDED.valid_until,
        visible = EXCLUDED.visible,
        kind = EXCLUDED.kind,
        cost = EXCLUDED.cost,
        statewide = EXCLUDED.statewide,
        online = EXCLUDED.online,
        facet_keys = EXCLUDED.facet_keys,
        search_vector = EXCLUDED.search_vector
    WHERE ({TABLE}.first_published_at, {TABLE}.confirmed_at, {TABLE}.valid_until,
           {TABLE}.visible, {TABLE}.kind, {TABLE}.cost, {TABLE}.statewide, {TABLE}.online,
           {TABLE}.facet_keys, {TABLE}.search_vector)
        IS DISTINCT FROM
          (EXCLUDED.first_published_at, EXCLUDED.confirmed_at, EXCLUDED.valid_until,
           EXCLUDED.visible, EXCLUDED.kind, EXCLUDED.cost, EXCLUDED.statewide, EXCLUDED.online,
           EXCLUDED.facet_keys, EXCLUDED.search_vector);
END; $$ LANGUAGE plpgsql
"""  # noqa: S608

_CHANGED = " OR ".join(f"n.{column} IS DISTINCT FROM o.{column}" for column in OFFER_COLUMNS)

# Trigger functions (statement level; transition tables `new_rows` / `old_rows`).
TRIGGER_FUNCTIONS = {
    "offers_search_offer_insert": (
        "PERFORM offers_search_refresh(ARRAY(SELECT id FROM new_rows));"
    ),
    "offers_search_offer_update": (
        "PERFORM offers_search_refresh(ARRAY(SELECT n.id FROM new_rows n "  # noqa: S608
        f"JOIN old_rows o ON o.id = n.id WHERE {_CHANGED}));"
    ),
    "offers_search_offer_delete": (
        f"DELETE FROM {TABLE} WHERE offer_id IN (SELECT id FROM old_rows);"  # noqa: S608
    ),
    "offers_search_offer_truncate": f"TRUNCATE {TABLE};",
    "offers_search_through_insert": (
        "PERFORM offers_search_refresh(ARRAY(SELECT DISTINCT offer_id FROM new_rows));"
    ),
    "offers_search_through_update": (
        "PERFORM offers_search_refresh(ARRAY(SELECT offer_id FROM new_rows "
        "UNION SELECT offer_id FROM old_rows));"
    ),
    "offers_search_through_delete": (
        "PERFORM offers_search_refresh(ARRAY(SELECT DISTINCT offer_id FROM old_rows));"
    ),
    "offers_search_through_truncate": (
        f"PERFORM offers_search_refresh(ARRAY(SELECT offer_id FROM {TABLE}));"  # noqa: S608
    ),
    "offers_search_actor_update": (
        "PERFORM offers_search_refresh(ARRAY(SELECT f.id FROM offers_offer f "
        "JOIN new_rows n ON n.id = f.actor_id JOIN old_rows o ON o.id = n.id "
        "WHERE n.is_published IS DISTINCT FROM o.is_published));"
    ),
}

# (trigger name, table, event, transition tables, function)
TRIGGERS: list[tuple[str, str, str, str, str]] = [
    ("offers_search_i", "offers_offer", "INSERT", "NEW TABLE AS new_rows", "offer_insert"),
    (
        "offers_search_u",
        "offers_offer",
        "UPDATE",
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "offer_update",
    ),
    ("offers_search_d", "offers_offer", "DELETE", "OLD TABLE AS old_rows", "offer_delete"),
    ("offers_search_t", "offers_offer", "TRUNCATE", "", "offer_truncate"),
    (
        "offers_search_u",
        "network_actor",
        "UPDATE",
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "actor_update",
    ),
]
for _table, _column, _facet in THROUGH:
    TRIGGERS += [
        ("offers_search_i", _table, "INSERT", "NEW TABLE AS new_rows", "through_insert"),
        (
            "offers_search_u",
            _table,
            "UPDATE",
            "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            "through_update",
        ),
        ("offers_search_d", _table, "DELETE", "OLD TABLE AS old_rows", "through_delete"),
        ("offers_search_t", _table, "TRUNCATE", "", "through_truncate"),
    ]


def install(schema_editor: SchemaEditor) -> None:
    """Create the table, its function and triggers, and fill it (PostgreSQL; idempotent)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    run(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "offer_id bigint PRIMARY KEY, first_published_at timestamp with time zone NULL, "
        "confirmed_at timestamp with time zone NULL, valid_until date NULL, "
        "visible boolean NOT NULL, kind varchar(32) NOT NULL, cost varchar(32) NOT NULL, "
        "statewide boolean NOT NULL, online boolean NOT NULL, facet_keys integer[] NOT NULL, "
        "search_vector tsvector NULL) WITH (fillfactor = 90)"
    )
    run(f"CREATE INDEX IF NOT EXISTS {TABLE}_newest ON {TABLE} (first_published_at DESC, offer_id)")
    # A filter that leaves few rows (a language, a target group, a small district) is found
    # through this index instead of walking most of the table by date.
    run(f"CREATE INDEX IF NOT EXISTS {TABLE}_keys ON {TABLE} USING GIN (facet_keys)")
    run(REFRESH_FUNCTION)
    for name, body in TRIGGER_FUNCTIONS.items():
        run(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ "
            f"BEGIN {body} RETURN NULL; END; $$ LANGUAGE plpgsql"
        )
    for name, table, event, transitions, function in TRIGGERS:
        referencing = f" REFERENCING {transitions}" if transitions else ""
        run(
            f"CREATE OR REPLACE TRIGGER {name} AFTER {event} ON {table}{referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION offers_search_{function}()"
        )
    run(f"TRUNCATE {TABLE}")
    # Written in publication order (newest first), so that the walk of a search reads
    # neighbouring rows from the same pages.
    run("SELECT offers_search_refresh(ARRAY(SELECT id FROM offers_offer WHERE live))")
    run(f"ANALYZE {TABLE}")


def uninstall(schema_editor: SchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    for name, table, _event, _transitions, _function in TRIGGERS:
        run(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for name in TRIGGER_FUNCTIONS:
        run(f"DROP FUNCTION IF EXISTS {name}()")
    run("DROP FUNCTION IF EXISTS offers_search_refresh(bigint[])")
    run(f"DROP TABLE IF EXISTS {TABLE}")


def cluster(connection: BaseDatabaseWrapper) -> None:
    """Rewrite the table in publication order (newest first), as the migration fills it: after
    a bulk load of offers in another order (the bench generator, a large import), so that the
    walk of a search reads neighbouring rows from the same pages again. Offers published one by
    one arrive in that order by themselves. Locks the table while it runs (seconds).

    Only after the load has committed: inside the loading transaction CLUSTER has to keep every
    row version that transaction wrote, and the table stays as large and scattered as before."""
    if connection.vendor != "postgresql":
        return
    if connection.in_atomic_block:
        raise RuntimeError("cluster() after the load's transaction has committed, not inside it")
    with connection.cursor() as cursor:
        cursor.execute(f"CLUSTER {TABLE} USING {TABLE}_newest")
        cursor.execute(f"ANALYZE {TABLE}")


def stale_rows(connection: BaseDatabaseWrapper) -> int:
    """How many offers' rows differ from the definition (missing, left over or changed): 0 when
    the triggers kept the table current (tests, and a check after restores)."""
    sql = (
        f"SELECT COUNT(DISTINCT differing.id) FROM (({DEFINITION} "  # noqa: S608
        f"EXCEPT SELECT {_ROW_COLUMNS} FROM {TABLE}) UNION ALL "
        f"(SELECT {_ROW_COLUMNS} FROM {TABLE} EXCEPT {DEFINITION})) AS differing"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def available(connection: BaseDatabaseWrapper) -> bool:
    """Whether searches read the search table (PostgreSQL; SQLite searches the offers)."""
    return connection.vendor == "postgresql"
