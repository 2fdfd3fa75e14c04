"""Reading the hand-written lists of this folder, for the scripts that build
the generated ones (first_names_census.py, places_geonames.py)."""

import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))


def entries(name):
    """Every name of list `name`: each side of an `Alias = Name` or
    `Alias ~ Name` line, and the name of a `Name m|f|u` line."""
    with open(os.path.join(HERE, name), encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                for part in re.split(r"\s*[=~]\s*", line):
                    yield part.strip()
