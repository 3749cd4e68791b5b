//! [`PythonVersionInfo`]: the interpreter version, comparable with tuples.

/// The version of the running interpreter, as returned by
/// [`Python::version_info`](crate::Python::version_info).
///
/// Compares with `(major, minor)` and `(major, minor, patch)` tuples:
/// `py.version_info() >= (3, 11)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PythonVersionInfo<'a> {
    /// Major version, e.g. 3.
    pub major: u8,
    /// Minor version, e.g. 11.
    pub minor: u8,
    /// Patch version, e.g. 7.
    pub patch: u8,
    /// Pre-release suffix such as `a1`, `rc2` or `+`, if any.
    pub suffix: Option<&'a str>,
}

impl<'a> PythonVersionInfo<'a> {
    /// Parses a version number such as `3.11.7` or `3.13.0rc1`.
    pub(crate) fn from_str(version: &'a str) -> Result<PythonVersionInfo<'a>, &'a str> {
        fn split_num(part: &str) -> (&str, Option<&str>) {
            match part.find(|c: char| !c.is_ascii_digit()) {
                Some(pos) => (&part[..pos], Some(&part[pos..])),
                None => (part, None),
            }
        }
        let mut parts = version.split('.');
        let major: u8 = parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or("Python major version missing")?;
        let (minor_str, mut suffix) =
            split_num(parts.next().ok_or("Python minor version missing")?);
        let minor: u8 = minor_str
            .parse()
            .map_err(|_| "Python minor version not a number")?;
        let mut patch = 0;
        if let Some(p) = parts.next() {
            let (patch_str, s) = split_num(p);
            patch = patch_str
                .parse()
                .map_err(|_| "Python patch version not a number")?;
            suffix = s;
        }
        if parts.next().is_some() {
            return Err("Python version string has too many parts");
        }
        Ok(PythonVersionInfo {
            major,
            minor,
            patch,
            suffix,
        })
    }
}

impl PartialEq<(u8, u8)> for PythonVersionInfo<'_> {
    fn eq(&self, other: &(u8, u8)) -> bool {
        (self.major, self.minor) == *other
    }
}

impl PartialEq<(u8, u8, u8)> for PythonVersionInfo<'_> {
    fn eq(&self, other: &(u8, u8, u8)) -> bool {
        (self.major, self.minor, self.patch) == *other
    }
}

impl PartialOrd<(u8, u8)> for PythonVersionInfo<'_> {
    fn partial_cmp(&self, other: &(u8, u8)) -> Option<std::cmp::Ordering> {
        (self.major, self.minor).partial_cmp(other)
    }
}

impl PartialOrd<(u8, u8, u8)> for PythonVersionInfo<'_> {
    fn partial_cmp(&self, other: &(u8, u8, u8)) -> Option<std::cmp::Ordering> {
        (self.major, self.minor, self.patch).partial_cmp(other)
    }
}

#[cfg(test)]
mod tests {
    use super::PythonVersionInfo;

    #[test]
    fn parse_versions() {
        let v = PythonVersionInfo::from_str("3.11.7").unwrap();
        assert_eq!((v.major, v.minor, v.patch, v.suffix), (3, 11, 7, None));
        assert!(v >= (3, 11));
        assert!(v < (3, 12));
        assert!(v == (3, 11, 7));
        let v = PythonVersionInfo::from_str("3.13.0rc1").unwrap();
        assert_eq!(v.suffix, Some("rc1"));
        let v = PythonVersionInfo::from_str("3.14a2").unwrap();
        assert_eq!((v.minor, v.patch, v.suffix), (14, 0, Some("a2")));
        assert_eq!(
            PythonVersionInfo::from_str("x").unwrap_err().to_string(),
            "Python major version missing"
        );
    }
}
