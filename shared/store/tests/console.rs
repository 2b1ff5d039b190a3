//! The console's own queries against rusqlite: the customers list and the replies tab.

mod common;

use common::*;
use settle_domain::users::{User, UserRole};
use settle_store::console::{self, CustomerQuery, Sort};
use settle_store::pages::{self, Reply};
use settle_store::{ledger, users};

fn q(sort: Sort, descending: bool) -> CustomerQuery {
    CustomerQuery {
        search: None,
        collector: None,
        sort,
        descending,
        offset: 0,
        limit: 50,
        today: today(),
    }
}

fn ids(lines: &[console::CustomerLine]) -> Vec<(&str, Option<&str>)> {
    lines
        .iter()
        .map(|l| (l.id.as_str(), l.currency.as_deref()))
        .collect()
}

#[test]
fn the_list_sums_each_customer_per_currency() {
    let db = db();
    price_dispute(&db);
    let lines = console::customers(&db, &q(Sort::Name, false)).unwrap();
    assert_eq!(ids(&lines), [("C1", Some("EUR")), ("C2", Some("EUR"))]);
    let c1 = &lines[0];
    // I1 100 + I2 50 + I3 20; I1 and I2 overdue on 2025-03-01 and in dispute.
    assert_eq!(
        (
            c1.outstanding.as_str(),
            c1.overdue.as_str(),
            c1.disputed.as_str(),
            c1.open_items
        ),
        ("170.00", "150.00", "150.00", 3)
    );
    assert_eq!(c1.collector.as_deref(), Some("alice"));
    // The suggested follow-up of the price dispute is the next action.
    assert!(c1.next_action.is_some());
    assert_eq!(lines[1].next_action, None);
    assert_eq!(
        (lines[1].outstanding.as_str(), lines[1].disputed.as_str()),
        ("10.00", "0.00")
    );
    assert_eq!(
        console::customer_line_count(&db, &q(Sort::Name, false)).unwrap(),
        2
    );
}

#[test]
fn the_list_searches_sorts_and_pages() {
    let db = db();
    price_dispute(&db);
    let by = |sort, desc| {
        ids(&console::customers(&db, &q(sort, desc)).unwrap())
            .iter()
            .map(|x| x.0.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(by(Sort::Outstanding, true), ["C1", "C2"]);
    assert_eq!(by(Sort::Outstanding, false), ["C2", "C1"]);
    assert_eq!(by(Sort::Disputed, false), ["C2", "C1"]);
    assert_eq!(by(Sort::Id, true), ["C2", "C1"]);
    // Customers without a live action come last, whatever the direction.
    assert_eq!(by(Sort::Next, false), ["C1", "C2"]);
    assert_eq!(by(Sort::Next, true), ["C1", "C2"]);

    let search = |s: &str| {
        let query = CustomerQuery {
            search: Some(s.into()),
            ..q(Sort::Name, false)
        };
        (
            ids(&console::customers(&db, &query).unwrap())
                .iter()
                .map(|x| x.0.to_string())
                .collect::<Vec<_>>(),
            console::customer_line_count(&db, &query).unwrap(),
        )
    };
    assert_eq!(search("acm"), (vec!["C1".to_string()], 1), "name, any case");
    assert_eq!(search("c2"), (vec!["C2".to_string()], 1), "id");
    assert_eq!(search("%"), (vec![], 0), "wildcards are literal");
    assert_eq!(search("_"), (vec![], 0));

    let collectors = CustomerQuery {
        collector: Some("alice".into()),
        ..q(Sort::Name, false)
    };
    assert_eq!(
        ids(&console::customers(&db, &collectors).unwrap()),
        [("C1", Some("EUR"))]
    );

    let page2 = CustomerQuery {
        offset: 1,
        limit: 1,
        ..q(Sort::Name, false)
    };
    assert_eq!(
        ids(&console::customers(&db, &page2).unwrap()),
        [("C2", Some("EUR"))]
    );
    assert_eq!(console::customer_line_count(&db, &page2).unwrap(), 2);
}

#[test]
fn a_customer_without_open_items_has_one_empty_line_and_currencies_stay_apart() {
    let db = db();
    let c = settle_domain::erp::parse_customers(
        br#"{"customers":[{"id":"C3","name":"Gamma","entity":"FR01","currency":"USD"}]}"#,
    )
    .unwrap();
    ledger::upsert_customers(&db, &c, NOW).unwrap();
    let items = settle_domain::erp::parse_items_json(
        br#"{"mode":"delta","items":[
            {"id":"U1","customer_id":"C1","kind":"invoice","number":"U-1","issue_date":"2025-01-01","due_date":"2025-05-01","amount":"7.00","open_amount":"7.00","currency":"USD"},
            {"id":"K1","customer_id":"C2","kind":"credit_note","number":"K-1","issue_date":"2025-01-01","due_date":"2025-01-01","amount":"4.00","open_amount":"4.00","currency":"EUR"}]}"#,
    )
    .unwrap();
    ledger::sync_items(&db, &items, "erp", NOW, today()).unwrap();
    let lines = console::customers(&db, &q(Sort::Id, false)).unwrap();
    assert_eq!(
        ids(&lines),
        [
            ("C1", Some("EUR")),
            ("C1", Some("USD")),
            ("C2", Some("EUR")),
            ("C3", None)
        ]
    );
    assert_eq!(lines[1].outstanding, "7.00");
    // A credit note counts against the outstanding and is never overdue.
    assert_eq!(
        (lines[2].outstanding.as_str(), lines[2].overdue.as_str()),
        ("6.00", "10.00")
    );
    assert_eq!(
        (lines[3].outstanding.as_str(), lines[3].open_items),
        ("0", 0)
    );
}

