"""``python -m desktop.cli``: the same as ``countdesk-cli``."""

from desktop.cli import main

if __name__ == "__main__":  # not when a tool walks the package and imports every module
    main()
