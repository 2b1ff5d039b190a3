"""Seeds a fresh Settle app so the contract run reaches the deep operations with real ids.

Usage: seed.py BASE_URL ADMIN_TOKEN

The ids it creates on a fresh database are the ones schemathesis.toml's dictionaries list;
it checks it got exactly those. Every call
must answer what the API documents for success; anything else stops the run, so a seed that
no longer matches the API fails loudly instead of testing an empty app.
"""

import json
import sys
import urllib.error
import urllib.request

BASE, TOKEN = sys.argv[1], sys.argv[2]


def call(method, path, body=None, expect=(200, 201)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("authorization", f"Bearer {TOKEN}")
    if data is not None:
        req.add_header("content-type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    if status not in expect:
        sys.exit(f"seed: {method} {path} answered {status}: {text}")
    return json.loads(text) if text else None


def item(id, customer, number, issued, due, amount, open_amount=None, kind="invoice"):
    return {
        "id": id,
        "customer_id": customer,
        "kind": kind,
        "number": number,
        "issue_date": issued,
        "due_date": due,
        "amount": amount,
        "open_amount": open_amount or amount,
        "currency": "EUR",
    }


call("POST", "/api/v1/erp/customers", {"customers": [
    {"id": "C1", "name": "Acme SA", "entity": "FR01", "language": "fr", "currency": "EUR",
     "email": "ap@acme.example", "collector": "alice@settle.example"},
    {"id": "C2", "name": "Globex GmbH", "entity": "FR01", "language": "de", "currency": "EUR",
     "email": "ap@globex.example", "collector": "alice@settle.example"},
]})
call("POST", "/api/v1/erp/items", {"mode": "delta", "items": [
    item("INV-1", "C1", "F-1", "2026-01-05", "2026-02-04", "1200.00"),
    item("INV-2", "C1", "F-2", "2026-02-10", "2026-03-12", "540.50"),
    item("INV-3", "C1", "F-3", "2026-03-01", "2026-03-31", "99.90"),
    item("INV-4", "C1", "F-4", "2026-04-01", "2026-05-01", "310.00", "110.00"),
    item("CN-1", "C1", "A-1", "2026-04-02", "2026-04-02", "40.00", kind="credit_note"),
    item("INV-5", "C2", "G-5", "2026-05-01", "2026-05-31", "800.00"),
    item("INV-6", "C2", "G-6", "2026-06-01", "2026-07-01", "75.00"),
]})
call("POST", "/api/v1/erp/payments", {"payments": [
    {"id": "PAY-1", "item_id": "INV-4", "amount": "10.00", "date": "2026-05-10", "reference": "wire"},
]})
resolver = call("POST", "/api/v1/admin/resolvers",
                {"name": "Sam Sales", "email": "sam@settle.example", "role": "sales"})["id"]
spare_resolver = call("POST", "/api/v1/admin/resolvers",
                      {"name": "Tess Tech", "email": "tess@settle.example", "role": "technician"})["id"]
# A price dispute on two invoices with the suggested follow-up action: the deep path
# (status change -> action -> detach -> terminate) starts from these ids.
change = call("POST", "/api/v1/status-changes", {
    "item_ids": ["INV-1", "INV-2"], "status": "price_dispute", "comment": "Unit price is wrong",
    "resolver_id": resolver, "next_action": "suggested", "amounts": {"INV-1": "300.00"}})
action = change["action"]["id"]
call("POST", "/api/v1/status-changes", {
    "item_ids": ["INV-5"], "status": "quality_dispute", "comment": "Goods arrived damaged",
    "resolver_id": spare_resolver, "next_action": "suggested"})
email = call("POST", "/api/v1/emails",
             {"template": "resolver_dispute", "status_change_id": change["status_change_id"]})
link = call("POST", "/api/v1/links", {"customer_id": "C1", "ttl_days": 30})
token = call("POST", "/api/v1/admin/tokens", {"name": "contract collector", "role": "collector"})
user = call("POST", "/api/v1/admin/users", {
    "name": "Alice Collector", "email": "alice@settle.example", "role": "collector",
    "language": "en", "password": "a long enough password"})
call("POST", "/api/v1/admin/outcomes", {"code": "credit_note", "label": "Credit note to issue"},
     expect=(201, 409))
scenarios = call("GET", "/api/v1/admin/scenarios")["scenarios"]
call("PUT", "/api/v1/admin/write-off-tolerances/FR01/EUR", {"amount": "50.00", "percent": "10"})
disputes = call("GET", "/api/v1/disputes?limit=10")["disputes"]

# schemathesis.toml's dictionaries name these ids: a fresh database must give exactly them.
expected = {
    "resolver": (resolver, 1), "second resolver": (spare_resolver, 2),
    "status change": (change["status_change_id"], 1), "action": (action, 1),
    "message": (email["id"], 1), "link": (link["id"], 2), "token": (token["id"], 1),
    "user": (user["id"], 1),
    "disputes": (sorted(d["id"] for d in disputes), [1, 2, 3]),
}
wrong = {k: v for k, v in expected.items() if v[0] != v[1]}
if wrong:
    sys.exit(f"seed: ids differ from tests/contract/schemathesis.toml's dictionaries: {wrong}")
if "default" not in [s["code"] for s in scenarios]:
    sys.exit("seed: no scenario 'default' (schemathesis.toml's scenario dictionary)")
print("seeded: customers C1, C2; items INV-1..6, CN-1; resolvers 1, 2; status changes 1, 2;"
      " action 1; message 1; links 1, 2; token 1; user 1; scenario default; disputes 1, 2, 3;"
      " write-off tolerance FR01/EUR")
