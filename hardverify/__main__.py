"""``python -m hardverify`` = the ``hardverify`` command."""

import sys

from .cli import main

sys.exit(main())
