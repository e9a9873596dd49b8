#!/usr/bin/python3
"""Checks one answer of the collaboration server against docs/openapi.json.

  validate_response.py OPENAPI METHOD TARGET STATUS CONTENT_TYPE BODY_FILE

Exits 0 when the path and method are described, the status is one of the operation's documented
responses (or its "default"), the content type is the documented one and a JSON body matches the
documented schema; otherwise prints why and exits 1. Used by the black-box tests for every answer
(Debian's python3-jsonschema: no C++ JSON Schema validator is packaged).
"""
import json
import re
import sys

import jsonschema


def operation_for(document, method, path):
    for template, operations in document["paths"].items():
        pattern = "^" + re.sub(r"\{[^/]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path):
            return template, operations.get(method.lower())
    return None, None


def check(document, method, target, status, content_type, body):
    path = target.split("?", 1)[0]
    template, operation = operation_for(document, method, path)
    error_schema = {"$ref": "#/components/schemas/Error"}
    if operation is None:
        # An undescribed path or method may only be refused, with the error body.
        if status not in ("404", "405"):
            return f"{method} {path} is not in the document, yet answered {status}"
        return validate(document, error_schema, body)
    responses = operation["responses"]
    response = responses.get(status) or responses.get("default")
    if response is None:
        return f"{method} {template}: status {status} is not documented (documented: {', '.join(responses)})"
    content = response.get("content")
    if not content:
        return None if not body else f"{method} {template} {status}: documented without a body, but one came"
    media = content_type.split(";")[0].strip()
    for documented, entry in content.items():
        if documented.split(";")[0].strip() == media:
            if media == "application/json":
                return validate(document, entry["schema"], body)
            return None
    return f"{method} {template} {status}: content type {content_type!r}, documented {', '.join(content)}"


def validate(document, schema, body):
    try:
        value = json.loads(body)
    except ValueError as error:
        return f"the body is not JSON: {error}"
    resolver = jsonschema.RefResolver.from_schema(document)
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(part) for part in errors[0].path)
        return f"the body does not match the schema at '{where}': {errors[0].message}"
    return None


def main():
    openapi, method, target, status, content_type, body_file = sys.argv[1:7]
    with open(openapi, encoding="utf-8") as file:
        document = json.load(file)
    with open(body_file, encoding="utf-8", errors="replace") as file:
        body = file.read()
    problem = check(document, method, target, status, content_type, body)
    if problem:
        print(problem)
        sys.exit(1)


if __name__ == "__main__":
    main()
