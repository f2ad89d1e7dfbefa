//! A tiny library with one position of every condition kind, for tests that
//! must not depend on the real data (which editors change).

use super::raw::RawLibrary;
use super::Library;

/// Clauses: `crimea-de-jure` | `crimea-de-facto` | `crimea-ukrainian` (one
/// question), `army-cap` (parameter 100..=1000, default 600) | `no-army-cap`,
/// `guarantee` | `no-guarantee`, and standalone `nato-ban`, `nato-path`
/// (declared to contradict `nato-ban`), `monitoring`. Actors `ua`, `ru`, `eu`,
/// and `pundit`, a commentator.
pub fn raw() -> RawLibrary {
    let json = serde_json::json!({
        "source": [{"file": "fixture.txt", "title": "Fixture", "outlet": "tests", "kind": "news", "date": "2025-11-24"}],
        "topic": [
            {"id": "territory", "name": "Territory", "summary": "Borders."},
            {"id": "army", "name": "Armed forces", "summary": "Size of the army."},
            {"id": "security", "name": "Security", "summary": "Alliances and guarantees."}
        ],
        "question": [
            {"id": "crimea", "topic": "territory", "prompt": "Status of Crimea"},
            {"id": "army-size", "topic": "army", "prompt": "Size of Ukraine's army"},
            {"id": "guarantees", "topic": "security", "prompt": "Security guarantee"}
        ],
        "clause": [
            clause("crimea-de-jure", "territory", Some("crimea")),
            clause("crimea-de-facto", "territory", Some("crimea")),
            {
                "id": "army-cap", "topic": "army", "question": "army-size", "title": "Army cap", "text": "Caps the army.",
                "param": {"name": "Cap", "unit": "thousand", "min": 100, "max": 1000, "step": 50, "default": 600,
                          "marks": [{"value": 600, "label": "28 points", "source": "fixture.txt", "quote": "q"}]},
                "cite": [{"source": "fixture.txt", "quote": "q"}]
            },
            clause("no-army-cap", "army", Some("army-size")),
            clause("nato-ban", "security", None),
            clause("guarantee", "security", Some("guarantees")),
            clause("monitoring", "security", None),
            clause("crimea-ukrainian", "territory", Some("crimea")),
            {"id": "nato-path", "topic": "security", "title": "nato-path", "text": "nato-path",
             "contradicts": ["nato-ban"], "cite": [{"source": "fixture.txt", "quote": "q"}]},
            clause("no-guarantee", "security", Some("guarantees"))
        ],
        "actor": [
            {"id": "ua", "name": "Ukraine", "kind": "state"},
            {"id": "ru", "name": "Russia", "kind": "state"},
            {"id": "eu", "name": "EU", "kind": "organisation"},
            {"id": "pundit", "name": "A commentator", "kind": "expert"}
        ],
        "position": [
            position("ua-no-crimea", "ua", "hard", "2025-01", None, serde_json::json!({"forbids": ["crimea-de-jure"]})),
            position("ua-cap", "ua", "firm", "2025-02", None, serde_json::json!({"param": {"clause": "army-cap", "min": 800}})),
            position("ua-nato-1", "ua", "hard", "2024-06", Some("nato"), serde_json::json!({"forbids": ["nato-ban"]})),
            position("ua-nato-2", "ua", "firm", "2025-12", Some("nato"),
                     serde_json::json!({"only_with": {"clause": "nato-ban", "with": ["guarantee"]}})),
            position("ru-crimea", "ru", "hard", "2024-06-14", None, serde_json::json!({"requires": ["crimea-de-jure", "crimea-de-facto"]})),
            position("ru-no-guarantee-with-monitoring", "ru", "preference", "2025-03", None,
                     serde_json::json!({"forbids_together": ["guarantee", "monitoring"]})),
            position("eu-no-cap", "eu", "concern", "2025-11-23", None,
                     serde_json::json!({"when": {"any": [{"below": {"clause": "army-cap", "value": 700}},
                                                          {"all": [{"has": "nato-ban"}, {"not": {"has": "guarantee"}}]}]}})),
            position("eu-cap-max", "eu", "preference", "2025-11-24", None, serde_json::json!({"param": {"clause": "army-cap", "max": 900}})),
            position("ru-neutral", "ru", "firm", "2024-06-14", None, serde_json::json!({"requires": ["nato-ban"]})),
            position("pundit-crimea", "pundit", "hard", "2025-11", None, serde_json::json!({"forbids": ["crimea-ukrainian"]}))
        ],
        "preset": [{
            "id": "plan-28", "name": "28 points", "proposer": "US", "date": "2025-11", "summary": "s", "completeness": "partial",
            "items": [{"clause": "crimea-de-facto", "point": 21}, {"clause": "army-cap", "point": 6, "value": 600}, {"clause": "nato-ban", "point": 7}],
            "cite": [{"source": "fixture.txt", "quote": "q"}]
        }]
    });
    serde_json::from_value(json).expect("the fixture fits the schema")
}

pub fn library() -> Library {
    Library::from_raw(&raw()).unwrap_or_else(|e| panic!("fixture library invalid: {e}"))
}

fn clause(id: &str, topic: &str, question: Option<&str>) -> serde_json::Value {
    serde_json::json!({"id": id, "topic": topic, "question": question, "title": id, "text": id,
                       "cite": [{"source": "fixture.txt", "quote": "q"}]})
}

fn position(
    id: &str,
    actor: &str,
    strength: &str,
    date: &str,
    stance: Option<&str>,
    condition: serde_json::Value,
) -> serde_json::Value {
    let mut p = serde_json::json!({"id": id, "actor": actor, "strength": strength, "summary": id, "speaker": "someone",
                                   "date": date, "stance": stance, "cite": [{"source": "fixture.txt", "quote": "q"}]});
    for (k, v) in condition.as_object().expect("a condition is a table") {
        p[k] = v.clone();
    }
    p
}
