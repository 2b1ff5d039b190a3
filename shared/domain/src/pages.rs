//! The rules of the resolver's page (`/r/…`) and the customer's page (`/c/…`): what a
//! resolver may answer (comment, outcome, attachment, handover), what a customer may ask
//! (comment, dispute, promise to pay, payment on its way), who may read what in the thread,
//! and how failed link checks are throttled.
//!
//! Each rule is a pure check returning a plan or the errors naming the form field; the page
//! components load what a rule needs from the store and apply the plan in one transaction.

use chrono::NaiveDate;
use serde::Serialize;

use crate::actions::{ActionType, ResolverState};
use crate::catalog::StatusKind;
use crate::status_change::{ExplicitAction, NextAction, StatusChangeIn};
use crate::validation::Invalid;

/// A comment written on a page.
pub const MAX_COMMENT: usize = 4_000;
/// A payment reference given by a customer.
pub const MAX_REFERENCE: usize = 100;
/// How far ahead a customer may promise to pay.
pub const PROMISE_HORIZON_DAYS: i64 = 90;
/// How far back a customer may date a payment already made.
pub const PAYMENT_PAST_DAYS: i64 = 30;
/// An attachment's largest size.
pub const MAX_ATTACHMENT: usize = 5 * 1024 * 1024;
/// Attachments per upload.
pub const MAX_ATTACHMENTS: usize = 5;

/// Who said something in a dispute's thread, from the history's actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Collector,
    Resolver,
    Customer,
    /// ERP sync, migrations, the reminder scenario.
    System,
}

/// `resolver:4` → resolver, `customer:C1` → customer, `erp:…`/`system`/`migration` →
/// system; anyone else (an API token's or a user's actor) is a collector.
pub fn speaker(actor: &str) -> Speaker {
    match actor.split_once(':').map(|(k, _)| k) {
        Some("resolver") => Speaker::Resolver,
        Some("customer") => Speaker::Customer,
        Some("erp") | Some("system") => Speaker::System,
        _ if actor == "migration" || actor == "system" => Speaker::System,
        _ => Speaker::Collector,
    }
}

/// The actor a page writes history with.
pub fn resolver_actor(resolver_id: i64) -> String {
    format!("resolver:{resolver_id}")
}

pub fn customer_actor(customer_id: &str) -> String {
    format!("customer:{customer_id}")
}

/// A customer reads only their own words: never the collector's or resolvers' comments.
pub fn customer_may_read(actor: &str, customer_id: &str) -> bool {
    actor == customer_actor(customer_id)
}

// ---- item selections ----

/// An open item of the page's customer, as the selection rule sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItemRef {
    pub id: String,
    pub key: i64,
}

/// Every selected id must be an open item of this customer. An unknown id and another
/// customer's item get the same answer, so the form leaks nothing about other accounts.
pub fn check_selection(
    field: &str,
    selected: &[String],
    open: &[OpenItemRef],
) -> Result<Vec<i64>, Invalid> {
    let mut keys = Vec::with_capacity(selected.len());
    let mut errors = Invalid::default();
    for id in selected {
        match open.iter().find(|o| &o.id == id) {
            Some(o) if !keys.contains(&o.key) => keys.push(o.key),
            Some(_) => {}
            None => errors.push(
                field,
                Some(field),
                format!("{id:?} is not an open item of this account"),
            ),
        }
    }
    if selected.is_empty() {
        errors.push(field, Some(field), "select at least one item");
    }
    errors.into_result().map(|_| keys)
}

// ---- the resolver's answers ----

/// An outcome a resolver may propose, as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub code: String,
    pub label: String,
    pub active: bool,
}

/// The outcomes a new install offers.
pub fn default_outcomes() -> Vec<Outcome> {
    [
        ("credit_note", "Credit note to issue"),
        ("not_justified", "Not justified — the customer must pay"),
        ("need_info", "Need more information"),
        ("resolved", "Resolved"),
    ]
    .into_iter()
    .map(|(code, label)| Outcome {
        code: code.into(),
        label: label.into(),
        active: true,
    })
    .collect()
}

