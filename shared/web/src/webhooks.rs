//! Webhook delivery: one attempt POSTs an event's body to its endpoint, signed as Standard
//! Webhooks says (`webhook-id`, `webhook-timestamp`, `webhook-signature`), with a timeout
//! (a receiver that does not answer in time is a failed attempt). The use cases decide
//! what is due and what an outcome means (`settle_usecases::webhooks`); this module only
//! speaks HTTP.
//!
//! Requests go through `wasi:http/outgoing-handler` with request options (connect, first
//! byte and between-bytes timeouts), which Spin honours; `spin_sdk::http::send` sets none.
//! The endpoint's origin must be in the component's `allowed_outbound_hosts` (the
//! `webhook_origins` variable): a denied request is a failed attempt that says so.

use std::time::Instant;

use chrono::Utc;
use serde::Serialize;
use settle_domain::webhooks::{self as rules, EndpointUrl};
use settle_store::SpinDb;
use settle_store::webhooks::Outcome;
use settle_usecases::webhooks as uc;
use spin_sdk::wit::wasi::http0_2_0::outgoing_handler;
use spin_sdk::wit::wasi::http0_2_0::types::{
    ErrorCode, Fields, Method, OutgoingBody, OutgoingRequest, RequestOptions, Scheme,
};

/// What a flush or a replay did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Attempted {
    pub attempted: u32,
    pub delivered: u32,
    /// Failed, with another attempt scheduled.
    pub retrying: u32,
    /// Failed after the last attempt.
    pub failed: u32,
}

/// Attempts these deliveries, in order (those no longer due are skipped). A store failure
/// is logged and stops; what was not attempted stays pending for the next flush.
pub fn deliver(db: &SpinDb, deliveries: &[i64]) -> Attempted {
    let mut done = Attempted::default();
    for &d in deliveries {
        match attempt(db, d) {
            Ok(Some(outcome)) => {
                done.attempted += 1;
                match outcome {
                    Outcome::Delivered => done.delivered += 1,
                    Outcome::RetryAt(_) => done.retrying += 1,
                    Outcome::Failed => done.failed += 1,
                }
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("webhook delivery {d}: the store failed: {e:?}");
                break;
            }
        }
    }
    done
}

/// At most this many deliveries per flush (a flush is a request: it must end in time).
pub const FLUSH_LIMIT: i64 = 50;

/// Attempts the deliveries due now, oldest first.
pub fn flush(db: &SpinDb) -> Result<Attempted, settle_usecases::Refusal> {
    let now = settle_domain::dates::format_timestamp(Utc::now());
    let due = settle_store::webhooks::due(db, &now, FLUSH_LIMIT)?;
    Ok(deliver(db, &due))
}

fn attempt(db: &SpinDb, delivery: i64) -> Result<Option<Outcome>, settle_usecases::Refusal> {
    let now = Utc::now();
    let Some(o) = uc::claim(db, delivery, now)? else {
        return Ok(None);
    };
    let timestamp = now.timestamp();
    let signature = rules::signature_header(
        &uc::signing_secrets(&o, now),
        &o.event_id,
        timestamp,
        &o.body,
    );
    let started = Instant::now();
    let result = post(
        &o.url,
        &[
            ("content-type", "application/json".to_string()),
            ("user-agent", "Settle-Webhooks/1".to_string()),
            ("webhook-id", o.event_id.clone()),
            ("webhook-timestamp", timestamp.to_string()),
            ("webhook-signature", signature),
        ],
        o.body.as_bytes(),
    );
    let ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    let (status, error) = match result {
        Ok(s) if rules::accepted(s) => (Some(s), None),
        Ok(s) => (Some(s), Some(format!("the endpoint answered {s}"))),
        Err(e) => (None, Some(e)),
    };
    Ok(Some(uc::finish(
        db,
        &o,
        status,
        error.as_deref(),
        ms,
        Utc::now(),
    )?))
}

/// POSTs `body` and answers the response's status, or why there is none (never the URL's
/// query, which may hold a receiver's token).
fn post(url: &str, headers: &[(&str, String)], body: &[u8]) -> Result<u16, String> {
    let parsed = EndpointUrl::parse(url).map_err(|e| format!("the endpoint URL {e}"))?;
    let rest = &url[parsed.scheme.len() + 3..];
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    let path = if path.starts_with('?') || path.is_empty() {
        format!("/{path}")
    } else {
        path.to_string()
    };
    let fields = Fields::new();
    for (k, v) in headers {
        fields
            .append(k, v.as_bytes())
            .map_err(|e| format!("header {k}: {e:?}"))?;
    }
    let request = OutgoingRequest::new(fields);
    let scheme = if parsed.scheme == "https" {
        Scheme::Https
    } else {
        Scheme::Http
    };
    let set = request
        .set_method(&Method::Post)
        .and(request.set_scheme(Some(&scheme)))
        .and(request.set_authority(Some(authority)))
        .and(request.set_path_with_query(Some(&path)));
    set.map_err(|()| "the request could not be built".to_string())?;
    let options = RequestOptions::new();
    let timeout = Some(rules::ATTEMPT_TIMEOUT_SECS * 1_000_000_000);
    let _ = options.set_connect_timeout(timeout);
    let _ = options.set_first_byte_timeout(timeout);
    let _ = options.set_between_bytes_timeout(timeout);
    let outgoing = request
        .body()
        .map_err(|()| "the request body could not be opened".to_string())?;
    let future = outgoing_handler::handle(request, Some(options)).map_err(describe)?;
    {
        let stream = outgoing
            .write()
            .map_err(|()| "the request body could not be written".to_string())?;
        for chunk in body.chunks(4096) {
            stream
                .blocking_write_and_flush(chunk)
                .map_err(|e| format!("sending the body failed: {e:?}"))?;
        }
    }
    OutgoingBody::finish(outgoing, None).map_err(describe)?;
    // One request at a time: waiting here blocks nothing else of this component.
    future.subscribe().block();
    match future.get() {
        Some(Ok(Ok(response))) => Ok(response.status()),
        Some(Ok(Err(e))) => Err(describe(e)),
        Some(Err(())) | None => Err("no response".to_string()),
    }
}

fn describe(e: ErrorCode) -> String {
    match e {
        ErrorCode::ConnectionTimeout | ErrorCode::ConnectionReadTimeout => format!(
            "timed out after {} s without an answer",
            rules::ATTEMPT_TIMEOUT_SECS
        ),
        ErrorCode::ConnectionRefused => "the connection was refused".into(),
        ErrorCode::DnsError(_) => "the host name does not resolve".into(),
        ErrorCode::HttpRequestDenied => {
            "denied: the endpoint's origin is not in allowed_outbound_hosts (the webhook_origins variable)".into()
        }
        other => format!("the request failed: {other:?}"),
    }
}
