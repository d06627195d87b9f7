"""Re-fetch the third-party files that Great Expectations Data Docs pages load from CDNs.

Why: Connection Score is a local-first, offline product. GX 1.24 Data Docs pages reference Bootstrap,
jQuery, Popper, bootstrap-table, bootstrap-datepicker, bootstrap-dark, Vega (+ vega-lite, vega-embed) and
Font Awesome on public CDNs, plus a logo on S3. Offline, the index page renders blank. So the exact files
the GX templates reference are committed under `orchestration/checks/data_docs_vendor/npm/` (with their
licences) and `data_docs.py` copies them into every built site and rewrites the URLs.

`ASSETS` below is the single source of truth: which remote URL maps to which file of which npm package
at which exact version. The versions are the ones in the GX templates
(`great_expectations/render/view/templates/{page,index_page,page_minimal,js_script_imports}.j2`);
`vega@5`, `vega-lite@5` and `vega-embed@6` are ranges on jsDelivr and were resolved to the newest matching
release when vendored (see `version` below).

Usage (needs `npm` and access to the npm registry; nothing else goes to the network):

    .venv/bin/python -m orchestration.checks.vendor_data_docs_assets           # re-fetch everything
    .venv/bin/python -m orchestration.checks.vendor_data_docs_assets --check   # verify committed files

The script runs `npm pack <pkg>@<version>` in a temporary folder, extracts only the listed files and the
licence, verifies the Subresource-Integrity hashes the GX templates carry (popper.js, bootstrap.js), and
writes `data_docs_vendor/npm/<pkg>@<version>/<path>`. After a GX upgrade, run
`--templates` to list the remote URLs the installed GX templates reference and update `ASSETS`.

This module must stay importable without Great Expectations (it is pure data + stdlib).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "data_docs_vendor"
NPM_DIR = VENDOR_DIR / "npm"
LOGO_LIGHT = VENDOR_DIR / "logo" / "connection-score-data-docs.svg"
LOGO_DARK = VENDOR_DIR / "logo" / "connection-score-data-docs-dark.svg"


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    files: tuple[str, ...]          # paths inside the package tarball (without the leading "package/")
    # Licence files copied next to the files. Empty when the npm tarball ships none (popper.js 1.12.9,
    # vega 5.33.1): then a LICENSE-NOTICE.txt is written from package.json's `license` field and the
    # licence banner of the first file, and package.json is kept as provenance.
    license_files: tuple[str, ...]
    # Subresource-Integrity values the GX templates pin, per file (checked after download).
    integrity: dict[str, str] = field(default_factory=dict)

    @property
    def dir_name(self) -> str:
        return f"{self.name}@{self.version}"


PACKAGES: tuple[NpmPackage, ...] = (
    NpmPackage("bootstrap", "4.3.1",
               ("dist/css/bootstrap.min.css", "dist/js/bootstrap.min.js"), ("LICENSE",),
               {"dist/js/bootstrap.min.js":
                "sha384-JjSmVgyd0p3pXB1rRibZUAYoIIy6OrQ6VrjIEaFf/nJGzIxFDsf4x0xIM+B07jRM"}),
    NpmPackage("jquery", "3.7.1", ("dist/jquery.min.js",), ("LICENSE.txt",)),
    NpmPackage("popper.js", "1.12.9", ("dist/umd/popper.min.js",), (),
               {"dist/umd/popper.min.js":
                "sha384-ApNbgh9B+Y1QKtv3Rn7W3mgPxhU9K/ScQsAP7hUibX39j7fakFPskvXusvfa0b4Q"}),
    NpmPackage("bootstrap-table", "1.19.1",
               ("dist/bootstrap-table.min.css", "dist/bootstrap-table.min.js",
                "dist/extensions/filter-control/bootstrap-table-filter-control.min.js"), ("LICENSE",)),
    NpmPackage("bootstrap-table", "1.19.0",
               ("dist/extensions/filter-control/bootstrap-table-filter-control.css",
                "dist/extensions/filter-control/bootstrap-table-filter-control.min.css"), ("LICENSE",)),
    NpmPackage("bootstrap-datepicker", "1.9.0",
               ("dist/css/bootstrap-datepicker.min.css", "dist/js/bootstrap-datepicker.min.js"), ("LICENSE",)),
    NpmPackage("@forevolve/bootstrap-dark", "1.1.0", ("dist/css/bootstrap-prefers-dark.css",), ("LICENSE",)),
    NpmPackage("@fortawesome/fontawesome-free", "6.6.0",
               # all.min.css references ../webfonts/*.woff2 (and .ttf as a fallback no current browser
               # uses); only the woff2 files are kept to stay small.
               ("css/all.min.css", "webfonts/fa-brands-400.woff2", "webfonts/fa-regular-400.woff2",
                "webfonts/fa-solid-900.woff2", "webfonts/fa-v4compatibility.woff2"), ("LICENSE.txt",)),
    # jsDelivr serves the package's "jsdelivr" entry file for a bare `npm/<pkg>@<range>` URL.
    NpmPackage("vega", "5.33.1", ("build/vega.min.js",), ()),
    NpmPackage("vega-lite", "5.23.0", ("build/vega-lite.min.js",), ("LICENSE",)),
    NpmPackage("vega-embed", "6.29.0", ("build/vega-embed.min.js",), ("LICENSE",)),
)

_PKG = {p.dir_name: p for p in PACKAGES}


def _npm(dir_name: str, path: str) -> str:
    """Site-relative path of a vendored file (under the site's static/vendor/ folder)."""
    assert dir_name in _PKG and path in _PKG[dir_name].files, (dir_name, path)
    return f"npm/{dir_name}/{path}"


# Remote URL (exactly as in the GX templates) -> vendored file (relative to data_docs_vendor/).
URL_MAP: dict[str, str] = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css":
        _npm("bootstrap@4.3.1", "dist/css/bootstrap.min.css"),
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js":
        _npm("bootstrap@4.3.1", "dist/js/bootstrap.min.js"),
    "https://code.jquery.com/jquery-3.7.1.min.js": _npm("jquery@3.7.1", "dist/jquery.min.js"),
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js":
        _npm("popper.js@1.12.9", "dist/umd/popper.min.js"),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css":
        _npm("bootstrap-table@1.19.1", "dist/bootstrap-table.min.css"),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js":
        _npm("bootstrap-table@1.19.1", "dist/bootstrap-table.min.js"),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        _npm("bootstrap-table@1.19.1", "dist/extensions/filter-control/bootstrap-table-filter-control.min.js"),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        _npm("bootstrap-table@1.19.0", "dist/extensions/filter-control/bootstrap-table-filter-control.css"),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        _npm("bootstrap-table@1.19.0", "dist/extensions/filter-control/bootstrap-table-filter-control.min.css"),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        _npm("bootstrap-datepicker@1.9.0", "dist/css/bootstrap-datepicker.min.css"),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        _npm("bootstrap-datepicker@1.9.0", "dist/js/bootstrap-datepicker.min.js"),
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        _npm("@forevolve/bootstrap-dark@1.1.0", "dist/css/bootstrap-prefers-dark.css"),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css":
        _npm("@fortawesome/fontawesome-free@6.6.0", "css/all.min.css"),
    "https://cdn.jsdelivr.net/npm/vega@5": _npm("vega@5.33.1", "build/vega.min.js"),
    "https://cdn.jsdelivr.net/npm/vega-lite@5": _npm("vega-lite@5.23.0", "build/vega-lite.min.js"),
    "https://cdn.jsdelivr.net/npm/vega-embed@6": _npm("vega-embed@6.29.0", "build/vega-embed.min.js"),
}

