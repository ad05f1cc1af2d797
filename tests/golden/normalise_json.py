"""Reads JSON on stdin and writes it with sorted keys, without what differs between two identical runs: versions,
timings and the run's own paths and clock."""
import json, sys

VOLATILE = {"versions", "timings", "seconds", "elapsedSeconds", "createdAt", "created", "folder", "path", "paths"}

def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in VOLATILE}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v

json.dump(strip(json.load(sys.stdin)), sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
sys.stdout.write("\n")
