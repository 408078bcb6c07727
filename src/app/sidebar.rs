//! The entity sidebar's state: generic sections of rows, each row optionally carrying the parsed
//! filter that `Enter` adds (`lang:fr`, `source:"RFI"`, `country:NE`, ...).

use chrono::NaiveDate;

use crate::analyze::EntityKind;
use crate::article::Article;
use crate::query::{DateBound, EntityKindFilter, Filter, Flag, Query};

pub use super::daily::Daily;
use super::text::clean_line;

/// Counts over the current list, shown when no article is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: u64,
    pub unread: u64,
    pub by_lang: Vec<(String, u64)>,
    pub by_source: Vec<(String, u64)>,
    /// Countries and entities most cited by the listed articles.
    pub entities: Vec<EntityCount>,
    /// Every country the listed articles are about, most articles first (for the map).
    pub countries: Vec<(String, u64)>,
    /// Listed articles per day, for the sparkline.
    pub daily: Daily,
    /// Saved views with their unread articles.
    pub views: Vec<ViewCount>,
}

/// A saved view and how many of its articles are unread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewCount {
    pub name: String,
    pub query: Query,
    pub unread: u64,
}

/// What a counted sidebar row is: an analysed entity (a country among them) or a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKind {
    Entity(EntityKind),
    /// A tag of the article or its feed (housekeep, issue 17).
    Tag,
}

impl RowKind {
    pub const COUNTRY: Self = Self::Entity(EntityKind::Country);

    /// The kind named `name`: `tag` or an [`EntityKind::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "tag" => Some(Self::Tag),
            _ => EntityKind::from_name(name).map(Self::Entity),
        }
    }
}

/// A country, entity or tag with how often it is cited (in an article, or across the list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCount {
    pub kind: RowKind,
    /// The entity's name; for a country, its ISO code.
    pub name: String,
    /// A display name when it differs from `name`: a country's name, or the form an article
    /// wrote for an organisation or place (`Cédéao` for ECOWAS).
    pub label: Option<String>,
    pub count: u64,
    /// A country the article names without being about it (the sidebar lists it apart).
    pub mentioned: bool,
}

/// The filter of an entity row, from the entity's name.
type FilterOf = fn(String) -> Filter;

/// Section titles and filters of the entity kinds, in sidebar order (a country by its code);
/// tags last (housekeep, issue 17).
const KINDS: [(RowKind, &str, FilterOf); 5] = [
    (RowKind::COUNTRY, "Countries", Filter::Country),
    (RowKind::Entity(EntityKind::Person), "People", |name| {
        Filter::Entity(Some(EntityKindFilter::Person), name)
    }),
    (
        RowKind::Entity(EntityKind::Organization),
        "Organisations",
        |name| Filter::Entity(Some(EntityKindFilter::Organization), name),
    ),
    (RowKind::Entity(EntityKind::Place), "Places", |name| {
        Filter::Entity(Some(EntityKindFilter::Place), name)
    }),
    (RowKind::Tag, "Tags", Filter::Tag),
];

/// One section per entity kind present in `entities`, each row filtering by that entity. A
/// country appears once; those the article only mentions follow in a section of their own.
fn entity_sections(entities: &[EntityCount]) -> Vec<Section> {
    let mut seen = std::collections::HashSet::new();
    let entities: Vec<&EntityCount> = entities
        .iter()
        .filter(|e| seen.insert((e.kind, e.name.as_str())))
        .collect();
    let mentioned: (RowKind, &str, FilterOf) = (RowKind::COUNTRY, "Mentioned", Filter::Mentions);
    let groups = [KINDS[0], mentioned, KINDS[1], KINDS[2], KINDS[3], KINDS[4]];
    groups
        .iter()
        .map(|(kind, title, filter)| {
            let only_mentioned = *title == "Mentioned";
            let rows = entities
                .iter()
                .filter(|e| {
                    e.kind == *kind && (*kind != RowKind::COUNTRY || e.mentioned == only_mentioned)
                })
                .map(|entity| {
                    let name = clean_line(&entity.name);
                    // A country shows its code and name; another entity the name its article
                    // wrote (`Cédéao`), filtering by its own, which finds it by any.
                    let label = match &entity.label {
                        Some(label) if *kind == RowKind::COUNTRY => {
                            format!("{name} {}", clean_line(label))
                        }
                        Some(label) => clean_line(label),
                        None => name.clone(),
                    };
                    // An article's own tags carry no count (0).
                    let count =
                        (entity.kind != RowKind::Tag || entity.count > 0).then_some(entity.count);
                    row(label, count, filter(name))
                });
            Section {
                title: (*title).to_string(),
                rows: rows.collect(),
            }
        })
        .filter(|section| !section.rows.is_empty())
        .collect()
}

/// One sidebar row: a label, an optional count and the filter it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub count: Option<u64>,
    pub term: Option<Query>,
    /// The term is a saved view's query: it replaces the filters instead of adding to them.
    pub view: bool,
}

/// A titled group of rows ("Countries", "People", "Languages", ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
}

/// Sections plus a selection over their rows, counted across sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntitySidebarState {
    pub title: String,
    pub sections: Vec<Section>,
    pub selected: usize,
    pub scroll: usize,
    pub height: usize,
}

