"""What keeps the report inert: nothing read from a run folder becomes script or markup.

A run folder is shared like a dataset, so its file names, JSON keys, camera names and SVG files are
untrusted. The page (report/html.py, report/viewer.py) puts them in only through these:

  file_url(path, page_dir)  a relative URL (each path component percent-encoded, so no scheme such as
                            `javascript:` and no query or fragment survives) to a file in the run folder
  svg_image(svg, alt)       an SVG as <img src="data:image/svg+xml;base64,...">: an image, whose scripts
                            and links browsers never run (inline <svg> would run its <script>)
  script_json(obj)          JSON for <script type="application/json">: '<', '>' and '&' as \\u escapes,
                            so `</script>` or `<!--` inside a string cannot end or alter the block
  csp_meta(scripts)         the Content-Security-Policy <meta>: only the page's own inline scripts (by
                            sha256) run; no plugins, <base> or forms. The 3D viewer's library needs
                            blob: workers and URLs and WebAssembly compilation, which are allowed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from pathlib import Path
from urllib.parse import quote


def file_url(path: Path, page_dir: Path) -> str:
    rel = Path(os.path.relpath(Path(path).resolve(), Path(page_dir).resolve())).as_posix()
    return "/".join(quote(part, safe="") for part in rel.split("/"))   # '..' and names stay; ':', '?', '#' do not


def svg_image(svg: str, alt: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"<img alt='{html.escape(alt, quote=True)}' src='data:image/svg+xml;base64,{data}' style='width:100%'>"


def script_json(obj) -> str:
    text = json.dumps(obj, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def csp_meta(scripts: list[str]) -> str:
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                      for s in scripts)
    policy = (f"default-src 'none'; script-src {hashes} 'wasm-unsafe-eval'; worker-src blob:; "
              "connect-src blob: data:; img-src data: blob:; media-src 'self' data: blob: file:; "
              "style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'")
    return f"<meta http-equiv='Content-Security-Policy' content=\"{policy}\">"
