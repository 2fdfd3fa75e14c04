//! Keeping a page of results varied: at most a few passages of one article,
//! and one article of each group of near-duplicate stories.
//!
//! Shared by local and remote search, which differ only in where they read an
//! article's key and duplicate group from. It decides on candidates in rank
//! order; it does not rank or fetch them.

use std::collections::HashMap;

/// What a page has shown so far, by article and by duplicate group.
#[derive(Clone, Debug, Default)]
pub struct Diversity {
    /// Passages per article at most (0: no cap).
    per_article: usize,
    taken_per_article: HashMap<u64, usize>,
    /// The article standing for each duplicate group so far.
    shown_for_group: HashMap<u64, u64>,
}

impl Diversity {
    /// Nothing shown yet, at most `per_article` passages per article (0: no cap).
    pub fn new(per_article: usize) -> Diversity {
        Diversity {
            per_article,
            ..Diversity::default()
        }
    }

    /// Decides on the next candidate, a passage of article `key`, which is
    /// in near-duplicate group `group` of `size` articles when it has copies
    /// to collapse. `Some(similar)` keeps it (with how many copies it stands
    /// for); `None` drops it.
    pub fn admit(&mut self, key: u64, duplicates: Option<(u64, usize)>) -> Option<usize> {
        let mut similar = 0;
        if let Some((group, size)) = duplicates {
            // One story per group: the first article seen stands for it.
            if *self.shown_for_group.entry(group).or_insert(key) != key {
                return None;
            }
            similar = size.saturating_sub(1);
        }
        let count = self.taken_per_article.entry(key).or_insert(0);
        if self.per_article == 0 || *count < self.per_article {
            *count += 1;
            Some(similar)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_articles_and_keeps_one_article_per_group() {
        let mut diversity = Diversity::new(2);
        assert_eq!(diversity.admit(1, None), Some(0));
        assert_eq!(diversity.admit(1, None), Some(0));
        assert_eq!(diversity.admit(1, None), None);
        // Articles 7 and 8 are copies of one story: the first seen stands for both.
        assert_eq!(diversity.admit(8, Some((7, 2))), Some(1));
        assert_eq!(diversity.admit(7, Some((7, 2))), None);
        assert_eq!(diversity.admit(8, Some((7, 2))), Some(1));
        let mut uncapped = Diversity::new(0);
        assert!((0..10).all(|_| uncapped.admit(3, None).is_some()));
    }
}
