"""Deterministic generator of complete LinkedIn "Download your data" exports (synthetic, format-faithful).

    from orchestration.generator import generate_export, generate_users, write_demo_users, PERSONAS
    ge = generate_export(Path("data/raw/u1"), persona="specialist", seed=7)

Same seed + arguments = byte-identical output (zip timestamps included). Modules: `vocabulary` /
`vocab_companies` (names, employers, titles, skills), `personas` (who the owner is), `people` (identity
sampling), `network` (the simulated network, pure data), `content` (text), `eras` + `formats` (file formats per
era), `archive` (zip / folder writing), `export` (this API), `cli` (the command).
"""

from .eras import ERA_NAMES, ERAS
from .export import DEFAULT_AS_OF, GeneratedExport, generate_export, generate_users, write_demo_users
from .formats import TABLES
from .personas import PERSONA_NAMES, PERSONAS, Persona, draw_network_size, draw_typical

__all__ = [
    "DEFAULT_AS_OF", "ERAS", "ERA_NAMES", "GeneratedExport", "PERSONAS", "PERSONA_NAMES", "Persona", "TABLES",
    "draw_network_size", "draw_typical", "generate_export", "generate_users", "write_demo_users",
]
