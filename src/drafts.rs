//! Drafts kept in the browser: the rules for storing, listing, migrating and
//! recovering them, over any key-value [`Storage`] (localStorage in the app,
//! a map with injectable faults in tests).
//!
//! Layout: one key per draft (`redline:draft:<id>`), so a corrupt or
//! oversized value costs one draft, not all of them; the list of drafts is
//! derived from the keys, so there is no index to go stale; the draft open
//! last is `redline:last-open`. A value that does not parse is copied to a
//! backup key before anything else touches it, and removed only once the
//! copy is safe.

use serde::{Deserialize, Serialize};

use crate::library::Library;
#[cfg(test)]
use crate::plan::PlanItem;
use crate::plan::{Plan, PlanDocument, PLAN_FORMAT, PLAN_VERSION};

const DRAFT_PREFIX: &str = "redline:draft:";
const BACKUP_PREFIX: &str = "redline:backup:";
const LAST_OPEN: &str = "redline:last-open";

/// The stored draft's schema. Bump it when the stored shape changes, and
/// add the step from the previous version to `decode`.
///
/// Schema 2 adds the plan's `scenario` (#23). A draft without one is still
/// written as schema 1, which it is exactly, so a Redline from before
/// scenarios (an open tab, a cached copy) keeps reading it; one with a
/// scenario is schema 2, which such a Redline sets aside as newer instead
/// of dropping the scenario on its next save.
pub const DRAFT_SCHEMA: u32 = 2;
const SCHEMA_BEFORE_SCENARIOS: u32 = 1;

/// A key-value store that may be missing, full or failing.
pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all (blocked cookies, some private modes): nothing persists.
    Unavailable(String),
    /// The quota is used up (QuotaExceededError): this write did not happen.
    Full,
    Other(String),
}

impl StorageError {
    /// Classifies an exception thrown by the browser's storage by its `name`
    /// and legacy numeric `code`; `detail` says what the browser said.
    pub fn from_exception(name: &str, code: u32, detail: String) -> StorageError {
        // 22 is QUOTA_EXCEEDED_ERR; 1014 is old Firefox's NS_ERROR_DOM_QUOTA_REACHED.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == 22 || code == 1014 {
            StorageError::Full
        } else if name == "SecurityError" {
            StorageError::Unavailable(detail)
        } else {
            StorageError::Other(detail)
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(f, "this browser keeps no local storage for Redline ({why})"),
            StorageError::Full => f.write_str("the browser's storage for Redline is full"),
            StorageError::Other(why) => write!(f, "the browser's storage failed: {why}"),
        }
    }
}

/// A saved draft. Its name is the plan's title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    /// Milliseconds since the Unix epoch, as the browser's clock gave them.
    pub created: u64,
    pub modified: u64,
    /// Grows by one with every save; another tab's save shows as a higher number.
    pub revision: u64,
    pub plan: Plan,
}

impl Draft {
    pub fn new(id: String, now: u64, plan: Plan) -> Draft {
        Draft { id, created: now, modified: now, revision: 0, plan }
    }

    /// What lists show: the title, or a stand-in when there is none.
    pub fn name(&self) -> &str {
        name_of(&self.plan)
    }
}

/// A draft's name for its plan: the title, or a stand-in when there is none.
pub fn name_of(plan: &Plan) -> &str {
    if plan.title.trim().is_empty() {
        "Untitled draft"
    } else {
        &plan.title
    }
}

/// The title this tab's version takes when the reader keeps it apart from
/// another tab's save of the same draft: told apart in the drafts list when
/// both carry the same name, left as the reader wrote it when they differ.
pub fn kept_copy_title(mine: &Plan, theirs: &Plan) -> String {
    if name_of(mine) == name_of(theirs) {
        format!("{} (this tab's version)", name_of(mine))
    } else {
        mine.title.clone()
    }
}

/// The stored form of a draft.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredDraft {
    schema: u32,
    id: String,
    created: u64,
    modified: u64,
    revision: u64,
    plan: PlanDocument,
}

/// A stored value that could not be read as a draft, and where its raw text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub problem: String,
    /// Where the raw text was copied; `None` if even that failed (the value
    /// then stays under its own key, untouched).
    pub backup_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved this draft since we loaded it: theirs is newer.
    Conflict(Box<Draft>),
    Storage(StorageError),
}

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> SaveError {
        SaveError::Storage(e)
    }
}

/// Encodes a draft as stored.
pub fn encode(draft: &Draft) -> String {
    let stored = StoredDraft {
        schema: if draft.plan.scenario.is_empty() { SCHEMA_BEFORE_SCENARIOS } else { DRAFT_SCHEMA },
        id: draft.id.clone(),
        created: draft.created,
        modified: draft.modified,
        revision: draft.revision,
        plan: draft.plan.to_document(),
    };
    serde_json::to_string(&stored).expect("a draft always serializes")
}

/// Only the schema number, read first to pick the shape to parse. Typed
/// shapes per schema (rather than an untyped JSON tree) keep every
/// migration step checked by the compiler, and keep a JSON tree type out of
/// the download.
#[derive(Deserialize)]
struct SchemaProbe {
    schema: u32,
}

