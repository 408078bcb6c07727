//! Splits query text into terms (`-key:"quoted value"`, `"phrase"`, `word`) and `OR`, keeping
//! the column of each so errors can point at it.

use super::QueryError;

/// One lexical item of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    Or {
        column: usize,
    },
    Term {
        column: usize,
        negated: bool,
        key: Option<String>,
        value: String,
        quoted: bool,
    },
}

/// Tokenizes `text`; columns are 1-based character positions.
pub(super) fn tokenize(text: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        if chars[index].is_whitespace() {
            index += 1;
            continue;
        }
        let column = index + 1;
        let mut negated = false;
        if chars[index] == '-' && chars.get(index + 1).is_some_and(|c| !c.is_whitespace()) {
            negated = true;
            index += 1;
        }
        let mut key = None;
        if chars[index] != '"' {
            let word_end = (index..chars.len())
                .find(|&i| chars[i].is_whitespace() || chars[i] == '"')
                .unwrap_or(chars.len());
            let word: String = chars[index..word_end].iter().collect();
            if let Some(colon) = word.find(':').filter(|&at| at > 0) {
                key = Some(word[..colon].to_string());
                index += word[..=colon].chars().count();
            }
        }
        let (value, quoted) = if chars.get(index) == Some(&'"') {
            let quote_column = index + 1;
            let close = (index + 1..chars.len())
                .find(|&i| chars[i] == '"')
                .ok_or_else(|| QueryError::new(quote_column, "unclosed quote"))?;
            let value: String = chars[index + 1..close].iter().collect();
            index = close + 1;
            (value, true)
        } else {
            let end = (index..chars.len())
                .find(|&i| chars[i].is_whitespace())
                .unwrap_or(chars.len());
            let value: String = chars[index..end].iter().collect();
            index = end;
            (value, false)
        };
        if !negated && key.is_none() && !quoted && value == "OR" {
            tokens.push(Token::Or { column });
            continue;
        }
        if key.is_none() && value.trim().is_empty() {
            return Err(QueryError::new(column, "empty term"));
        }
        tokens.push(Token::Term {
            column,
            negated,
            key,
            value,
            quoted,
        });
    }
    Ok(tokens)
}
