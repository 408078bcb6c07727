#!/usr/bin/env python3
"""Writes assets/gazetteer/centroids.tsv: one country a line, ISO 3166-1 alpha-2 code, latitude,
longitude of its approximate centre, for the TUI's world map. Source: mledoze/countries
(`latlng`, ODbL 1.0, see assets/gazetteer/README.md). Standard library only.

Usage: python3 scripts/build_centroids.py [DATA_DIR] [OUT_DIR]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "assets", "gazetteer")


def main():
    path = os.path.join(DATA, "mledoze-countries", "countries.json")
    with open(path, encoding="utf-8") as f:
        countries = json.load(f)
    rows = []
    for country in countries:
        code = country.get("cca2", "")
        latlng = country.get("latlng") or []
        if len(code) == 2 and len(latlng) == 2:
            rows.append((code, float(latlng[0]), float(latlng[1])))
    rows.sort()
    with open(os.path.join(OUT, "centroids.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for code, lat, lon in rows:
            f.write(f"{code}\t{lat:.2f}\t{lon:.2f}\n")
    print(f"centroids.tsv: {len(rows)} countries")


if __name__ == "__main__":
    main()