/// The outcome must be one of the active configured ones.
pub fn check_outcome<'a>(code: &str, outcomes: &'a [Outcome]) -> Result<&'a Outcome, Invalid> {
    outcomes
        .iter()
        .find(|o| o.code == code && o.active)
        .ok_or_else(|| Invalid::one("outcome", Some("outcome"), "choose one of the outcomes"))
}

/// Handing over: to another active resolver, not to oneself.
pub fn check_handover(
    to: Option<i64>,
    me: i64,
    resolvers: &[ResolverState],
) -> Result<i64, Invalid> {
    let err = |m: &str| Invalid::one("resolver_id", Some("resolver_id"), m);
    let to = to.ok_or_else(|| err("choose a resolver"))?;
    if to == me {
        return Err(err("the dispute is already yours: choose someone else"));
    }
    match resolvers.iter().find(|r| r.id == to) {
        Some(r) if r.active => Ok(to),
        Some(_) => Err(err("this resolver is no longer active")),
        None => Err(err("no such resolver")),
    }
}

/// The file types a page accepts, recognised from their first bytes (never from the name
/// or the type the browser claims).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
}

impl FileType {
    pub fn sniff(bytes: &[u8]) -> Option<FileType> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileType::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileType::Png)
        } else if bytes.starts_with(b"\xFF\xD8\xFF") {
            Some(FileType::Jpeg)
        } else {
            None
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
        }
    }

    /// The type a stored content type names.
    pub fn from_content_type(ct: &str) -> Option<FileType> {
        [FileType::Pdf, FileType::Png, FileType::Jpeg]
            .into_iter()
            .find(|t| t.content_type() == ct)
    }

    /// The extensions a file of this type may carry; the first is the one given.
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            FileType::Pdf => &["pdf"],
            FileType::Png => &["png"],
            FileType::Jpeg => &["jpg", "jpeg"],
        }
    }

    /// The name an attachment of this type is shown and downloaded under: the sent name
    /// made safe ([`safe_filename`]: no path, no control or invisible
    /// characters, bidirectional overrides included), with the extension of the type its
    /// bytes are, so `invoice.html` holding a PDF downloads as `invoice.pdf`.
    pub fn file_name(&self, sent: &str) -> String {
        let safe = safe_filename(sent);
        let (stem, ext) = match safe.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => (stem, Some(ext)),
            _ => (safe.as_str(), None),
        };
        if ext.is_some_and(|e| self.extensions().contains(&e.to_ascii_lowercase().as_str())) {
            return safe.clone();
        }
        format!("{stem}.{}", self.extensions()[0])
    }

    pub fn parse_content_type(s: &str) -> Option<FileType> {
        match s {
            "application/pdf" => Some(FileType::Pdf),
            "image/png" => Some(FileType::Png),
            "image/jpeg" => Some(FileType::Jpeg),
            _ => None,
        }
    }
}

/// An uploaded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub field: String,
    /// As the browser sent it (may be empty, may hold a path): see [`safe_filename`].
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// A file name fit to show and to send back in `Content-Disposition`: the last path
/// segment, without control characters, invisible ones (bidirectional overrides that make
/// `exe.pdf` read as `pdf.exe`, zero-width spaces) or quotes, at most 120 characters;
/// `file` if nothing is left.
pub fn safe_filename(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| {
            !c.is_control()
                && !crate::validation::invisible(*c)
                && !matches!(c, '"' | ';' | '<' | '>')
        })
        .take(120)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "file".into()
    } else {
        clean
    }
}

/// An upload: at most [`MAX_ATTACHMENT`] bytes, not empty, a PDF, PNG or JPEG.
pub fn check_attachment(field: &str, bytes: &[u8]) -> Result<FileType, Invalid> {
    let err = |m: String| Invalid::one(field, Some(field), m);
    if bytes.is_empty() {
        return Err(err("the file is empty".into()));
    }
    if bytes.len() > MAX_ATTACHMENT {
        return Err(err(format!(
            "the file is larger than {} MB",
            MAX_ATTACHMENT / 1024 / 1024
        )));
    }
    FileType::sniff(bytes).ok_or_else(|| err("only PDF, PNG and JPEG files are accepted".into()))
}