#[test]
fn replies_list_what_resolvers_and_customers_wrote_and_what_is_new() {
    let db = db();
    let applied = price_dispute(&db);
    let keys = [key(&db, "I1"), key(&db, "I2")];
    let reply = |actor: &str, comment: &str, at: &str| {
        pages::record_reply(
            &db,
            &Reply {
                item_keys: &keys,
                action_id: applied.action_id,
                actor,
                event: "comment",
                details: serde_json::json!({}),
                comment: Some(comment),
            },
            at,
        )
        .unwrap();
    };
    reply(
        "resolver:1",
        "Price confirmed wrong",
        "2025-03-02T09:00:00.000Z",
    );
    reply("customer:C1", "Thanks", "2025-03-03T09:00:00.000Z");
    reply(
        "alice",
        "a collector's own note is not a reply",
        "2025-03-04T09:00:00.000Z",
    );

    let all = console::replies(
        &db,
        "2025-01-01",
        Some("2025-03-02T12:00:00.000Z"),
        None,
        50,
    )
    .unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].actor.as_str(), all[0].by.as_str(), all[0].new),
        ("customer:C1", "Acme", true)
    );
    assert_eq!(
        (all[1].by.as_str(), all[1].comment.as_str(), all[1].new),
        ("Sam", "Price confirmed wrong", false)
    );
    assert_eq!(all[1].item_numbers.len(), 2, "one line for both items");
    assert_eq!(all[1].customer_id, "C1");
    assert!(
        console::replies(&db, "2025-01-01", None, Some("bob"), 50)
            .unwrap()
            .is_empty(),
        "another collector's customers"
    );
    assert_eq!(
        console::replies(&db, "2025-03-02T10:00:00.000Z", None, None, 50)
            .unwrap()
            .len(),
        1,
        "since"
    );
    assert_eq!(
        console::new_reply_count(&db, "2025-03-02T12:00:00.000Z", None).unwrap(),
        1
    );
    assert_eq!(
        console::new_reply_count(&db, "2025-01-01", None).unwrap(),
        2
    );

    let u = users::create_user(
        &db,
        &User {
            id: 0,
            name: "Alice".into(),
            email: "alice@corp.example".into(),
            role: UserRole::Collector,
            language: "en".into(),
            active: true,
            created_at: String::new(),
            updated_at: String::new(),
            credentials: 0,
        },
        "hash",
        NOW,
    )
    .unwrap();
    assert_eq!(console::replies_seen_at(&db, u.id).unwrap(), None);
    console::mark_replies_seen(&db, u.id, LATER).unwrap();
    assert_eq!(
        console::replies_seen_at(&db, u.id).unwrap().as_deref(),
        Some(LATER)
    );
    assert_eq!(console::replies_seen_at(&db, 999).unwrap(), None);
}

#[test]
fn a_customers_history_is_newest_first_one_line_per_event() {
    let db = db();
    price_dispute(&db);
    let h = console::customer_history(&db, customer_key(&db, "C1"), 50).unwrap();
    assert!(h.len() >= 2, "{h:?}");
    let status = h
        .iter()
        .find(|l| l.comment.as_deref() == Some("Unit price is wrong"))
        .expect("the status change");
    assert_eq!(status.actor, "alice");
    assert_eq!(status.item_numbers.len(), 2, "{status:?}");
    assert!(h.windows(2).all(|w| w[0].at >= w[1].at));
    assert_eq!(
        console::customer_history(&db, customer_key(&db, "C1"), 1)
            .unwrap()
            .len(),
        1
    );
    assert!(
        console::customer_history(&db, customer_key(&db, "C2"), 50)
            .unwrap()
            .iter()
            .all(|l| l.item_numbers == ["N-J1"])
    );
}

#[test]
fn a_customers_totals_match_its_lines_in_the_list() {
    let db = db();
    price_dispute(&db);
    let totals = console::customer_totals(&db, customer_key(&db, "C1"), today()).unwrap();
    let lines = console::customers(&db, &q(Sort::Id, false)).unwrap();
    assert_eq!(totals.len(), 1);
    let line = &lines[0];
    assert_eq!(
        (
            &totals[0].outstanding,
            &totals[0].overdue,
            &totals[0].disputed,
            totals[0].open_items
        ),
        (
            &line.outstanding,
            &line.overdue,
            &line.disputed,
            line.open_items
        )
    );
    assert_eq!(totals[0].currency.as_deref(), Some("EUR"));
    // And the domain's balance rule agrees.
    let b = settle_domain::ledger::balance_views(&settle_domain::ledger::balances(
        &ledger::open_items_for_balances(&db, customer_key(&db, "C1")).unwrap(),
        today(),
    ));
    let v = serde_json::to_value(&b).unwrap();
    assert_eq!(v[0]["outstanding"], "170.00");
    assert_eq!(v[0]["disputed"], totals[0].disputed.as_str());
    assert_eq!(v[0]["overdue"], totals[0].overdue.as_str());
}

