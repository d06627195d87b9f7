"""`python -m orchestration.generator ...` (see cli.py)."""

from .cli import main

raise SystemExit(main())
