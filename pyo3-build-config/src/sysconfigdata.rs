//! Finding and parsing `_sysconfigdata*.py` files (used when cross compiling).
//!
//! These files hold a `build_time_vars = {...}` dict literal written by `pprint`: string keys,
//! values that are strings (possibly several adjacent literals, possibly parenthesised) or
//! integers. This module parses that literal without running Python.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::errors::{Context, Error, Result};

/// A value of `build_time_vars`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SysconfigValue {
    /// A string value.
    Str(String),
    /// An integer value.
    Int(i64),
}

impl SysconfigValue {
    /// The value as text (integers are formatted in decimal).
    pub fn as_text(&self) -> String {
        match self {
            SysconfigValue::Str(s) => s.clone(),
            SysconfigValue::Int(i) => i.to_string(),
        }
    }
}

/// The parsed `build_time_vars` of one `_sysconfigdata*.py`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sysconfigdata(HashMap<String, SysconfigValue>);

impl Sysconfigdata {
    /// An empty set of variables.
    pub fn new() -> Self {
        Sysconfigdata(HashMap::new())
    }

    /// A variable as text; `None` when absent.
    pub fn get_value(&self, key: &str) -> Option<String> {
        self.0.get(key).map(SysconfigValue::as_text)
    }

    /// A variable as the raw value.
    pub fn get(&self, key: &str) -> Option<&SysconfigValue> {
        self.0.get(key)
    }

    /// Sets a variable.
    pub fn insert(&mut self, key: impl Into<String>, value: SysconfigValue) {
        self.0.insert(key.into(), value);
    }