/// A customer's sheet reads that customer's open items through an index: never the whole
/// items table (a ledger of millions made the sheet take 250 ms with `open_minor <> 0`,
/// which the partial index on `open_minor > 0` does not serve).
#[test]
fn a_customers_totals_read_only_its_open_items() {
    let db = db();
    price_dispute(&db);
    let rec = Recording::new(&db);
    let c1 = customer_key(&db, "C1");
    let totals = console::customer_totals(&rec, c1, today()).unwrap();
    assert_eq!(totals.len(), 1);
    assert_eq!(rec.item_scans(), Vec::<String>::new());
}

/// The list joins each customer's open items through the same index.
#[test]
fn the_list_reads_open_items_by_customer() {
    let db = db();
    price_dispute(&db);
    let rec = Recording::new(&db);
    console::customers(&rec, &q(Sort::Name, false)).unwrap();
    console::customer_line_count(&rec, &q(Sort::Name, false)).unwrap();
    assert_eq!(rec.item_scans(), Vec::<String>::new());
}

/// Sorted by name or id, a page is so many customers, each with all its currency lines
/// (the page is chosen from the customers' index before any item is summed), and the pager
/// counts customers; sorted by an amount, a page is so many lines.
#[test]
fn by_name_a_page_is_whole_customers() {
    let db = db();
    let items = settle_domain::erp::parse_items_json(
        br#"{"mode":"delta","items":[
            {"id":"U1","customer_id":"C1","kind":"invoice","number":"U-1","issue_date":"2025-01-01","due_date":"2025-05-01","amount":"7.00","open_amount":"7.00","currency":"USD"}]}"#,
    )
    .unwrap();
    ledger::sync_items(&db, &items, "erp", NOW, today()).unwrap();
    let page = |sort: Sort, descending: bool, offset: usize| {
        let query = CustomerQuery {
            offset,
            limit: 1,
            ..q(sort, descending)
        };
        let lines = console::customers(&db, &query).unwrap();
        let count = console::customer_line_count(&db, &query).unwrap();
        (
            lines
                .iter()
                .map(|l| format!("{}/{}", l.id, l.currency.as_deref().unwrap_or("-")))
                .collect::<Vec<_>>(),
            count,
        )
    };
    assert_eq!(
        page(Sort::Name, false, 0),
        (vec!["C1/EUR".into(), "C1/USD".into()], 2)
    );
    assert_eq!(page(Sort::Name, false, 1), (vec!["C2/EUR".into()], 2));
    assert_eq!(page(Sort::Name, true, 0), (vec!["C2/EUR".into()], 2));
    assert_eq!(
        page(Sort::Id, true, 1),
        (vec!["C1/EUR".into(), "C1/USD".into()], 2)
    );
    // By outstanding (descending): C1 EUR 170.00, C2 EUR 10.00, C1 USD 7.00, one line a page.
    assert_eq!(page(Sort::Outstanding, true, 1), (vec!["C2/EUR".into()], 3));
    assert_eq!(page(Sort::Outstanding, true, 2), (vec!["C1/USD".into()], 3));
}

/// Everything the console's sheet reads about one customer (its items page, totals, live
/// actions, scenario step and history) goes through indexes on that customer: no statement
/// reads the whole items table.
#[test]
fn the_sheet_reads_one_customers_rows_only() {
    use settle_domain::actions::ActionState;
    use settle_store::actions::{self, ActionFilter};
    use settle_store::ledger::ItemFilter;
    use settle_store::scenarios;
    let db = db();
    price_dispute(&db);
    let rec = Recording::new(&db);
    let c1 = ledger::customer(&rec, "C1").unwrap().unwrap().key;
    let items = ledger::list_items(
        &rec,
        &ItemFilter {
            customer_key: Some(c1),
            limit: 500,
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    assert_eq!(items.len(), 3);
    console::customer_totals(&rec, c1, today()).unwrap();
    actions::actions(
        &rec,
        &ActionFilter {
            customer_key: Some(c1),
            state: Some(ActionState::Live),
            limit: 100,
            ..Default::default()
        },
    )
    .unwrap();
    let scenario = scenarios::scenario_of(&rec, c1).unwrap().unwrap();
    scenarios::reference_due(&rec, c1).unwrap();
    scenarios::done_steps(&rec, c1, &scenario.code).unwrap();
    assert!(!console::customer_history(&rec, c1, 30).unwrap().is_empty());
    assert_eq!(rec.item_scans(), Vec::<String>::new());
}
