//! The filter language shared by the CLI and the TUI (`country:NE lang:fr -source:RFI "mots exacts"`).
//! Parsing only: turning a [`Query`] into SQL is the store's job.

use std::fmt;

use chrono::NaiveDate;

mod lexer;
mod parts;

use lexer::{Token, tokenize};

/// A parsed filter: clauses joined by AND, each clause a set of alternatives joined by OR.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

/// Alternatives joined by `OR`; a plain term is a clause of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub alternatives: Vec<Term>,
}

/// One filter term, possibly negated with a leading `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub filter: Filter,
}

/// What a term asks of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// A free word, matched by full-text search (accent- and case-insensitive, `word*` a prefix).
    Word(String),
    /// A `"quoted phrase"`, matched as consecutive words.
    Phrase(String),
    Lang(String),
    Source(String),
    Since(DateBound),
    Until(DateBound),
    Is(Flag),
    /// ISO 3166-1 alpha-2 code of a country the article is about.
    Country(String),
    /// ISO 3166-1 alpha-2 code of a country the article names at all.
    Mentions(String),
    Entity(Option<EntityKindFilter>, String),
    /// A tag of the article, its own or its feed's (lowercased, as tags are stored).
    Tag(String),
}

/// The kind restriction of `person:`, `org:` and `place:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKindFilter {
    Person,
    Organization,
    Place,
}

impl EntityKindFilter {
    /// The entity kind this restricts to.
    pub fn kind(self) -> crate::analyze::EntityKind {
        use crate::analyze::EntityKind;
        match self {
            Self::Person => EntityKind::Person,
            Self::Organization => EntityKind::Organization,
            Self::Place => EntityKind::Place,
        }
    }
}

/// `is:` flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Unread,
    Read,
    Starred,
}

/// A calendar date, or a number of days before today (`7d`, `2w`, `3m`, `1y`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    Date(NaiveDate),
    DaysAgo(u32),
}

impl DateBound {
    /// The date this bound stands for, counting relative bounds back from `today`.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            Self::Date(date) => date,
            // A span reaching past the calendar's start clamps to it rather than overflowing.
            Self::DaysAgo(days) => today
                .checked_sub_days(chrono::Days::new(u64::from(days)))
                .unwrap_or(NaiveDate::MIN),
        }
    }
}

/// A query that could not be parsed, pointing at the column (1-based, in characters) of the mistake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

impl QueryError {
    fn new(column: usize, message: impl Into<String>) -> Self {
        Self {
            column,
            message: message.into(),
        }
    }
}

impl Query {
    /// Parses `text`; countries may be named in any language the gazetteer knows
    /// (`country:niger`, `country:Allemagne`, `country:EEUU`) or by ISO code.
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        let tokens = tokenize(text)?;
        let mut clauses: Vec<Clause> = Vec::new();
        let mut pending_or: Option<usize> = None;
        let mut terms = 0;
        for token in tokens {
            match token {
                Token::Or { column } => {
                    if clauses.is_empty() || pending_or.is_some() {
                        return Err(QueryError::new(column, "OR needs a term on each side"));
                    }
                    pending_or = Some(column);
                }
                Token::Term {
                    column,
                    negated,
                    key,
                    value,
                    quoted,
                } => {
                    terms += 1;
                    if terms > MAX_TERMS {
                        return Err(QueryError::new(
                            column,
                            format!("a query holds at most {MAX_TERMS} terms"),
                        ));
                    }
                    let filter = parse_filter(column, key.as_deref(), &value, quoted)?;
                    let term = Term { negated, filter };
                    match (pending_or.take(), clauses.last_mut()) {
                        (Some(_), Some(last)) => last.alternatives.push(term),
                        _ => clauses.push(Clause {
                            alternatives: vec![term],
                        }),
                    }
                }
            }
        }
        if let Some(column) = pending_or {
            return Err(QueryError::new(column, "OR needs a term on each side"));
        }
        Ok(Self { clauses })
    }

    /// True when the query matches every article.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The query with one more clause ANDed on.
    #[must_use]
    pub fn and(mut self, other: Query) -> Self {
        self.clauses.extend(other.clauses);
        self
    }
}

/// Each term binds at most two SQL parameters, so this stays far below SQLite's 32,766; the
/// store nests terms as a balanced tree, so their number never reaches its depth limit.
pub const MAX_TERMS: usize = 1024;

/// The filter language's keys, as errors list them and the query line completes them.
pub const KEYS: &[&str] = &[
    "lang", "source", "since", "until", "is", "country", "mentions", "entity", "person", "org",
    "place", "tag",
];

/// The `is:` values (`new` and `flagged` are taken too, as other readers' words for them).
pub const FLAGS: &[&str] = &["unread", "read", "starred"];

