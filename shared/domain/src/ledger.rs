//! The ledger: items of a customer's statement of account and the rules on them.
//!
//! Amounts are positive; the item kind gives the sign: invoices and other debits count for,
//! credit notes and payments on account count against the customer's outstanding.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::catalog::StatusKind;
use crate::money::{Currency, amount_string};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Invoice,
    CreditNote,
    PaymentOnAccount,
    Other,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Invoice,
        ItemKind::CreditNote,
        ItemKind::PaymentOnAccount,
        ItemKind::Other,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            ItemKind::Invoice => "invoice",
            ItemKind::CreditNote => "credit_note",
            ItemKind::PaymentOnAccount => "payment_on_account",
            ItemKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// +1 for debits (invoice, other), -1 for credits (credit note, payment on account).
    pub fn sign(&self) -> i64 {
        match self {
            ItemKind::Invoice | ItemKind::Other => 1,
            ItemKind::CreditNote | ItemKind::PaymentOnAccount => -1,
        }
    }

    /// Only debits fall due: a credit is never "overdue".
    pub fn is_debit(&self) -> bool {
        self.sign() > 0
    }
}

/// An item is overdue on `as_of` when its due date is strictly before it and it is a debit.
pub fn is_overdue(kind: ItemKind, due: NaiveDate, as_of: NaiveDate) -> bool {
    kind.is_debit() && due < as_of
}

/// Whole days past the due date on `as_of` (0 when not yet due).
pub fn days_overdue(due: NaiveDate, as_of: NaiveDate) -> i64 {
    (as_of - due).num_days().max(0)
}

/// What the balances need to know about one open item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenItem {
    pub kind: ItemKind,
    pub currency: Currency,
    /// Open amount in minor units, >= 0.
    pub open_minor: i64,
    pub due_date: NaiveDate,
    /// Kind of the item's current status, if qualified.
    pub status_kind: Option<StatusKind>,
}

/// Balances of one currency, in minor units, signed (credits reduce them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Balance {
    /// Σ signed open amounts of open items.
    pub outstanding: i64,
    /// Σ open amounts of overdue debit items.
    pub overdue: i64,
    /// Σ signed open amounts of items whose current status kind is `dispute`.
    pub disputed: i64,
    pub open_items: u64,
    pub overdue_items: u64,
    pub disputed_items: u64,
}

/// Per-currency balances of a set of open items as of a date. Currencies are never mixed.
pub fn balances<'a>(
    items: impl IntoIterator<Item = &'a OpenItem>,
    as_of: NaiveDate,
) -> BTreeMap<Currency, Balance> {
    let mut out: BTreeMap<Currency, Balance> = BTreeMap::new();
    for it in items {
        if it.open_minor == 0 {
            continue;
        }
        let b = out.entry(it.currency).or_default();
        let signed = it.open_minor * it.kind.sign();
        b.outstanding += signed;
        b.open_items += 1;
        if is_overdue(it.kind, it.due_date, as_of) {
            b.overdue += it.open_minor;
            b.overdue_items += 1;
        }
        if it.status_kind == Some(StatusKind::Dispute) {
            b.disputed += signed;
            b.disputed_items += 1;
        }
    }
    out
}

/// A balance rendered for the API: decimal strings with the currency's decimals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceView {
    pub currency: Currency,
    pub outstanding: String,
    pub overdue: String,
    pub disputed: String,
    pub open_items: u64,
    pub overdue_items: u64,
    pub disputed_items: u64,
}

pub fn balance_views(b: &BTreeMap<Currency, Balance>) -> Vec<BalanceView> {
    b.iter()
        .map(|(c, b)| BalanceView {
            currency: *c,
            outstanding: amount_string(b.outstanding, *c),
            overdue: amount_string(b.overdue, *c),
            disputed: amount_string(b.disputed, *c),
            open_items: b.open_items,
            overdue_items: b.overdue_items,
            disputed_items: b.disputed_items,
        })
        .collect()
}

/// Outcome of applying a payment to an item's open amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentOutcome {
    pub open_minor: i64,
    /// The item is now closed (open amount reached zero).
    pub closes: bool,
}

