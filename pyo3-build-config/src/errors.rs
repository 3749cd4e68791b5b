//! The error type used throughout the crate.
//!
//! Build scripts report an [`Error`] as a single `error: ...` message followed by the chain of
//! its causes; nothing here ever panics.

use std::fmt;

/// An error raised while resolving or reading the Python build configuration.
#[derive(Debug)]
pub struct Error {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// Shorthand for `std::result::Result<T, pyo3_build_config::errors::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Creates an error carrying only a message.
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            source: None,
        }
    }

    /// Returns the message, followed by each cause on its own `caused by:` line.
    pub fn report(&self) -> String {
        let mut text = self.message.clone();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            text.push_str("\ncaused by: ");
            text.push_str(&c.to_string());
            cause = c.source();
        }
        text
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|s| &**s as &(dyn std::error::Error + 'static))
    }
}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Error::new(message)
    }
}

impl From<&str> for Error {
    fn from(message: &str) -> Self {
        Error::new(message)
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error {
            message: "input/output error".into(),
            source: Some(Box::new(err)),
        }
    }
}

/// Adds a leading message to the error of a `Result`, keeping the original as the cause.
pub trait Context<T> {
    /// Wraps the error (if any) in a new [`Error`] whose message is `message`.
    fn context(self, message: impl Into<String>) -> Result<T>;
}

impl<T, E> Context<T> for std::result::Result<T, E>
where
    E: std::error::Error + Send + Sync + 'static,
{
    fn context(self, message: impl Into<String>) -> Result<T> {
        self.map_err(|e| Error {
            message: message.into(),
            source: Some(Box::new(e)),
        })
    }
}

/// Returns early from the enclosing function with an [`Error`] built by `format!`.
#[macro_export]
#[doc(hidden)]
macro_rules! bail {
    ($($args:tt)+) => {
        return ::std::result::Result::Err($crate::errors::Error::from(format!($($args)+)))
    };
}

/// Like `assert!`, but returns an [`Error`] built by `format!` instead of panicking.
#[macro_export]
#[doc(hidden)]
macro_rules! ensure {
    ($cond:expr, $($args:tt)+) => {
        if !($cond) {
            $crate::bail!($($args)+);
        }
    };
}

/// Prints a `cargo:warning=` line built by `format!` (every line of the message is prefixed).
#[macro_export]
#[doc(hidden)]
macro_rules! warn {
    ($($args:tt)+) => {
        for line in format!($($args)+).lines() {
            println!("cargo:warning={}", line);
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_includes_causes() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let err = Err::<(), _>(io).context("reading config").unwrap_err();
        assert_eq!(err.to_string(), "reading config");
        assert_eq!(err.report(), "reading config\ncaused by: no such file");
    }

    #[test]
    fn bail_and_ensure() {
        fn f(x: u8) -> Result<u8> {
            ensure!(x < 10, "{} is too big", x);
            if x == 3 {
                bail!("three is not allowed");
            }
            Ok(x)
        }
        assert_eq!(f(1).unwrap(), 1);
        assert_eq!(f(11).unwrap_err().to_string(), "11 is too big");
        assert_eq!(f(3).unwrap_err().to_string(), "three is not allowed");
    }
}
