//! The browser's localStorage as the core's `Storage`, with every failure
//! classified: blocked (no storage), full (QuotaExceededError, or the legacy
//! codes 22 and 1014), or something else. Nothing here throws or panics.

use wasm_bindgen::{JsCast, JsValue};

use crate::drafts::{Storage, StorageError};

/// Stateless: the storage object is looked up on every call, so a storage
/// that appears or disappears while the page is open is seen as it is now.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserStorage;

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable("the browser offers no localStorage".into())),
        Err(e) => Err(StorageError::Unavailable(describe(&e))),
    }
}

fn describe(e: &JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", ex.name(), ex.message())
    } else {
        e.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

/// Reads `name` and `code` off whatever was thrown: old Firefox throws a
/// non-DOMException object for a full quota, so no type test is made.
fn classify(e: JsValue) -> StorageError {
    let field = |key: &str| js_sys::Reflect::get(&e, &JsValue::from_str(key)).ok();
    let name = field("name").and_then(|v| v.as_string()).unwrap_or_default();
    let code = field("code").and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
    StorageError::from_exception(&name, code, describe(&e))
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        local_storage()?.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        local_storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        local_storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = local_storage()?;
        let count = storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(count as usize);
        for i in 0..count {
            if let Some(key) = storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
