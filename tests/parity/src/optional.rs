//! The optional conversions (`--features full`): values of each crate converted to Python
//! and extracted back, good and bad, printed by `cases_full.py`.

use pyo3::prelude::*;

fn show<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> String {
    use pyo3::BoundObject;
    match v.into_pyobject(py) {
        Ok(o) => {
            let o = o.into_any().into_bound();
            format!("{} {}", o.get_type().name().unwrap(), o.repr().unwrap())
        }
        Err(e) => format!("ERR {}", Into::<PyErr>::into(e)),
    }
}

fn back<'py, T>(obj: &Bound<'py, PyAny>) -> String
where
    T: pyo3::conversion::FromPyObjectOwned<'py> + std::fmt::Debug,
{
    match obj.extract::<T>() {
        Ok(v) => format!("OK {v:?}"),
        Err(e) => format!("ERR {}", Into::<PyErr>::into(e)),
    }
}

/// Rust values of the optional crates, converted to Python.
#[pyfunction]
pub fn to_py(py: Python<'_>, which: u32) -> String {
    use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
    let date = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    let dt = date.and_hms_micro_opt(12, 30, 5, 123456).unwrap();
    match which {
        0 => show(py, date),
        1 => show(py, dt),
        2 => show(py, dt.time()),
        3 => show(py, Utc.from_utc_datetime(&dt)),
        4 => show(
            py,
            FixedOffset::east_opt(5400).unwrap().from_utc_datetime(&dt),
        ),
        5 => show(py, chrono::TimeDelta::milliseconds(-1500)),
        6 => show(py, FixedOffset::west_opt(3600).unwrap()),
        7 => show(py, chrono::Utc),
        8 => show(py, chrono_tz::Europe::Paris),
        9 => show(
            py,
            num_bigint::BigInt::from(-7) * num_bigint::BigInt::from(u128::MAX),
        ),
        10 => show(py, num_bigint::BigUint::from(u64::MAX) * 3u32),
        11 => show(py, num_complex::Complex::new(1.5f64, -2.0)),
        12 => show(py, num_rational::Ratio::new(6i64, -4)),
        13 => show(py, rust_decimal::Decimal::new(-12345, 3)),
        14 => show(py, "1.50".parse::<bigdecimal::BigDecimal>().unwrap()),
        15 => show(
            py,
            uuid::Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
        ),
        16 => show(py, either::Either::<i32, &str>::Right("r")),
        17 => show(py, hashbrown::HashMap::from([(1, 2)])),
        18 => show(py, indexmap::IndexMap::from([("b", 1), ("a", 2)])),
        19 => show(py, smallvec::SmallVec::<[u8; 4]>::from_slice(&[1, 2])),
        20 => show(py, bytes::Bytes::from_static(b"by")),
        21 => show(
            py,
            time::macros::datetime!(2024-02-29 12:30:05.123456 +01:30),
        ),
        22 => show(py, time::Duration::milliseconds(-1500)),
        23 => show(py, time::macros::date!(2024 - 02 - 29)),
        24 => show(py, jiff::civil::date(2024, 2, 29)),
        25 => show(py, jiff::SignedDuration::from_millis(-1500)),
        26 => show(py, jiff::Timestamp::from_second(86400).unwrap()),
        27 => show(py, ordered_float::OrderedFloat(1.5f64)),
        28 => show(py, ordered_float::NotNan::new(2.5f64).unwrap()),
        29 => show(
            py,
            std::collections::HashMap::<String, rust_decimal::Decimal>::new(),
        ),
        30 => show(
            py,
            Utc.from_utc_datetime(
                &NaiveDate::from_ymd_opt(2016, 12, 31)
                    .unwrap()
                    .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
                    .unwrap(),
            ),
        ),
        31 => show(
            py,
            jiff::Zoned::new(
                jiff::Timestamp::from_second(0).unwrap(),
                jiff::tz::TimeZone::UTC,
            ),
        ),
        _ => "none".into(),
    }
}

/// Python values extracted into the optional crates' types.
#[pyfunction]
pub fn from_py(kind: &str, obj: &Bound<'_, PyAny>) -> String {
    match kind {
        "NaiveDate" => back::<chrono::NaiveDate>(obj),
        "NaiveDateTime" => back::<chrono::NaiveDateTime>(obj),
        "NaiveTime" => back::<chrono::NaiveTime>(obj),
        "DateTimeUtc" => back::<chrono::DateTime<chrono::Utc>>(obj),
        "DateTimeFixed" => back::<chrono::DateTime<chrono::FixedOffset>>(obj),
        "TimeDelta" => back::<chrono::TimeDelta>(obj),
        "FixedOffset" => back::<chrono::FixedOffset>(obj),
        "Tz" => back::<chrono_tz::Tz>(obj),
        "BigInt" => back::<num_bigint::BigInt>(obj),
        "BigUint" => back::<num_bigint::BigUint>(obj),
        "Complex" => back::<num_complex::Complex<f64>>(obj),
        "Ratio" => back::<num_rational::Ratio<i64>>(obj),
        "Decimal" => back::<rust_decimal::Decimal>(obj),
        "BigDecimal" => back::<bigdecimal::BigDecimal>(obj),
        "Uuid" => back::<uuid::Uuid>(obj),
        "Either" => back::<either::Either<i32, String>>(obj),
        "IndexMap" => back::<indexmap::IndexMap<String, i64>>(obj),
        "SmallVec" => back::<smallvec::SmallVec<[i64; 2]>>(obj),
        "Bytes" => back::<bytes::Bytes>(obj),
        "TimeOffsetDateTime" => back::<time::OffsetDateTime>(obj),
        "TimeDuration" => back::<time::Duration>(obj),
        "TimeDate" => back::<time::Date>(obj),
        "JiffDate" => back::<jiff::civil::Date>(obj),
        "JiffTimestamp" => back::<jiff::Timestamp>(obj),
        "JiffSignedDuration" => back::<jiff::SignedDuration>(obj),
        "OrderedFloat" => back::<ordered_float::OrderedFloat<f64>>(obj),
        "NotNan" => back::<ordered_float::NotNan<f64>>(obj),
        _ => "unknown".into(),
    }
}