/// The files of one form: at most [`MAX_ATTACHMENTS`], each checked by
/// [`check_attachment`]; at least one when `required`.
pub fn check_uploads<'a>(
    field: &str,
    files: &[&'a Upload],
    required: bool,
) -> Result<Vec<(&'a Upload, FileType)>, Invalid> {
    let mut errors = Invalid::default();
    if required && files.is_empty() {
        errors.push(field, Some(field), "choose a file");
    }
    if files.len() > MAX_ATTACHMENTS {
        errors.push(
            field,
            Some(field),
            format!("at most {MAX_ATTACHMENTS} files"),
        );
    }
    let mut checked = Vec::with_capacity(files.len());
    for file in files {
        match check_attachment(field, &file.bytes) {
            Ok(t) => checked.push((*file, t)),
            Err(e) => errors.0.extend(e.0),
        }
    }
    errors.into_result().map(|_| checked)
}

// ---- the customer's requests ----

/// A dispute reason a customer may pick: a dispute status the admin marked selectable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonState {
    pub code: String,
    pub kind: StatusKind,
    pub active: bool,
    pub customer_selectable: bool,
}

pub fn check_reason(code: Option<&str>, reasons: &[ReasonState]) -> Result<String, Invalid> {
    let err = || Invalid::one("reason", Some("reason"), "choose a reason");
    let code = code.filter(|c| !c.is_empty()).ok_or_else(err)?;
    reasons
        .iter()
        .find(|r| {
            r.code == code && r.active && r.customer_selectable && r.kind == StatusKind::Dispute
        })
        .map(|r| r.code.clone())
        .ok_or_else(err)
}

/// A promise: not in the past, at most [`PROMISE_HORIZON_DAYS`] ahead.
pub fn check_promise_date(date: NaiveDate, today: NaiveDate) -> Result<(), Invalid> {
    let err = |m: String| Invalid::one("date", Some("date"), m);
    if date < today {
        return Err(err("the date must not be in the past".into()));
    }
    if date > today + chrono::Duration::days(PROMISE_HORIZON_DAYS) {
        return Err(err(format!(
            "the date must be within {PROMISE_HORIZON_DAYS} days"
        )));
    }
    Ok(())
}

/// A payment on its way: dated at most [`PAYMENT_PAST_DAYS`] back and
/// [`PROMISE_HORIZON_DAYS`] ahead.
pub fn check_payment_date(date: NaiveDate, today: NaiveDate) -> Result<(), Invalid> {
    let err = |m: String| Invalid::one("date", Some("date"), m);
    if date < today - chrono::Duration::days(PAYMENT_PAST_DAYS) {
        return Err(err(format!(
            "the date must be within the last {PAYMENT_PAST_DAYS} days"
        )));
    }
    if date > today + chrono::Duration::days(PROMISE_HORIZON_DAYS) {
        return Err(err(format!(
            "the date must be within {PROMISE_HORIZON_DAYS} days"
        )));
    }
    Ok(())
}

/// A customer's dispute, as a status change made with the collector's rules: the items
/// leave the scenario through the status's action model (the suggested action).
pub fn dispute_change(
    item_ids: Vec<String>,
    reason: String,
    comment: Option<String>,
    amounts: Vec<(String, String)>,
    today: NaiveDate,
) -> StatusChangeIn {
    StatusChangeIn {
        item_ids,
        status: reason,
        status_date: Some(today),
        comment,
        resolver_id: None,
        next_action: NextAction::Suggested,
        amounts,
    }
}

/// The part of an invoice a customer disputes from their page (`amount`, already read as a
/// plain decimal): for one invoice at a time, since one figure cannot split over several;
/// none: the whole open amount. Whether it fits the open amount is the status change's
/// rule (`status_change::disputed_amounts`).
pub fn customer_disputed_part(
    amount: Option<String>,
    item_ids: &[String],
) -> Result<Vec<(String, String)>, Invalid> {
    match (amount, item_ids) {
        (None, _) => Ok(Vec::new()),
        (Some(a), [one]) => Ok(vec![(one.clone(), a)]),
        (Some(_), _) => Err(Invalid::one(
            "/amount",
            Some("amount"),
            "an amount in dispute is for one invoice at a time: tick only that one",
        )),
    }
}

