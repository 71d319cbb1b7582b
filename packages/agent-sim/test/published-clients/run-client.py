"""Runs the reference's published Python client unchanged but for its base URL and key.

The client leaves `empty_composition` to its reader ("see Project Management API"), so it is
defined here. Older httpx (< 0.24) keeps line endings in `iter_lines()`; the client was
written for the newer behaviour, so line endings are stripped here rather than in the server.
"""
import os
import pathlib
import sys

import httpx

base_url = os.environ["KVID_BASE_URL"]
api_key = os.environ["KVID_API_KEY"]

version = tuple(int(part) for part in httpx.__version__.split(".")[:2])
if version < (0, 24):
    original_iter_lines = httpx.Response.iter_lines

    def iter_lines_stripped(self):
        for line in original_iter_lines(self):
            yield line.rstrip("\r\n")

    httpx.Response.iter_lines = iter_lines_stripped

empty_composition = {
    "fps": 30,
    "compositionWidth": 1920,
    "compositionHeight": 1080,
    "tracks": [],
    "items": {},
    "assets": {},
}

source = (pathlib.Path(__file__).parent / "client.py").read_text()
source = source.replace('"https://api.kvid.ai', '"' + base_url).replace('"YOUR_API_KEY"', repr(api_key))
sys.stdout.reconfigure(line_buffering=True)
exec(compile(source, "client.py", "exec"), {"empty_composition": empty_composition, "__name__": "__main__"})