    /// Number of variables.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no variables.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Reads and parses the `_sysconfigdata*.py` file at `path`.
pub fn parse_sysconfigdata(path: impl AsRef<Path>) -> Result<Sysconfigdata> {
    let path = path.as_ref();
    let text =
        std::fs::read_to_string(path).context(format!("failed to read {}", path.display()))?;
    parse_sysconfigdata_text(&text)
        .map_err(|e| Error::new(format!("failed to parse {}: {}", path.display(), e)))
}

/// Parses the text of a `_sysconfigdata*.py` file.
pub fn parse_sysconfigdata_text(text: &str) -> Result<Sysconfigdata> {
    let start = text
        .find("build_time_vars")
        .ok_or_else(|| Error::new("no `build_time_vars` assignment found"))?;
    let rest = &text[start + "build_time_vars".len()..];
    let brace = rest
        .find('{')
        .ok_or_else(|| Error::new("`build_time_vars` is not a dict literal"))?;
    ensure!(
        rest[..brace].trim() == "=",
        "`build_time_vars` is not assigned a dict literal"
    );
    let body_start = start + "build_time_vars".len() + brace + 1;
    let mut parser = Parser {
        chars: text[body_start..].chars().collect(),
        pos: 0,
        first_line: text[..body_start].matches('\n').count() + 1,
    };
    parser.dict()
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    first_line: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while self.peek().is_some_and(|c| c != '\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn error(&self, what: &str) -> Error {
        let line = self.chars[..self.pos.min(self.chars.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .count()
            + self.first_line;
        Error::new(format!("{} (line {})", what, line))
    }

    fn dict(&mut self) -> Result<Sysconfigdata> {
        let mut data = Sysconfigdata::new();
        loop {
            self.skip_ws();
            match self.peek() {
                Some('}') => return Ok(data),
                None => return Err(self.error("unterminated dict literal")),
                _ => {}
            }
            let key = match self.value()? {
                SysconfigValue::Str(s) => s,
                SysconfigValue::Int(_) => return Err(self.error("dict key is not a string")),
            };
            self.skip_ws();
            if self.peek() != Some(':') {
                return Err(self.error("expected `:` after a key"));
            }
            self.pos += 1;
            let value = self.value()?;
            data.insert(key, value);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') => return Ok(data),
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn value(&mut self) -> Result<SysconfigValue> {
        self.skip_ws();
        match self.peek() {
            Some('(') => {
                self.pos += 1;
                let v = self.value()?;
                self.skip_ws();
                if self.peek() != Some(')') {
                    return Err(self.error("expected `)`"));
                }
                self.pos += 1;
                Ok(v)
            }
            Some('\'') | Some('"') => {
                let mut s = String::new();
                while matches!(self.peek(), Some('\'') | Some('"')) {
                    s.push_str(&self.string()?);
                    self.skip_ws();
                }
                Ok(SysconfigValue::Str(s))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let start = self.pos;
                self.pos += 1;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                text.parse()
                    .map(SysconfigValue::Int)
                    .map_err(|_| self.error("invalid integer"))
            }
            _ => Err(self.error("expected a string or integer value")),
        }
    }

    fn string(&mut self) -> Result<String> {
        let quote = self.peek().expect("called at a quote");
        self.pos += 1;
        let mut s = String::new();
        loop {
            let c = self
                .peek()
                .ok_or_else(|| self.error("unterminated string"))?;
            self.pos += 1;
            if c == quote {
                return Ok(s);
            }
            if c != '\\' {
                s.push(c);
                continue;
            }
            let e = self
                .peek()
                .ok_or_else(|| self.error("unterminated string"))?;
            self.pos += 1;
            match e {
                'n' => s.push('\n'),
                't' => s.push('\t'),
                'r' => s.push('\r'),
                '0' => s.push('\0'),
                '\n' => {}
                'x' => {
                    let hex: String = self
                        .chars
                        .get(self.pos..self.pos + 2)
                        .unwrap_or(&[])
                        .iter()
                        .collect();
                    let v =
                        u32::from_str_radix(&hex, 16).map_err(|_| self.error("bad \\x escape"))?;
                    s.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                    self.pos += 2;
                }
                other => s.push(other),
            }
        }
    }
}

/// Every `_sysconfigdata*.py` file under `dir` (searched a few levels deep, skipping
/// `site-packages`), sorted by path.
pub fn find_sysconfigdata_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: u32, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if depth > 0 && name != "site-packages" && name != "__pycache__" {
                    walk(&path, depth - 1, found);
                }
            } else if name.starts_with("_sysconfigdata") && name.ends_with(".py") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, 4, &mut found);
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const FIXTURE: &str =
        include_str!("../tests/fixtures/_sysconfigdata__linux_aarch64-linux-gnu.py");

    #[test]
    fn parses_fixture() {
        let data = parse_sysconfigdata_text(FIXTURE).unwrap();
        assert_eq!(data.get_value("VERSION").as_deref(), Some("3.12"));
        assert_eq!(data.get("Py_ENABLE_SHARED"), Some(&SysconfigValue::Int(1)));
        assert_eq!(data.get_value("SIZEOF_VOID_P").as_deref(), Some("8"));
        assert_eq!(
            data.get_value("CONFIG_ARGS").as_deref(),
            Some("'--enable-shared' '--prefix=/usr' 'CC=aarch64-linux-gnu-gcc'")
        );
        assert_eq!(data.get_value("QUOTED").as_deref(), Some("it's \"x\"\n"));
        assert_eq!(data.get("NEG"), Some(&SysconfigValue::Int(-3)));
        assert_eq!(data.get_value("EMPTY").as_deref(), Some(""));
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(
            parse_sysconfigdata_text("x = 1").unwrap_err().to_string(),
            "no `build_time_vars` assignment found"
        );
        assert_eq!(
            parse_sysconfigdata_text("build_time_vars = {'A': }")
                .unwrap_err()
                .to_string(),
            "expected a string or integer value (line 1)"
        );
        assert_eq!(
            parse_sysconfigdata_text("build_time_vars = {'A': 'b'")
                .unwrap_err()
                .to_string(),
            "expected `,` or `}` (line 1)"
        );
        let e = parse_sysconfigdata_text("build_time_vars = {\n'A': 1\n'B': 2}").unwrap_err();
        assert!(e.to_string().contains("line 3"), "{}", e);
    }

    /// Parses the real `_sysconfigdata` of `python3` on PATH (which every machine that runs
    /// these tests has) and of every pyenv CPython 3.9+, and checks the parsed values against
    /// what the interpreter itself reports. At least `python3`'s file must be found.
    #[test]
    fn real_sysconfigdata() {
        use std::process::Command;
        // The directory holding `pythonX.Y/` (the standard library): LIBDIR on pyenv builds,
        // but `/usr/lib` where a distribution puts the shared library elsewhere (Debian).
        let query = "import os, sys, sysconfig\n\
                     print(os.path.dirname(sysconfig.get_path('stdlib')))\n\
                     print(sysconfig.get_config_var('LIBDIR'))\n\
                     print(sysconfig.get_config_var('VERSION'))\n\
                     print(sysconfig.get_config_var('SOABI'))\n";
        let mut pythons = vec![PathBuf::from("python3")];
        if let Some(root) =
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv/versions"))
        {
            for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let minor = name.strip_prefix("3.").and_then(|r| r.split('.').next());
                if minor
                    .and_then(|m| m.parse::<u32>().ok())
                    .is_some_and(|m| m >= 9)
                {
                    pythons.push(entry.path().join("bin/python3"));
                }
            }
        }
        let mut checked = 0;
        for python in &pythons {
            let out = Command::new(python).args(["-c", query]).output().unwrap();
            assert!(out.status.success(), "{}", python.display());
            let text = String::from_utf8(out.stdout).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let (stdlib_parent, libdir, version, soabi) = (lines[0], lines[1], lines[2], lines[3]);
            let files = find_sysconfigdata_files(Path::new(stdlib_parent));
            let file = files
                .iter()
                .find(|f| f.to_string_lossy().contains(&format!("python{version}/")))
                .unwrap_or_else(|| panic!("no _sysconfigdata for {version} under {stdlib_parent}"));
            let data = parse_sysconfigdata(file).unwrap();
            assert_eq!(
                data.get_value("VERSION").as_deref(),
                Some(version),
                "{}",
                file.display()
            );
            assert_eq!(
                data.get_value("SOABI").as_deref(),
                Some(soabi),
                "{}",
                file.display()
            );
            assert_eq!(
                data.get_value("LIBDIR").as_deref(),
                Some(libdir),
                "{}",
                file.display()
            );
            checked += 1;
        }
        assert!(checked >= 1);
        println!("checked {checked} real _sysconfigdata file(s)");
    }
}
