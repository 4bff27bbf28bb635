//! Slice routines of the standard library whose generic code is large in
//! the web module, done small: the stable sort (std's is instantiated anew
//! for every element type and comparison, ~3 KiB of wasm each; here only
//! the reordering of the items is generic: the ordering itself is worked
//! out once, on indices, by a merge sort behind a `dyn` comparison) and
//! `sort_unique` for line-number sets (std's unstable sort was another
//! ~4 KiB),
//! `join` (std's is a ~1 KiB routine per element type) and
//! `trim_prefixes` (`str::trim_start_matches` with a `&str` pattern links
//! a substring searcher); and [`Items`], an iterator seen through `next`
//! alone.

use core::cmp::Ordering;

use crate::prelude::*;

/// An iterator seen through `next` alone, for the helpers that take one
/// behind `dyn` so that their loop exists once (`all_figures`,
/// `sum_terms`…). Every iterator is one, so callers pass `&mut iter` as
/// they would to `&mut dyn Iterator`; but `dyn Iterator` would also link
/// `nth` and `advance_by` for each iterator passed, never called (~4 KiB
/// of wasm in all).
pub trait Items<T> {
    fn next_item(&mut self) -> Option<T>;
}

impl<T, I: Iterator<Item = T> + ?Sized> Items<T> for I {
    fn next_item(&mut self) -> Option<T> {
        self.next()
    }
}

/// Sorts `items` by `compare`, keeping equal items in their order (as
/// `slice::sort_by` does), in O(n log n).
pub fn sort_stable_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if let Some(order) = stable_order(items.len(), &|a, b| compare(&items[a], &items[b])) {
        apply_order(items, order);
    }
}

/// Line numbers (or any indices) in ascending order, each once: what
/// `sort_unstable` + `dedup` give, through the crate's one sort. Only the
/// rebuild readers use it.
#[cfg(feature = "rebuild")]
pub fn sort_unique(numbers: &mut Vec<usize>) {
    sort_stable_by(numbers, usize::cmp);
    numbers.dedup();
}

/// Up to this many items are sorted by insertion: fewer comparisons than
/// merging on the short, nearly sorted lists most callers sort (a form
/// band's words, line numbers), and no second buffer.
const INSERTION_MAX: usize = 32;

/// The indices 0..len in sorted order: a bottom-up merge sort, taking from
/// the left run on ties so that equal items keep their order (an
/// insertion sort, as stable, for short lists). `None` when the items are
/// in order already, as most lists sorted here are (a form band's words
/// by line, a cell's lines): told in one pass, with nothing allocated.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Option<Vec<usize>> {
    if (1..len).all(|i| compare(i - 1, i).is_le()) {
        return None;
    }
    let mut order: Vec<usize> = (0..len).collect();
    if len <= INSERTION_MAX {
        for i in 1..len {
            let item = order[i];
            let mut j = i;
            // Only past a greater item: an equal one stays before.
            while j > 0 && compare(item, order[j - 1]).is_lt() {
                order[j] = order[j - 1];
                j -= 1;
            }
            order[j] = item;
        }
        return Some(order);
    }
    let mut merged = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                let take_right =
                    left == middle || (right < end && compare(order[right], order[left]).is_lt());
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
            start = end;
        }
        core::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    Some(order)
}

/// Moves the item at `order[i]` to `i`, for every `i`, by following each
/// cycle of the permutation with swaps (`order` marks what is done).
fn apply_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut position = start;
        while order[position] != start {
            let next = order[position];
            items.swap(position, next);
            order[position] = position;
            position = next;
        }
        order[position] = position;
    }
}

/// `parts` joined by `separator`, as `[_]::join` does, by a plain loop.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut joined = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            joined.push_str(separator);
        }
        joined.push_str(part.as_ref());
    }
    joined
}

/// `text` without any number of leading `prefix`es, as
/// `text.trim_start_matches(prefix)`: a `&str` pattern there costs ~1 KiB
/// of wasm (a substring searcher) where a loop of `strip_prefix` does.
pub fn trim_prefixes<'a>(mut text: &'a str, prefix: &str) -> &'a str {
    if prefix.is_empty() {
        return text;
    }
    while let Some(rest) = text.strip_prefix(prefix) {
        text = rest;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pseudo-random keys with many ties, tagged by their first place.
        let mut seed = 12345u32;
        for len in [0, 1, 2, 3, 5, 8, 13, 31, 32, 33, 100, 1000] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 7, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_stable_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items;
            std_sorted.sort_by_key(|a| a.0);
            assert_eq!(ours, std_sorted, "len {len}");
        }
    }

    #[test]
    fn sort_unique_is_sort_and_dedup() {
        for numbers in [vec![], vec![3], vec![5, 1, 5, 2, 1, 9, 0, 9]] {
            let mut ours = numbers.clone();
            sort_unique(&mut ours);
            let mut std_sorted = numbers;
            std_sorted.sort_unstable();
            std_sorted.dedup();
            assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn joins_like_the_standard_join() {
        for parts in [vec![], vec!["a"], vec!["a", "", "b"]] {
            assert_eq!(join(&parts, " + "), parts.join(" + "));
        }
    }

    #[test]
    fn trim_prefixes_is_trim_start_matches() {
        for text in [
            "",
            "其中",
            "其中其中：特定目标类",
            "其中:其中：x",
            "其 中",
            "x其中",
        ] {
            for prefix in ["其中", "其中：", "其中:", ""] {
                assert_eq!(trim_prefixes(text, prefix), text.trim_start_matches(prefix));
            }
        }
    }
}