/// How [`decode`] starts its problem with a draft of a schema newer than
/// this version's: such a draft is left where it is, as the newer version
/// (in another tab, or after a reload) reads it.
const SAVED_BY_NEWER: &str = "saved by a newer Redline";

/// Decodes a stored draft of any schema this version knows, migrating older ones.
pub fn decode(text: &str) -> Result<Draft, String> {
    // Said in the reader's words: serde's own ("expected struct
    // SchemaProbe") names this code, not the stored text.
    let probe: SchemaProbe =
        serde_json::from_str(text).map_err(|_| match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => "no schema number, so Redline did not write it".to_string(),
            Err(e) => format!("not JSON (line {}, column {})", e.line(), e.column()),
        })?;
    let stored = match probe.schema {
        // Schema 1 is schema 2 without a scenario: one shape reads both.
        SCHEMA_BEFORE_SCENARIOS | DRAFT_SCHEMA => {
            serde_json::from_str::<StoredDraft>(text).map_err(|e| format!("not a draft: {e}"))?
        }
        // When schema 3 comes, the older shapes are parsed here and
        // converted one step at a time.
        newer if newer > DRAFT_SCHEMA => {
            return Err(format!(
                "{SAVED_BY_NEWER}: schema {newer}, where this one reads up to {DRAFT_SCHEMA}; reload the page for that version"
            ))
        }
        other => return Err(format!("schema {other} was never written by Redline")),
    };
    if stored.plan.format != PLAN_FORMAT || stored.plan.version > PLAN_VERSION {
        return Err(format!(
            "its plan is `{}` version {}, which this Redline cannot read",
            stored.plan.format, stored.plan.version
        ));
    }
    let plan = Plan {
        title: stored.plan.title,
        notes: stored.plan.notes,
        items: stored.plan.clauses,
        scenario: stored.plan.scenario.unwrap_or_default(),
    };
    Ok(Draft { id: stored.id, created: stored.created, modified: stored.modified, revision: stored.revision, plan })
}

/// What a tab does when another tab has stored the draft it has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherTabSave {
    /// Nothing this tab needs: an older or identical version.
    Ignore,
    /// Same plan as on screen: take the newer revision number, keep the history.
    TakeRevision,
    /// This tab has no change of its own: show the other tab's version.
    Follow,
    /// Both tabs changed the draft: ask, overwrite nothing.
    Conflict,
}

impl OtherTabSave {
    /// Decides from the version this tab last stored (`saved`), the plan on
    /// its screen, and the version the other tab stored.
    ///
    /// Tabs in different processes see each other's writes a moment late, so
    /// two tabs may both store the same revision number with different plans;
    /// an equal revision with another plan is therefore a conflict, not an echo.
    pub fn decide(saved: &Draft, on_screen: &Plan, theirs: &Draft) -> OtherTabSave {
        let changed_here = *on_screen != saved.plan;
        if theirs.plan == *on_screen {
            return if theirs.revision > saved.revision { OtherTabSave::TakeRevision } else { OtherTabSave::Ignore };
        }
        match theirs.revision.cmp(&saved.revision) {
            std::cmp::Ordering::Less => OtherTabSave::Ignore,
            std::cmp::Ordering::Equal if theirs.plan == saved.plan => OtherTabSave::Ignore,
            std::cmp::Ordering::Equal => OtherTabSave::Conflict,
            std::cmp::Ordering::Greater if changed_here => OtherTabSave::Conflict,
            std::cmp::Ordering::Greater => OtherTabSave::Follow,
        }
    }
}

/// What an undone delete found.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    /// The draft is back as it was deleted.
    AsItWas,
    /// Another tab saved the draft again after it was deleted here: its
    /// version stays, as stored; nothing was written.
    SavedAgain(Box<Draft>),
}

/// Drafts over a [`Storage`].
pub struct DraftStore<S: Storage> {
    pub storage: S,
}

/// What loading found: the drafts that read, newest first, and what did not.
#[derive(Debug, Default)]
pub struct Loaded {
    pub drafts: Vec<Draft>,
    pub unreadable: Vec<Unreadable>,
}

impl<S: Storage> DraftStore<S> {
    pub fn new(storage: S) -> DraftStore<S> {
        DraftStore { storage }
    }

    /// Reads every draft. An unreadable value is copied to a backup key and
    /// reported; the other drafts load regardless.
    pub fn load_all(&mut self) -> Result<Loaded, StorageError> {
        self.load_checked(None)
    }

    /// As [`DraftStore::load_all`], and a draft whose plan breaks the
    /// library's rules (a value out of range, a clause twice, two answers to
    /// one question: what an imported file is refused for) is set aside as
    /// unreadable, its text kept. Redline never stores such a plan; opened,
    /// it would be judged as a plan the page cannot show or edit.
    pub fn load_all_for(&mut self, library: &Library) -> Result<Loaded, StorageError> {
        self.load_checked(Some(library))
    }

