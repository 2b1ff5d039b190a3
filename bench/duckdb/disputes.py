"""The dispute report's figures computed by DuckDB from a CSV export of the same rows.

    python3 bench/duckdb/disputes.py <csv dir> <as of> <resolutions from> <to> <trend points>

Called by `cargo bench -p settle-bench --bench scale`, which exports the rows (items,
customers, statuses, status periods, balance moves, moves of the disputed parts), passes the report's own dates, checks
that every figure printed here equals the report's, and compares the timings. Prints one JSON
object: `load_ms` (reading the CSV files into DuckDB tables, once), `p50_ms` (computing every
figure, median of 5 runs) and `figures` (name -> integer, minor units for amounts).

The figures follow the report's definitions (shared/store/src/reports.rs): outstanding and
open items over open items; the disputes in force now (a `dispute` period without end on an
open item), each counting its part in dispute (the open case's disputed amount, no more than
what is open; all of it for an item that never had a case, nothing when its cases all ended),
with their breakdowns by customer, status, resolver, entity and age since the
dispute date; the disputes resolved in the window (the item's closing while the period was in
force, else the period's end when it ends the dispute); the trend's outstanding (every move up
to each point) and disputed amount and count (periods in force at the point: the balance then,
no more than the part in dispute then, the item's part moves up to the point).
"""

import json
import statistics
import sys
import time

import duckdb

SIGN = "CASE WHEN i.kind IN ('credit_note', 'payment_on_account') THEN -1 ELSE 1 END"


def load(con, d):
    types = {
        "items": "id BIGINT, customer_id BIGINT, entity VARCHAR, currency VARCHAR, kind VARCHAR, "
        "issue_date DATE, closed_on DATE, open_minor BIGINT, status_code VARCHAR, "
        "resolver_id BIGINT, disputed_since DATE, disputed_minor BIGINT",
        "customers": "id BIGINT, erp_id VARCHAR",
        "statuses": "code VARCHAR, kind VARCHAR",
        "periods": "item_id BIGINT, status_code VARCHAR, kind VARCHAR, resolver_id BIGINT, "
        "valid_from DATE, valid_to DATE, dispute_since DATE, ends_dispute BIGINT, item_closed_on DATE",
        "moves": "item_id BIGINT, on_date DATE, currency VARCHAR, delta_minor BIGINT",
        "parts": "item_id BIGINT, on_date DATE, delta_minor BIGINT",
    }
    for table, cols in types.items():
        columns = ", ".join(
            f"'{c.split()[0]}': '{c.split()[1]}'" for c in cols.split(", ")
        )
        con.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv('{d}/{table}.csv', header = true, "
            f"columns = {{{columns}}})"
        )
    con.execute(
        "ALTER TABLE periods ADD COLUMN effective_end DATE; "
        "UPDATE periods SET effective_end = least(coalesce(valid_to, DATE '9999-12-31'), "
        "coalesce(item_closed_on, DATE '9999-12-31'))"
    )


