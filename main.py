"""Entry point for `python main.py`: the same program as `atl-reader`."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
