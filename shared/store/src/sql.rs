//! Generic SQL building blocks the query modules share: placeholders, chunked multi-row
//! `INSERT … VALUES` and chunked `… IN (…)` selects, all within SQLite's parameter limit.

use crate::{Db, Result, Value};

/// SQLite allows 32766 parameters per statement; stay well under for multi-row statements.
pub const MAX_PARAMS: usize = 30_000;

/// How many rows of `cols` values fit in one multi-row statement.
pub fn rows_per_statement(cols: usize) -> usize {
    (MAX_PARAMS / cols).max(1)
}

/// `(?, ?, ?), (?, ?, ?)`: placeholders for `rows` rows of `cols` values.
pub fn placeholders(rows: usize, cols: usize) -> String {
    let one = format!("({})", vec!["?"; cols].join(", "));
    vec![one; rows].join(", ")
}

/// `?, ?, ?`: the inside of an `IN (…)` list of `n` values.
pub fn in_list(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// Runs `sql_prefix` + `VALUES (...)` + `suffix` over `rows` in chunks; returns the rows any
/// `RETURNING` clause gave back.
pub fn insert_many(
    db: &impl Db,
    sql_prefix: &str,
    suffix: &str,
    cols: usize,
    rows: &[Vec<Value>],
) -> Result<Vec<Vec<Value>>> {
    let mut out = Vec::new();
    for chunk in rows.chunks(rows_per_statement(cols)) {
        let sql = format!(
            "{sql_prefix} VALUES {} {suffix}",
            placeholders(chunk.len(), cols)
        );
        let params: Vec<Value> = chunk.iter().flatten().cloned().collect();
        out.extend(db.query(&sql, &params)?.rows);
    }
    Ok(out)
}

/// `sql_before_in IN (keys)` over any number of keys, in chunks; the rows of every chunk.
pub fn select_in(db: &impl Db, sql_before_in: &str, keys: &[Value]) -> Result<Vec<Vec<Value>>> {
    let mut out = Vec::new();
    for chunk in keys.chunks(rows_per_statement(1)) {
        let sql = format!("{sql_before_in} IN ({})", in_list(chunk.len()));
        out.extend(db.query(&sql, chunk)?.rows);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NativeDb, RowExt};

    fn db() -> NativeDb {
        let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
        db.query("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)", &[])
            .unwrap();
        db
    }

    #[test]
    fn placeholders_and_lists() {
        assert_eq!(placeholders(2, 3), "(?, ?, ?), (?, ?, ?)");
        assert_eq!(in_list(3), "?, ?, ?");
        assert_eq!(rows_per_statement(6), 5_000);
        assert_eq!(rows_per_statement(100_000), 1);
    }

    #[test]
    fn insert_many_chunks_past_the_parameter_limit_and_returns_every_row() {
        let db = db();
        // 2 columns: 15,000 rows per statement, so 40,000 rows take three statements.
        let rows: Vec<Vec<Value>> = (0..40_000)
            .map(|i| vec![Value::Integer(i), format!("n{i}").into()])
            .collect();
        let back = insert_many(&db, "INSERT INTO t (id, name)", "RETURNING id", 2, &rows).unwrap();
        assert_eq!(back.len(), 40_000);
        let n = db.query("SELECT count(*), max(id) FROM t", &[]).unwrap();
        assert_eq!(n.rows[0].int(0).unwrap(), 40_000);
        assert_eq!(n.rows[0].int(1).unwrap(), 39_999);
    }

    #[test]
    fn select_in_reads_across_chunks() {
        let db = db();
        let rows: Vec<Vec<Value>> = (0..35_000)
            .map(|i| vec![Value::Integer(i), Value::Null])
            .collect();
        insert_many(&db, "INSERT INTO t (id, name)", "", 2, &rows).unwrap();
        let keys: Vec<Value> = (0..35_000).step_by(1).map(Value::Integer).collect();
        let found = select_in(&db, "SELECT id FROM t WHERE id", &keys).unwrap();
        assert_eq!(found.len(), 35_000);
        let none = select_in(&db, "SELECT id FROM t WHERE id", &[Value::Integer(-1)]).unwrap();
        assert!(none.is_empty());
    }
}