    fn load_checked(&mut self, library: Option<&Library>) -> Result<Loaded, StorageError> {
        let mut loaded = Loaded::default();
        let mut keys: Vec<String> = self.storage.keys()?.into_iter().filter(|k| k.starts_with(DRAFT_PREFIX)).collect();
        keys.sort_unstable();
        for key in keys {
            let Some(raw) = self.storage.get(&key)? else { continue };
            let problem = match decode(&raw) {
                Ok(draft) if draft_key(&draft.id) != key => {
                    format!("its text is of draft `{}`, under another draft's key", draft.id)
                }
                Ok(draft) => match library.map(|l| draft.plan.to_document().into_plan(l)) {
                    Some(Err(e)) => format!("its plan breaks the library's rules: {e}"),
                    _ => {
                        loaded.drafts.push(draft);
                        continue;
                    }
                },
                // Not unreadable, only new: moved aside, it would leave the
                // newer version's list of drafts.
                Err(problem) if problem.starts_with(SAVED_BY_NEWER) => {
                    loaded.unreadable.push(Unreadable { key, raw, problem, backup_key: None });
                    continue;
                }
                Err(problem) => problem,
            };
            loaded.unreadable.push(self.set_aside(key, raw, problem));
        }
        loaded.drafts.sort_unstable_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.id.cmp(&b.id)));
        Ok(loaded)
    }

    /// Copies an unreadable value to a backup key; removes the original only
    /// once the copy is stored, so the text is never only in memory.
    fn set_aside(&mut self, key: String, raw: String, problem: String) -> Unreadable {
        let base = format!("{BACKUP_PREFIX}{}", &key[DRAFT_PREFIX.len()..]);
        // An earlier backup of the same draft is never overwritten.
        let backup_key = (1..)
            .map(|n| if n == 1 { base.clone() } else { format!("{base}.{n}") })
            .find(|k| !matches!(self.storage.get(k), Ok(Some(_))))
            .expect("an unbounded range always yields a free key");
        let saved = self.storage.set(&backup_key, &raw).is_ok() && self.storage.remove(&key).is_ok();
        Unreadable { key, raw, problem, backup_key: saved.then_some(backup_key) }
    }

    /// Saves `draft`, which was loaded (or last saved) at `base_revision`.
    /// Refuses if another tab has saved a newer revision meanwhile; on
    /// success returns the draft as stored (revision and time updated).
    pub fn save(&mut self, draft: &Draft, base_revision: u64, now: u64) -> Result<Draft, SaveError> {
        let key = draft_key(&draft.id);
        if let Some(raw) = self.storage.get(&key)? {
            match decode(&raw) {
                Ok(theirs) if theirs.revision > base_revision => return Err(SaveError::Conflict(Box::new(theirs))),
                Ok(_) => {}
                // Newer work, which this version cannot read: never written over.
                Err(problem) if problem.starts_with(SAVED_BY_NEWER) => {
                    return Err(SaveError::Storage(StorageError::Other(problem)))
                }
                // Something unreadable sits there (another tab, another tool):
                // keep its text before writing over it.
                Err(problem) => {
                    if self.set_aside(key.clone(), raw, problem).backup_key.is_none() {
                        return Err(SaveError::Storage(StorageError::Full));
                    }
                }
            }
        }
        let stored =
            Draft { revision: base_revision.saturating_add(1), modified: now.max(draft.created), ..draft.clone() };
        self.storage.set(&key, &encode(&stored))?;
        Ok(stored)
    }

    /// Removes a draft; the caller keeps the returned copy to offer undo.
    pub fn delete(&mut self, id: &str) -> Result<Option<Draft>, StorageError> {
        let key = draft_key(id);
        let existing = self.storage.get(&key)?.and_then(|raw| decode(&raw).ok());
        self.storage.remove(&key)?;
        Ok(existing)
    }

    /// Writes a deleted draft back exactly as it was, unless another tab
    /// saved it again since (it still had it open): that version is newer
    /// work and is never written over. The caller keeps the deleted one
    /// some other way (see [`Restored::SavedAgain`]).
    pub fn restore(&mut self, draft: &Draft) -> Result<Restored, StorageError> {
        let key = draft_key(&draft.id);
        if let Some(raw) = self.storage.get(&key)? {
            match decode(&raw) {
                Ok(theirs) => return Ok(Restored::SavedAgain(Box::new(theirs))),
                Err(problem) if problem.starts_with(SAVED_BY_NEWER) => return Err(StorageError::Other(problem)),
                Err(problem) => {
                    if self.set_aside(key.clone(), raw, problem).backup_key.is_none() {
                        return Err(StorageError::Full);
                    }
                }
            }
        }
        self.storage.set(&key, &encode(draft))?;
        Ok(Restored::AsItWas)
    }

    /// A copy under a new id, named "Copy of …", saved.
    pub fn duplicate(&mut self, draft: &Draft, new_id: String, now: u64) -> Result<Draft, StorageError> {
        let mut plan = draft.plan.clone();
        plan.title = format!("Copy of {}", draft.name());
        let copy = Draft::new(new_id, now, plan);
        self.storage.set(&draft_key(&copy.id), &encode(&copy))?;
        Ok(copy)
    }

    pub fn last_open(&self) -> Option<String> {
        self.storage.get(LAST_OPEN).ok().flatten()
    }

    pub fn set_last_open(&mut self, id: &str) -> Result<(), StorageError> {
        self.storage.set(LAST_OPEN, id)
    }

    /// The raw texts set aside earlier, for download.
    pub fn backups(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for key in self.storage.keys()?.into_iter().filter(|k| k.starts_with(BACKUP_PREFIX)) {
            if let Some(raw) = self.storage.get(&key)? {
                out.push((key, raw));
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    /// Deletes every text set aside, once the reader has asked to (they
    /// would otherwise fill the browser's storage for good); how many went.
    pub fn delete_backups(&mut self) -> Result<usize, StorageError> {
        let keys: Vec<String> = self.storage.keys()?.into_iter().filter(|k| k.starts_with(BACKUP_PREFIX)).collect();
        for key in &keys {
            self.storage.remove(key)?;
        }
        Ok(keys.len())
    }
}

/// The texts set aside, as one file: each under a line naming its key.
pub fn backups_file(backups: &[(String, String)]) -> String {
    backups.iter().map(|(key, raw)| format!("=== {key}\n{raw}\n")).collect::<Vec<_>>().join("\n")
}

/// The storage key of a draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// Whether a storage key holds a draft (for the other-tab `storage` event).
pub fn is_draft_key(key: &str) -> bool {
    key.starts_with(DRAFT_PREFIX)
}

/// What the page says about the stored values that could not be read, and
/// the file that holds their texts: one message, however many there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableReport {
    pub message: String,
    pub file_name: String,
    /// One value's raw text as it was; several, each under a header line.
    pub contents: String,
    pub several: bool,
}

/// Says what went wrong with `unreadable` in one message (a page of thirty
/// junk values once showed thirty alerts), `None` when all was read.
/// `others`: how many drafts were read, so "the other drafts are fine" is
/// said only when there are some.
pub fn report_unreadable(unreadable: &[Unreadable], others: usize) -> Option<UnreadableReport> {
    const SHOWN_PROBLEMS: usize = 3;
    let kept = |bad: &Unreadable| match &bad.backup_key {
        Some(k) => format!("kept apart in this browser (under {k})"),
        None => "left where it was".to_string(),
    };
    let fine = match others {
        0 => "",
        1 => " The other draft is fine.",
        _ => " The other drafts are fine.",
    };
    match unreadable {
        [] => None,
        [bad] => Some(UnreadableReport {
            message: format!("A stored draft could not be read ({}). Its text is {}.{fine}", bad.problem, kept(bad)),
            file_name: format!("{}.txt", bad.key.replace(':', "-")),
            contents: bad.raw.clone(),
            several: false,
        }),
        several => {
            // One kind of problem once, with its count, in the order first
            // met: "not JSON" whatever line and column it stopped at.
            let kind = |problem: &str| problem.split(" (").next().unwrap_or(problem).to_string();
            let mut kinds: Vec<(String, usize)> = Vec::new();
            for bad in several {
                let k = kind(&bad.problem);
                match kinds.iter_mut().find(|(p, _)| *p == k) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((k, 1)),
                }
            }
            let mut named: Vec<String> =
                kinds.iter().take(SHOWN_PROBLEMS).map(|(p, n)| format!("{n} of them {p}")).collect();
            if kinds.len() > SHOWN_PROBLEMS {
                let rest: usize = kinds[SHOWN_PROBLEMS..].iter().map(|(_, n)| n).sum();
                named.push(format!("{rest} of them other problems"));
            }
            let left = several.iter().filter(|b| b.backup_key.is_none()).count();
            let kept_all = match left {
                0 => "Their texts are kept apart in this browser, and in the file below.".to_string(),
                n if n == several.len() => {
                    "Their texts are left where they were, and are in the file below.".to_string()
                }
                n => format!(
                    "Their texts are kept apart in this browser ({n} left where they were), and in the file below."
                ),
            };
            let contents = several
                .iter()
                .map(|bad| format!("=== {} ({}), {}\n{}\n", bad.key, bad.problem, kept(bad), bad.raw))
                .collect::<Vec<_>>()
                .join("\n");
            Some(UnreadableReport {
                message: format!(
                    "{} stored drafts could not be read ({}). {kept_all}{fine}",
                    several.len(),
                    named.join("; ")
                ),
                file_name: "redline-unreadable-drafts.txt".to_string(),
                contents,
                several: true,
            })
        }
    }
}

