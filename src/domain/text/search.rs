//! Search as you type on a long list: each row's text folded once when the list is read, the
//! search folded once per keystroke, then only comparisons.

use super::fold;

/// A search as typed, folded (accents and case, see [`fold`]) and cut into words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// The search `typed` in a box.
    pub fn new(typed: &str) -> Self {
        Query {
            words: fold(typed).split_whitespace().map(str::to_owned).collect(),
        }
    }

    /// True when nothing but spaces was typed: every row passes.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every word of the search is in `folded` (a text already folded).
    pub fn found_in(&self, folded: &str) -> bool {
        self.words.iter().all(|word| folded.contains(word.as_str()))
    }
}

/// The search text of each row of a list, folded once, in the list's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchKeys {
    keys: Vec<String>,
}

impl SearchKeys {
    /// The keys of rows whose search texts are `texts` (not folded yet), in order.
    pub fn new<S: AsRef<str>>(texts: impl IntoIterator<Item = S>) -> Self {
        SearchKeys {
            keys: texts.into_iter().map(|t| fold(t.as_ref())).collect(),
        }
    }

    /// The keys of rows whose search texts were folded by the caller (each exactly as
    /// [`fold`] folds it), in order.
    pub fn from_folded(keys: Vec<String>) -> Self {
        SearchKeys { keys }
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the list has no row.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Puts the key of a row whose search text is `text` at position `i` (a row inserted
    /// in the list).
    pub fn insert(&mut self, i: usize, text: &str) {
        self.keys.insert(i.min(self.keys.len()), fold(text));
    }

    /// Takes out the key at position `i` (a row removed from the list), if there is one.
    pub fn remove(&mut self, i: usize) {
        if i < self.keys.len() {
            self.keys.remove(i);
        }
    }

    /// True when row `i` holds every word of `query` (a row past the end holds none).
    pub fn matches(&self, i: usize, query: &Query) -> bool {
        query.is_empty() || self.keys.get(i).is_some_and(|key| query.found_in(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_in_any_order_accents_and_case_aside() {
        let keys = SearchKeys::new(["Lefèvre Élodie Besançon", "MARTIN Anne Ornans", ""]);
        assert_eq!(keys.len(), 3);
        let query = Query::new("  elo LEFEV ");
        assert!(keys.matches(0, &query));
        assert!(!keys.matches(1, &query));
        assert!(keys.matches(1, &Query::new("ornans mart")));
        assert!(!keys.matches(1, &Query::new("ornans martine")));
        assert!(keys.matches(0, &Query::new("besancon")));
        // Nothing typed: every row, even an empty one.
        assert!(Query::new("   ").is_empty());
        assert!(keys.matches(2, &Query::new("")));
        assert!(!keys.matches(2, &Query::new("a")));
        // Past the end: no row to find anything in.
        assert!(!keys.matches(3, &Query::new("a")));
    }

    #[test]
    fn keys_follow_rows_inserted_and_removed() {
        let mut keys = SearchKeys::new(["Tomate", "Poireau"]);
        keys.insert(1, "Épinard");
        keys.remove(0);
        // Now: Épinard, Poireau.
        assert!(keys.matches(0, &Query::new("epin")));
        assert!(keys.matches(1, &Query::new("poir")));
        assert_eq!(keys.len(), 2);
        keys.remove(9);
        assert_eq!(keys.len(), 2);
    }
}
