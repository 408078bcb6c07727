//! The command line: clap subcommands over the library, for people and scripts. No TUI code here;
//! `kiosk` with no subcommand hands over to the runtime. Exit status: 0 ok, 1 runtime error, 2 usage.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand, ValueEnum};

use crate::analyze::EntityKind;
use crate::config::{self, Config};
use crate::ingest::{self, Importer, Input};
use crate::query::Query;
use crate::store::{SortOrder, Store, StoreError};
use crate::untrusted::clean_text;

mod analysis;
mod feeds;
mod housekeep;
mod json;
mod output;
mod progress;

/// kiosk: a terminal news reader that knows which countries and people each article is about.
#[derive(Debug, Parser)]
#[command(name = "kiosk", version, about, long_about = None)]
pub struct Cli {
    /// The article store (an SQLite file); default: the platform data folder.
    #[arg(long, global = true, env = "KIOSK_STORE", value_name = "PATH")]
    store: Option<PathBuf>,
    /// The configuration file; default: the platform config folder.
    #[arg(long, global = true, env = "KIOSK_CONFIG", value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import files, folders (recursively) or standard input (`-`).
    Import {
        /// Files or folders; `-` reads standard input.
        #[arg(value_name = "PATH", required_unless_present = "sample")]
        paths: Vec<String>,
        /// Import the bundled sample archive.
        #[arg(long)]
        sample: bool,
        /// The source of articles whose input names none.
        #[arg(long, value_name = "NAME", value_parser = non_blank)]
        source: Option<String>,
        /// The language (ISO 639-1, e.g. `fr`) of articles whose input gives none; detection
        /// is skipped for them.
        #[arg(long, value_name = "CODE", value_parser = language_code)]
        lang: Option<String>,
    },
    /// List articles matching a query, newest first.
    List {
        /// Filter, e.g. `niamey lang:fr since:2024-01-01 is:unread "mots exacts"`.
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        /// Print JSON Lines, one object per article.
        #[arg(long)]
        json: bool,
        /// At most this many articles.
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        /// Order of the rows.
        #[arg(long, value_enum, default_value_t = SortOrder::Date)]
        sort: SortOrder,
        /// The other way round: oldest first, titles from Z, sources from Z.
        #[arg(long)]
        reverse: bool,
    },
    /// Show one article.
    Show {
        /// The article's id (as `list` prints it).
        id: i64,
        /// Print one JSON object with the body, the original text and the analysis.
        #[arg(long)]
        json: bool,
    },
    /// Export matching articles in a form `import` reads back.
    Export {
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
    },
    /// Manage feed subscriptions.
    Feeds {
        #[command(subcommand)]
        command: feeds::FeedsCommand,
    },
    /// Download subscribed feeds: all of them, or those named.
    Fetch {
        #[arg(value_name = "NAME")]
        names: Vec<String>,
    },
    /// Analyse raw text (a file or standard input) without storing it.
    Analyze {
        /// The text file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// The text's language (ISO 639-1), when known.
        #[arg(long)]
        lang: Option<String>,
        /// Print the analysis as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Countries of the matching articles, with how many are about each.
    Countries {
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// People, organisations and places most cited by the matching articles.
    Entities {
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        /// Only this kind.
        #[arg(long, value_parser = entity_kind())]
        kind: Option<EntityKind>,
        #[arg(long, default_value_t = 50)]
        limit: u64,
        #[arg(long)]
        json: bool,
    },
    /// Mark the articles matching a query read (every article without one), as `A` does.
    MarkRead {
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
    },
    /// Delete the articles matching a query for good: a dry run (count and titles) unless
    /// `--yes`. Deleted articles do not come back on a later import or fetch.
    Delete {
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
        /// Delete them (without it, only say what would go).
        #[arg(long)]
        yes: bool,
    },
    /// Tag the articles matching a query: `kiosk tag QUERY... NAME`.
    Tag {
        #[arg(value_name = "QUERY... NAME", required = true, num_args = 1..)]
        words: Vec<String>,
    },
    /// Remove a tag from the articles matching a query: `kiosk untag QUERY... NAME`.
    Untag {
        #[arg(value_name = "QUERY... NAME", required = true, num_args = 1..)]
        words: Vec<String>,
    },
    /// Recompute the stored analysis of matching articles (after an analyser upgrade).
    Reanalyze {
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
    },
    /// Totals: articles, unread, sources, languages, store size.
    Stats {
        #[arg(long)]
        json: bool,
    },
}

/// `--kind` takes the names of the kinds stored as entities (`kiosk countries` counts countries).
fn entity_kind() -> impl TypedValueParser<Value = EntityKind> {
    let names = EntityKind::ALL
        .into_iter()
        .filter(|kind| *kind != EntityKind::Country)
        .map(EntityKind::name);
    clap::builder::PossibleValuesParser::new(names)
        .map(|name| EntityKind::from_name(&name).expect("one of the names listed"))
}

/// `--sort` takes the orders' own names.
impl ValueEnum for SortOrder {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Jsonl,
}

/// A failure with its exit status: 2 for usage errors, 1 for everything else.
struct Failure {
    status: u8,
    error: anyhow::Error,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(error: E) -> Self {
        Self {
            status: 1,
            error: error.into(),
        }
    }
}

fn usage(error: impl Into<anyhow::Error>) -> Failure {
    Failure {
        status: 2,
        error: error.into(),
    }
}

/// Parses the arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(),
        Err(error) => {
            // A usage error quotes the argument, which may hold C1 controls or bidi overrides.
            eprint!("{}", clean_text(&error.render().to_string()));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(status) => ExitCode::from(status),
        Err(failure) => {
            // Errors quote input (paths, queries, feed text): never let them act on the terminal.
            eprintln!("kiosk: {}", clean_text(&format!("{:#}", failure.error)));
            ExitCode::from(failure.status)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let config = Config::load(cli.config.as_deref())?;
    crate::analyze::set_max_bytes(config.analysis.max_bytes);
    let store_path = match cli.store {
        Some(path) => path,
        None => config::default_store_path()
            .ok_or_else(|| anyhow!("no data folder on this platform: pass --store PATH"))?,
    };
    let open = || {
        let store = Store::open(&store_path).with_context(|| "opening the store".to_string())?;
        if !store.is_writable() {
            eprintln!(
                "kiosk: {} cannot be written: opened read-only, writes are off",
                store_path.display()
            );
        }
        anyhow::Ok(store)
    };
    match cli.command {
        None => {
            let mut store = open()?;
            seed_if_empty(&mut store, &config)?;
            crate::launch_tui(store, &config)?;
            Ok(0)
        }
        Some(Command::Import {
            paths,
            sample,
            source,
            lang,
        }) => {
            let defaults = ingest::Defaults { source, lang };
            import(&mut open()?, &config, &paths, sample, defaults)
        }
        Some(Command::List {
            query,
            json,
            limit,
            sort,
            reverse,
        }) => {
            let query = parse_query(&query)?;
            let direction = if reverse {
                crate::store::Direction::Reverse
            } else {
                crate::store::Direction::Forward
            };
            let sort = crate::store::Sort {
                order: sort,
                direction,
            };
            output::list(&open()?, &query, sort, limit, json)?;
            Ok(0)
        }
        Some(Command::Show { id, json }) => {
            output::show(&open()?, id, json)?;
            Ok(0)
        }
        Some(Command::Export {
            query,
            format: ExportFormat::Jsonl,
        }) => {
            output::export(&open()?, &parse_query(&query)?)?;
            Ok(0)
        }
        Some(Command::Feeds { command }) => feeds::run(&open()?, &config, command),
        Some(Command::Fetch { names }) => feeds::fetch(&store_path, &config, &names),
        Some(Command::Analyze { file, lang, json }) => {
            analysis::analyze_text(file.as_deref(), lang.as_deref(), json)?;
            Ok(0)
        }
        Some(Command::Countries { query, json }) => {
            analysis::countries(&open()?, &parse_query(&query)?, json)?;
            Ok(0)
        }
        Some(Command::Entities {
            query,
            kind,
            limit,
            json,
        }) => {
            analysis::entities(&open()?, &parse_query(&query)?, kind, limit, json)?;
            Ok(0)
        }
        Some(Command::Reanalyze { query }) => {
            let query = parse_query(&query)?;
            analysis::reanalyze(&mut open()?, &query)?;
            Ok(0)
        }
        Some(Command::MarkRead { query }) => {
            let changed = open()?.mark_read_matching(&parse_query(&query)?)?.len();
            let plural = if changed == 1 { "" } else { "s" };
            println!("{changed} article{plural} marked read");
            Ok(0)
        }
        Some(Command::Delete { query, yes }) => {
            housekeep::delete(&mut open()?, &parse_query(&query)?, yes)
        }
        Some(Command::Tag { words }) => housekeep::tag(&mut open()?, &words, true),
        Some(Command::Untag { words }) => housekeep::tag(&mut open()?, &words, false),
        Some(Command::Stats { json }) => {
            output::stats(&open()?, json)?;
            Ok(0)
        }
    }
}

/// Joins the query words the shell split and parses them.
fn parse_query(words: &[String]) -> Result<Query, Failure> {
    let text = words.join(" ");
    Query::parse(&text).map_err(|error| usage(anyhow!("invalid query {text:?}: {error}")))
}

/// Seeds an empty store with the bundled sample archive, so a first start shows news.
pub fn seed_if_empty(store: &mut Store, config: &Config) -> anyhow::Result<()> {
    if store.is_empty()? {
        let mut importer = Importer::new(store, &config.import).map_err(|error| anyhow!(error))?;
        ingest::sample::import_sample(&mut importer)?;
        importer.finish();
    }
    Ok(())
}

fn import(
    store: &mut Store,
    config: &Config,
    paths: &[String],
    sample: bool,
    defaults: ingest::Defaults,
) -> Result<u8, Failure> {
    let inputs: Vec<Input> = (paths.iter())
        .map(|path| match path.as_str() {
            "-" => Input::Stdin,
            path => Input::Path(PathBuf::from(path)),
        })
        .collect();
    let bar = progress::bar(ingest::input_size(&inputs), std::io::stderr().is_terminal());
    // Test-only (tests/cli_kill.rs): small batches, and a line when each is durable.
    let show_commits = std::env::var_os("KIOSK_TEST_COMMITS").is_some();
    let batch = std::env::var("KIOSK_TEST_BATCH")
        .ok()
        .and_then(|n| n.parse().ok());
    let mut committed = 0;
    let store_path = store.path().to_path_buf();
    store.prepare_for_import()?;
    let mut importer = Importer::new(store, &config.import)
        .map_err(|error| anyhow!("config: {error}"))?
        .with_defaults(defaults)
        .with_batch_size(batch.unwrap_or(ingest::BATCH))
        .on_progress(|done| {
            bar.show(done);
            if show_commits && done.committed != committed {
                committed = done.committed;
                eprintln!("committed {committed}");
            }
        })
        // The bar steps aside while a line is printed, so the two do not mix.
        .on_problem(|problem, skipped| {
            let label = if skipped { "skipped" } else { "warning" };
            bar.suspend(|| eprintln!("{label}: {}", clean_text(&problem.to_string())));
        });
    let stored = (|| {
        if sample {
            ingest::sample::import_sample(&mut importer)?;
        }
        for input in &inputs {
            importer.import(input)?;
        }
        Ok(())
    })();
    if let Err(error) = stored {
        bar.finish();
        return Err(stopped_import(error, &store_path, importer.report.added));
    }
    let report = importer.finish();
    bar.finish();
    if report.added > 1000 {
        store.optimize()?;
    }
    eprintln!("{}", report.summary());
    Ok(u8::from(!report.skipped.is_empty()))
}

/// The sentence for an import the store stopped; a full disk says how many articles are safe
/// (`added` counts committed batches only: the batch that met the full disk was rolled back).
fn stopped_import(error: StoreError, store: &Path, added: usize) -> Failure {
    match error {
        StoreError::Full => Failure::from(anyhow!(
            "store full: {} ({added} articles added before; free some space and import again, \
             the stored ones are then skipped as duplicates)",
            store.display()
        )),
        other => Failure::from(other),
    }
}

/// Writes through a buffered stdout; a closed pipe (`kiosk list | head`) ends output quietly.
fn with_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `--source`: a name with something in it, spaces around it dropped.
fn non_blank(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("a source needs a name".into());
    }
    Ok(crate::untrusted::clean_line(name))
}

/// `--lang`: a two-letter ISO 639-1 code, as the store keeps languages.
fn language_code(text: &str) -> Result<String, String> {
    let code = text.trim().to_ascii_lowercase();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(code)
    } else {
        Err(format!(
            "'{text}' is not a two-letter language code (ISO 639-1, e.g. fr)"
        ))
    }
}