def figures(con, as_of, start, end, points):
    f = {}
    q = lambda sql, *p: con.execute(sql, list(p)).fetchall()
    [(outstanding, open_items)] = q(
        f"SELECT sum({SIGN} * i.open_minor), count(*) FROM items i WHERE i.open_minor > 0"
    )
    f["outstanding"], f["open_items"] = outstanding, open_items
    q(
        f"""CREATE OR REPLACE TEMP TABLE o AS
        SELECT i.currency, c.erp_id AS customer, i.entity,
               {SIGN} * CASE WHEN i.disputed_minor > 0 THEN least(i.open_minor, i.disputed_minor)
                             ELSE i.open_minor END AS open,
               p.status_code, p.resolver_id, p.dispute_since
        FROM periods p JOIN items i ON i.id = p.item_id JOIN customers c ON c.id = i.customer_id
        WHERE p.kind = 'dispute' AND p.valid_to IS NULL AND i.open_minor > 0
              AND (i.disputed_minor > 0 OR i.id NOT IN (SELECT item_id FROM parts))"""
    )
    [(disputed, n)] = q("SELECT coalesce(sum(open), 0), count(*) FROM o")
    f["disputed"], f["disputed_items"] = disputed, n
    for section, col in [
        ("by_customer", "customer"),
        ("by_status", "status_code"),
        ("by_resolver", "coalesce(CAST(resolver_id AS VARCHAR), 'none')"),
        ("by_entity", "entity"),
        (
            "aging",
            "CASE WHEN date_diff('day', dispute_since, ?::DATE) <= 30 THEN '0-30' "
            "WHEN date_diff('day', dispute_since, ?::DATE) <= 60 THEN '31-60' "
            "WHEN date_diff('day', dispute_since, ?::DATE) <= 90 THEN '61-90' ELSE '90+' END",
        ),
    ]:
        params = [as_of] * col.count("?")
        for key, amount, count in q(
            f"SELECT {col}, sum(open), count(*) FROM o GROUP BY 1", *params
        ):
            f[f"{section}/{key}/amount"] = amount
            f[f"{section}/{key}/count"] = count
    for bucket in ["0-30", "31-60", "61-90", "90+"]:
        f.setdefault(f"aging/{bucket}/amount", 0)
        f.setdefault(f"aging/{bucket}/count", 0)
    resolved = q(
        """SELECT status_code, count(*) FROM (
             SELECT p.status_code,
                    CASE WHEN p.item_closed_on IS NOT NULL AND p.item_closed_on >= p.valid_from
                              AND (p.valid_to IS NULL OR p.item_closed_on < p.valid_to) THEN p.item_closed_on
                         WHEN p.ends_dispute = 1 AND (p.item_closed_on IS NULL OR p.item_closed_on >= p.valid_to)
                              THEN p.valid_to END AS resolved
             FROM periods p WHERE p.kind = 'dispute' AND p.effective_end >= p.valid_from)
           WHERE resolved BETWEEN ?::DATE AND ?::DATE GROUP BY 1""",
        start,
        end,
    )
    f["resolved/count"] = sum(n for _, n in resolved)
    for code, n in resolved:
        f[f"resolved/{code}/count"] = n
    q("CREATE OR REPLACE TEMP TABLE pts AS SELECT unnest(?::DATE[]) AS d", points)
    for d, total in q(
        "SELECT pts.d, sum(m.delta_minor) FROM pts JOIN moves m ON m.on_date <= pts.d GROUP BY 1"
    ):
        f[f"trend/{d}/outstanding"] = total
    for d in points:
        f[f"trend/{d}/disputed"] = 0
        f[f"trend/{d}/disputed_items"] = 0
    for d, total, n in q(
        """WITH b AS (
             SELECT pts.d, p.item_id, sum(m.delta_minor) AS bal
             FROM pts JOIN periods p ON p.kind = 'dispute' AND p.effective_end > pts.d AND p.valid_from <= pts.d
             JOIN moves m ON m.item_id = p.item_id AND m.on_date <= pts.d
             GROUP BY 1, 2),
           h AS (
             SELECT b.d, b.bal, (SELECT sum(x.delta_minor) FROM parts x
                                 WHERE x.item_id = b.item_id AND x.on_date <= b.d) AS part
             FROM b WHERE b.bal <> 0)
           SELECT d, sum(CASE WHEN part IS NULL THEN bal WHEN bal < 0 THEN greatest(bal, -greatest(part, 0))
                              ELSE least(bal, greatest(part, 0)) END), count(*)
           FROM h WHERE part IS NULL OR part > 0 GROUP BY 1"""
    ):
        f[f"trend/{d}/disputed"] = total
        f[f"trend/{d}/disputed_items"] = n
    return {k: int(v) for k, v in f.items()}


def main():
    d, as_of, start, end, points = sys.argv[1:6]
    points = points.split(",")
    con = duckdb.connect()
    t = time.perf_counter()
    load(con, d)
    load_ms = (time.perf_counter() - t) * 1000
    times = []
    for _ in range(5):
        t = time.perf_counter()
        result = figures(con, as_of, start, end, points)
        times.append((time.perf_counter() - t) * 1000)
    print(
        json.dumps(
            {
                "load_ms": load_ms,
                "p50_ms": statistics.median(times),
                "threads": con.execute("SELECT current_setting('threads')").fetchone()[0],
                "figures": {str(k): v for k, v in result.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
