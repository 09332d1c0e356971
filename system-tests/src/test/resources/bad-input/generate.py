#!/usr/bin/env python3
"""Writes corpus.jsonl: requests that the ingest must refuse with a 4xx problem detail while
publishing nothing. Run it after changing the contract: python3 generate.py > corpus.jsonl

Each line: {"id", "what", "method", "path", "contentType", "token", "body" | "bodyBase64" |
"fill", "expect"}; without "contentType" the request has no Content-Type. "token" names a kind of token that BadInputIT mints (office-3304 is valid for
the sample report). "fill": {"size": N} replaces @FILL@ in "body" with N 'x' characters, so that
oversized bodies need not be stored. "expect" is the exact status."""
import base64
import json

VALID = {
    "reportId": "7d3b5c2e-1f4a-4b6c-8d9e-0a1b2c3d4e5f",
    "regionCode": "330402",
    "program": "warm-nest",
    "taskType": "household-helped",
    "quantity": 2,
    "beneficiaries": 5,
    "completedAt": "2021-05-14T10:30:00+08:00",
    "note": "为南湖区两户老人完成适老化改造",
}
REPORTS = "/api/v1/reports"
BATCH = "/api/v1/reports/batch"
WITHDRAW = "/api/v1/reports/7d3b5c2e-1f4a-4b6c-8d9e-0a1b2c3d4e5f/withdrawal"
cases = []


def add(what, body=None, expect=422, path=REPORTS, method="POST", content_type="application/json",
        token="office-3304", raw=None, fill=None):
    case = {"id": len(cases) + 1, "what": what, "method": method, "path": path,
            "token": token, "expect": expect}
    if content_type is not None:
        case["contentType"] = content_type
    if raw is not None:
        case["bodyBase64"] = base64.b64encode(raw).decode()
    elif body is not None:
        case["body"] = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    if fill is not None:
        case["fill"] = {"size": fill}
    cases.append(case)


def report(**changes):
    r = dict(VALID)
    for key, value in changes.items():
        if value is DROP:
            r.pop(key, None)
        else:
            r[key] = value
    return r


DROP = object()


def batch(*reports):
    return {"reports": list(reports)}


text = json.dumps(VALID, ensure_ascii=False)

