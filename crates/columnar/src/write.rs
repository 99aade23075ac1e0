//! One table's columns into the bytes of a Parquet file: the schema from `schema`, a
//! row group per [`ROW_GROUP_ROWS`] rows, snappy pages, and writer properties that
//! make the same graph give the same bytes (no clock, a fixed `created_by`).

use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{WriterProperties, DEFAULT_CREATED_BY};
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;

use crate::rows::Values;
use crate::schema::{Table, Type, SCHEMA, VERSION};
use crate::ColumnarError;

/// Rows per row group: the unit an engine reads in parallel (DataFusion and Spark
/// split a file's work by row group). 128 Ki rows of these tables are 5 to 40 MB.
pub(crate) const ROW_GROUP_ROWS: usize = 128 * 1024;

/// What every file says wrote it. The library version is named so that readers can
/// apply their per-writer workarounds, and nothing varies between runs.
fn created_by() -> String {
    format!(
        "levelmap version {} ({DEFAULT_CREATED_BY})",
        env!("CARGO_PKG_VERSION")
    )
}

/// The writer properties of a table's file.
fn properties(table: &Table, digest: &str) -> WriterProperties {
    let meta = [
        ("levelmap.schema", SCHEMA.to_string()),
        ("levelmap.version", VERSION.to_string()),
        ("levelmap.table", table.name.to_string()),
        ("levelmap.digest", digest.to_string()),
    ];
    WriterProperties::builder()
        .set_created_by(created_by())
        .set_compression(Compression::SNAPPY)
        .set_key_value_metadata(Some(
            meta.into_iter()
                .map(|(k, v)| KeyValue::new(k.to_string(), v))
                .collect(),
        ))
        .build()
}

/// The bytes of `table` holding `columns` (one per schema column, all of one length).
/// Rows are cut into row groups of `group_rows` ([`ROW_GROUP_ROWS`] but in tests).
pub(crate) fn table_bytes(
    table: &Table,
    columns: &[Values<'_>],
    digest: &str,
    group_rows: usize,
) -> Result<Vec<u8>, ColumnarError> {
    let rows = columns.first().map_or(0, Values::len);
    assert_eq!(
        columns.len(),
        table.columns.len(),
        "{}: one Values per column",
        table.name
    );
    for (c, v) in table.columns.iter().zip(columns) {
        assert!(
            v.len() == rows && matches_type(v, c.ty),
            "{}.{}: {rows} rows of {:?}",
            table.name,
            c.name,
            c.ty
        );
    }
    let schema = Arc::new(parse_message_type(&table.message_type())?);
    let props = Arc::new(properties(table, digest));
    let mut file = SerializedFileWriter::new(Vec::new(), schema, props)?;
    let mut at = 0;
    // An empty table is a file with its schema and no row group.
    while at < rows {
        let end = (at + group_rows).min(rows);
        let mut group = file.next_row_group()?;
        let mut i = 0;
        while let Some(mut col) = group.next_column()? {
            write_column(&mut col, &columns[i], at..end, table.columns[i].nullable)?;
            col.close()?;
            i += 1;
        }
        group.close()?;
        at = end;
    }
    Ok(file.into_inner()?)
}

fn matches_type(v: &Values<'_>, ty: Type) -> bool {
    matches!(
        (v, ty),
        (Values::Utf8(_), Type::Utf8)
            | (Values::Date(_), Type::Date)
            | (Values::Float64(_), Type::Float64)
            | (Values::Bool(_), Type::Bool)
    )
}

/// The present values of `rows` and, for a nullable column, their definition levels
/// (1 present, 0 null). A required column refuses a null.
fn split<T: Clone>(
    values: &[Option<T>],
    nullable: bool,
) -> Result<(Vec<T>, Option<Vec<i16>>), ColumnarError> {
    let present: Vec<T> = values.iter().flatten().cloned().collect();
    if nullable {
        let levels = values.iter().map(|v| i16::from(v.is_some())).collect();
        Ok((present, Some(levels)))
    } else if present.len() == values.len() {
        Ok((present, None))
    } else {
        Err(ColumnarError::NullInRequired)
    }
}

/// Write rows `range` of one column into the row group's column writer.
fn write_column(
    col: &mut SerializedColumnWriter<'_>,
    values: &Values<'_>,
    range: std::ops::Range<usize>,
    nullable: bool,
) -> Result<(), ColumnarError> {
    match values {
        Values::Utf8(v) => {
            let (present, levels) = split(&v[range], nullable)?;
            let arrays = byte_arrays(&present);
            col.typed::<ByteArrayType>()
                .write_batch(&arrays, levels.as_deref(), None)?;
        }
        Values::Date(v) => {
            let (present, levels) = split(&v[range], nullable)?;
            col.typed::<Int32Type>()
                .write_batch(&present, levels.as_deref(), None)?;
        }
        Values::Float64(v) => {
            let (present, levels) = split(&v[range], nullable)?;
            col.typed::<DoubleType>()
                .write_batch(&present, levels.as_deref(), None)?;
        }
        Values::Bool(v) => {
            let (present, levels) = split(&v[range], nullable)?;
            col.typed::<BoolType>()
                .write_batch(&present, levels.as_deref(), None)?;
        }
    }
    Ok(())
}

/// Texts as Parquet byte arrays sharing one buffer (one allocation, not one a value).
fn byte_arrays<S: AsRef<str>>(texts: &[S]) -> Vec<ByteArray> {
    let mut buf = Vec::with_capacity(texts.iter().map(|t| t.as_ref().len()).sum());
    let mut ends = Vec::with_capacity(texts.len());
    for t in texts {
        buf.extend_from_slice(t.as_ref().as_bytes());
        ends.push(buf.len());
    }
    let buf = bytes::Bytes::from(buf);
    let mut start = 0;
    ends.into_iter()
        .map(|end| {
            let a = ByteArray::from(buf.slice(start..end));
            start = end;
            a
        })
        .collect()
}