/// A promise to pay: status `promise`, held by a promise action due on the promised date,
/// so no reminder goes out before it.
pub fn promise_change(
    item_ids: Vec<String>,
    status: String,
    date: NaiveDate,
    comment: Option<String>,
    today: NaiveDate,
) -> StatusChangeIn {
    StatusChangeIn {
        item_ids,
        status,
        status_date: Some(today),
        comment: comment.clone(),
        resolver_id: None,
        next_action: NextAction::Explicit(ExplicitAction {
            action_type: ActionType::Promise,
            name: format!("Promise to pay on {}", crate::dates::format_date(date)),
            date,
            resolver_id: None,
            comment,
        }),
        amounts: Vec::new(),
    }
}

/// A payment on its way: status `info`, held by a task to check the payment arrived on its
/// date (today when it is already dated in the past).
pub fn payment_notice_change(
    item_ids: Vec<String>,
    status: String,
    date: NaiveDate,
    reference: Option<&str>,
    today: NaiveDate,
) -> StatusChangeIn {
    let comment = match reference {
        Some(r) => format!(
            "Payment on its way, dated {}, reference {r}",
            crate::dates::format_date(date)
        ),
        None => format!(
            "Payment on its way, dated {}",
            crate::dates::format_date(date)
        ),
    };
    StatusChangeIn {
        item_ids,
        status,
        status_date: Some(today),
        comment: Some(comment.clone()),
        resolver_id: None,
        next_action: NextAction::Explicit(ExplicitAction {
            action_type: ActionType::Task,
            name: "Check the announced payment".into(),
            date: date.max(today),
            resolver_id: None,
            comment: Some(comment),
        }),
        amounts: Vec::new(),
    }
}

/// What a customer's dispute post does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerDispute {
    /// Opens a dispute: a status change and its follow-up action.
    New,
    /// The items are already disputed and followed by this live action: the post adds its
    /// words and files to that dispute, and opens nothing (no second action for one dispute).
    Existing(i64),
}

/// `holds`: for each selected item, the live dispute action holding it and whether it is in
/// dispute. The same live action over every item, all in dispute: that dispute; else a new one.
pub fn customer_dispute(holds: &[(Option<i64>, bool)]) -> CustomerDispute {
    match holds.first() {
        Some((Some(a), _)) if holds.iter().all(|(h, d)| *h == Some(*a) && *d) => {
            CustomerDispute::Existing(*a)
        }
        _ => CustomerDispute::New,
    }
}

/// Where a customer's dispute stands on their tracker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeState {
    Open,
    Answered,
    Resolved,
}

/// Resolved once none of its items is still in dispute; answered once someone replied on
/// its action after it was opened; open otherwise.
pub fn dispute_state(items_still_disputed: usize, replied: bool) -> DisputeState {
    if items_still_disputed == 0 {
        DisputeState::Resolved
    } else if replied {
        DisputeState::Answered
    } else {
        DisputeState::Open
    }
}

// ---- throttling failed link checks ----

/// Failed link verifications from one address: at most `max` in a window of
/// `window_secs`; then 429 until the window ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    pub max: u32,
    pub window_secs: i64,
}

pub const LINK_THROTTLE: Throttle = Throttle {
    max: 20,
    window_secs: 600,
};

/// Uploads through one link: 10 posts an hour.
pub const UPLOAD_THROTTLE: Throttle = Throttle {
    max: 10,
    window_secs: 3600,
};

/// What one link may upload in all (25 MB), and one dispute may hold (50 MB), so a link,
/// which an outsider may hold, cannot fill the store.
pub const MAX_BYTES_PER_LINK: i64 = 25 * 1024 * 1024;
pub const MAX_BYTES_PER_DISPUTE: i64 = 50 * 1024 * 1024;

/// Refuses an upload of `incoming` bytes that would take the link past
/// [`MAX_BYTES_PER_LINK`] or the dispute past [`MAX_BYTES_PER_DISPUTE`].
pub fn check_upload_quota(by_link: i64, by_dispute: i64, incoming: i64) -> Result<(), Invalid> {
    let over = |used: i64, max: i64| used.saturating_add(incoming) > max;
    let mb = |b: i64| b / (1024 * 1024);
    if over(by_link, MAX_BYTES_PER_LINK) {
        return Err(Invalid::one(
            "quota",
            Some("quota"),
            format!(
                "this link may upload {} MB in all; {} MB are used",
                mb(MAX_BYTES_PER_LINK),
                mb(by_link)
            ),
        ));
    }
    if over(by_dispute, MAX_BYTES_PER_DISPUTE) {
        return Err(Invalid::one(
            "quota",
            Some("quota"),
            format!(
                "a dispute holds {} MB of files at most; {} MB are used",
                mb(MAX_BYTES_PER_DISPUTE),
                mb(by_dispute)
            ),
        ));
    }
    Ok(())
}

