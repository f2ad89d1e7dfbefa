//! A small universe of clauses for brute-force property tests (the
//! settlement search here, "what would it take" in `crate::scenario`): every
//! plan it allows can be tried, so exactness is checked, not trusted.

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::library::raw::RawLibrary;
use crate::library::{Library, Selection};

// Universe: a0 a1 a2 (question qa), b0 b1 (question qb), c and d
// (standalone, declared to contradict each other), p (a value 0..=10, default 5).
pub const IDS: [&str; 8] = ["a0", "a1", "a2", "b0", "b1", "c", "d", "p"];
pub const STRENGTHS: [&str; 4] = ["hard", "firm", "preference", "concern"];

pub fn clause(id: &str) -> Value {
    let question = match id {
        "a0" | "a1" | "a2" => Some("qa"),
        "b0" | "b1" => Some("qb"),
        _ => None,
    };
    let mut c = json!({"id": id, "topic": "t1", "question": question, "title": id, "text": id,
                       "cite": [{"source": "s.txt", "quote": "q"}]});
    if id == "c" {
        c["contradicts"] = json!(["d"]);
    }
    if id == "p" {
        c["param"] = json!({"name": "n", "unit": "u", "min": 0, "max": 10, "step": 2, "default": 5, "marks": []});
    }
    c
}

pub fn expr() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        (0..8usize).prop_map(|i| json!({"has": IDS[i]})),
        (0..=11i64).prop_map(|v| json!({"below": {"clause": "p", "value": v}})),
        (-1..=10i64).prop_map(|v| json!({"above": {"clause": "p", "value": v}})),
    ];
    leaf.prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| json!({"not": e})),
            proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"all": v})),
            proptest::collection::vec(inner, 1..3).prop_map(|v| json!({"any": v})),
        ]
    })
}

/// (actor 0..3, strength, condition) per position.
pub type Spec = Vec<(usize, usize, Value)>;

pub fn library(spec: &Spec) -> Library {
    let positions: Vec<Value> = spec
        .iter()
        .enumerate()
        .map(|(n, (actor, strength, cond))| {
            let actor = ["x", "y", "z"][*actor];
            let mut p = json!({"id": format!("p{n}"), "actor": actor, "strength": STRENGTHS[*strength],
                               "summary": format!("Position {n}; more"), "speaker": "s", "date": "2025-01-01",
                               "cite": [{"source": "s.txt", "quote": "q"}]});
            for (k, v) in cond.as_object().unwrap() {
                p[k] = v.clone();
            }
            p
        })
        .collect();
    let raw: RawLibrary = serde_json::from_value(json!({
        "source": [{"file": "s.txt", "title": "t", "outlet": "o", "kind": "news", "date": "2025"}],
        "topic": [{"id": "t1", "name": "T1", "summary": "s"}],
        "question": [{"id": "qa", "topic": "t1", "prompt": "A"}, {"id": "qb", "topic": "t1", "prompt": "B"}],
        "clause": IDS.iter().map(|id| clause(id)).collect::<Vec<_>>(),
        "actor": [{"id": "x", "name": "X", "kind": "state"}, {"id": "y", "name": "Y", "kind": "state"},
                  {"id": "z", "name": "Z", "kind": "state"}],
        "position": positions,
    }))
    .unwrap();
    Library::from_raw(&raw).unwrap_or_else(|e| panic!("{e}"))
}

/// Every plan the universe allows: one answer or none per question, each
/// other clause in or out, p in or out with any value.
pub fn all_plans() -> Vec<Selection> {
    let mut out = Vec::new();
    for a in [None, Some(0), Some(1), Some(2)] {
        for b in [None, Some(3), Some(4)] {
            for c in [false, true] {
                for d in [false, true] {
                    for p in std::iter::once(None).chain((0..=10).map(Some)) {
                        let mut s = Selection::empty(8);
                        a.into_iter().chain(b).for_each(|i| s.insert(i, 0));
                        if c {
                            s.insert(5, 0)
                        }
                        if d {
                            s.insert(6, 0)
                        }
                        if let Some(v) = p {
                            s.insert(7, v)
                        }
                        out.push(s);
                    }
                }
            }
        }
    }
    out
}
