//! Writing an article's analysis: its JSON, its country rows and its entity rows (the counts
//! over them are read in `analysis.rs`).

use rusqlite::types::ToSqlOutput;
use rusqlite::{OptionalExtension, params};

use super::analysis::{CountryRow, EntityRow};
use super::packed::{PackedTexts, pack};
use super::{Result, Writer};
use crate::analyze::{ANALYZER_VERSION, Analysis, EntityKind, fold_name};
use crate::article::ArticleId;

impl Writer<'_> {
    /// Replaces the stored analysis of article `id`.
    pub fn set_analysis(
        &self,
        id: ArticleId,
        version: u32,
        json: &str,
        countries: &[CountryRow],
        entities: &[EntityRow],
    ) -> Result<()> {
        self.set_packed_analysis(id, version, pack(json), countries, entities)
    }

    /// [`Writer::set_analysis`] with the JSON already packed.
    fn set_packed_analysis(
        &self,
        id: ArticleId,
        version: u32,
        json: ToSqlOutput<'_>,
        countries: &[CountryRow],
        entities: &[EntityRow],
    ) -> Result<()> {
        // One row per code, the last given (what INSERT OR REPLACE would keep): a replaced row
        // would fire no delete trigger and leave the country totals counting it twice.
        let countries: Vec<&CountryRow> = countries
            .iter()
            .enumerate()
            .filter(|(index, country)| {
                !countries[index + 1..]
                    .iter()
                    .any(|later| later.code == country.code)
            })
            .map(|(_, country)| country)
            .collect();
        let about: Vec<&str> = countries
            .iter()
            .filter(|country| country.about)
            .map(|country| country.code.as_str())
            .collect();
        self.tx
            .prepare_cached(
                "UPDATE articles SET analysis_version = ?1, analysis = ?2, countries = ?3 \
                 WHERE id = ?4",
            )?
            .execute(params![version, json, about.join(" "), id])?;
        self.tx
            .prepare_cached("DELETE FROM article_countries WHERE article_id = ?1")?
            .execute([id])?;
        self.tx
            .prepare_cached("DELETE FROM article_entities WHERE article_id = ?1")?
            .execute([id])?;
        let mut insert_country = self.tx.prepare_cached(
            "INSERT OR REPLACE INTO article_countries (article_id, code, published, score, mentions, about) \
             VALUES (?1, ?2, (SELECT published FROM articles WHERE id = ?1), ?3, ?4, ?5)",
        )?;
        for country in &countries {
            insert_country.execute(params![
                id,
                country.code,
                f64::from(country.score),
                country.mentions,
                country.about
            ])?;
        }
        let mut link = self.tx.prepare_cached(
            "INSERT INTO article_entities (article_id, entity_id, count) VALUES (?1, ?2, ?3) \
             ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count",
        )?;
        for entity in entities {
            let entity_id = self.entity_id(entity.kind, &entity.name, entity.country.as_deref())?;
            link.execute(params![id, entity_id, entity.count])?;
        }
        Ok(())
    }
}

/// Whether `entity` is who wrote the article rather than what it is about: the organisation
/// its source is (`Reuters` in Reuters' wires, `BBC` in "BBC News") or that its dateline credits.
/// Such an entity stays in the article's analysis and its credits (`credits.rs`) but out of the
/// counts over articles, so the sidebar's top organisations are not each source's own name.
fn is_authors_own(
    entity: &crate::analyze::Entity,
    source: Option<&str>,
    credits: &[String],
) -> bool {
    if entity.kind != EntityKind::Organization {
        return false;
    }
    if credits.contains(&entity.name) {
        return true;
    }
    let Some(source) = source else { return false };
    let (name, source) = (fold_name(&entity.name), fold_name(source));
    // The source's name or its first words ("BBC" of "BBC News", not "News" of it).
    !name.is_empty() && (source == name || source.starts_with(&format!("{name} ")))
}

impl Writer<'_> {
    /// Stores what the analyser found in article `id`.
    pub fn save_analysis(&self, id: ArticleId, analysis: &Analysis) -> Result<()> {
        let json = serde_json::to_string(analysis).unwrap_or_default();
        self.save_analysis_json(id, analysis, pack(&json))
    }

    /// [`Writer::save_analysis`] with the analysis JSON packed ahead (`packed` is of `analysis`).
    pub fn save_packed_analysis(
        &self,
        id: ArticleId,
        analysis: &Analysis,
        packed: &PackedTexts,
    ) -> Result<()> {
        self.save_analysis_json(
            id,
            analysis,
            ToSqlOutput::Borrowed((&packed.analysis).into()),
        )
    }

    fn save_analysis_json(
        &self,
        id: ArticleId,
        analysis: &Analysis,
        json: ToSqlOutput<'_>,
    ) -> Result<()> {
        let countries: Vec<CountryRow> = analysis
            .countries
            .iter()
            .map(|country| CountryRow {
                code: country.code.clone(),
                score: country.score,
                mentions: country.mentions,
                about: country.about,
            })
            .collect();
        let source: Option<String> = self
            .tx
            .query_row("SELECT source FROM articles WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?
            .flatten();
        let (own, entities): (Vec<&crate::analyze::Entity>, Vec<_>) = analysis
            .entities
            .iter()
            .filter(|entity| entity.kind != EntityKind::Country)
            .partition(|entity| is_authors_own(entity, source.as_deref(), &analysis.credits));
        let entities: Vec<EntityRow> = entities
            .into_iter()
            .map(|entity| EntityRow {
                kind: entity.kind,
                name: entity.name.clone(),
                country: entity.country.clone(),
                count: entity.count,
            })
            .collect();
        self.set_packed_analysis(id, ANALYZER_VERSION, json, &countries, &entities)?;
        self.set_credits(id, &own)?;
        let named = entities
            .iter()
            .map(|e| (e.kind, e.name.as_str()))
            .chain(own.iter().map(|e| (e.kind, e.name.as_str())));
        for (kind, name) in named {
            let written: Vec<&str> = analysis
                .mentions
                .iter()
                .filter(|m| m.kind == kind && m.entity == name)
                .map(|m| m.text.as_str())
                .collect();
            self.learn_written(kind, name, &written)?;
        }
        Ok(())
    }
}
