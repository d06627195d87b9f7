"""Great Expectations Data Docs for validation runs, built into a local folder that works offline.

Flow (docs/data-quality.md): a bare `batch.validate()` stores nothing, so each suite is run through a
validation definition + checkpoint, which stores its result (GX JSON) in `<docs_dir>/.results/`; then ONE
`ctx.build_data_docs(resource_identifiers=...)` renders the result pages of this build, the suites' pages
and the index, on a filesystem site (`TupleFilesystemStoreBackend`, base directory =
`Settings.from_env().data_docs_dir`, default `data/data_docs/`). No `UpdateDataDocsAction` in the
checkpoints: it re-renders the index after every suite (about 1-2 s each, growing with the stored runs).

Deferred pages (`render=False`): the results are stored but nothing is rendered (about 0.1 s instead of
seconds); the next rendering build (any suite) also renders every stored result that has no page yet. The
raw checks use this (one call per suite), the staging/intermediate/marts checks render once per step, so
the raw pages appear when the run's dbt checks finish.

Why the post-processing: Connection Score is a local-first product that must work without internet, but
GX pages load Bootstrap, jQuery, Popper, bootstrap-table, bootstrap-datepicker, bootstrap-dark, Vega and
Font Awesome from CDNs and a logo from S3 (with the context id in the query string); offline the index
page renders blank. So after every build `make_offline()`:
  - copies the vendored files (`data_docs_vendor/`, see `vendor_data_docs_assets.py`) to `static/vendor/`;
  - rewrites every remote URL (http, https, protocol-relative) in `src`/`href` attributes and CSS `url()`
    of the generated .html/.css files to a relative path to the vendored copy, and the GX logo to the
    Connection Score logo; remote *links* (`<a href>` to GX docs/newsletter) become `#`;
  - drops `integrity`/`crossorigin` attributes (Chromium refuses CORS-mode loads from file://; the
    vendor script verified those hashes against the npm files);
  - fixes GX's wrong-depth relative `static/...` paths (e.g. the favicon of validation pages);
  - drops GX's newsletter footer (a dead link offline).
An unknown remote resource (after a GX upgrade) raises `OfflineDocsError` instead of shipping a page
that phones home.

Site layout:
    <docs_dir>/index.html
    <docs_dir>/expectations/<stage>/<table>.html
    <docs_dir>/validations/<stage>/<table>/<run_name>/<run_time>/connection_score-<stage>.<table>.html
    <docs_dir>/static/{images,styles,fonts}/...          (GX)
    <docs_dir>/static/vendor/{npm/<pkg>@<version>/...,logo/...}   (vendored, offline)
    <docs_dir>/.results/<stage>/<table>/<run_name>/<run_time>/<batch>.json   (GX results kept for history)
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence, Union

from orchestration.checks import vendor_data_docs_assets as vendor
from orchestration.checks.suites import SuiteSpec, load_suite, new_context

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from orchestration.checks.validation import ValidationSummary

SITE_NAME = "connection_score_local"
RESULTS_DIR = ".results"   # GX validation results (JSON) backing the site's history
KEEP_RUNS = 20             # stored runs per suite
VENDOR_SITE_DIR = Path("static") / "vendor"


class OfflineDocsError(RuntimeError):
    """A generated page references a remote resource that is not vendored."""


@dataclass(frozen=True)
class DocsInput:
    suite: SuiteSpec | str | Path
    frame: "pd.DataFrame"
    users: Sequence[str] | None = None


DocsInputLike = Union[DocsInput, tuple]


def default_docs_dir() -> Path:
    from orchestration.settings import Settings

    return Settings.from_env().data_docs_dir


def site_config(docs_dir: Path) -> dict[str, Any]:
    return {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "show_cta_footer": False,
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder", "show_cta_footer": False},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
    }


def validate_and_build_docs(
    inputs: Iterable[DocsInputLike],
    docs_dir: str | Path | None = None,
    *,
    run_name: str | None = None,
    keep_runs: int = KEEP_RUNS,
    render: bool = True,
) -> tuple[list["ValidationSummary"], Path]:
    """Validate each (suite, frame[, users]) through a checkpoint that stores the result, render the
    Data Docs once (pages of this build + pending pages + index), make the site offline, and return the
    per-suite summaries (with `data_docs_page`, `data_docs_index`) and the path of index.html. One GX
    context per call. `render=False` only stores the results (see the module docstring).

    Earlier runs stay in the site: validation results are kept as GX JSON in `<docs_dir>/.results/`
    (the context is ephemeral otherwise) and the newest `keep_runs` runs per suite are kept (older
    results and their pages are deleted). Every suite under `expectations/` is added to the context so
    that its page, once rendered, stays (GX deletes pages of suites its context does not know)."""
    from dataclasses import replace

    from orchestration.checks.suites import gx_setup, load_all
    from orchestration.checks.validation import run_suite

    gx_setup()
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    docs_dir = Path(docs_dir) if docs_dir is not None else default_docs_dir()
    docs_dir = docs_dir.resolve()
    docs_dir.mkdir(parents=True, exist_ok=True)
    items = [_as_input(i) for i in inputs]
    specs = [i.suite if isinstance(i.suite, SuiteSpec) else load_suite(i.suite) for i in items]
    for name in {s.name for s in specs}:
        prune_runs(docs_dir, name, keep=max(keep_runs - 1, 0))

    ctx = new_context(validation_results_dir=docs_dir / RESULTS_DIR)
    ctx.add_data_docs_site(site_name=SITE_NAME, site_config=site_config(docs_dir))
    validated = {s.name for s in specs}
    if render:
        # The index build deletes the pages of suites its context does not know: add them all.
        for name, other in _repo_suites(load_all).items():
            if name not in validated:
                ctx.suites.add(other.build())
    started = time.time()
    summaries = []
    for spec, item in zip(specs, items):
        summaries.append(run_suite(ctx, spec, item.frame, users=item.users, docs_site=SITE_NAME,
                                   run_name=run_name or "connection_score"))
    trim_stored_results(docs_dir, since=started)
    index = docs_dir / "index.html"
    summaries = [replace(s, data_docs_index=index, data_docs_page=result_page(docs_dir, s.docs_result_id))
                 for s in summaries]
    if not render:
        return summaries, index
    # One rendering pass: the result pages of this build and of earlier deferred builds, the pages of
    # the suites validated now, and the index. Re-rendering every kept run would cost seconds.
    new_ids = [s.docs_result_id for s in summaries if s.docs_result_id is not None]
    # A suite's own page is re-rendered only when its file changed since (about 1 s per page).
    outdated = [s for s in {s.name: s for s in specs}.values() if _suite_page_outdated(docs_dir, s)]
    ctx.build_data_docs(site_names=[SITE_NAME], resource_identifiers=[
        *new_ids, *(i for i in pending_results(docs_dir) if i not in new_ids),
        *(ExpectationSuiteIdentifier(name=s.name) for s in sorted(outdated, key=lambda s: s.name))])
    make_offline(docs_dir, since=started)
    return summaries, index


def suite_page(docs_dir: Path, suite_name: str) -> Path:
    return Path(docs_dir) / "expectations" / Path(*suite_name.split(".")[:-1]) / f"{suite_name.split('.')[-1]}.html"


def _suite_page_outdated(docs_dir: Path, spec: SuiteSpec) -> bool:
    page = suite_page(docs_dir, spec.name)
    return not page.is_file() or page.stat().st_mtime < spec.path.stat().st_mtime


def docs_dir_for(warehouse_path: str | Path) -> Path | None:
    """Where the pipeline's checks write Data Docs: $CONNECTION_SCORE_DATA_DOCS when set (`off` disables
    them), else `data_docs/` next to the warehouse file (with the default settings both are
    `data/data_docs/`, `Settings.data_docs_dir`)."""
    configured = os.environ.get("CONNECTION_SCORE_DATA_DOCS", "").strip()
    if configured.lower() in ("off", "none", "false", "0"):
        return None
    return Path(configured) if configured else Path(warehouse_path).resolve().parent / "data_docs"


def result_page(docs_dir: Path, result_id: Any) -> Path | None:
    """The HTML page of a stored validation result (rendered now or by the next rendering build)."""
    if result_id is None:
        return None
    parts = result_id.to_tuple()   # (*suite name parts, run_name, run_time, batch_identifier)
    return Path(docs_dir) / "validations" / Path(*parts[:-1]) / f"{parts[-1]}.html"


def pending_results(docs_dir: Path) -> list[Any]:
    """Identifiers of stored validation results that have no page yet (deferred builds)."""
    from great_expectations.data_context.types.resource_identifiers import ValidationResultIdentifier

    results = Path(docs_dir) / RESULTS_DIR
    out = []
    for f in sorted(results.rglob("*.json")):
        rel = f.relative_to(results).with_suffix("")
        if not (Path(docs_dir) / "validations" / rel).with_suffix(".html").is_file():
            out.append(ValidationResultIdentifier.from_tuple(rel.parts))
    return out


def _repo_suites(load_all) -> dict[str, SuiteSpec]:
    import logging

    try:
        return load_all()
    except Exception as exc:  # a broken suite elsewhere must not stop the docs of this run
        logging.getLogger(__name__).warning("Data Docs: not all suites could be loaded: %s", exc)
        return {}


def trim_stored_results(docs_dir: Path, since: float = 0.0, keep: int = 20) -> int:
    """Shorten the full unexpected-value/index lists in stored results (validation runs with the
    COMPLETE result format, which lists every unexpected row; the pages are already rendered and only
    need the partial lists). Returns the number of files rewritten."""
    import json

    rewritten = 0
    for f in (docs_dir / RESULTS_DIR).rglob("*.json"):
        if f.stat().st_mtime < since:
            continue
        doc = json.loads(f.read_text(encoding="utf-8"))
        changed = False
        for r in doc.get("results", []):
            res = r.get("result") or {}
            for key in ("unexpected_list", "unexpected_index_list"):
                if isinstance(res.get(key), list) and len(res[key]) > keep:
                    res[key] = res[key][:keep]
                    res[f"{key}_truncated"] = True
                    changed = True
        if changed:
            f.write_text(json.dumps(doc), encoding="utf-8")
            rewritten += 1
    return rewritten


def prune_runs(docs_dir: Path, suite_name: str, keep: int) -> list[str]:
    """Delete all but the newest `keep` stored runs (results + pages) of one suite; returns run dirs."""
    parts = suite_name.split(".")
    results = docs_dir / RESULTS_DIR / Path(*parts)
    runs = sorted({p.parent.relative_to(results) for p in results.glob("*/*/*.json")},
                  key=lambda r: r.name, reverse=True)  # <run_name>/<run_time>, newest run_time first
    removed = []
    for run in runs[keep:]:
        for base in (results, docs_dir / "validations" / Path(*parts)):
            target = base / run
            if target.is_dir():
                shutil.rmtree(target)
            if target.parent.is_dir() and not any(target.parent.iterdir()):
                target.parent.rmdir()  # the now empty <run_name> folder
        removed.append(run.as_posix())
    return removed


def build_data_docs(
    inputs: Iterable[DocsInputLike],
    docs_dir: str | Path | None = None,
    *,
    run_name: str | None = None,
    keep_runs: int = KEEP_RUNS,
) -> Path:
    """Build (or add to) the Data Docs site for these validation inputs; returns index.html's path.

    `inputs`: `DocsInput` or `(suite, frame)` / `(suite, frame, users)` tuples, where suite is a
    SuiteSpec, a suite file path or a `stage.table` name. Results of earlier builds in the same folder
    stay listed in the index.
    """
    return validate_and_build_docs(inputs, docs_dir, run_name=run_name, keep_runs=keep_runs)[1]


def _as_input(item: DocsInputLike) -> DocsInput:
    if isinstance(item, DocsInput):
        return item
    if isinstance(item, tuple) and len(item) in (2, 3):
        return DocsInput(*item)
    raise TypeError(f"expected DocsInput or (suite, frame[, users]), got {type(item).__name__}")


# --------------------------------------------------------------------------------------------------
# offline rewrite

_REMOTE = r"(?:https?:)?//"
_TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*?)?(/?)>", re.S)
_ATTR_URL_RE = re.compile(r"""(\s(?:src|href)\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
_SRI_RE = re.compile(r"""\s(?:integrity|crossorigin)(?:\s*=\s*(["']).*?\1)?(?=[\s/>]|$)""", re.I | re.S)
_CSS_URL_RE = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""", re.I)
_LOCAL_STATIC_RE = re.compile(r"^(?:\./|(?:\.\./)+)?static/(.+)$")


def is_remote(url: str) -> bool:
    return re.match(_REMOTE, url.strip(), re.I) is not None


def _vendor_target(url: str) -> str | None:
    """Vendored file (relative to data_docs_vendor/) for a remote URL, or None."""
    bare = re.split(r"[?#]", url.strip(), maxsplit=1)[0]
    if bare.startswith("//"):
        bare = "https:" + bare
    bare = re.sub(r"^http:", "https:", bare)
    if bare in vendor.URL_MAP:
        return vendor.URL_MAP[bare]
    return vendor.LOGO_URL_PREFIXES.get(bare)


def copy_vendor_assets(site_dir: Path) -> None:
    for rel in vendor.vendored_files():
        src = vendor.VENDOR_DIR / rel
        dst = site_dir / VENDOR_SITE_DIR / rel
        if dst.is_file() and filecmp.cmp(src, dst, shallow=False):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)


def _rel(site_dir: Path, target: Path, from_file: Path) -> str:
    return Path(os.path.relpath(target, from_file.parent)).as_posix()


def _rewrite_url(url: str, *, tag: str | None, site_dir: Path, file: Path, problems: list[str]) -> str:
    if is_remote(url):
        target = _vendor_target(url)
        if target is not None:
            return _rel(site_dir, site_dir / VENDOR_SITE_DIR / target, file)
        if tag == "a":
            return "#"  # a link to GX's web site/docs: not available offline
        problems.append(f"{file}: remote resource not vendored: {url}")
        return url
    m = _LOCAL_STATIC_RE.match(url)
    if m and not (file.parent / url).exists() and (site_dir / "static" / m.group(1)).exists():
        return _rel(site_dir, site_dir / "static" / m.group(1), file)  # GX's wrong-depth paths
    return url


def _rewrite_css(text: str, *, site_dir: Path, file: Path, problems: list[str]) -> str:
    def repl(m: re.Match) -> str:
        new = _rewrite_url(m.group(2), tag=None, site_dir=site_dir, file=file, problems=problems)
        return f"url({m.group(1)}{new}{m.group(1)})"

    return _CSS_URL_RE.sub(repl, text)


def _rewrite_html(text: str, *, site_dir: Path, file: Path, problems: list[str]) -> str:
    def tag_repl(m: re.Match) -> str:
        name, attrs, close = m.group(1).lower(), m.group(2) or "", m.group(3)
        if not attrs:
            return m.group(0)

        def attr_repl(a: re.Match) -> str:
            new = _rewrite_url(a.group(3), tag=name, site_dir=site_dir, file=file, problems=problems)
            return f"{a.group(1)}{a.group(2)}{new}{a.group(2)}"

        attrs = _ATTR_URL_RE.sub(attr_repl, attrs)
        if name in ("script", "link"):
            attrs = _SRI_RE.sub("", attrs)
        if "url(" in attrs:  # inline style attributes
            attrs = _rewrite_css(attrs, site_dir=site_dir, file=file, problems=problems)
        return f"<{m.group(1)}{attrs}{close}>"

    # GX's newsletter footer is a dead link offline (and an upsell): drop it before rewriting.
    text = re.sub(r"<footer>\s*<p>Stay current on everything GX.*?</footer>", "", text, flags=re.S)
    text = _TAG_RE.sub(tag_repl, text)
    # <style> blocks (GX inlines its default stylesheet into every page)
    return re.sub(r"(<style\b[^>]*>)(.*?)(</style>)",
                  lambda m: m.group(1) + _rewrite_css(m.group(2), site_dir=site_dir, file=file,
                                                      problems=problems) + m.group(3),
                  text, flags=re.S | re.I)


def make_offline(site_dir: str | Path, since: float | None = None) -> list[Path]:
    """Vendor the assets into the site and rewrite remote URLs (idempotent). Returns changed files.
    `since`: only files modified at or after this time (a build rewrites only the pages it rendered)."""
    site_dir = Path(site_dir).resolve()
    copy_vendor_assets(site_dir)
    vendor_root = site_dir / VENDOR_SITE_DIR
    problems: list[str] = []
    changed: list[Path] = []
    for f in sorted(site_dir.rglob("*")):
        if not f.is_file() or f.suffix.lower() not in (".html", ".css") or vendor_root in f.parents:
            continue
        if since is not None and f.stat().st_mtime < since - 1:
            continue
        text = f.read_text(encoding="utf-8")
        if f.suffix.lower() == ".css":
            new = _rewrite_css(text, site_dir=site_dir, file=f, problems=problems)
        else:
            new = _rewrite_html(text, site_dir=site_dir, file=f, problems=problems)
        if new != text:
            f.write_text(new, encoding="utf-8")
            changed.append(f)
    if problems:
        raise OfflineDocsError("Data Docs reference remote resources that are not vendored (add them to "
                               "vendor_data_docs_assets.URL_MAP):\n" + "\n".join(problems[:20]))
    return changed


def remote_references(site_dir: str | Path) -> list[tuple[Path, str]]:
    """Remote URLs that a browser would load from the site: `src=`/`href=` values (in .html, and in
    string literals of .js), CSS `url()` and `@import` (in .css and inline styles). Links inside
    licence comments or JS string constants that are never loaded are not counted. Empty after
    `make_offline`."""
    site_dir = Path(site_dir)
    attr = re.compile(r"""\b(?:src|href)\s*=\s*\\?["']?((?:https?:)?//[^"'\s>\\]*)""", re.I)
    imports = re.compile(r"""@import\s+(?:url\()?\s*["']?((?:https?:)?//[^"')\s]*)""", re.I)
    found: list[tuple[Path, str]] = []
    for f in sorted(site_dir.rglob("*")):
        suffix = f.suffix.lower()
        if not f.is_file() or suffix not in (".html", ".css", ".js"):
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        if suffix in (".html", ".js"):
            found += [(f, u) for u in attr.findall(text)]
        if suffix in (".html", ".css"):
            found += [(f, m.group(2)) for m in _CSS_URL_RE.finditer(text) if is_remote(m.group(2))]
            found += [(f, u) for u in imports.findall(text)]
    return found