impl EntitySidebarState {
    fn set(&mut self, title: &str, sections: Vec<Section>) {
        self.title = title.to_string();
        self.sections = sections;
        self.selected = self.selected.min(self.row_count().saturating_sub(1));
        // A row that filters nothing ("120 words", "Articles") is no place for the cursor.
        if self.selected_row().is_some_and(|row| row.term.is_none()) {
            let rows = self.sections.iter().flat_map(|section| &section.rows);
            if let Some(at) = rows
                .enumerate()
                .skip(self.selected)
                .find(|(_, r)| r.term.is_some())
            {
                self.selected = at.0;
            }
        }
        self.follow();
    }

    /// What the store knows about the open article: metadata, then its countries and entities.
    pub fn show_article(&mut self, article: &Article, entities: &[EntityCount]) {
        let summary = &article.summary;
        let mut about = vec![Row {
            label: format!("{} words", article.word_count()),
            count: None,
            term: None,
            view: false,
        }];
        if let Some(source) = &summary.source {
            about.push(row(
                format!("Source {source}"),
                None,
                Filter::Source(source.clone()),
            ));
        }
        if let Some(lang) = &summary.lang {
            about.push(row(
                format!("Language {lang}"),
                None,
                Filter::Lang(lang.to_ascii_lowercase()),
            ));
        }
        if let Some(date) = &summary.published {
            let day: String = date.chars().take(10).collect();
            // A date the store holds in another shape shows without a filter to add.
            let since = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .ok()
                .map(|day| Query::of(Filter::Since(DateBound::Date(day))));
            about.push(Row {
                label: format!("Date {day}"),
                count: None,
                term: since,
                view: false,
            });
        }
        if let Some(author) = &article.author {
            about.push(Row {
                label: format!("By {author}"),
                count: None,
                term: None,
                view: false,
            });
        }
        let mut sections = vec![Section {
            title: "About".into(),
            rows: about,
        }];
        let has_countries = entities
            .iter()
            .any(|entity| entity.kind == RowKind::COUNTRY);
        if !has_countries && !summary.countries.is_empty() {
            let rows = summary.countries.iter().map(|code| {
                let code = clean_line(code);
                row(code.clone(), None, Filter::Country(code))
            });
            sections.push(Section {
                title: "Countries".into(),
                rows: rows.collect(),
            });
        }
        sections.extend(entity_sections(entities));
        self.set("Article", sections);
    }

    /// Counts for the current list, when no article is open.
    pub fn show_counts(&mut self, counts: &Counts) {
        let overview = vec![
            Row {
                label: "Articles".into(),
                count: Some(counts.total),
                term: None,
                view: false,
            },
            row(
                "Unread".into(),
                Some(counts.unread),
                Filter::Is(Flag::Unread),
            ),
        ];
        let langs = counts.by_lang.iter().map(|(lang, count)| {
            let lang = clean_line(lang);
            let filter = Filter::Lang(lang.to_ascii_lowercase());
            row(lang, Some(*count), filter)
        });
        let sources = counts.by_source.iter().map(|(source, count)| {
            let source = clean_line(source);
            row(source.clone(), Some(*count), Filter::Source(source))
        });
        let section = |title: &str, rows: Vec<Row>| Section {
            title: title.into(),
            rows,
        };
        let views = counts.views.iter().map(|view| Row {
            label: clean_line(&view.name),
            count: Some(view.unread),
            term: Some(view.query.clone()),
            view: true,
        });
        let mut sections = vec![section("Views", views.collect()), section("List", overview)];
        sections.extend(entity_sections(&counts.entities));
        sections.push(section("Languages", langs.collect()));
        sections.push(section("Sources", sources.collect()));
        sections.retain(|section| !section.rows.is_empty());
        self.set("Entities", sections);
    }

    pub fn row_count(&self) -> usize {
        self.sections.iter().map(|section| section.rows.len()).sum()
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.sections
            .iter()
            .flat_map(|section| &section.rows)
            .nth(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.row_count().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.follow();
    }

    /// The display line of the selected row: rows plus one header line per section before it.
    pub fn selected_line(&self) -> usize {
        let mut line = 0;
        let mut seen = 0;
        for section in &self.sections {
            line += 1;
            if self.selected < seen + section.rows.len() {
                return line + self.selected - seen;
            }
            seen += section.rows.len();
            line += section.rows.len();
        }
        line
    }

    /// Selects the row drawn on display `line`; header lines select nothing.
    pub fn select_line(&mut self, line: usize) {
        let mut at = 0;
        let mut seen = 0;
        for section in &self.sections {
            at += 1;
            if line < at + section.rows.len() {
                if line >= at {
                    self.selected = seen + line - at;
                }
                return;
            }
            at += section.rows.len();
            seen += section.rows.len();
        }
    }

    fn follow(&mut self) {
        let line = self.selected_line();
        let height = self.height.max(1);
        if line < self.scroll + 1 {
            self.scroll = line.saturating_sub(1);
        } else if line >= self.scroll + height {
            self.scroll = line + 1 - height;
        }
    }

    pub fn resize(&mut self, height: usize) {
        self.height = height;
        self.follow();
    }
}

fn row(label: String, count: Option<u64>, filter: Filter) -> Row {
    Row {
        label,
        count,
        term: Some(Query::of(filter)),
        view: false,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod entity_tests;
