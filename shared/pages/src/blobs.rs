//! Attachment bytes in the key-value store, under a random key recorded with their
//! metadata in SQLite (`settle_store::pages::Attachment`). A blob is written before its
//! metadata row; if the transaction then fails, the orphan blob is deleted.

use sha2::{Digest, Sha256};
use spin_sdk::key_value::Store;

use settle_domain::pages::UPLOAD_THROTTLE;

use crate::render::PageError;

fn store() -> Result<Store, PageError> {
    Store::open_default().map_err(|e| PageError::Server(500, format!("key-value store: {e}")))
}

/// A fresh key for a blob: `attachment:<32 random bytes, hex>`.
pub fn new_key() -> String {
    let hex: String = settle_web::random_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("attachment:{hex}")
}

/// The SHA-256 of `bytes`, hex.
pub fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn put(key: &str, bytes: &[u8]) -> Result<(), PageError> {
    store()?
        .set(key, bytes)
        .map_err(|e| PageError::Server(500, format!("key-value set: {e}")))
}

pub fn get(key: &str) -> Result<Option<Vec<u8>>, PageError> {
    store()?
        .get(key)
        .map_err(|e| PageError::Server(500, format!("key-value get: {e}")))
}

/// Best effort: used to drop blobs whose metadata was not committed.
pub fn delete(key: &str) {
    if let Ok(s) = store() {
        let _ = s.delete(key);
    }
}

/// Puts each checked upload in the key-value store and returns its metadata, ready to be
/// saved (ids and the dispute it belongs to are filled in by the caller's transaction).
/// If one put fails, those already put are deleted.
pub fn store_uploads(
    uploads: &[(&settle_web::forms::Upload, settle_domain::pages::FileType)],
    customer_key: i64,
    actor: &str,
    at: &str,
) -> Result<Vec<settle_store::pages::Attachment>, PageError> {
    let mut stored = Vec::with_capacity(uploads.len());
    for (file, t) in uploads {
        let key = new_key();
        if let Err(e) = put(&key, &file.bytes) {
            discard(&stored);
            return Err(e);
        }
        stored.push(settle_store::pages::Attachment {
            id: 0,
            blob_key: key,
            customer_key,
            status_change_id: None,
            action_id: None,
            filename: t.file_name(&file.filename),
            content_type: t.content_type().to_string(),
            size: file.bytes.len() as i64,
            sha256: digest(&file.bytes),
            uploaded_by: actor.to_string(),
            at: at.to_string(),
            link_id: None,
        });
    }
    Ok(stored)
}

fn upload_key(link_id: i64) -> String {
    format!("throttle:upload:link:{link_id}")
}

/// 429 when the link uploaded [`UPLOAD_THROTTLE`]'s worth of times in its window.
pub fn upload_allowed(link_id: i64) -> Result<(), PageError> {
    let c = store()?
        .get(&upload_key(link_id))
        .ok()
        .flatten()
        .and_then(|b| serde_json::from_slice(&b).ok());
    match UPLOAD_THROTTLE.blocked(c, chrono::Utc::now().timestamp()) {
        Some(wait) => Err(PageError::Throttled(wait)),
        None => Ok(()),
    }
}

/// Counts one upload through the link (after it was saved).
pub fn count_upload(link_id: i64) {
    let Ok(s) = store() else { return };
    let key = upload_key(link_id);
    let c = s
        .get(&key)
        .ok()
        .flatten()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let next = UPLOAD_THROTTLE.fail(c, chrono::Utc::now().timestamp());
    if let Ok(bytes) = serde_json::to_vec(&next) {
        let _ = s.set(&key, &bytes);
    }
}

/// Deletes the blobs of attachments whose metadata was not committed.
pub fn discard(attachments: &[settle_store::pages::Attachment]) {
    for a in attachments {
        delete(&a.blob_key);
    }
}
