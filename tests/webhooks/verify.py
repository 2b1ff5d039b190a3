"""Verifies Settle's webhook deliveries with the Standard Webhooks reference library
(`standardwebhooks` from PyPI), not with Settle's own code.

Reads JSON from stdin: {"secret": "whsec_...", "deliveries": [{"headers": {...}, "body": "..."}]}
and prints "verified N"; exits non-zero with the library's error on the first that fails.
"""
import json
import sys

from standardwebhooks.webhooks import Webhook

request = json.load(sys.stdin)
hook = Webhook(request["secret"])
for i, d in enumerate(request["deliveries"]):
    try:
        hook.verify(d["body"], d["headers"])
    except Exception as e:  # the library's WebhookVerificationError, named in the message
        print(f"delivery {i}: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
print(f"verified {len(request['deliveries'])}")
