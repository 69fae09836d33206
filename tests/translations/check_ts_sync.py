#!/usr/bin/env python3
"""Fails when the committed .ts files are out of sync with the sources: lupdate is run, with
the project file CMake generates for `ninja update_translations` (same sources, include
paths and options), on a copy of each catalogue; any string it adds or drops, or any
translation left unfinished or empty, is reported.
Usage: check_ts_sync.py LUPDATE PROJECT_CMAKE_IN PROJECT_JSON_OUT GENERATOR_SCRIPT TS..."""
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def messages(ts_path):
    root = ET.parse(ts_path).getroot()
    out = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            state = tr.get("type") if tr is not None else "missing"
            text = "".join(tr.itertext()) if tr is not None else ""
            if msg.find("translation/numerusform") is not None:
                text = "|".join(n.text or "" for n in tr.iter("numerusform"))
            out[(name, msg.findtext("source"))] = (state, text)
    return out


def main():
    lupdate, project_in, project_json, generator, *ts_files = sys.argv[1:]
    subprocess.run(["cmake", f"-DIN_FILE={project_in}", f"-DOUT_FILE={project_json}", "-P",
                    generator], check=True)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files:
            copy = Path(tmp) / Path(ts).name
            shutil.copy(ts, copy)
            subprocess.run([lupdate, "-silent", "-project", project_json, "-no-obsolete",
                            "-locations", "none", "-ts", str(copy)], check=True)
            committed, fresh = messages(ts), messages(copy)
            for key in sorted(set(fresh) - set(committed), key=str):
                problems.append(f"{Path(ts).name}: not in the catalogue (run ninja "
                                f"update_translations and translate): {key[0]}: {key[1]!r}")
            for key in sorted(set(committed) - set(fresh), key=str):
                problems.append(f"{Path(ts).name}: obsolete, no longer in the sources: "
                                f"{key[0]}: {key[1]!r}")
            for key, (state, text) in committed.items():
                if state in ("unfinished", "missing") or not text.strip():
                    problems.append(f"{Path(ts).name}: untranslated: {key[0]}: {key[1]!r}")
            print(f"{Path(ts).name}: {len(committed)} messages checked")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
