//! Extraction quality floors, measured against the hand-made gold set in
//! `tests/gold/` (articles read from `../shared/corpora`). Raise the floors as
//! extraction improves; never lower them to make a change pass.

mod common;

use newsdex::eval::gold;

/// Floors for micro-averaged F1 (recall for dates), a little under what the
/// extractor measures now.
const FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.95),
    ("org_speakers", 0.82),
    ("entities", 0.89),
    ("organizations", 0.78),
    ("places", 0.89),
    ("persons", 0.96),
];
const DATE_RECALL_FLOOR: f64 = 0.95;

/// The same for the second gold set (`tests/gold/second.jsonl`), annotated
/// later and tuned on less.
const SECOND_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.95),
    ("org_speakers", 0.85),
    ("entities", 0.89),
    ("organizations", 0.77),
    ("places", 0.90),
    ("persons", 0.94),
];

/// The same for the third gold set (`tests/gold/third.jsonl`), annotated
/// blind in session 15 and tuned on least.
const THIRD_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.94),
    ("org_speakers", 0.69),
    ("entities", 0.88),
    ("organizations", 0.74),
    ("places", 0.85),
    ("persons", 0.94),
];

/// The same for the fourth gold set (`tests/gold/fourth.jsonl`), scored
/// blind before any rule was read from it.
const FOURTH_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.91),
    ("org_speakers", 0.85),
    ("entities", 0.85),
    ("organizations", 0.72),
    ("places", 0.84),
    ("persons", 0.89),
];

/// The same for the fifth gold set (`tests/gold/fifth.jsonl`), scored blind
/// in session 16 before any rule was read from it.
const FIFTH_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.91),
    ("org_speakers", 0.83),
    ("entities", 0.87),
    ("organizations", 0.82),
    ("places", 0.89),
    ("persons", 0.91),
];

/// The same for the sixth gold set (`tests/gold/sixth.jsonl`), scored blind
/// late in session 16.
const SIXTH_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.95),
    ("org_speakers", 0.70),
    ("entities", 0.88),
    ("organizations", 0.79),
    ("places", 0.89),
    ("persons", 0.92),
];

/// The same for the seventh gold set (`tests/gold/seventh.jsonl`), scored
/// blind at the end of session 16 (speakers .851, entities .857), then read.
const SEVENTH_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.88),
    ("org_speakers", 0.65),
    ("entities", 0.85),
    ("organizations", 0.76),
    ("places", 0.85),
    ("persons", 0.89),
];

/// The same for the eighth gold set (`tests/gold/eighth.jsonl`), scored
/// blind in session 17 (speakers .754), read from session 19.
const EIGHTH_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.81),
    ("org_speakers", 0.77),
    ("entities", 0.85),
    ("organizations", 0.72),
    ("places", 0.87),
    ("persons", 0.89),
];

/// The same for the ninth gold set (`tests/gold/ninth.jsonl`), scored
/// blind in session 18 (speakers .841, entities .849), then read.
const NINTH_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.90),
    ("org_speakers", 0.79),
    ("entities", 0.85),
    ("organizations", 0.76),
    ("places", 0.86),
    ("persons", 0.88),
];

/// The same for the tenth gold set (`tests/gold/tenth.jsonl`), scored
/// blind in session 19 (speakers .870, entities .836) and not read since:
/// floors just under that score guard against regressions on unseen
/// articles.
const TENTH_FLOORS: [(&str, f64); 6] = [
    ("speakers", 0.85),
    ("org_speakers", 0.58),
    ("entities", 0.82),
    ("organizations", 0.69),
    ("places", 0.85),
    ("persons", 0.87),
];

/// Scores `file` and checks every field against its floor.
fn check_floors(file: &str, articles: usize, floors: &[(&str, f64)], date_recall_floor: f64) {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let answers = gold::load(&common::repo_root().join(file)).expect("the gold file parses");
    assert!(
        answers.len() >= articles,
        "{file} shrank to {}",
        answers.len()
    );
    let report = gold::evaluate(&answers, &corpora).expect("every gold article is readable");
    for &(field, floor) in floors {
        let f1 = report.total(field).f1();
        assert!(
            f1 >= floor,
            "{file}: {field} F1 fell to {f1:.3} (floor {floor})"
        );
    }
    let recall = report.total("dates").recall();
    assert!(
        recall >= date_recall_floor,
        "{file}: date recall fell to {recall:.3}"
    );
}

#[test]
fn extraction_scores_stay_above_their_floors() {
    check_floors(
        "tests/gold/extraction.jsonl",
        51,
        &FLOORS,
        DATE_RECALL_FLOOR,
    );
}

#[test]
fn second_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/second.jsonl", 36, &SECOND_FLOORS, 0.97);
}

#[test]
fn third_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/third.jsonl", 36, &THIRD_FLOORS, 0.95);
}

#[test]
fn fourth_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/fourth.jsonl", 36, &FOURTH_FLOORS, 0.92);
}

#[test]
fn fifth_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/fifth.jsonl", 36, &FIFTH_FLOORS, 0.96);
}

#[test]
fn sixth_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/sixth.jsonl", 36, &SIXTH_FLOORS, 0.97);
}

#[test]
fn seventh_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/seventh.jsonl", 36, &SEVENTH_FLOORS, 0.92);
}

#[test]
fn eighth_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/eighth.jsonl", 35, &EIGHTH_FLOORS, 0.94);
}

#[test]
fn ninth_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/ninth.jsonl", 36, &NINTH_FLOORS, 0.92);
}

#[test]
fn tenth_gold_set_scores_stay_above_their_floors() {
    check_floors("tests/gold/tenth.jsonl", 36, &TENTH_FLOORS, 0.92);
}

#[test]
fn polnear_speaker_recall_stays_above_its_floor() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let polnear = corpora.join("../eval/polnear_dev.jsonl");
    if !polnear.is_file() {
        let in_ci = std::env::var("CI").is_ok_and(|value| value == "true");
        assert!(!in_ci, "CI=true but {} is missing", polnear.display());
        eprintln!("note: skipping: {} not found", polnear.display());
        return;
    }
    let report = newsdex::eval::polnear::evaluate(&polnear).expect("PolNeAR parses");
    assert_eq!(report.articles, 84);
    assert!(
        report.all.recall() >= 0.79,
        "recall {:.3}",
        report.all.recall()
    );
    assert!(
        report.all.precision() >= 0.80,
        "precision {:.3}",
        report.all.precision()
    );
    assert!(
        report.direct.recall() >= 0.86,
        "direct recall {:.3}",
        report.direct.recall()
    );
    // Quotes: right speaker and overlapping content (see src/eval/polnear.rs).
    let (direct, reported) = (report.direct_quotes, report.indirect_quotes);
    assert!(
        direct.recall() >= 0.77,
        "direct quote recall {:.3}",
        direct.recall()
    );
    assert!(
        direct.precision() >= 0.83,
        "direct quote precision {:.3}",
        direct.precision()
    );
    assert!(
        reported.recall() >= 0.46,
        "reported speech recall {:.3}",
        reported.recall()
    );
    // Reported speech PolNeAR leaves unmarked ("Clinton talked about
    // criminal justice reform") keeps this under .85.
    assert!(
        reported.precision() >= 0.83,
        "reported speech precision {:.3}",
        reported.precision()
    );
}