/// A draft id from the clock and a per-session counter: unique in one
/// browser without a random-number crate.
pub fn new_id(now: u64, counter: u32) -> String {
    format!("{now:x}-{counter:x}")
}

/// In-memory storage with the faults browsers show, for tests.
#[cfg(test)]
mod memory {
    use super::{Storage, StorageError};
    use std::collections::BTreeMap;

    #[derive(Debug, Default, Clone)]
    pub struct MemoryStorage {
        pub values: BTreeMap<String, String>,
        /// Every call fails as if storage were blocked.
        pub unavailable: bool,
        /// Total bytes (keys and values) beyond which a write fails as full.
        pub quota: Option<usize>,
    }

    impl MemoryStorage {
        fn check(&self) -> Result<(), StorageError> {
            if self.unavailable {
                Err(StorageError::Unavailable("blocked in this test".into()))
            } else {
                Ok(())
            }
        }

        fn used_without(&self, key: &str) -> usize {
            self.values.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum()
        }
    }

    impl Storage for MemoryStorage {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.check()?;
            Ok(self.values.get(key).cloned())
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
            self.check()?;
            if self.quota.is_some_and(|q| self.used_without(key) + key.len() + value.len() > q) {
                return Err(StorageError::Full);
            }
            self.values.insert(key.to_string(), value.to_string());
            Ok(())
        }
        fn remove(&mut self, key: &str) -> Result<(), StorageError> {
            self.check()?;
            self.values.remove(key);
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.check()?;
            Ok(self.values.keys().cloned().collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::memory::MemoryStorage;
    use super::*;
    use crate::library::fixture;

    fn sample(id: &str, title: &str) -> Draft {
        let lib = fixture::library();
        let mut plan = Plan::from_preset(&lib, 0);
        plan.title = title.into();
        plan.notes = "notes with \"quotes\" and <b>markup</b>\nand a line".into();
        Draft::new(id.into(), 1_700_000_000_000, plan)
    }

    fn store() -> DraftStore<MemoryStorage> {
        DraftStore::new(MemoryStorage::default())
    }

    #[test]
    fn a_saved_draft_loads_back_exactly() {
        let mut s = store();
        let draft = sample("a", "Plan A");
        let saved = s.save(&draft, 0, 1_700_000_000_500).unwrap();
        assert_eq!((saved.revision, saved.modified), (1, 1_700_000_000_500));
        let loaded = s.load_all().unwrap();
        assert_eq!(loaded.drafts, vec![saved]);
        assert!(loaded.unreadable.is_empty());
    }

    #[test]
    fn drafts_list_newest_first_and_the_last_open_is_remembered() {
        let mut s = store();
        s.save(&sample("old", "Old"), 0, 10).unwrap();
        s.save(&sample("new", "New"), 0, 20).unwrap();
        s.set_last_open("old").unwrap();
        let names: Vec<String> = s.load_all().unwrap().drafts.iter().map(|d| d.name().to_string()).collect();
        assert_eq!(names, ["New", "Old"]);
        assert_eq!(s.last_open().as_deref(), Some("old"));
    }

    #[test]
    fn many_unreadable_values_make_one_message_and_one_file() {
        let mut s = store();
        s.save(&sample("good", "Good"), 0, 10).unwrap();
        for n in 0..30 {
            let junk = if n < 28 { format!("junk{{{n}") } else { r#"{"id":"x"}"#.to_string() };
            s.storage.values.insert(format!("redline:draft:j{n:02}"), junk);
        }
        let loaded = s.load_all().unwrap();
        assert_eq!(loaded.drafts.len(), 1);
        let report = report_unreadable(&loaded.unreadable, loaded.drafts.len()).unwrap();
        assert!(report.several);
        assert_eq!(
            report.message,
            "30 stored drafts could not be read (28 of them not JSON; 2 of them no schema number, so Redline did \
             not write it). Their texts are kept apart in this browser, and in the file below. The other draft is fine."
        );
        assert_eq!(report.file_name, "redline-unreadable-drafts.txt");
        for bad in &loaded.unreadable {
            assert!(report.contents.contains(&format!("=== {} ({})", bad.key, bad.problem)));
            assert!(report.contents.contains(&format!("\n{}\n", bad.raw)), "{}", bad.raw);
        }
        // One value: its own words and its text as it was; with no other
        // draft, nothing is said of others.
        let one = report_unreadable(&loaded.unreadable[..1], 0).unwrap();
        assert_eq!(
            one.message,
            "A stored draft could not be read (not JSON (line 1, column 1)). Its text is kept apart in this browser \
             (under redline:backup:j00)."
        );
        assert_eq!(
            (one.file_name.as_str(), one.contents.as_str(), one.several),
            ("redline-draft-j00.txt", "junk{0", false)
        );
        assert_eq!(report_unreadable(&[], 3), None);
        // Many kinds of problem: three are named, the rest counted.
        let kinds: Vec<Unreadable> = (0..5)
            .map(|n| Unreadable {
                key: format!("k{n}"),
                raw: String::new(),
                problem: format!("problem {n}"),
                backup_key: None,
            })
            .collect();
        assert_eq!(
            report_unreadable(&kinds, 2).unwrap().message,
            "5 stored drafts could not be read (1 of them problem 0; 1 of them problem 1; 1 of them problem 2; 2 of them \
             other problems). Their texts are left where they were, and are in the file below. The other drafts are fine."
        );
    }

    #[test]
    fn a_corrupt_value_is_set_aside_and_the_others_still_load() {
        let mut s = store();
        s.save(&sample("good", "Good"), 0, 10).unwrap();
        s.storage.values.insert("redline:draft:bad".into(), "{\"schema\":1,\"id\":\"bad\",".into());
        let loaded = s.load_all().unwrap();
        assert_eq!(loaded.drafts.len(), 1);
        let bad = &loaded.unreadable[0];
        assert_eq!(bad.key, "redline:draft:bad");
        assert!(bad.problem.contains("not JSON"), "{}", bad.problem);
        assert_eq!(bad.backup_key.as_deref(), Some("redline:backup:bad"));
        assert_eq!(s.backups().unwrap(), vec![("redline:backup:bad".to_string(), bad.raw.clone())]);
        assert!(!s.storage.values.contains_key("redline:draft:bad"), "moved, not copied");
        // Loading again is quiet: the broken value is only in the backup now.
        assert!(s.load_all().unwrap().unreadable.is_empty());
        // A second broken value for the same id gets its own backup.
        s.storage.values.insert("redline:draft:bad".into(), "also broken".into());
        assert_eq!(s.load_all().unwrap().unreadable[0].backup_key.as_deref(), Some("redline:backup:bad.2"));
        assert_eq!(s.backups().unwrap().len(), 2);
        let file = backups_file(&s.backups().unwrap());
        assert_eq!(
            file,
            "=== redline:backup:bad\n{\"schema\":1,\"id\":\"bad\",\n\n=== redline:backup:bad.2\nalso broken\n"
        );
        // Deleting them leaves the drafts alone.
        assert_eq!(s.delete_backups().unwrap(), 2);
        assert!(s.backups().unwrap().is_empty());
        assert_eq!(s.load_all().unwrap().drafts.len(), 1);
    }

    #[test]
    fn saving_over_an_unreadable_value_keeps_its_text() {
        let mut s = store();
        s.storage.values.insert("redline:draft:a".into(), "written by something else".into());
        s.save(&sample("a", "Plan A"), 0, 10).unwrap();
        assert_eq!(
            s.backups().unwrap(),
            vec![("redline:backup:a".to_string(), "written by something else".to_string())]
        );
    }

    #[test]
    fn when_even_the_backup_cannot_be_written_the_value_stays_where_it_was() {
        let mut s = store();
        s.storage.values.insert("redline:draft:bad".into(), "garbage".into());
        s.storage.quota = Some(10);
        let loaded = s.load_all().unwrap();
        assert_eq!(loaded.unreadable[0].backup_key, None);
        assert_eq!(s.storage.values.get("redline:draft:bad").map(String::as_str), Some("garbage"));
    }

    /// A stored document of every schema ever written, pinned as text: each
    /// must keep loading (migrated) in every later Redline. Schema 1 is the
    /// first; add the next one here when the schema changes.
    const STORED_SCHEMA_2: &str = r#"{"schema":2,"id":"2b-0","created":1,"modified":2,"revision":1,"plan":{"format":"redline-plan","version":1,"title":"With a scenario","notes":"","clauses":[],"scenario":{"set_aside":["ua-cap"],"actors":[{"actor":"russia","set_aside":"firm-demands"}]}}}"#;
    const STORED_SCHEMA_1: &str = r#"{"schema":1,"id":"1a2b3c-0","created":1795320000000,"modified":1795320060000,"revision":4,"plan":{"format":"redline-plan","version":1,"title":"Kept since schema 1","notes":"two\nlines","clauses":[{"id":"army-cap","value":800000},{"id":"a-retired-clause"}]}}"#;

    #[test]
    fn a_stored_document_of_every_schema_still_loads() {
        let draft = decode(STORED_SCHEMA_1).unwrap();
        assert_eq!(
            (draft.id.as_str(), draft.created, draft.modified, draft.revision),
            ("1a2b3c-0", 1795320000000, 1795320060000, 4)
        );
        assert_eq!(draft.plan.title, "Kept since schema 1");
        assert_eq!(draft.plan.notes, "two\nlines");
        let ids: Vec<_> = draft.plan.items.iter().map(|i| (i.id.as_str(), i.value)).collect();
        assert_eq!(ids, [("army-cap", Some(800000)), ("a-retired-clause", None)]);
        // And it is written back in the current schema unchanged.
        assert_eq!(decode(&encode(&draft)).unwrap(), draft);
        assert!(encode(&draft).starts_with(r#"{"schema":1,"#), "no scenario: still the shape older Redlines read");

        let draft = decode(STORED_SCHEMA_2).unwrap();
        assert_eq!(draft.plan.scenario.set_aside, ["ua-cap"]);
        assert_eq!(draft.plan.scenario.actors[0].actor, "russia");
        assert_eq!(encode(&draft), STORED_SCHEMA_2, "written back as read");
    }

    #[test]
    fn another_tabs_save_is_followed_only_when_nothing_here_would_be_lost() {
        let saved = Draft { revision: 2, ..sample("d", "Mine") };
        let mut edited = saved.plan.clone();
        edited.title = "Mine, edited".into();
        let theirs = |revision, title: &str| Draft { revision, ..sample("d", title) };
        use OtherTabSave::*;
        assert_eq!(OtherTabSave::decide(&saved, &saved.plan, &theirs(3, "Theirs")), Follow);
        assert_eq!(OtherTabSave::decide(&saved, &edited, &theirs(3, "Theirs")), Conflict);
        assert_eq!(OtherTabSave::decide(&saved, &saved.plan, &theirs(1, "Old")), Ignore);
        assert_eq!(OtherTabSave::decide(&saved, &saved.plan, &theirs(2, "Mine")), Ignore);
        // Both tabs stored revision 2 at once: mine may have been overwritten.
        assert_eq!(OtherTabSave::decide(&saved, &saved.plan, &theirs(2, "Theirs")), Conflict);
        // They stored exactly what is on screen here.
        assert_eq!(OtherTabSave::decide(&saved, &edited, &theirs(3, "Mine, edited")), TakeRevision);
    }

    #[test]
    fn a_full_quota_is_recognised_by_name_or_by_legacy_code() {
        let full = |name: &str, code| StorageError::from_exception(name, code, String::new());
        assert_eq!(full("QuotaExceededError", 22), StorageError::Full);
        assert_eq!(full("QuotaExceededError", 0), StorageError::Full);
        assert_eq!(full("NS_ERROR_DOM_QUOTA_REACHED", 1014), StorageError::Full);
        assert_eq!(full("", 22), StorageError::Full);
        assert_eq!(full("Error", 1014), StorageError::Full);
        assert!(matches!(full("SecurityError", 18), StorageError::Unavailable(_)));
        assert!(matches!(full("InvalidStateError", 11), StorageError::Other(_)));
    }

    #[test]
    fn newer_schemas_and_foreign_values_are_not_read_as_drafts() {
        let newer = r#"{"schema":3,"id":"x","created":1,"modified":1,"revision":1,"plan":{}}"#;
        assert!(decode(newer).unwrap_err().contains("newer Redline"));
        // Left in place, not moved aside: the newer version, in another tab
        // or after a reload, still lists it.
        let mut s = store();
        s.storage.values.insert("redline:draft:x".into(), newer.into());
        let loaded = s.load_all().unwrap();
        assert_eq!(loaded.unreadable[0].backup_key, None);
        assert_eq!(s.storage.values.get("redline:draft:x").map(String::as_str), Some(newer));
        assert!(s.backups().unwrap().is_empty());
        let said = report_unreadable(&loaded.unreadable, 0).unwrap().message;
        assert_eq!(
            said,
            "A stored draft could not be read (saved by a newer Redline: schema 3, where this one reads up to 2; reload the page for that version). Its text is left where it was."
        );
        assert!(decode(r#"{"id":"x"}"#).unwrap_err().contains("no schema"));
        for junk in [r#""junk""#, "[1,2]", "42", "null"] {
            let said = decode(junk).unwrap_err();
            assert_eq!(said, "no schema number, so Redline did not write it", "{junk}");
        }
        assert_eq!(decode("junk{").unwrap_err(), "not JSON (line 1, column 1)");
        assert!(decode(r#"{"schema":0}"#).unwrap_err().contains("never written"));
        let wrong_plan = encode(&sample("x", "X")).replace("redline-plan", "other-plan");
        assert!(decode(&wrong_plan).unwrap_err().contains("other-plan"));
        let mut s = store();
        s.storage.values.insert("redline:draft:x".into(), encode(&sample("y", "Y")));
        assert!(s.load_all().unwrap().unreadable[0]
            .problem
            .contains("its text is of draft `y`, under another draft's key"));
    }

    #[test]
    fn a_save_from_a_stale_tab_is_refused_with_the_newer_draft() {
        let mut s = store();
        let draft = sample("a", "Plan A");
        let first = s.save(&draft, 0, 10).unwrap();
        // Another tab, which also loaded revision 1, saves first.
        let mut theirs = first.clone();
        theirs.plan.title = "Their edit".into();
        let theirs = s.save(&theirs, first.revision, 20).unwrap();
        let mut ours = first.clone();
        ours.plan.title = "Our edit".into();
        match s.save(&ours, first.revision, 30) {
            Err(SaveError::Conflict(newer)) => assert_eq!(*newer, theirs),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(s.load_all().unwrap().drafts[0].plan.title, "Their edit", "nothing overwritten");
    }

    #[test]
    fn a_draft_a_newer_version_saved_is_never_written_over_by_a_save_or_an_undone_delete() {
        let newer = r#"{"schema":3,"id":"a","created":1,"modified":1,"revision":7,"plan":{}}"#;
        let mut s = store();
        let draft = s.save(&sample("a", "Plan A"), 0, 10).unwrap();
        // Another tab, running a newer Redline, saves the draft this one has open.
        s.storage.values.insert("redline:draft:a".into(), newer.into());
        match s.save(&draft, draft.revision, 20) {
            Err(SaveError::Storage(StorageError::Other(why))) => assert!(why.contains("newer Redline"), "{why}"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(s.storage.values.get("redline:draft:a").map(String::as_str), Some(newer));
        assert!(s.backups().unwrap().is_empty(), "not moved aside either");
        assert!(matches!(s.restore(&draft), Err(StorageError::Other(why)) if why.contains("newer Redline")));
        assert_eq!(s.storage.values.get("redline:draft:a").map(String::as_str), Some(newer));
        // Junk in its place is still kept apart, then written over.
        s.storage.values.insert("redline:draft:a".into(), "junk{".into());
        assert!(s.save(&draft, draft.revision, 30).is_ok());
        assert_eq!(s.backups().unwrap().len(), 1);
    }

    #[test]
    fn a_revision_at_the_top_of_its_range_stays_there_rather_than_wrap_to_an_old_one() {
        let mut s = store();
        let draft = Draft { revision: u64::MAX, ..sample("a", "Plan A") };
        assert_eq!(s.save(&draft, u64::MAX, 10).unwrap().revision, u64::MAX);
    }

    #[test]
    fn a_full_or_missing_storage_says_so_and_keeps_what_was_there() {
        let mut s = store();
        let saved = s.save(&sample("a", "Plan A"), 0, 10).unwrap();
        s.storage.quota = Some(s.storage.values.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>());
        let mut bigger = saved.clone();
        bigger.plan.notes = "x".repeat(10_000);
        assert_eq!(s.save(&bigger, saved.revision, 20), Err(SaveError::Storage(StorageError::Full)));
        assert_eq!(s.load_all().unwrap().drafts, vec![saved.clone()], "the stored draft is intact");
        s.storage.unavailable = true;
        assert!(matches!(s.save(&saved, saved.revision, 30), Err(SaveError::Storage(StorageError::Unavailable(_)))));
        assert!(s.load_all().is_err());
        assert!(StorageError::Full.to_string().contains("full"));
    }

    #[test]
    fn delete_can_be_undone_and_duplicate_makes_an_independent_copy() {
        let mut s = store();
        let saved = s.save(&sample("a", "Plan A"), 0, 10).unwrap();
        let deleted = s.delete("a").unwrap().expect("it existed");
        assert!(s.load_all().unwrap().drafts.is_empty());
        assert_eq!(s.restore(&deleted).unwrap(), Restored::AsItWas);
        assert_eq!(s.load_all().unwrap().drafts, vec![saved.clone()]);
        let copy = s.duplicate(&saved, new_id(20, 1), 20).unwrap();
        assert_eq!(copy.name(), "Copy of Plan A");
        assert_eq!(copy.plan.items, saved.plan.items);
        assert_eq!(s.load_all().unwrap().drafts.len(), 2);
        assert_ne!(new_id(20, 1), new_id(20, 2));
    }

    #[test]
    fn undoing_a_delete_never_writes_over_a_version_another_tab_saved_since() {
        let mut s = store();
        let saved = s.save(&sample("a", "Plan A"), 0, 10).unwrap();
        let deleted = s.delete("a").unwrap().expect("it existed");
        // Another tab still had it open, and saved an edit: the key is back.
        let mut theirs = saved.clone();
        theirs.plan.title = "Plan A, edited in another tab".into();
        let theirs = s.save(&theirs, saved.revision, 20).unwrap();
        assert_eq!(s.restore(&deleted).unwrap(), Restored::SavedAgain(Box::new(theirs.clone())));
        assert_eq!(s.load_all().unwrap().drafts, vec![theirs]);
        // Something unreadable in its place is kept apart, then the draft is back.
        s.delete("a").unwrap();
        s.storage.values.insert(draft_key("a"), "{not json".into());
        assert_eq!(s.restore(&deleted).unwrap(), Restored::AsItWas);
        assert_eq!(s.load_all().unwrap().drafts, vec![deleted]);
        assert_eq!(s.backups().unwrap().len(), 1);
    }

    #[test]
    fn a_stored_plan_the_library_forbids_is_set_aside_with_its_text_as_an_imported_one_is_refused() {
        let lib = fixture::library();
        let mut s = store();
        let good = s.save(&sample("good", "Good"), 0, 10).unwrap();
        let item = |id: &str, value: Option<i64>| PlanItem { id: id.into(), value };
        let bad = |id: &str, items: Vec<PlanItem>| {
            let mut d = sample(id, id);
            d.plan.items = items;
            d
        };
        let cases = [
            bad("negative", vec![item("army-cap", Some(-5))]),
            bad("twice", vec![item("army-cap", Some(600)), item("army-cap", Some(800))]),
            bad("two-answers", vec![item("crimea-de-jure", None), item("crimea-ukrainian", None)]),
        ];
        for d in &cases {
            s.storage.values.insert(draft_key(&d.id), encode(d));
        }
        // A clause the library lacks is kept, as in a file: not a reason to set a draft aside.
        let retired = s.save(&bad("retired", vec![item("no-longer-in-the-library", None)]), 0, 5).unwrap();
        let loaded = s.load_all_for(&lib).unwrap();
        assert_eq!(loaded.drafts, vec![good, retired]);
        let problems: Vec<&str> = loaded.unreadable.iter().map(|u| u.problem.as_str()).collect();
        assert_eq!(problems.len(), 3);
        assert!(
            problems.iter().all(|p| p.starts_with("its plan breaks the library's rules: clauses[")),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.contains("value -5 is not between")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("the clause appears twice")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("already answers the question")), "{problems:?}");
        // Their texts are kept apart, word for word.
        let kept = s.backups().unwrap();
        assert_eq!(kept.len(), 3);
        assert!(cases.iter().all(|d| kept.iter().any(|(_, raw)| *raw == encode(d))));
    }

    #[test]
    fn an_untitled_draft_has_a_name_to_show() {
        assert_eq!(sample("a", "  ").name(), "Untitled draft");
    }

    #[test]
    fn a_version_kept_apart_from_another_tabs_is_told_apart_only_when_the_names_match() {
        let (mine, theirs) = (sample("a", "Geneva"), sample("a", "Geneva"));
        assert_eq!(kept_copy_title(&mine.plan, &theirs.plan), "Geneva (this tab's version)");
        let renamed = sample("a", "Geneva, their edit");
        assert_eq!(kept_copy_title(&mine.plan, &renamed.plan), "Geneva");
        let (blank, blank_too) = (sample("a", ""), sample("a", " "));
        assert_eq!(kept_copy_title(&blank.plan, &blank_too.plan), "Untitled draft (this tab's version)");
    }
}
