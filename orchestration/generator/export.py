"""The public entry points: one export, N users (scale mode), and the three demo users."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .archive import KINDS, write_archive
from .eras import get_era
from .formats import FormatOptions, expected_rows, render_export
from .network import simulate
from .personas import PERSONA_FIELDS, PERSONA_NAMES, resolve_persona

DEFAULT_AS_OF = date(2026, 11, 20)
FORMAT_OPTION_NAMES = frozenset({"messages_variant", "split_tables", "split_style", "bom_files", "coach_files",
                                 "name_artifact"})
DEFAULT_USER_WEIGHTS: dict[str, float] = {"typical": 0.88, "specialist": 0.04, "new_grad": 0.04, "collector": 0.02,
                                          "lapsed": 0.02}
DEMO_USERS: tuple[tuple[str, int, dict[str, object]], ...] = (
    ("collector", 11, {"n_connections": 3000}),   # smaller than the 5,000 preset to keep the demo quick
    ("specialist", 7, {}),
    ("new_grad", 3, {}),
)


@dataclass
class GeneratedExport:
    path: Path                       # the zip file, or the top folder for folder layouts
    persona: str
    seed: int
    as_of: date
    era: str
    expected_rows: dict[str, int]    # raw table -> data records written (0 when the file is absent)
    owner_profile_url: str           # https URL with the slug as raw Unicode (the messages.csv form)
    owner_name: str                  # "First Last" as in Profile.csv and the FROM column
    kind: str = "Complete"
    layout: str = "zip"
    files: list[str] = field(default_factory=list)   # paths inside the export, in write order
    user_id: str | None = None


def generate_export(out_dir: Path, persona: str = "typical", seed: int = 0, as_of: date | None = None,
                    era: str = "current", kind: str = "Complete", layout: str = "zip",
                    split_rows: int | None = None, **overrides: object) -> GeneratedExport:
    """Write ONE export into out_dir (e.g. out_dir/Complete_LinkedInDataExport_11-20-2026.zip).

    `as_of` defaults to DEFAULT_AS_OF for the current era and to a date inside the era otherwise, so output
    never depends on today's date. `overrides` are Persona fields (e.g. n_connections=3000) or format options
    (messages_variant, split_tables, split_style, bom_files, coach_files, name_artifact).
    """
    era_spec = get_era(era)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    if as_of is None:
        as_of = DEFAULT_AS_OF if era_spec.name == "current" else era_spec.default_as_of
    persona_over = {k: v for k, v in overrides.items() if k in PERSONA_FIELDS}
    fmt_over = {k: v for k, v in overrides.items() if k in FORMAT_OPTION_NAMES}
    unknown = set(overrides) - set(persona_over) - set(fmt_over)
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    over_key = ",".join(f"{k}={persona_over[k]!r}" for k in sorted(persona_over))
    net_rng = random.Random(f"net|{seed}|{persona}|{as_of.isoformat()}|{over_key}")
    spec = resolve_persona(persona, net_rng, persona_over)
    net = simulate(spec, net_rng, as_of, era_spec.year)
    opts = FormatOptions(
        messages_variant=fmt_over.get("messages_variant"),  # type: ignore[arg-type]
        split_rows=split_rows,
        split_tables=tuple(fmt_over.get("split_tables", ("messages",))),  # type: ignore[arg-type]
        split_style=str(fmt_over.get("split_style", "numbered")),
        bom_files=tuple(fmt_over.get("bom_files", ())),  # type: ignore[arg-type]
        coach_files=fmt_over.get("coach_files"),  # type: ignore[arg-type]
    )
    if opts.split_style not in ("numbered", "base"):
        raise ValueError("split_style must be 'numbered' or 'base'")
    fmt_rng = random.Random(f"fmt|{seed}|{persona}|{era_spec.name}|{as_of.isoformat()}|{over_key}")
    files = render_export(net, era_spec, kind, opts, fmt_rng)
    path = write_archive(Path(out_dir), kind, as_of, files, layout, str(fmt_over.get("name_artifact", "")))
    return GeneratedExport(
        path=path, persona=persona, seed=seed, as_of=as_of, era=era_spec.name, expected_rows=expected_rows(files),
        owner_profile_url=net.owner.url, owner_name=net.owner.display_name, kind=kind, layout=layout,
        files=[f.path for f in files],
    )


def generate_users(out_root: Path, n: int, seed: int = 0, as_of: date | None = None,
                   weights: dict[str, float] | None = None, era: str = "current", variety: bool = False,
                   **overrides: object) -> list[GeneratedExport]:
    """Scale mode: out_root/user-00000/<export>, ... for n users with a realistic size mix.

    `weights` maps persona -> probability (default: mostly "typical" random draws plus a few presets).
    `variety=True` also mixes archive kinds and layouts (Basic zips, folders, wrapper folders, Basic+Complete
    pairs) and staggers export dates over the 30 days before as_of, as a real intake would.
    """
    weights = weights or DEFAULT_USER_WEIGHTS
    bad = set(weights) - set(PERSONA_NAMES)
    if bad:
        raise ValueError(f"unknown persona(s) in weights: {', '.join(sorted(bad))}")
    names = sorted(weights)
    cum, acc = [], 0.0
    for nm in names:
        acc += float(weights[nm])
        cum.append(acc)
    base_as_of = as_of or (DEFAULT_AS_OF if era == "current" else get_era(era).default_as_of)
    out: list[GeneratedExport] = []
    for i in range(n):
        rng = random.Random(f"users|{seed}|{i}")
        persona = rng.choices(names, cum_weights=cum)[0]
        user_seed = rng.randrange(2**31)
        user_id = f"user-{i:05d}"
        target = Path(out_root) / user_id
        day = base_as_of
        kind, layout, both = "Complete", "zip", False
        if variety:
            day = base_as_of - timedelta(days=rng.randrange(30))
            r = rng.random()
            kind = "Basic" if r < 0.08 else "Complete"
            layout = rng.choices(("zip", "folder", "wrapped_folder", "wrapped_zip"), (85, 6, 6, 3))[0]
            both = kind == "Complete" and rng.random() < 0.05
        ge = generate_export(target, persona=persona, seed=user_seed, as_of=day, era=era, kind=kind, layout=layout,
                             **overrides)
        ge.user_id = user_id
        if both:
            generate_export(target, persona=persona, seed=user_seed, as_of=day, era=era, kind="Basic", layout="zip",
                            **overrides)
        out.append(ge)
    return out


def write_demo_users(out_root: Path) -> list[GeneratedExport]:
    """The demo: out_root/{collector,specialist,new_grad}/<zip>, small and deterministic."""
    out = []
    for persona, seed, over in DEMO_USERS:
        ge = generate_export(Path(out_root) / persona, persona=persona, seed=seed, **over)
        ge.user_id = persona
        out.append(ge)
    return out
