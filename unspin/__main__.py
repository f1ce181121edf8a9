"""``python -m unspin``."""

import sys

from unspin.cli import main

sys.exit(main())
