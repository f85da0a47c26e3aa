//! "Did you mean" hints for misspelled keys and names.

/// `; did you mean `X`?` for the closest candidate, or nothing when none is close.
pub fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let typed_lower = typed.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                distance(&typed_lower, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|&(distance, candidate)| {
            let close = distance <= (candidate.len().max(typed.len()) / 3).max(1);
            // A shortened name (`pet` for `pet_id`) is as likely as a typo.
            let shortened =
                typed.len() >= 3 && candidate.to_ascii_lowercase().starts_with(&typed_lower);
            close || shortened
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| format!("; did you mean `{candidate}`?"))
        .unwrap_or_default()
}

// Optimal string alignment distance: edits, where swapping two neighbours counts once, the
// commonest typo in a key (`stauts`).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (i, row) in table.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in table.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("status", "status"), 0);
        assert_eq!(distance("stauts", "status"), 1);
        assert_eq!(distance("stat", "status"), 2);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggestions() {
        let keys = ["status", "code", "message"];
        assert_eq!(did_you_mean("stauts", keys), "; did you mean `status`?");
        assert_eq!(did_you_mean("mesage", keys), "; did you mean `message`?");
        assert_eq!(did_you_mean("zzzzzz", keys), "");
        assert_eq!(
            did_you_mean("pet", ["pet_id", "pool"]),
            "; did you mean `pet_id`?"
        );
        assert_eq!(did_you_mean("pe", ["pet_id"]), "");
    }
}
