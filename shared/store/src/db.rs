use crate::{Result, StoreError};

/// A SQL value: the five SQLite storage classes.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
    Null,
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Integer(i)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Integer(b as i64)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Value {
        o.map_or(Value::Null, Into::into)
    }
}

impl Value {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Integer(i) => Some(*i),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// Rows returned by a statement.
///
/// Columns are read by position; `text`, `int` and `opt_*` read one cell of one row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Rows {
    pub fn first(&self) -> Option<&Vec<Value>> {
        self.rows.first()
    }

    /// Every row read by `f`; the first error stops.
    pub fn map<T>(&self, f: impl FnMut(&[Value]) -> Result<T>) -> Result<Vec<T>> {
        map_rows(&self.rows, f)
    }

    /// The first row read by `f`, `None` without rows.
    pub fn map_first<T>(&self, f: impl FnOnce(&[Value]) -> Result<T>) -> Result<Option<T>> {
        self.rows.first().map(|r| f(r)).transpose()
    }

    /// Column `i` of every row, as integers.
    pub fn ints(&self, i: usize) -> Result<Vec<i64>> {
        self.map(|r| r.int(i))
    }

    /// Column `i` of every row, as text.
    pub fn texts(&self, i: usize) -> Result<Vec<String>> {
        self.map(|r| r.text(i))
    }

    /// The integer in the first column of the first row (`count(*)`, `RETURNING id`).
    pub fn single_int(&self) -> Result<i64> {
        self.map_first(|r| r.int(0))?
            .ok_or_else(|| StoreError("the statement returned no row".into()))
    }
}

/// Every row of `rows` read by `f`; the first error stops.
pub fn map_rows<R: AsRef<[Value]>, T>(
    rows: &[R],
    mut f: impl FnMut(&[Value]) -> Result<T>,
) -> Result<Vec<T>> {
    rows.iter().map(|r| f(r.as_ref())).collect()
}

/// Typed cell access for row slices. A cell of another type than asked (or a missing
/// column) is an error naming the column, never a silent 0 or "": a query and the code
/// reading it disagreeing is a bug to see, not data to invent. `NULL` is only accepted by
/// the `opt_*` readers.
pub trait RowExt {
    fn int(&self, i: usize) -> Result<i64>;
    fn text(&self, i: usize) -> Result<String>;
    fn opt_int(&self, i: usize) -> Result<Option<i64>>;
    fn opt_text(&self, i: usize) -> Result<Option<String>>;
    /// Text parsed by `parse` (a domain enum's `parse`); unparsable text names `what`.
    fn parsed<T>(&self, i: usize, what: &str, parse: impl FnOnce(&str) -> Option<T>) -> Result<T> {
        let s = self.text(i)?;
        parse(&s).ok_or_else(|| StoreError(format!("column {i}: bad {what} {s:?}")))
    }
}

fn mismatch(i: usize, want: &str, got: Option<&Value>) -> StoreError {
    let got = match got {
        None => "no such column",
        Some(Value::Integer(_)) => "an integer",
        Some(Value::Real(_)) => "a real",
        Some(Value::Text(_)) => "text",
        Some(Value::Blob(_)) => "a blob",
        Some(Value::Null) => "NULL",
    };
    StoreError(format!("column {i}: expected {want}, found {got}"))
}

impl RowExt for [Value] {
    fn int(&self, i: usize) -> Result<i64> {
        match self.get(i) {
            Some(Value::Integer(v)) => Ok(*v),
            other => Err(mismatch(i, "an integer", other)),
        }
    }
    fn text(&self, i: usize) -> Result<String> {
        match self.get(i) {
            Some(Value::Text(v)) => Ok(v.clone()),
            other => Err(mismatch(i, "text", other)),
        }
    }
    fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.get(i) {
            Some(Value::Integer(v)) => Ok(Some(*v)),
            Some(Value::Null) => Ok(None),
            other => Err(mismatch(i, "an integer or NULL", other)),
        }
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.get(i) {
            Some(Value::Text(v)) => Ok(Some(v.clone())),
            Some(Value::Null) => Ok(None),
            other => Err(mismatch(i, "text or NULL", other)),
        }
    }
}

/// One connection: executes exactly one statement per call.
pub trait Db {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows>;

    /// Runs `f` inside `BEGIN IMMEDIATE` ... `COMMIT`; any error rolls everything back.
    fn transaction<T, E: From<crate::StoreError>>(
        &self,
        f: impl FnOnce(&Self) -> Result<T, E>,
    ) -> Result<T, E>
    where
        Self: Sized,
    {
        self.query("BEGIN IMMEDIATE", &[])?;
        match f(self) {
            Ok(v) => {
                if let Err(e) = self.query("COMMIT", &[]) {
                    let _ = self.query("ROLLBACK", &[]);
                    return Err(e.into());
                }
                Ok(v)
            }
            Err(e) => {
                let _ = self.query("ROLLBACK", &[]);
                Err(e)
            }
        }
    }

    /// Runs `f` inside `BEGIN IMMEDIATE` ... `ROLLBACK`: a dry run computes every effect of a
    /// write (ids, moves, checks) and keeps none.
    fn rolled_back<T, E: From<crate::StoreError>>(
        &self,
        f: impl FnOnce(&Self) -> Result<T, E>,
    ) -> Result<T, E>
    where
        Self: Sized,
    {
        self.query("BEGIN IMMEDIATE", &[])?;
        let result = f(self);
        let _ = self.query("ROLLBACK", &[]);
        result
    }
}

/// rusqlite, for native tests and benchmarks.
#[cfg(any(feature = "native", test))]
pub struct NativeDb(pub rusqlite::Connection);

