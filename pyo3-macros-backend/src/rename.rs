//! `rename_all = "..."` renaming rules.

/// A renaming rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenamingRule {
    /// `camelCase`
    CamelCase,
    /// `kebab-case`
    KebabCase,
    /// `lowercase`
    Lowercase,
    /// `PascalCase`
    PascalCase,
    /// `SCREAMING-KEBAB-CASE`
    ScreamingKebabCase,
    /// `SCREAMING_SNAKE_CASE`
    ScreamingSnakeCase,
    /// `snake_case`
    SnakeCase,
    /// `UPPERCASE`
    Uppercase,
}

/// All rule names, for error messages.
pub const RULES: &[&str] = &[
    "camelCase",
    "kebab-case",
    "lowercase",
    "PascalCase",
    "SCREAMING-KEBAB-CASE",
    "SCREAMING_SNAKE_CASE",
    "snake_case",
    "UPPERCASE",
];

impl RenamingRule {
    /// Parses a rule name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "camelCase" => Self::CamelCase,
            "kebab-case" => Self::KebabCase,
            "lowercase" => Self::Lowercase,
            "PascalCase" => Self::PascalCase,
            "SCREAMING-KEBAB-CASE" => Self::ScreamingKebabCase,
            "SCREAMING_SNAKE_CASE" => Self::ScreamingSnakeCase,
            "snake_case" => Self::SnakeCase,
            "UPPERCASE" => Self::Uppercase,
            _ => return None,
        })
    }

    /// Applies the rule to a Rust identifier (snake_case or PascalCase).
    pub fn apply(self, name: &str) -> String {
        let words = split_words(name);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        let cap = |w: &String| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        };
        match self {
            Self::CamelCase => lower
                .iter()
                .enumerate()
                .map(|(i, w)| if i == 0 { w.clone() } else { cap(w) })
                .collect(),
            Self::PascalCase => lower.iter().map(cap).collect(),
            Self::KebabCase => lower.join("-"),
            Self::SnakeCase => lower.join("_"),
            Self::ScreamingKebabCase => upper.join("-"),
            Self::ScreamingSnakeCase => upper.join("_"),
            Self::Lowercase => lower.concat(),
            Self::Uppercase => upper.concat(),
        }
    }
}

fn split_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.push(c);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(
            RenamingRule::CamelCase.apply("my_field_name"),
            "myFieldName"
        );
        assert_eq!(RenamingRule::PascalCase.apply("my_field"), "MyField");
        assert_eq!(RenamingRule::KebabCase.apply("MyVariant"), "my-variant");
        assert_eq!(
            RenamingRule::ScreamingSnakeCase.apply("my_field"),
            "MY_FIELD"
        );
        assert_eq!(
            RenamingRule::ScreamingKebabCase.apply("my_field"),
            "MY-FIELD"
        );
        assert_eq!(RenamingRule::SnakeCase.apply("MyVariant"), "my_variant");
        assert_eq!(RenamingRule::Lowercase.apply("my_field"), "myfield");
        assert_eq!(RenamingRule::Uppercase.apply("my_field"), "MYFIELD");
    }
}