# Remote logo images (GX adds ?d=<time>&dataContextId=<id> to the first one: a tracking pixel in effect).
LOGO_URL_PREFIXES: dict[str, str] = {
    "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png": "logo/connection-score-data-docs.svg",
    "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png": "logo/connection-score-data-docs-dark.svg",
}


def vendored_files() -> list[Path]:
    """Every file `data_docs.py` copies into a site (relative to VENDOR_DIR)."""
    out: list[Path] = []
    for pkg in PACKAGES:
        for rel in pkg.files + (pkg.license_files or (NOTICE_NAME, "package.json")):
            out.append(Path("npm") / pkg.dir_name / rel)
    out += [LOGO_LIGHT.relative_to(VENDOR_DIR), LOGO_DARK.relative_to(VENDOR_DIR)]
    return out


def template_urls() -> set[str]:
    """Remote URLs of loaded resources (src/href of <script>/<link>/<img>, css url()) in the installed
    GX templates. Needs GX installed but does not import it."""
    import importlib.util

    spec = importlib.util.find_spec("great_expectations")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("great_expectations is not installed")
    root = Path(list(spec.submodule_search_locations)[0]) / "render" / "view"
    urls: set[str] = set()
    pattern = re.compile(r"""<(?:script|link|img)\b[^>]*?\b(?:src|href)=["']((?:https?:)?//[^"'?]+)""", re.I)
    for f in list((root / "templates").glob("*.j2")) + list((root / "static" / "styles").glob("*.css")):
        text = f.read_text(encoding="utf-8")
        urls.update(pattern.findall(text))
        urls.update(re.findall(r"""url\(['"]?((?:https?:)?//[^'")?]+)""", text))
    return urls


