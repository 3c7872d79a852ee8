#!/usr/bin/env python3
"""Run the WMT 2023 terminology test set (German→English) through mtcheck's missing-term rule.

The same as `eval_wmt.py`, which runs any WMT terminology set and documents the numbers:

    python scripts/eval_wmt23.py PATH/TO/wmt23-terminology-deen [--base-forms] [--json]
        [--concepts stem|surface] [--offset K] [--top 15]
"""
from __future__ import annotations

import sys

from eval_wmt import main

if __name__ == "__main__":
    sys.exit(main())