/// Applies a payment: it must be positive and not exceed the open amount.
pub fn apply_payment(open_minor: i64, payment_minor: i64) -> Result<PaymentOutcome, String> {
    if payment_minor <= 0 {
        return Err("a payment must be more than zero".into());
    }
    if open_minor == 0 {
        return Err("the item is already closed".into());
    }
    if payment_minor > open_minor {
        return Err("the payment is more than the open amount (overpayment)".into());
    }
    let open_minor = open_minor - payment_minor;
    Ok(PaymentOutcome {
        open_minor,
        closes: open_minor == 0,
    })
}

/// An item as stored, as far as an ERP update's rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredItem {
    pub customer_key: i64,
    pub currency: String,
    /// A live specific action holds it (a dispute or promise follow-up, ...).
    pub held: bool,
    /// Payments were recorded against it.
    pub paid: bool,
}

/// Why an ERP update may not rewrite an item: it would silently move what a live action
/// holds to another customer (terminating the action would then resolve the other
/// customer's item), or re-denominate the payments already applied. Returns the field and
/// why, for a 409 naming the item.
pub fn check_item_update(
    old: &StoredItem,
    new_customer_key: i64,
    new_currency: Currency,
) -> Result<(), (&'static str, String)> {
    if old.customer_key != new_customer_key && old.held {
        return Err((
            "customer_id",
            "the item is held by a live action of its customer: terminate or detach it before moving the item to another customer".into(),
        ));
    }
    if old.currency != new_currency.code() && old.paid {
        return Err((
            "currency",
            format!(
                "the item has payments in {}: its currency cannot change",
                old.currency
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_update_may_not_move_a_held_item_or_re_denominate_a_paid_one() {
        let eur = Currency::parse("EUR").unwrap();
        let usd = Currency::parse("USD").unwrap();
        let item = |held, paid| StoredItem {
            customer_key: 1,
            currency: "EUR".into(),
            held,
            paid,
        };
        assert!(check_item_update(&item(false, false), 2, usd).is_ok());
        assert!(check_item_update(&item(true, true), 1, eur).is_ok());
        assert_eq!(
            check_item_update(&item(true, false), 2, eur).unwrap_err().0,
            "customer_id"
        );
        assert_eq!(
            check_item_update(&item(false, true), 1, usd).unwrap_err().0,
            "currency"
        );
        assert!(check_item_update(&item(false, true), 2, eur).is_ok());
    }
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    fn item(kind: ItemKind, open: i64, due: &str, status: Option<StatusKind>) -> OpenItem {
        OpenItem {
            kind,
            currency: eur(),
            open_minor: open,
            due_date: d(due),
            status_kind: status,
        }
    }

    #[test]
    fn overdue_is_strictly_after_due_date_and_only_for_debits() {
        assert!(!is_overdue(
            ItemKind::Invoice,
            d("2025-03-10"),
            d("2025-03-10")
        ));
        assert!(is_overdue(
            ItemKind::Invoice,
            d("2025-03-10"),
            d("2025-03-11")
        ));
        assert!(!is_overdue(
            ItemKind::CreditNote,
            d("2025-03-10"),
            d("2025-04-11")
        ));
        assert_eq!(days_overdue(d("2025-03-10"), d("2025-03-31")), 21);
        assert_eq!(days_overdue(d("2025-03-10"), d("2025-03-01")), 0);
    }

    #[test]
    fn balances_per_currency_with_signs_and_disputes() {
        let usd = Currency::parse("USD").unwrap();
        let mut items = vec![
            item(
                ItemKind::Invoice,
                10_000,
                "2025-01-01",
                Some(StatusKind::Dispute),
            ),
            item(ItemKind::Invoice, 5_000, "2025-12-31", None),
            item(ItemKind::CreditNote, 2_000, "2025-01-01", None),
            item(
                ItemKind::Invoice,
                0,
                "2025-01-01",
                Some(StatusKind::Dispute),
            ),
        ];
        items.push(OpenItem {
            currency: usd,
            ..item(ItemKind::Invoice, 700, "2025-01-01", None)
        });
        let b = balances(&items, d("2025-06-01"));
        let e = b[&eur()];
        assert_eq!(e.outstanding, 13_000);
        assert_eq!(e.overdue, 10_000);
        assert_eq!(e.disputed, 10_000);
        assert_eq!((e.open_items, e.overdue_items, e.disputed_items), (3, 1, 1));
        assert_eq!(b[&usd].outstanding, 700);
        let views = balance_views(&b);
        assert_eq!(views[0].outstanding, "130.00");
    }

    #[test]
    fn payments_close_at_zero_and_refuse_overpayment() {
        assert_eq!(
            apply_payment(1000, 400).unwrap(),
            PaymentOutcome {
                open_minor: 600,
                closes: false
            }
        );
        assert_eq!(
            apply_payment(600, 600).unwrap(),
            PaymentOutcome {
                open_minor: 0,
                closes: true
            }
        );
        assert!(apply_payment(600, 601).is_err());
        assert!(apply_payment(600, 0).is_err());
        assert!(apply_payment(600, -1).is_err());
        assert!(apply_payment(0, 1).is_err());
    }

    #[test]
    fn kinds_round_trip() {
        for k in ItemKind::ALL {
            assert_eq!(ItemKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ItemKind::parse("invoices"), None);
    }

    fn arb_item() -> impl Strategy<Value = OpenItem> {
        (
            0usize..4,
            0i64..1_000_000,
            0i64..400,
            prop::option::of(0usize..4),
            0usize..3,
        )
            .prop_map(|(k, open, due, st, cur)| {
                let kinds = [
                    StatusKind::Dispute,
                    StatusKind::Promise,
                    StatusKind::Info,
                    StatusKind::Resolved,
                ];
                let currency = Currency::parse(["EUR", "USD", "JPY"][cur]).unwrap();
                OpenItem {
                    kind: ItemKind::ALL[k],
                    currency,
                    open_minor: open,
                    due_date: d("2025-01-01") + chrono::Days::new(due as u64),
                    status_kind: st.map(|i| kinds[i]),
                }
            })
    }

    proptest! {
        #[test]
        fn balances_add_up(items in prop::collection::vec(arb_item(), 0..60), split in 0usize..60) {
            let as_of = d("2025-07-01");
            let b = balances(&items, as_of);
            // Splitting the items in two and adding the parts gives the whole.
            let split = split.min(items.len());
            let (l, r) = (balances(&items[..split], as_of), balances(&items[split..], as_of));
            for (c, whole) in &b {
                let (a, z) = (l.get(c).copied().unwrap_or_default(), r.get(c).copied().unwrap_or_default());
                prop_assert_eq!(whole.outstanding, a.outstanding + z.outstanding);
                prop_assert_eq!(whole.overdue, a.overdue + z.overdue);
                prop_assert_eq!(whole.disputed, a.disputed + z.disputed);
                prop_assert_eq!(whole.open_items, a.open_items + z.open_items);
            }
            for (c, bal) in &b {
                let debits: i64 = items.iter().filter(|i| i.currency == *c && i.kind.is_debit()).map(|i| i.open_minor).sum();
                // Overdue never exceeds what is owed on debits, and is never negative.
                prop_assert!(bal.overdue >= 0 && bal.overdue <= debits);
                prop_assert!(bal.overdue_items <= bal.open_items && bal.disputed_items <= bal.open_items);
                let expected: i64 = items.iter().filter(|i| i.currency == *c).map(|i| i.open_minor * i.kind.sign()).sum();
                prop_assert_eq!(bal.outstanding, expected);
            }
        }

        #[test]
        fn payments_never_go_negative(open in 1i64..1_000_000, pays in prop::collection::vec(1i64..300_000, 0..20)) {
            let mut current = open;
            let mut paid = 0;
            for p in pays {
                match apply_payment(current, p) {
                    Ok(o) => { current = o.open_minor; paid += p; prop_assert_eq!(o.closes, current == 0); }
                    Err(_) => prop_assert!(p > current || current == 0),
                }
                prop_assert!(current >= 0);
            }
            prop_assert_eq!(open - paid, current);
        }
    }
}
