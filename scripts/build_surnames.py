#!/usr/bin/env python3
"""Builds assets/gazetteer/census_surnames.txt and census_given_names.txt from the US Census 1990
name lists (a work of the US government, public domain), folded, the most frequent first.

The lists ship in the PyPI package `names` 0.3.0 (names/dist.all.last, dist.male.first,
dist.female.first). Standard library and pip only; run after build_gazetteer.py (given names
that are also place names in its patterns.tsv are left out). Usage:
python3 scripts/build_surnames.py [COUNT] (default 50000 surnames).
Surnames that are English words (Debian's wamerican dictionary) are left out. The analyser uses
the surnames for one rule (a lone capitalised word that nothing else explains
is a surname only when it is a known family name) and the given names to open a name at the
start of a sentence, where every word is capitalised.
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
GIVEN_OUT = os.path.join(ROOT, "assets", "gazetteer", "census_given_names.txt")


# English words among the Census given names: months, virtues, colours, ranks.
WORDS = set("""june april may august hope joy grace faith charity summer autumn dawn crystal ruby
pearl iris rose violet amber ivy holly olive ginger candy honey sunny sky rain storm guy will mark
bill frank jack rich don ray art pat sue carol jay dean earl king bishop major prince duke baron
page lane chase price hunter young long love star angel bliss harmony melody destiny trinity
justice liberty unique precious miracle marine sterling royal noble general""".split())


def census_files():
    """The three Census files' lines, by file name."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "-d", tmp, "names==0.3.0"],
            check=True, stdout=subprocess.DEVNULL)
        archive = next(f for f in os.listdir(tmp) if f.endswith(".tar.gz"))
        files = {}
        with tarfile.open(os.path.join(tmp, archive)) as tar:
            for member in tar.getmembers():
                name = os.path.basename(member.name)
                if name.startswith("dist."):
                    files[name] = tar.extractfile(member).read().decode("ascii").splitlines()
        return files


def place_names():
    """Folded names of the gazetteer's patterns (countries, cities, regions...)."""
    path = os.path.join(ROOT, "assets", "gazetteer", "patterns.tsv")
    with open(path, encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f}


def stop_words():
    words = set()
    for name in ("common_words.txt", "stopwords.txt"):
        with open(os.path.join(ROOT, "scripts", "gazetteer", name), encoding="utf-8") as f:
            words |= {fold(w.strip()) for w in f if w.strip() and not w.startswith("#")}
    return words


def write(path, header, names):
    with open(path, "w", encoding="utf-8") as out:
        out.write(header + "\n")
        for name in names:
            out.write(name + "\n")
    print(f"{len(names)} names -> {path}")


def english_words():
    """Lower-case words of an English dictionary (Debian's wamerican, SCOWL): family names that
    are also common words ("Best", "Rice", "Nation") say nothing alone."""
    path = "/usr/share/dict/american-english"
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: apt-get install wamerican")
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip().islower()}


def main():
    files = census_files()
    words = english_words()
    surnames = [fold(line.split()[0]) for line in files["dist.all.last"][:COUNT]]
    surnames = [n for n in surnames if n.isalpha() and len(n) >= 3 and n not in words]
    write(OUT, "# US Census 1990 surnames (public domain) that are no English words, folded, most"
          " frequent first;"
          " made by scripts/build_surnames.py", surnames)
    # Given names: the male list and the more common half of the female one, without place
    # names ("Georgia", "Paris") and common words ("May", "Grace").
    skip = place_names() | stop_words() | WORDS
    given = []
    for file, count in (("dist.male.first", 1219), ("dist.female.first", 2000)):
        for line in files[file][:count]:
            name = fold(line.split()[0])
            if name.isalpha() and len(name) >= 3 and name not in skip and name not in given:
                given.append(name)
    write(GIVEN_OUT, "# US Census 1990 given names (public domain), folded, without place names"
          " and common words; made by scripts/build_surnames.py", given)


if __name__ == "__main__":
    main()