#[cfg(any(feature = "native", test))]
impl Db for NativeDb {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        let err = |e: rusqlite::Error| StoreError(e.to_string());
        let mut stmt = self.0.prepare(sql).map_err(err)?;
        let bound: Vec<ToSqlOutput<'_>> = params
            .iter()
            .map(|p| match p {
                Value::Integer(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
                Value::Real(f) => ToSqlOutput::Borrowed(ValueRef::Real(*f)),
                Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
                Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
                Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            })
            .collect();
        let columns: Vec<String> = stmt
            .column_names()
            .into_iter()
            .map(str::to_string)
            .collect();
        let n = columns.len();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(bound.iter()))
            .map_err(err)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(match row.get_ref(i).map_err(err)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(v) => Value::Integer(v),
                    ValueRef::Real(v) => Value::Real(v),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                });
            }
            out.push(values);
        }
        Ok(Rows { columns, rows: out })
    }
}

/// Spin's SQLite (`fermyon:spin/sqlite@2.0.0`), inside components.
#[cfg(feature = "spin")]
pub struct SpinDb(pub spin_sdk::sqlite::Connection);

#[cfg(feature = "spin")]
impl SpinDb {
    /// Opens the component's `default` database.
    pub fn open_default() -> Result<SpinDb> {
        spin_sdk::sqlite::Connection::open_default()
            .map(SpinDb)
            .map_err(|e| StoreError(spin_error(e)))
    }
}

#[cfg(feature = "spin")]
fn spin_error(e: spin_sdk::sqlite::Error) -> String {
    use spin_sdk::sqlite::Error as E;
    match e {
        E::NoSuchDatabase => "no such database".into(),
        E::AccessDenied => "access denied".into(),
        E::InvalidConnection => "invalid connection".into(),
        E::DatabaseFull => "database full".into(),
        E::Io(m) => m,
    }
}

#[cfg(feature = "spin")]
impl Db for SpinDb {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows> {
        use spin_sdk::sqlite::Value as V;
        let params: Vec<V> = params
            .iter()
            .map(|p| match p {
                Value::Integer(i) => V::Integer(*i),
                Value::Real(f) => V::Real(*f),
                Value::Text(s) => V::Text(s.clone()),
                Value::Blob(b) => V::Blob(b.clone()),
                Value::Null => V::Null,
            })
            .collect();
        let r = self
            .0
            .execute(sql, &params)
            .map_err(|e| StoreError(spin_error(e)))?;
        Ok(Rows {
            columns: r.columns,
            rows: r
                .rows
                .into_iter()
                .map(|row| {
                    row.values
                        .into_iter()
                        .map(|v| match v {
                            V::Integer(i) => Value::Integer(i),
                            V::Real(f) => Value::Real(f),
                            V::Text(s) => Value::Text(s),
                            V::Blob(b) => Value::Blob(b),
                            V::Null => Value::Null,
                        })
                        .collect()
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> NativeDb {
        let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
        db.query("CREATE TABLE t (n INTEGER)", &[]).unwrap();
        db
    }

    fn count(db: &NativeDb) -> i64 {
        db.query("SELECT count(*) FROM t", &[])
            .unwrap()
            .single_int()
            .unwrap()
    }

    #[test]
    fn a_transaction_keeps_all_or_nothing() {
        let db = db();
        let ok: Result<()> = db.transaction(|db| {
            db.query("INSERT INTO t VALUES (1)", &[])?;
            db.query("INSERT INTO t VALUES (2)", &[])?;
            Ok(())
        });
        ok.unwrap();
        assert_eq!(count(&db), 2);
        let failed: Result<()> = db.transaction(|db| {
            db.query("INSERT INTO t VALUES (3)", &[])?;
            db.query("INSERT INTO nowhere VALUES (4)", &[])?;
            Ok(())
        });
        assert!(failed.is_err());
        assert_eq!(count(&db), 2, "the first insert was rolled back");
        let dry: Result<i64> = db.rolled_back(|db| {
            db.query("INSERT INTO t VALUES (5)", &[])?;
            Ok(count(db))
        });
        assert_eq!(dry.unwrap(), 3, "the dry run saw its own write");
        assert_eq!(count(&db), 2, "and kept nothing");
    }

    #[test]
    fn rows_read_whole_columns_and_single_values() {
        let db = db();
        db.query("INSERT INTO t VALUES (1), (2)", &[]).unwrap();
        let r = db.query("SELECT n FROM t ORDER BY n", &[]).unwrap();
        assert_eq!(r.ints(0).unwrap(), [1, 2]);
        assert!(r.texts(0).is_err());
        assert_eq!(r.single_int().unwrap(), 1);
        let empty = db.query("SELECT n FROM t WHERE n > 9", &[]).unwrap();
        assert!(empty.single_int().is_err());
        assert_eq!(empty.map_first(|r| r.int(0)).unwrap(), None);
    }

    #[test]
    fn cells_of_the_wrong_type_are_errors_not_defaults() {
        let row = vec![
            Value::Integer(7),
            Value::Text("x".into()),
            Value::Null,
            Value::Real(1.5),
        ];
        let row = row.as_slice();
        assert_eq!(row.int(0).unwrap(), 7);
        assert_eq!(row.text(1).unwrap(), "x");
        assert_eq!(row.opt_int(2).unwrap(), None);
        assert_eq!(row.opt_text(2).unwrap(), None);
        assert_eq!(row.opt_int(0).unwrap(), Some(7));
        assert_eq!(
            row.int(1).unwrap_err().0,
            "column 1: expected an integer, found text"
        );
        assert!(row.text(0).unwrap_err().0.contains("found an integer"));
        assert!(row.int(2).unwrap_err().0.contains("found NULL"));
        assert!(row.opt_text(3).unwrap_err().0.contains("found a real"));
        assert!(row.int(9).unwrap_err().0.contains("no such column"));
    }
}
