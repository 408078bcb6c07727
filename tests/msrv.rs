//! `rust-version` in Cargo.toml is kept true without a second toolchain (none can be installed
//! here): no locked dependency needs a newer Rust, and clippy's `incompatible_msrv` lint (on by
//! default, run by `.ci/run` with `-D warnings`) refuses std APIs newer than it in kiosk's code.

use std::process::Command;

/// `"1.89"` or `"1.89.0"` as (major, minor, patch).
fn version(text: &str) -> (u32, u32, u32) {
    let mut parts = text.trim().split('.').map(|part| {
        part.parse::<u32>()
            .unwrap_or_else(|_| panic!("not a Rust version: {text:?}"))
    });
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

#[test]
fn versions_parse_with_missing_parts_as_zero() {
    assert_eq!(version("1.89"), (1, 89, 0));
    assert_eq!(version("1.95.1"), (1, 95, 1));
}

#[test]
fn no_locked_dependency_needs_a_newer_rust_than_ours() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            "x86_64-unknown-linux-gnu",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    if !output.status.success() {
        // Only when the registry cannot be reached for a package not yet downloaded.
        eprintln!(
            "skipped: cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        return;
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let ours = version(env!("CARGO_PKG_RUST_VERSION"));
    let packages = metadata["packages"].as_array().expect("packages");
    let too_new: Vec<String> = packages
        .iter()
        .filter_map(|package| {
            let needed = package["rust_version"].as_str()?;
            (version(needed) > ours)
                .then(|| format!("{} {} needs {needed}", package["name"], package["version"]))
        })
        .collect();
    assert!(
        too_new.is_empty(),
        "rust-version is {} but: {too_new:?}",
        env!("CARGO_PKG_RUST_VERSION")
    );
    assert!(
        packages
            .iter()
            .any(|package| package["rust_version"].is_string()),
        "no package states a rust-version: the check would be vacuous"
    );
}
