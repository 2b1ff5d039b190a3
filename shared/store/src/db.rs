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
}

/// Typed cell access for row slices.
pub trait RowExt {
    fn int(&self, i: usize) -> i64;
    fn text(&self, i: usize) -> String;
    fn opt_int(&self, i: usize) -> Option<i64>;
    fn opt_text(&self, i: usize) -> Option<String>;
}

impl RowExt for [Value] {
    fn int(&self, i: usize) -> i64 {
        self.get(i).and_then(Value::as_i64).unwrap_or(0)
    }
    fn text(&self, i: usize) -> String {
        self.get(i)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    }
    fn opt_int(&self, i: usize) -> Option<i64> {
        self.get(i).and_then(Value::as_i64)
    }
    fn opt_text(&self, i: usize) -> Option<String> {
        self.get(i).and_then(Value::as_str).map(str::to_string)
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
}

/// `(?, ?, ?), (?, ?, ?)`: placeholders for `rows` rows of `cols` values.
pub fn placeholders(rows: usize, cols: usize) -> String {
    let one = format!("({})", vec!["?"; cols].join(", "));
    vec![one; rows].join(", ")
}

/// SQLite allows 32766 parameters per statement; stay well under for multi-row statements.
pub const MAX_PARAMS: usize = 30_000;

/// How many rows of `cols` values fit in one multi-row statement.
pub fn rows_per_statement(cols: usize) -> usize {
    (MAX_PARAMS / cols).max(1)
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