fn parse_filter(
    column: usize,
    key: Option<&str>,
    value: &str,
    quoted: bool,
) -> Result<Filter, QueryError> {
    let Some(key) = key else {
        return Ok(if quoted {
            Filter::Phrase(value.to_string())
        } else {
            Filter::Word(value.to_string())
        });
    };
    let value_column = column + key.chars().count() + 1;
    if value.trim().is_empty() {
        return Err(QueryError::new(
            value_column,
            format!("'{key}:' needs a value"),
        ));
    }
    let country = |value: &str| {
        crate::analyze::country_code(value)
            .map(str::to_string)
            .ok_or_else(|| QueryError::new(value_column, format!("unknown country '{value}'")))
    };
    Ok(match key.to_ascii_lowercase().as_str() {
        "lang" => Filter::Lang(value.to_ascii_lowercase()),
        "source" => Filter::Source(value.to_string()),
        "since" => Filter::Since(parse_date_bound(value_column, value)?),
        "until" => Filter::Until(parse_date_bound(value_column, value)?),
        "is" => Filter::Is(match value.to_ascii_lowercase().as_str() {
            "unread" | "new" => Flag::Unread,
            "read" => Flag::Read,
            "starred" | "flagged" => Flag::Starred,
            other => {
                return Err(QueryError::new(
                    value_column,
                    format!("unknown flag 'is:{other}' (expected unread, read or starred)"),
                ));
            }
        }),
        "country" => Filter::Country(country(value)?),
        "mentions" => Filter::Mentions(country(value)?),
        "entity" => Filter::Entity(None, value.to_string()),
        "person" => Filter::Entity(Some(EntityKindFilter::Person), value.to_string()),
        "org" => Filter::Entity(Some(EntityKindFilter::Organization), value.to_string()),
        "place" => Filter::Entity(Some(EntityKindFilter::Place), value.to_string()),
        "tag" => Filter::Tag(value.trim().to_lowercase()),
        other => {
            return Err(QueryError::new(
                column,
                format!("unknown key '{other}:' (known keys: {})", KEYS.join(", ")),
            ));
        }
    })
}

fn parse_date_bound(column: usize, value: &str) -> Result<DateBound, QueryError> {
    if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Ok(DateBound::Date(date));
    }
    // Split off the last character (not byte), so a non-ASCII unit such as '日' is an error.
    let mut chars = value.chars();
    let unit = chars.next_back();
    if let (Ok(count), Some(unit)) = (chars.as_str().parse::<u32>(), unit) {
        let days_per_unit = match unit {
            'd' => Some(1),
            'w' => Some(7),
            'm' => Some(30),
            'y' => Some(365),
            _ => None,
        };
        if let Some(days) = days_per_unit {
            return Ok(DateBound::DaysAgo(count.saturating_mul(days)));
        }
    }
    Err(QueryError::new(
        column,
        format!("'{value}' is not a date (expected YYYY-MM-DD or a span such as 7d, 2w, 3m, 1y)"),
    ))
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, clause) in self.clauses.iter().enumerate() {
            if index > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{clause}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, term) in self.alternatives.iter().enumerate() {
            if index > 0 {
                f.write_str(" OR ")?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        match &self.filter {
            Filter::Word(word) => f.write_str(word),
            Filter::Phrase(phrase) => write!(f, "\"{phrase}\""),
            Filter::Lang(lang) => write!(f, "lang:{}", quote_if_needed(lang)),
            Filter::Source(source) => write!(f, "source:{}", quote_if_needed(source)),
            Filter::Since(bound) => write!(f, "since:{bound}"),
            Filter::Until(bound) => write!(f, "until:{bound}"),
            Filter::Is(Flag::Unread) => f.write_str("is:unread"),
            Filter::Is(Flag::Read) => f.write_str("is:read"),
            Filter::Is(Flag::Starred) => f.write_str("is:starred"),
            Filter::Country(code) => write!(f, "country:{code}"),
            Filter::Mentions(code) => write!(f, "mentions:{code}"),
            Filter::Entity(kind, name) => {
                let key = match kind {
                    None => "entity",
                    Some(EntityKindFilter::Person) => "person",
                    Some(EntityKindFilter::Organization) => "org",
                    Some(EntityKindFilter::Place) => "place",
                };
                write!(f, "{key}:{}", quote_if_needed(name))
            }
            Filter::Tag(tag) => write!(f, "tag:{}", quote_if_needed(tag)),
        }
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Self::DaysAgo(days) => write!(f, "{days}d"),
        }
    }
}

/// A value as the lexer reads it back: quoted when it holds whitespace. A value read unquoted
/// never starts with a quote and one read quoted never holds one, so quotes inside a value that
/// needs quoting cannot be written back and are dropped.
fn quote_if_needed(value: &str) -> String {
    if value.contains(char::is_whitespace) {
        format!("\"{}\"", value.replace('"', ""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests;
