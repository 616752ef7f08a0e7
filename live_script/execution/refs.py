"""References from one batch step to a value an earlier step returned.

A step argument (at any depth) that is exactly the string `$steps[N]` followed by `.field` and
`[i]` parts, e.g. `"$steps[0].track_id"` or `"$steps[2].note_ids[0]"`, stands for that value of
step N's result; N counts from 0 and must be an earlier step. A literal string that starts with
`$steps` or `$$` takes one more `$` in front (`"$$steps"` is the name "$steps"); every other string
is taken as it is. Stdlib only: the server checks references with this module before anything
reaches Live, the Remote Script resolves them.
"""

import re

PREFIX = "$steps"
_REF = re.compile(r"^\$steps\[(\d+)\]((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)$")
_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


class RefError(Exception):
    """A reference that is malformed, points forward, or names what the step did not return.
    `where` is the argument's path inside the step (`track_id`, `notes[0].pitch`)."""

    def __init__(self, where, message):
        Exception.__init__(self, message)
        self.where = where
        self.message = message


class Ref(object):
    def __init__(self, step, path, text):
        self.step = step
        self.path = path  # field names (str) and list indices (int)
        self.text = text


def parse(text):
    """A Ref for a reference string, None for any other value; RefError for a `$steps` string
    that is not a valid reference."""
    if not isinstance(text, str) or not text.startswith(PREFIX):
        return None
    match = _REF.match(text)
    if match is None:
        raise RefError(
            "",
            "%r is not a reference: write $steps[N].field (e.g. $steps[0].track_id), "
            "or $$ for a literal $" % text,
        )
    path = [name if name else int(index) for name, index in _PART.findall(match.group(2))]
    return Ref(int(match.group(1)), path, text)


def _join(where, key):
    if isinstance(key, int):
        return "%s[%d]" % (where, key)
    return "%s.%s" % (where, key) if where else key


def find(value, where=""):
    """Every (path, Ref) in a step's arguments, in document order; RefError on a malformed one."""
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(find(child, _join(where, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(find(child, _join(where, index)))
    else:
        try:
            ref = parse(value)
        except RefError as exc:
            raise RefError(where, exc.message) from None
        if ref is not None:
            found.append((where, ref))
    return found


def check_order(refs, index):
    """RefError unless every reference of step `index` names an earlier step."""
    for where, ref in refs:
        if ref.step >= index:
            raise RefError(
                where,
                "%s names step %d, which does not run before step %d (steps count from 0)"
                % (ref.text, ref.step, index),
            )


def lookup(ref, results, where=""):
    """The value `ref` names in the earlier steps' `results`; RefError if it has no such part."""
    value = results[ref.step]
    for part in ref.path:
        ok = (isinstance(part, int) and isinstance(value, list) and part < len(value)) or (
            isinstance(part, str) and isinstance(value, dict) and part in value
        )
        if not ok:
            raise RefError(where, "%s: step %d's result has no %r" % (ref.text, ref.step, part))
        value = value[part]
    return value


def resolve(value, results, where=""):
    """The arguments with every reference replaced by its value and every `$$` unescaped."""
    if isinstance(value, dict):
        return {k: resolve(v, results, _join(where, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, results, _join(where, i)) for i, v in enumerate(value)]
    if isinstance(value, str) and value.startswith("$$"):
        return value[1:]
    ref = parse(value)
    if ref is None:
        return value
    return lookup(ref, results, where)
