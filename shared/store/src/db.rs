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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// One connection: executes exactly one statement per call.
pub trait Db {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows>;
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