/// The counter of one address: failures so far and when its window started (Unix secs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Counter {
    pub failures: u32,
    pub since: i64,
}

impl Throttle {
    /// Seconds to wait when the address is blocked now, `None` when it may try.
    pub fn blocked(&self, c: Option<Counter>, now: i64) -> Option<i64> {
        let c = c?;
        let ends = c.since + self.window_secs;
        (c.failures >= self.max && now < ends).then_some(ends - now)
    }

    /// The counter after one more failure at `now` (a new window once the old one ended).
    pub fn fail(&self, c: Option<Counter>, now: i64) -> Counter {
        match c {
            Some(c) if now < c.since + self.window_secs => Counter {
                failures: c.failures.saturating_add(1),
                since: c.since,
            },
            _ => Counter {
                failures: 1,
                since: now,
            },
        }
    }
}

/// What a resolver's link may still do on its dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolverAccess {
    /// The dispute is open and this resolver holds it: answer, propose, attach, hand over.
    Open,
    /// The dispute is over (its follow-up terminated, or none of its items is still in
    /// dispute): the page shows it, read-only, and says so.
    Resolved,
    /// Handed over (or reassigned) to another resolver: this link reads, the other's writes.
    HandedOver,
}

/// Who holds a dispute and whether it is over, as the resolver rule needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DisputeHold {
    /// The follow-up action: live or not, and its resolver.
    pub action: Option<(bool, Option<i64>)>,
    /// The resolver of each of the dispute's items still open and in a dispute status.
    pub disputed: Vec<Option<i64>>,
    /// `(resolver, escalation contact)` of the resolvers named above that have one: the
    /// contact may act on the dispute as its holder does.
    pub escalations: Vec<(i64, i64)>,
}

