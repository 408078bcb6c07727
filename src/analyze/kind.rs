//! The names of [`EntityKind`]: the one table the JSON output (DESIGN.md), the store's `kind`
//! columns, `kiosk entities --kind` and the sidebar read and write.

use super::EntityKind;

impl EntityKind {
    /// Every kind, in the sidebar's order.
    pub const ALL: [Self; 4] = [Self::Country, Self::Person, Self::Organization, Self::Place];

    /// The kind's name: `person`, `organization`, `place` or `country`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
            Self::Country => "country",
        }
    }

    /// The kind named `name` (see [`EntityKind::name`]).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_json_names_and_read_back() {
        for kind in EntityKind::ALL {
            let json = serde_json::to_string(&kind).expect("serialises");
            assert_eq!(json, format!("\"{}\"", kind.name()));
            assert_eq!(EntityKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(EntityKind::from_name("tag"), None);
    }
}
