"""Checks the OpenAPI document before schemathesis runs: every integer a request can carry
(a path, query or header parameter, or anywhere in a request body, through `$ref`s) states
both bounds. The API reads integers as 64-bit, so an unbounded one lets the fuzzer send
10^30, which the API rightly refuses and the fuzzer counts as a valid request rejected
(contract seed 1317854945: `endpoint` on GET /api/v1/webhooks/deliveries). An id that may
be text or a number (`[string, integer]`, read as its digits) is exempt.

    python tests/contract/lint.py docs/openapi.yaml
"""

import sys

import yaml


def unbounded_integers(doc):
    comps = doc.get("components", {})
    found = []

    def resolve(ref):
        section, name = ref.split("/")[-2:]
        return comps.get(section, {}).get(name, {})

    def walk(s, where, seen):
        if isinstance(s, list):
            for x in s:
                walk(x, where, seen)
            return
        if not isinstance(s, dict):
            return
        if "$ref" in s:
            if s["$ref"] not in seen:
                walk(resolve(s["$ref"]), where, seen | {s["$ref"]})
        t = s.get("type")
        types = t if isinstance(t, list) else [t]
        if "integer" in types and "string" not in types and not ("minimum" in s and "maximum" in s):
            found.append(where)
        for key, value in s.items():
            if key == "properties" and isinstance(value, dict):
                for name, sub in value.items():
                    walk(sub, f"{where}.{name}", seen)
            elif key in ("items", "additionalProperties", "not"):
                walk(value, f"{where}[]" if key == "items" else where, seen)
            elif key in ("allOf", "anyOf", "oneOf"):
                walk(value, where, seen)

    for path, ops in doc.get("paths", {}).items():
        shared = ops.get("parameters", [])
        for method, op in ops.items():
            if not isinstance(op, dict) or method == "parameters":
                continue
            for p in list(shared) + op.get("parameters", []):
                if "$ref" in p:
                    p = resolve(p["$ref"])
                walk(p.get("schema", {}), f"{method.upper()} {path} {p.get('in')} {p.get('name')}", frozenset())
            body = op.get("requestBody") or {}
            for content in body.get("content", {}).values():
                walk(content.get("schema", {}), f"{method.upper()} {path} body", frozenset())
    return found


def main():
    doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    found = unbounded_integers(doc)
    for where in found:
        print(f"contract lint: unbounded integer in a request: {where} (state minimum and maximum)", file=sys.stderr)
    if found:
        sys.exit(1)
    print("contract lint: every integer a request can carry is bounded")


if __name__ == "__main__":
    main()