/// May the link of `resolver` still write on this dispute? Resolved when its action is no
/// longer live or nothing is left in dispute; handed over when whoever holds it now (the live
/// action's resolver, else the disputed items') is someone else and `resolver` is not that
/// holder's escalation contact (who is sent the dispute once it is overdue, to act on it).
pub fn resolver_access(resolver: i64, d: &DisputeHold) -> ResolverAccess {
    let live = d.action.filter(|(live, _)| *live);
    if (d.action.is_some() && live.is_none()) || d.disputed.is_empty() {
        return ResolverAccess::Resolved;
    }
    let acts_for = |holder: i64| {
        holder == resolver
            || d.escalations
                .iter()
                .any(|(of, contact)| *of == holder && *contact == resolver)
    };
    let holds = match live {
        Some((_, Some(holder))) => acts_for(holder),
        _ => d.disputed.iter().any(|r| r.is_none_or(acts_for)),
    };
    if holds {
        ResolverAccess::Open
    } else {
        ResolverAccess::HandedOver
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_disputes_part_of_one_invoice_at_a_time() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            customer_disputed_part(None, &ids(&["I1", "I2"])),
            Ok(vec![])
        );
        assert_eq!(
            customer_disputed_part(Some("15.50".into()), &ids(&["I1"])),
            Ok(vec![("I1".to_string(), "15.50".to_string())])
        );
        let e = customer_disputed_part(Some("15.50".into()), &ids(&["I1", "I2"])).unwrap_err();
        assert_eq!(e.0[0].pointer, "/amount");
    }

    #[test]
    fn filenames_are_made_safe() {
        assert_eq!(safe_filename("../../etc/passwd"), "passwd");
        assert_eq!(safe_filename("a\"b;c\u{0}.png"), "abc.png");
        assert_eq!(safe_filename(""), "file");
        assert_eq!(safe_filename(".hidden"), "hidden");
        assert_eq!(safe_filename(&"x".repeat(300)).len(), 120);
    }

    #[test]
    fn a_customer_disputing_items_already_in_a_dispute_adds_to_it() {
        use CustomerDispute::*;
        assert_eq!(
            customer_dispute(&[(Some(4), true), (Some(4), true)]),
            Existing(4)
        );
        assert_eq!(customer_dispute(&[(Some(4), true), (None, false)]), New);
        assert_eq!(customer_dispute(&[(Some(4), true), (Some(5), true)]), New);
        assert_eq!(
            customer_dispute(&[(Some(4), false)]),
            New,
            "held, but not disputed"
        );
        assert_eq!(customer_dispute(&[(None, true)]), New);
        assert_eq!(customer_dispute(&[]), New);
    }

    #[test]
    fn uploads_are_capped_per_link_and_per_dispute() {
        let mb = 1024 * 1024;
        assert!(check_upload_quota(0, 0, 5 * mb).is_ok());
        assert!(
            check_upload_quota(20 * mb, 20 * mb, 5 * mb).is_ok(),
            "exactly 25 MB"
        );
        let e = check_upload_quota(20 * mb, 20 * mb, 5 * mb + 1).unwrap_err();
        assert!(e.0[0].message.contains("25 MB"), "{e:?}");
        let e = check_upload_quota(0, 48 * mb, 3 * mb).unwrap_err();
        assert!(e.0[0].message.contains("50 MB"), "{e:?}");
        assert!(check_upload_quota(i64::MAX, 0, 1).is_err(), "no overflow");
    }

    #[test]
    fn an_attachment_is_named_by_the_type_of_its_bytes() {
        assert_eq!(FileType::Pdf.file_name("invoice.html"), "invoice.pdf");
        assert_eq!(FileType::Pdf.file_name("scan.PDF"), "scan.PDF");
        assert_eq!(FileType::Jpeg.file_name("photo.jpeg"), "photo.jpeg");
        assert_eq!(FileType::Jpeg.file_name("photo.png"), "photo.jpg");
        assert_eq!(FileType::Png.file_name("noext"), "noext.png");
        assert_eq!(FileType::Png.file_name(""), "file.png");
        // Right-to-left override: "invoice\u{202E}fdp.exe" shows as "invoiceexe.pdf".
        assert_eq!(
            FileType::Pdf.file_name("invoice\u{202E}fdp.exe"),
            "invoicefdp.pdf"
        );
        assert_eq!(
            FileType::from_content_type("image/png"),
            Some(FileType::Png)
        );
        assert_eq!(FileType::from_content_type("text/html"), None);
    }

    #[test]
    fn a_resolver_link_writes_only_while_its_dispute_is_open_and_theirs() {
        use ResolverAccess::*;
        let d = |action, disputed: Vec<Option<i64>>| DisputeHold {
            action,
            disputed,
            escalations: Vec::new(),
        };
        assert_eq!(
            resolver_access(3, &d(Some((true, Some(3))), vec![Some(3)])),
            Open
        );
        // Terminated, or nothing left in dispute (paid, resolved): read-only.
        assert_eq!(
            resolver_access(3, &d(Some((false, Some(3))), vec![Some(3)])),
            Resolved
        );
        assert_eq!(
            resolver_access(3, &d(Some((true, Some(3))), vec![])),
            Resolved
        );
        assert_eq!(resolver_access(3, &d(None, vec![])), Resolved);
        // Handed over: the action's resolver, else the disputed items', is someone else.
        assert_eq!(
            resolver_access(3, &d(Some((true, Some(4))), vec![Some(3)])),
            HandedOver
        );
        assert_eq!(
            resolver_access(3, &d(None, vec![Some(4), Some(4)])),
            HandedOver
        );
        assert_eq!(resolver_access(3, &d(None, vec![Some(4), Some(3)])), Open);
        // The holder's escalation contact acts as the holder does; another resolver's does not.
        let escalated = |action, disputed: Vec<Option<i64>>| DisputeHold {
            action,
            disputed,
            escalations: vec![(4, 3), (5, 6)],
        };
        assert_eq!(
            resolver_access(3, &escalated(Some((true, Some(4))), vec![Some(4)])),
            Open
        );
        assert_eq!(resolver_access(3, &escalated(None, vec![Some(4)])), Open);
        assert_eq!(
            resolver_access(3, &escalated(Some((true, Some(5))), vec![Some(4)])),
            HandedOver
        );
        assert_eq!(
            resolver_access(6, &escalated(Some((true, Some(4))), vec![Some(4)])),
            HandedOver
        );
        assert_eq!(
            resolver_access(3, &escalated(Some((false, Some(4))), vec![Some(4)])),
            Resolved
        );
        // Nobody named on the action: the items say.
        assert_eq!(
            resolver_access(3, &d(Some((true, None)), vec![Some(4)])),
            HandedOver
        );
        assert_eq!(resolver_access(3, &d(Some((true, None)), vec![None])), Open);
    }

    fn d(s: &str) -> NaiveDate {
        crate::dates::parse_date(s).unwrap()
    }

    #[test]
    fn speakers_from_actors() {
        assert_eq!(speaker("resolver:4"), Speaker::Resolver);
        assert_eq!(speaker("customer:C1"), Speaker::Customer);
        assert_eq!(speaker("token:alice"), Speaker::Collector);
        assert_eq!(speaker("admin"), Speaker::Collector);
        assert_eq!(speaker("erp:sync"), Speaker::System);
        assert_eq!(speaker("migration"), Speaker::System);
        assert!(customer_may_read("customer:C1", "C1"));
        assert!(!customer_may_read("customer:C10", "C1"));
        assert!(!customer_may_read("resolver:1", "C1"));
        assert!(!customer_may_read("token:alice", "C1"));
    }

    #[test]
    fn selections_are_open_items_of_the_account() {
        let open = vec![
            OpenItemRef {
                id: "A".into(),
                key: 1,
            },
            OpenItemRef {
                id: "B".into(),
                key: 2,
            },
        ];
        assert_eq!(
            check_selection("item", &["B".into(), "A".into(), "B".into()], &open).unwrap(),
            vec![2, 1]
        );
        let e = check_selection("item", &["A".into(), "OTHER".into()], &open).unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].pointer, "item");
        assert!(e.0[0].message.contains("OTHER"));
        assert!(check_selection("item", &[], &open).is_err());
    }

    #[test]
    fn outcomes_and_handover() {
        let mut outcomes = default_outcomes();
        assert_eq!(
            check_outcome("credit_note", &outcomes).unwrap().code,
            "credit_note"
        );
        outcomes[0].active = false;
        assert!(check_outcome("credit_note", &outcomes).is_err());
        assert!(check_outcome("nope", &outcomes).is_err());
        let rs = [
            ResolverState {
                id: 1,
                active: true,
            },
            ResolverState {
                id: 2,
                active: true,
            },
            ResolverState {
                id: 3,
                active: false,
            },
        ];
        assert_eq!(check_handover(Some(2), 1, &rs).unwrap(), 2);
        for to in [None, Some(1), Some(3), Some(9)] {
            assert_eq!(
                check_handover(to, 1, &rs).unwrap_err().0[0].pointer,
                "resolver_id"
            );
        }
    }

    #[test]
    fn attachments_are_sniffed_and_bounded() {
        assert_eq!(
            check_attachment("file", b"%PDF-1.7 ...").unwrap(),
            FileType::Pdf
        );
        assert_eq!(
            check_attachment("file", b"\x89PNG\r\n\x1a\n....").unwrap(),
            FileType::Png
        );
        assert_eq!(
            check_attachment("file", b"\xFF\xD8\xFF\xE0").unwrap(),
            FileType::Jpeg
        );
        assert!(check_attachment("file", b"MZ\x90\x00 an exe").is_err());
        assert!(check_attachment("file", b"<svg onload=alert(1)>").is_err());
        assert!(check_attachment("file", b"").is_err());
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_ATTACHMENT + 1, b'x');
        assert!(check_attachment("file", &big).is_err());
        big.truncate(MAX_ATTACHMENT);
        assert!(check_attachment("file", &big).is_ok());
        for t in [FileType::Pdf, FileType::Png, FileType::Jpeg] {
            assert_eq!(FileType::parse_content_type(t.content_type()), Some(t));
        }
    }

    #[test]
    fn uploads_are_counted_and_each_checked() {
        let up = |bytes: &[u8]| Upload {
            field: "file".into(),
            filename: "f".into(),
            bytes: bytes.to_vec(),
        };
        let (pdf, exe) = (up(b"%PDF-1"), up(b"MZ"));
        assert!(check_uploads("file", &[], false).unwrap().is_empty());
        assert_eq!(
            check_uploads("file", &[], true).unwrap_err().0[0].pointer,
            "file"
        );
        assert_eq!(
            check_uploads("file", &[&pdf], true).unwrap()[0].1,
            FileType::Pdf
        );
        assert!(check_uploads("file", &[&pdf, &exe], true).is_err());
        let six: Vec<_> = (0..=MAX_ATTACHMENTS).map(|_| &pdf).collect();
        assert!(check_uploads("file", &six, false).is_err());
    }

    #[test]
    fn reasons_must_be_selectable_disputes() {
        let r = |code: &str, kind, active, sel| ReasonState {
            code: code.into(),
            kind,
            active,
            customer_selectable: sel,
        };
        let reasons = [
            r("price_dispute", StatusKind::Dispute, true, true),
            r("administrative_dispute", StatusKind::Dispute, true, false),
            r("old_dispute", StatusKind::Dispute, false, true),
            r("promise_to_pay", StatusKind::Promise, true, true),
        ];
        assert_eq!(
            check_reason(Some("price_dispute"), &reasons).unwrap(),
            "price_dispute"
        );
        for c in [
            None,
            Some(""),
            Some("administrative_dispute"),
            Some("old_dispute"),
            Some("promise_to_pay"),
            Some("x"),
        ] {
            assert!(check_reason(c, &reasons).is_err(), "{c:?}");
        }
    }

    #[test]
    fn promise_and_payment_dates() {
        let today = d("2026-11-24");
        assert!(check_promise_date(today, today).is_ok());
        assert!(check_promise_date(d("2027-02-22"), today).is_ok());
        assert!(check_promise_date(d("2027-02-23"), today).is_err());
        assert!(check_promise_date(d("2026-11-23"), today).is_err());
        assert!(check_payment_date(d("2026-10-25"), today).is_ok());
        assert!(check_payment_date(d("2026-10-24"), today).is_err());
        assert!(check_payment_date(d("2027-02-23"), today).is_err());
    }

    #[test]
    fn customer_requests_become_status_changes() {
        let today = d("2026-11-24");
        let c = dispute_change(
            vec!["A".into()],
            "price_dispute".into(),
            None,
            Vec::new(),
            today,
        );
        assert_eq!(c.next_action, NextAction::Suggested);
        assert_eq!(c.status_date, Some(today));
        let p = promise_change(
            vec!["A".into()],
            "promise_to_pay".into(),
            d("2026-12-10"),
            None,
            today,
        );
        match p.next_action {
            NextAction::Explicit(a) => {
                assert_eq!(a.action_type, ActionType::Promise);
                assert_eq!(a.date, d("2026-12-10"));
            }
            other => panic!("{other:?}"),
        }
        let n = payment_notice_change(
            vec!["A".into()],
            "payment_in_progress".into(),
            d("2026-11-20"),
            Some("VIR-1"),
            today,
        );
        assert_eq!(
            n.comment.as_deref(),
            Some("Payment on its way, dated 2026-11-20, reference VIR-1")
        );
        match n.next_action {
            NextAction::Explicit(a) => assert_eq!(a.date, today, "a past payment is checked today"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn tracker_states() {
        assert_eq!(dispute_state(0, false), DisputeState::Resolved);
        assert_eq!(dispute_state(0, true), DisputeState::Resolved);
        assert_eq!(dispute_state(2, true), DisputeState::Answered);
        assert_eq!(dispute_state(2, false), DisputeState::Open);
    }

    #[test]
    fn throttle_blocks_after_a_burst_until_the_window_ends() {
        let t = Throttle {
            max: 3,
            window_secs: 60,
        };
        let mut c = None;
        for _ in 0..3 {
            assert_eq!(t.blocked(c, 1000), None);
            c = Some(t.fail(c, 1000));
        }
        assert_eq!(t.blocked(c, 1000), Some(60));
        assert_eq!(t.blocked(c, 1059), Some(1));
        assert_eq!(t.blocked(c, 1060), None);
        assert_eq!(
            t.fail(c, 1060),
            Counter {
                failures: 1,
                since: 1060
            }
        );
        assert_eq!(t.blocked(None, 0), None);
    }
}
