#!/usr/bin/env python3
"""Builds assets/gazetteer/census_surnames.txt: the family names of the US Census 1990 surname
list (a work of the US government, public domain), folded, the most frequent first.

The list ships in the PyPI package `names` 0.3.0 (file names/dist.all.last). Standard library
and pip only. Usage: python3 scripts/build_surnames.py [COUNT] (default 50000 names).
The analyser uses it for one rule: a lone capitalised word that nothing else explains is taken
for a surname only when it is a known family name.
"""
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from build_gazetteer import fold  # noqa: E402  (the same folding as the analyser)

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
OUT = os.path.join(ROOT, "assets", "gazetteer", "census_surnames.txt")


def census_lines():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "-d", tmp, "names==0.3.0"],
            check=True, stdout=subprocess.DEVNULL)
        archive = next(f for f in os.listdir(tmp) if f.endswith(".tar.gz"))
        with tarfile.open(os.path.join(tmp, archive)) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("dist.all.last"))
            return tar.extractfile(member).read().decode("ascii").splitlines()


def main():
    names = []
    for line in census_lines()[:COUNT]:
        name = line.split()[0]
        if name.isalpha() and len(name) >= 3:
            names.append(fold(name))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# US Census 1990 surnames (public domain), folded, most frequent first;"
                  " made by scripts/build_surnames.py\n")
        for name in names:
            out.write(name + "\n")
    print(f"{len(names)} surnames -> {OUT}")


if __name__ == "__main__":
    main()