# Malformed JSON: 400.
for cut in range(1, len(text), max(1, len(text) // 24)):
    add(f"truncated after {cut} characters", text[:cut], 400)
for garbage in [" x", " {}", "}", " // comment", ",", " null", "\x00"]:
    add(f"trailing {garbage!r}", text + garbage, 400)
for escape in ["\\q", "\\x41", "\\u12", "\\uZZZZ", "\\", "\\U0041"]:
    add(f"invalid escape {escape} in the note", text.replace("适老化", escape), 400)
add("unquoted key", text.replace('"quantity"', "quantity"), 400)
add("single quotes", text.replace('"warm-nest"', "'warm-nest'"), 400)
add("a comment", text.replace(", \"note\"", " /* hi */, \"note\""), 400)
add("NaN", text.replace('"quantity": 2', '"quantity": NaN'), 400)
add("Infinity", text.replace('"quantity": 2', '"quantity": Infinity'), 400)
add("leading zero", text.replace('"quantity": 2', '"quantity": 02'), 400)
add("trailing comma", text[:-1] + ",}", 400)
add("a raw newline inside a string", text.replace("适老化", "适老\n化"), 400)
add("a raw NUL inside a string", text.replace("适老化", "适老\x00化"), 400)
add("empty body", "", 422)
add("whitespace only", "   \n ", 422)
add("invalid UTF-8", raw=text.encode().replace("适".encode(), b"\xe9\x80"), expect=400)
add("Latin-1 bytes", raw=text.encode().replace("适".encode(), b"\xe9"), expect=400)
add("deep nesting", "[" * 5000 + "]" * 5000, 422)
add("deep nesting in a field", '{"note": ' + "[" * 5000 + "]" * 5000 + "}")

# Not an object, or the wrong shape: 422.
for body in ["null", "[]", "123", '"report"', "true", json.dumps([VALID])]:
    add(f"the body is {body[:20]}", body)

# Duplicate keys: 400.
for field, value in VALID.items():
    add(f"duplicate key {field}", text[:-1] + ", " + json.dumps({field: value})[1:-1] + "}", 400)

# Unknown and server-owned fields: 422.
for field, value in [("officeId", "someone"), ("receivedAt", "2021-05-14T02:31:07Z"),
                     ("status", "accepted"), ("schemaVersion", 1), ("id", 1),
                     ("ReportId", VALID["reportId"]), ("region_code", "330402"),
                     ("extra", {"nested": True}), ("", "empty key"), ("quantity ", 2)]:
    add(f"unknown or server-owned field {field!r}", {**VALID, field: value})

# Wrong types: 422.
WRONG = {"number": 7, "float": 1.5, "string": "7", "boolean": True, "array": [1], "object": {"a": 1},
         "null": None}
for field in VALID:
    for kind, value in WRONG.items():
        if field == "note" and kind == "null":
            continue  # an absent note and a null note are the same
        if field in ("quantity", "beneficiaries") and kind == "number":
            continue
        if field in ("regionCode", "program", "taskType", "note") and kind == "string":
            continue
        add(f"{field} as {kind}", report(**{field: value}))

# Missing required fields: 422.
for field in ["reportId", "regionCode", "program", "taskType", "completedAt"]:
    add(f"{field} missing", report(**{field: DROP}))

# Boundaries: 422 just outside every range.
for value in ["0", "-1", "100001", "2147483647", "2147483648", "-2147483649",
              "99999999999999999999", "1e400", "1e2", "-0.0"]:
    add(f"quantity {value}", text.replace('"quantity": 2', f'"quantity": {value}'))
for value in [-1, 10000001, 2147483648]:
    add(f"beneficiaries {value}", report(beneficiaries=value))
add("note of 501 characters", report(note="x" * 501))
add("note of 501 Chinese characters", report(note="实" * 501))
add("note of 501 characters once composed (1002 decomposed)", report(note="e\u0301" * 501))
add("note of 501 characters composed, sent composed", report(note="\u00e9" * 501))
for code in ["33040", "3304021", "33040a", "３３０４０２", " 330402", "330402 ", "339999", "000000",
             "990000", "330499", "", "33-04-02", "0x5094"]:
    add(f"regionCode {code!r}", report(regionCode=code))
for field in ["program", "taskType"]:
    for code in ["", "WARM-NEST", "warm_nest", "no-such-code", "x" * 65, "warm-nest ",
                 "w\u0430rm-nest", "warm\u200bnest", "暖巢行动"]:
        add(f"{field} {code!r}", report(**{field: code}))
for uid in ["", "not-a-uuid", "{7d3b5c2e-1f4a-4b6c-8d9e-0a1b2c3d4e5f}", "7d3b5c2e-1f4a-4b6c-8d9e",
            "7d3b5c2e1f4a4b6c8d9e0a1b2c3d4e5f00", "7d3b5c2e-1f4a-4b6c-8d9e-0a1b2c3d4e5g"]:
    add(f"reportId {uid!r}", report(reportId=uid))

# Timestamps: 422.
for at in ["1900-01-01T00:00:00Z", "2020-12-31T23:59:59+08:00", "2020-12-31T15:59:59Z",
           "2100-01-01T00:00:00+08:00", "2999-12-31T23:59:59Z", "2021-05-14", "2021-05-14T10:30",
           "2021-05-14T10:30:00", "2021-05-14 10:30:00+08:00", "14/05/2021",
           "2021-05-14T10:30:00+0800", "2021-05-14T10:30:00 +08:00", "2021-W19-5",
           "2021-13-01T00:00:00Z", "2021-02-30T00:00:00Z", "2021-05-14T25:00:00Z",
           "2021-05-14T10:30:00+25:00", "", "now", "2021-05-14T10:30:00.1234567891Z",
           "+2021-05-14T10:30:00Z", "2021-05-14T10:30:00Z[Asia/Shanghai]"]:
    add(f"completedAt {at!r}", report(completedAt=at))

# Unicode in the note: 422.
for what, note in [("NUL", "a\u0000b"), ("bell", "a\u0007b"), ("escape", "a\u001bb"),
                   ("DEL", "a\u007fb"), ("C1 control", "a\u0085b"), ("lone high surrogate", None),
                   ("lone low surrogate", None), ("reversed surrogates", None)]:
    if note is not None:
        add(f"note with {what}", report(note=note))
for what, escape in [("lone high surrogate", "\\ud800"), ("lone low surrogate", "\\udc00"),
                     ("reversed surrogates", "\\udc00\\ud800")]:
    add(f"note with a {what}", text.replace("适老化", escape))

# The same report-level violations inside a batch: 422, every item by pointer.
ok = report(reportId="8e4c6d3f-2a5b-4c7d-9eaf-1b2c3d4e5f60")
inner = [("quantity 0", report(quantity=0)), ("quantity as string", report(quantity="2")),
         ("quantity null", report(quantity=None)), ("regionCode unknown", report(regionCode="339999")),
         ("program unknown", report(program="nope")), ("completedAt local", report(completedAt="2021-05-14T10:30:00")),
         ("completedAt before the campaign", report(completedAt="2020-06-01T00:00:00Z")),
         ("server-owned officeId", {**VALID, "officeId": "x"}), ("note too long", report(note="x" * 501)),
         ("missing reportId", report(reportId=DROP)), ("note with NUL", report(note="\u0000")),
         ("beneficiaries -1", report(beneficiaries=-1)), ("taskType as number", report(taskType=3)),
         ("reportId as number", report(reportId=5)), ("an item that is null", None),
         ("an item that is a string", "report")]
for what, item in inner:
    add(f"batch with one invalid item: {what}", batch(ok, item), path=BATCH)
add("empty batch", batch(), path=BATCH)
add("batch without reports", {}, path=BATCH)
add("reports null", {"reports": None}, path=BATCH)
add("reports not an array", {"reports": VALID}, path=BATCH)
add("batch of 1001 reports", {"reports": [report(reportId=f"00000000-0000-4000-8000-{i:012d}") for i in range(1001)]}, path=BATCH)
add("the same reportId twice in a batch", batch(VALID, VALID), path=BATCH)
add("every item invalid", batch(report(quantity=0), report(program="x"), report(regionCode="1")), path=BATCH)
add("unknown batch field", {"reports": [VALID], "office": "x"}, path=BATCH)
add("a batch item outside the office's region", batch(ok, report(regionCode="330281")), 403, path=BATCH)
add("a batch sent as a single report", batch(VALID))
add("a single report sent as a batch", VALID, path=BATCH)
add("malformed batch", '{"reports": [' + text, 400, path=BATCH)

# Content types: 415.
for content_type in ["text/plain", "application/xml", "application/x-www-form-urlencoded",
                     "multipart/form-data; boundary=x", "text/json"]:
    add(f"content type {content_type}", VALID, 415, content_type=content_type)
    add(f"batch with content type {content_type}", batch(VALID), 415, path=BATCH,
        content_type=content_type)

# Oversized bodies: 413.
add("a 2 MiB report", '{"note": "@FILL@"}', 413, fill=2 * 1024 * 1024)
add("a 9 MiB batch", '{"reports": [{"note": "@FILL@"}]}', 413, path=BATCH, fill=9 * 1024 * 1024)
add("a 1 MiB + 1 byte withdrawal", '{"reason": "@FILL@"}', 413, path=WITHDRAW, fill=1024 * 1024)

# The token matrix, on every endpoint: 401 or 403.
BAD_TOKENS = {"none": 401, "expired": 401, "not-yet-valid": 401, "bad-signature": 401,
              "alg-none": 401, "wrong-issuer": 401, "wrong-audience": 401, "garbage": 401,
              "basic-auth": 401, "manager-3304": 403, "auditor": 403, "admin": 403,
              "office-3302": 403, "office-no-region": 403}
for token, status in BAD_TOKENS.items():
    add(f"report with token {token}", VALID, status, token=token)
    add(f"batch with token {token}", batch(VALID), status, path=BATCH, token=token)
    if token != "office-3302":  # any office may ask; the aggregator checks it was the filer
        add(f"withdrawal with token {token}", {"reason": "x"}, status, path=WITHDRAW, token=token)

# Withdrawals: 422, 404.
for what, body, status in [("empty reason", {"reason": ""}, 422), ("blank reason", {"reason": "  "}, 422),
                           ("no reason", {}, 422), ("reason as number", {"reason": 5}, 422),
                           ("reason of 501 characters", {"reason": "x" * 501}, 422),
                           ("unknown field", {"reason": "x", "officeId": "y"}, 422),
                           ("malformed", '{"reason": ', 400), ("null body", "null", 422)]:
    add(f"withdrawal: {what}", body, status, path=WITHDRAW)
add("withdrawal of a malformed id", {"reason": "x"}, 404, path="/api/v1/reports/not-a-uuid/withdrawal")

# Admin withdrawals (any office's report, by an admin, with a reason): 422 for a bad body; 401 or
# 403 for another token.
ADMIN_WITHDRAW = "/api/v1/admin/withdrawals"
ADMIN_OK = {"reportId": VALID["reportId"], "officeId": "jx-office-1", "regionCode": "330402",
            "reason": "filed with a stolen token"}
for what, changes in [("no reportId", {"reportId": DROP}), ("reportId not a UUID", {"reportId": "x"}),
                      ("no officeId", {"officeId": DROP}), ("officeId with NUL", {"officeId": "jx\u0000"}),
                      ("officeId of 129 characters", {"officeId": "o" * 129}),
                      ("no regionCode", {"regionCode": DROP}), ("unknown regionCode", {"regionCode": "339999"}),
                      ("province as regionCode", {"regionCode": "33"}), ("no reason", {"reason": DROP}),
                      ("blank reason", {"reason": "  "}), ("reason of 501 characters", {"reason": "x" * 501}),
                      ("reason with a control character", {"reason": "a\u0007b"}),
                      ("unknown field", {"filedBy": "someone"})]:
    body = {k: v for k, v in {**ADMIN_OK, **changes}.items() if v is not DROP}
    add(f"admin withdrawal: {what}", body, 422, path=ADMIN_WITHDRAW, token="admin")
add("admin withdrawal: malformed", '{"reportId": ', 400, path=ADMIN_WITHDRAW, token="admin")
for token, status in {"none": 401, "office-3304": 403, "manager-3304": 403, "auditor": 403,
                      "expired": 401}.items():
    add(f"admin withdrawal with token {token}", ADMIN_OK, status, path=ADMIN_WITHDRAW, token=token)

# An office token whose office the ledger could not store: 403 before anything is published.
add("report by an office claim with NUL", VALID, 403, token="office-claim-nul")
add("report by an office claim of 200 characters", VALID, 403, token="office-claim-long")

# A body must say what it is: 415 without a Content-Type, with an empty one, or another one.
add("report without a Content-Type", VALID, 415, content_type=None)
add("report with an empty Content-Type", VALID, 415, content_type="")
add("batch without a Content-Type", batch(VALID), 415, path=BATCH, content_type=None)
add("report as text/plain", VALID, 415, content_type="text/plain")
add("report as form data", "a=b", 415, content_type="application/x-www-form-urlencoded")

# Wrong methods and paths.
add("GET the report endpoint", None, 405, method="GET")
add("PUT a report", VALID, 405, method="PUT")
add("DELETE a report", None, 404, method="DELETE", path=REPORTS + "/7d3b5c2e-1f4a-4b6c-8d9e-0a1b2c3d4e5f")
add("a misspelt path", VALID, 404, path="/api/v1/report")
add("an old API version", VALID, 404, path="/api/v0/reports")

for case in cases:
    print(json.dumps(case, ensure_ascii=False))
