//! Repairs as a reader applies them: the edits from a draft to a plan the
//! settlement search (`crate::settle`) found, read as sentences and made on
//! the user's plan in one undo step.

use crate::library::{ClauseIx, Library, PositionIx, Selection};
use crate::plan::Plan;

/// One edit of a repair.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Edit {
    Add {
        clause: ClauseIx,
        value: i64,
    },
    Remove {
        clause: ClauseIx,
    },
    /// Replace one answer of a question with another.
    Switch {
        from: ClauseIx,
        to: ClauseIx,
        value: i64,
    },
    SetValue {
        clause: ClauseIx,
        value: i64,
    },
}

impl Edit {
    /// The edit as a user reads it: "Switch “A” to “B”", "Set “Cap” to 600,000 personnel".
    pub fn describe(&self, library: &Library) -> String {
        let title = |c: ClauseIx| &library.clauses[c].title;
        let at = |c: ClauseIx, v: i64| library.clauses[c].param.as_ref().map(|p| format!(" at {}", p.format(v)));
        match *self {
            Edit::Add { clause, value } => format!("Add “{}”{}", title(clause), at(clause, value).unwrap_or_default()),
            Edit::Remove { clause } => format!("Remove “{}”", title(clause)),
            Edit::Switch { from, to, value } => {
                format!("Switch “{}” to “{}”{}", title(from), title(to), at(to, value).unwrap_or_default())
            }
            Edit::SetValue { clause, value } => format!(
                "Set “{}” to {}",
                title(clause),
                library.clauses[clause].param.as_ref().map_or_else(|| value.to_string(), |p| p.format(value))
            ),
        }
    }

    /// Makes the edit on a user's plan, keeping its order: a switch takes
    /// the replaced clause's place, an added clause goes last.
    pub fn apply_to(&self, library: &Library, plan: &mut Plan) {
        match *self {
            Edit::Add { clause, value } | Edit::Switch { to: clause, value, .. } => {
                // `Plan::add` replaces the held alternative of the same question in place.
                plan.add(library, clause);
                plan.set_value(library, clause, value);
            }
            Edit::Remove { clause } => {
                plan.remove(&library.clauses[clause].id);
            }
            Edit::SetValue { clause, value } => {
                plan.set_value(library, clause, value);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub edits: Vec<Edit>,
    /// The coalition's positions the original plan did not respect and this one does.
    pub resolves: Vec<PositionIx>,
    pub result: Selection,
}

impl Repair {
    /// Makes every edit on a user's plan; inside one `Editor::apply` it is one undo step.
    pub fn apply_to(&self, library: &Library, plan: &mut Plan) {
        self.edits.iter().for_each(|e| e.apply_to(library, plan));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::raw::RawLibrary;
    use serde_json::{json, Value};

    // Universe: a0 a1 a2 (one question), b0 b1 (another), c and d
    // (standalone), and p (a value 0..=10).
    const IDS: [&str; 8] = ["a0", "a1", "a2", "b0", "b1", "c", "d", "p"];

    fn clause(id: &str) -> Value {
        let (topic, question) = match id {
            "a0" | "a1" | "a2" => ("t1", Some("qa")),
            "b0" | "b1" => ("t1", Some("qb")),
            _ => ("t2", None),
        };
        let mut c = json!({"id": id, "topic": topic, "question": question, "title": id, "text": id,
                           "cite": [{"source": "s.txt", "quote": "q"}]});
        if id == "c" {
            c["contradicts"] = json!(["d"]);
        }
        if id == "p" {
            c["param"] = json!({"name": "n", "unit": "u", "min": 0, "max": 10, "step": 1, "default": 5, "marks": []});
        }
        c
    }

    fn library(conditions: &[(usize, Value)]) -> Library {
        let positions: Vec<Value> = conditions
            .iter()
            .enumerate()
            .map(|(n, (actor, cond))| {
                let actor = ["x", "y"][*actor];
                let mut p = json!({"id": format!("p{n}"), "actor": actor, "strength": "hard", "summary": "s",
                                   "speaker": "s", "date": "2025-01-01", "cite": [{"source": "s.txt", "quote": "q"}]});
                for (k, v) in cond.as_object().unwrap() {
                    p[k] = v.clone();
                }
                p
            })
            .collect();
        let raw: RawLibrary = serde_json::from_value(json!({
            "source": [{"file": "s.txt", "title": "t", "outlet": "o", "kind": "news", "date": "2025"}],
            "topic": [{"id": "t1", "name": "T1", "summary": "s"}, {"id": "t2", "name": "T2", "summary": "s"}],
            "question": [{"id": "qa", "topic": "t1", "prompt": "A"}, {"id": "qb", "topic": "t1", "prompt": "B"}],
            "clause": IDS.iter().map(|id| clause(id)).collect::<Vec<_>>(),
            "actor": [{"id": "x", "name": "X", "kind": "state"}, {"id": "y", "name": "Y", "kind": "state"}],
            "position": positions,
        }))
        .unwrap();
        Library::from_raw(&raw).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn edits_read_as_sentences_with_formatted_values() {
        let lib = library(&[(0, json!({"forbids": ["c"]})), (1, json!({"forbids": ["d"]}))]);
        let said = |e: Edit| e.describe(&lib);
        assert_eq!(said(Edit::Add { clause: 5, value: 0 }), "Add “c”");
        assert_eq!(said(Edit::Add { clause: 7, value: 3 }), "Add “p” at 3 u");
        assert_eq!(said(Edit::Remove { clause: 6 }), "Remove “d”");
        assert_eq!(said(Edit::Switch { from: 0, to: 2, value: 0 }), "Switch “a0” to “a2”");
        assert_eq!(said(Edit::SetValue { clause: 7, value: 10 }), "Set “p” to 10 u");
    }

    #[test]
    fn a_switch_keeps_the_clause_in_its_place() {
        let lib = library(&[(0, json!({"forbids": ["c"]})), (1, json!({"forbids": ["d"]}))]);
        let mut plan = Plan::default();
        for c in [6, 0, 5] {
            plan.add(&lib, c);
        }
        Edit::Switch { from: 0, to: 1, value: 0 }.apply_to(&lib, &mut plan);
        Edit::Add { clause: 7, value: 2 }.apply_to(&lib, &mut plan);
        let ids: Vec<(&str, Option<i64>)> = plan.items.iter().map(|i| (i.id.as_str(), i.value)).collect();
        assert_eq!(ids, [("d", None), ("a1", None), ("c", None), ("p", Some(2))]);
    }
}