NOTICE_NAME = "LICENSE-NOTICE.txt"


def _notice(pkg: NpmPackage, package_json: bytes, first_file: bytes) -> str:
    import json

    meta = json.loads(package_json)
    repo = meta.get("repository")
    repo = repo.get("url") if isinstance(repo, dict) else repo
    banner = re.match(rb"\s*/\*(.*?)\*/", first_file, re.S)
    lines = [
        f"{pkg.name}@{pkg.version}: the npm tarball contains no licence file.",
        f"License (package.json): {meta.get('license')}",
        f"Author: {meta.get('author')}",
        f"Repository: {repo}",
    ]
    if banner:
        lines += ["", f"Banner of {pkg.files[0]}:", banner.group(1).decode("utf-8", "replace").strip()]
    return "\n".join(lines) + "\n"


def _sri(data: bytes, algo: str) -> str:
    return f"{algo}-" + base64.b64encode(hashlib.new(algo, data).digest()).decode()


def fetch(pkg: NpmPackage, dest_root: Path = NPM_DIR) -> list[Path]:
    """`npm pack` one package at its exact version and copy its listed files + licence."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", f"{pkg.name}@{pkg.version}", "--silent", "--pack-destination", tmp],
            cwd=tmp, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()
        tarball = Path(tmp) / out[-1]
        dest = dest_root / pkg.dir_name
        if dest.exists():
            shutil.rmtree(dest)
        written: list[Path] = []
        with tarfile.open(tarball, "r:gz") as tar:
            for rel in pkg.files + pkg.license_files:
                member = tar.getmember(f"package/{rel}")
                data = tar.extractfile(member).read()  # type: ignore[union-attr]
                if rel in pkg.integrity:
                    expected = pkg.integrity[rel]
                    actual = _sri(data, expected.split("-", 1)[0])
                    if actual != expected:
                        raise SystemExit(f"{pkg.dir_name}/{rel}: integrity {actual} != template's {expected}")
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written.append(target)
            if not pkg.license_files:
                package_json = tar.extractfile("package/package.json").read()  # type: ignore[union-attr]
                (dest / "package.json").write_bytes(package_json)
                first = (dest / pkg.files[0]).read_bytes()
                (dest / NOTICE_NAME).write_text(_notice(pkg, package_json, first), encoding="utf-8")
                written += [dest / "package.json", dest / NOTICE_NAME]
    return written


def check() -> list[str]:
    """Problems with the committed vendor folder (missing files, unmapped template URLs)."""
    problems = [f"missing {p}" for p in vendored_files() if not (VENDOR_DIR / p).is_file()]
    for pkg in PACKAGES:
        for rel, expected in pkg.integrity.items():
            f = NPM_DIR / pkg.dir_name / rel
            if f.is_file() and _sri(f.read_bytes(), expected.split("-", 1)[0]) != expected:
                problems.append(f"integrity mismatch {f}")
    try:
        known = set(URL_MAP) | set(LOGO_URL_PREFIXES)
        problems += [f"template URL not vendored: {u}" for u in sorted(template_urls() - known)]
    except SystemExit as exc:  # GX not installed: skip the template comparison
        problems.append(str(exc))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify the committed files, fetch nothing")
    parser.add_argument("--templates", action="store_true", help="list remote URLs in the GX templates")
    args = parser.parse_args(argv)
    if args.templates:
        known = set(URL_MAP) | set(LOGO_URL_PREFIXES)
        for u in sorted(template_urls()):
            print(("ok      " if u in known else "MISSING ") + u)
        return 0
    if not args.check:
        for pkg in PACKAGES:
            files = fetch(pkg)
            size = sum(f.stat().st_size for f in files)
            print(f"{pkg.dir_name}: {len(files)} files, {size / 1024:.0f} KiB")
    problems = check()
    for p in problems:
        print("PROBLEM", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
