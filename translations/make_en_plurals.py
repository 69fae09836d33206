#!/usr/bin/env python3
"""Writes edgewise_en.ts: the English plural forms of every numerus message in edgewise_de.ts
(same contexts, so run `ninja update_translations` first). English needs a catalogue only for
these: tr("%n test samples of class %1", nullptr, 1) must read "1 test sample of class ...".

A source with "(s)" gets "" / "s"; other sources are written in the plural and need their
singular in SINGULAR below (the script fails naming any it does not know)."""
import html
import re
import sys
from pathlib import Path

SINGULAR = {
    "Disagreements: %n open": "Disagreements: %n open",
    "%n resolved": "%n resolved",
    "Writing %n samples": "Writing %n sample",
    "Imported %1: %n samples": "Imported %1: %n sample",
    ", %n rejected": ", %n rejected",
    "%n test samples of class %1 classified correctly":
        "%n test sample of class %1 classified correctly",
    "%n test samples of class %1 predicted as %2": "%n test sample of class %1 predicted as %2",
    "True %1, predicted %2: %n sample(s). Click to list them.":
        "True %1, predicted %2: %n sample. Click to list it.",
    "%n channels at %1 Hz": "%n channel at %1 Hz",
    "Reading %n recordings": "Reading %n recording",
    "Reference (%n rows)": "Reference (%n row)",
    "Live (%n rows)": "Live (%n row)",
    "Live window (%n rows each)": "Live window (%n row each)",
    "Drift over time: %1 of %n windows raised an alarm":
        "Drift over time: %1 of %n window raised an alarm",
    "%n runs; %1 slower than %2 µs not shown": "%n run; %1 slower than %2 µs not shown",
    "%n runs": "%n run",
    "%1 of %n features drifted": "%1 of %n feature drifted",
    "p50 %1 µs, p99 %2 µs over %n runs": "p50 %1 µs, p99 %2 µs over %n run",
    "%n runs, mean %1 µs": "%n run, mean %1 µs",
    "%n runs, mean %1": "%n run, mean %1",
    "%n skipped": "%n skipped",
    "%n s ago": "%n s ago",
    "%n min ago": "%n min ago",
    " and %n more": " and %n more",
    "%1: no feature moved in the latest window (%n alarms so far).":
        "%1: no feature moved in the latest window (%n alarm so far).",
    "Drift on %1 in %n windows (%2)": "Drift on %1 in %n window (%2)",
    "Each device's predictions in windows of %n, per predicted class against the training rows of that class: KS with Benjamini-Hochberg at α = %1.": "Each device's predictions in windows of %n, per predicted class against the training rows of that class: KS with Benjamini-Hochberg at α = %1.",
}


def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&apos;").replace('"', "&quot;"))


def main():
    here = Path(__file__).resolve().parent
    de = (here / "edgewise_de.ts").read_text(encoding="utf-8")
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
           '<TS version="2.1" language="en" sourcelanguage="en">']
    unknown = []
    for ctx in re.finditer(r"<context>\s*<name>(.*?)</name>(.*?)</context>", de, re.S):
        messages = []
        for m in re.finditer(r'<message numerus="yes">\s*<source>(.*?)</source>', ctx.group(2),
                             re.S):
            source = html.unescape(m.group(1))
            if source in SINGULAR:
                one, many = SINGULAR[source], source.replace("(s)", "s")
            elif "(s)" in source:
                one, many = source.replace("(s)", ""), source.replace("(s)", "s")
            else:
                unknown.append(source)
                continue
            messages.append(
                '    <message numerus="yes">\n        <source>%s</source>\n        <translation>\n'
                "            <numerusform>%s</numerusform>\n"
                "            <numerusform>%s</numerusform>\n        </translation>\n    </message>"
                % (m.group(1), esc(one), esc(many)))
        if messages:
            out.append("<context>\n    <name>%s</name>" % ctx.group(1))
            out.extend(messages)
            out.append("</context>")
    out.append("</TS>")
    if unknown:
        sys.exit("make_en_plurals.py: add the singular of: " + "; ".join(unknown))
    (here / "edgewise_en.ts").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
