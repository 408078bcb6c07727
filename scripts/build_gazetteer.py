#!/usr/bin/env python3
"""Builds kiosk's gazetteer assets from ../shared/data and the hand-written tables.

Standard library only. Usage: python3 scripts/build_gazetteer.py [DATA_DIR] [OUT_DIR]
(defaults: ../shared/data relative to the repository, assets/gazetteer).

Outputs (all UTF-8, tab-separated, one record a line):
  entities.tsv   kind, code, canonical name, population, flags   (line number = entity id)
  patterns.tsv   folded pattern, flags, entity ids (comma-separated, best first)
  countries.tsv  code, then `name<TAB>locales` pairs for display names by language
  given_names.txt  folded given names, one a line
The folding here must stay identical to src/analyze/fold.rs (a Rust test checks it).
"""
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "assets", "gazetteer")
HAND = os.path.join(ROOT, "scripts", "gazetteer")

SPECIAL = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
           "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
           "\u0153": "oe", "\u0152": "oe", "\u00e6": "ae", "\u00c6": "ae", "\u00df": "ss",
           "\u0629": "\u0647", "\u0649": "\u064a", "\u0640": ""}


def fold(text):
    """NFD, drop combining marks, lowercase, unify apostrophes, collapse whitespace."""
    out = []
    last_space = False
    for ch in text:
        if ch.isspace():
            if not last_space:
                out.append(" ")
            last_space = True
            continue
        last_space = False
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
            continue
        if ch.isascii():
            out.append(ch.lower())
            continue
        for d in unicodedata.normalize("NFD", ch):
            if unicodedata.category(d) in ("Mn", "Mc", "Me"):
                continue
            low = d.lower()
            out.append(SPECIAL.get(low, low))
    return "".join(out)


def script_ok(name):
    """Latin, Arabic and Cyrillic only: the scripts of the languages kiosk reads."""
    for ch in name:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("ARABIC") or n.startswith("CYRILLIC")):
                return False
        elif ch.isdigit():
            return False
    return True


def is_caps(raw):
    letters = [c for c in raw if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def load_lines(name):
    path = os.path.join(HAND, name)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line


entities = []        # (kind, code, name, pop, flags)
entity_index = {}    # (kind, code, name) -> id
patterns = {}        # folded -> {"ids": [...], "flags": set()}
SHORT_OK = set()     # short raw aliases allowed despite length (from hand files)
STOP = set(fold(w) for w in load_lines("stopwords.txt"))
GIVEN = set(fold(w) for w in load_lines("given_names.txt"))
COMMON = set(fold(w) for w in load_lines("common_words.txt"))


def add_country_name(raw, code, eid, english):
    """A foreign variant of a country's name that is also a given name or a common word ("Alan"
    for Åland, "Island" for Iceland) would fire on ordinary text; the English name stays."""
    key = fold(raw)
    if (key in GIVEN or key in COMMON) and key != fold(english[code]):
        return
    add(raw, eid)


def entity(kind, code, name, pop=0, flags=""):
    key = (kind, code, name)
    if key not in entity_index:
        entity_index[key] = len(entities)
        entities.append([kind, code, name, pop, flags])
    return entity_index[key]


def territory_of_its_own(name, aliases, code):
    """Whether a hand-written region of `code` is named like a country of another code, and not
    marked as a mere namesake (`~` before the same name among its aliases)."""
    slot = patterns.get(fold(name.lstrip("@^~")))
    if not slot or "~" + name in aliases.split("|"):
        return False
    return any(entities[i][0] == "C" and entities[i][1] != code for i in slot["ids"])


def add(raw, eid, extra_flags="", hand=False):
    raw = raw.strip()
    flags = set(extra_flags)
    while raw and raw[0] in "@^~":
        flags.add(raw[0])
        raw = raw[1:]
    if not raw or not script_ok(raw):
        return
    key = fold(raw)
    if not hand:
        if len(key) < 4 and not is_caps(raw):
            return
        if len(key) < 2:
            return
        if key in STOP:
            return
    if is_caps(raw) and len(key.replace(".", "")) <= 5:
        flags.add("=")
    slot = patterns.setdefault(key, {"ids": [], "flags": None})
    if eid not in slot["ids"]:
        slot["ids"].append(eid)
    if slot["flags"] is None:
        slot["flags"] = flags
    else:
        # '=' and '@' only if every source demands them; '^' and '~' if any does.
        keep = slot["flags"] & flags & {"=", "@"}
        slot["flags"] = keep | ((slot["flags"] | flags) & {"^", "~"})


def main():
    mled = json.load(open(os.path.join(DATA, "mledoze-countries", "countries.json"), encoding="utf-8"))
    geo_countries = json.load(open(os.path.join(DATA, "geonames", "countries.json"), encoding="utf-8"))
    codes = sorted({c["cca2"] for c in mled} | {"XK"})
    pop = {k: v.get("population", 0) for k, v in geo_countries.items()}

    # Display names by locale (CLDR) plus English canonical names.
    display = {code: {} for code in codes}
    tdir = os.path.join(DATA, "cldr", "territories")
    for fname in sorted(os.listdir(tdir)):
        loc = fname[:-5]
        doc = json.load(open(os.path.join(tdir, fname), encoding="utf-8"))
        terr = doc["main"][loc]["localeDisplayNames"]["territories"]
        for key, name in terr.items():
            code = key.split("-alt-")[0]
            if code not in display:
                continue
            if "-alt-" not in key:
                display[code].setdefault(name, []).append(loc)
            else:
                display[code].setdefault(name, [])
    english = {"CD": "DR Congo", "CG": "Congo-Brazzaville"}
    for code in codes:
        if code in english:
            continue
        en = [n for n, locs in display[code].items() if "en" in locs]
        english[code] = en[0] if en else code

    country_id = {}
    for code in codes:
        country_id[code] = entity("C", code, english[code], pop.get(code, 0))
    for code in codes:
        for name in display[code]:
            add_country_name(name, code, country_id[code], english)
    for c in mled:
        eid = country_id[c["cca2"]]
        names = [c["name"]["common"], c["name"]["official"]]
        for nat in c["name"].get("native", {}).values():
            names += [nat["common"], nat["official"]]
        for tr in c.get("translations", {}).values():
            names += [tr["common"], tr["official"]]
        names += [a for a in c.get("altSpellings", []) if len(a) > 3]
        for name in names:
            add_country_name(name, c["cca2"], eid, english)
        dem = c.get("demonyms") or {}
        for lang, forms in dem.items():
            for form in {forms.get("m", ""), forms.get("f", "")}:
                if not form:
                    continue
                for variant in inflect_demonym(form, "en" if lang == "eng" else "fr"):
                    add(variant, entity("D", c["cca2"], english[c["cca2"]]))

    # countrynames: untagged variants; keep the capitalised ones in our scripts, and none that
    # is really a city (it lists capitals) or already known as a name or demonym.
    city_names = set()
    cities = json.load(open(os.path.join(DATA, "geonames", "cities15000.json"), encoding="utf-8"))
    for city in cities.values():
        city_names.add(fold(city["name"]))
        if city["population"] >= 100000:
            city_names.update(fold(a) for a in city["alternatenames"])
    cur = None
    fail = False
    for line in open(os.path.join(DATA, "countrynames", "data.yaml"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        if not line.startswith(" "):
            key = line.split(":")[0].strip()
            fail = key == "FAIL"
            cur = key if key in country_id else None
            continue
        if cur is None or fail:
            continue
        val = line.strip()
        if not val.startswith("- "):
            continue
        val = val[2:].strip().strip('"').strip("'")
        if val and (val[0].isupper() or not val[0].isascii() and not val[0].islower()):
            if all(ch.isalpha() or ch in " -'.()," for ch in val):
                short_code = is_caps(val) and len(val) <= 4  # ISO/IOC codes read as words
                if fold(val) not in patterns and fold(val) not in city_names and not short_code:
                    add_country_name(val, cur, country_id[cur], english)

    # Hand-written: demonyms in more languages, extra names, regions, organisations, people.
    for line in load_lines("demonyms.tsv"):
        code, lang, forms = line.split("\t")
        for form in forms.split(","):
            flags = "".join(ch for ch in form if ch in "^")
            for variant in inflect_demonym(form.strip().lstrip("^"), lang):
                add(flags + variant, entity("D", code, english[code]), hand=True)
    for fname in ("names.tsv", "regions.tsv", "orgs.tsv", "people.tsv"):
        for line in load_lines(fname):
            kind, code, name, aliases = line.split("\t")
            if kind == "C":
                eid = country_id[code]
            elif kind == "R" and territory_of_its_own(name, aliases, code):
                # Hong Kong, Puerto Rico: a territory with its own ISO code is that country,
                # never a region of another; only a namesake ("~Georgia", the US state) stays.
                continue
            else:
                eid = entity(kind, code, name.lstrip("@^~"), 0)  # a name may carry flags too
            add(name, eid, hand=True)
            for alias in aliases.split("|"):
                if alias:
                    add(alias, eid, hand=True)
                # Datelines drop the abbreviation's period as often as not ("GREENWICH, Conn,",
                # "TROY, MICH"): the bare form counts there too.
                if alias.startswith("@") and alias.endswith(".") and "." not in alias[1:-1]:
                    add(alias[:-1], eid, hand=True)

    # Cities: the most populous place wins a shared name; capitals flagged.
    capitals = set()
    for c in mled:
        for cap in c.get("capital", []):
            capitals.add((c["cca2"], fold(cap)))
    for code, g in geo_countries.items():
        if g.get("capital"):
            capitals.add((code, fold(g["capital"])))
    given = GIVEN
    # A town named like a person or a common word ("Graham", "Spring", "Salt", "Delta") counts
    # only where the text shows it is a place; its foreign alternate names are dropped outright.
    ambiguous = given | set(fold(w) for w in load_lines("surnames.txt"))
    common = COMMON
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        code = city["countrycode"]
        if code not in country_id:
            continue
        name = city["name"]
        folded = fold(name)
        flags = "K" if (code, folded) in capitals else ""
        eid = entity("Y", code, name, city["population"], flags)
        raw = [name]
        if city["population"] >= 100000 or flags:
            raw += [a for a in city["alternatenames"] if len(a) >= 4]
        for alias in raw:
            key = fold(alias)
            if key in patterns and any(entities[i][0] != "Y" for i in patterns[key]["ids"]):
                continue  # a country, demonym, region or organisation owns this name
            if key in patterns:
                ids = patterns[key]["ids"]
                top = entities[ids[0]][3]
                if len(ids) >= 3 or city["population"] * 10 < top:
                    continue
            if key in common and alias != name:
                continue
            add(("~" if key in ambiguous or key in common else "") + alias, eid)

    write(codes, display, given)


def inflect_demonym(form, lang):
    """Singular/plural and gendered forms of a demonym, by the rules of its language."""
    f = form
    out = {f}
    if lang == "en":
        if not f.endswith(("s", "sh", "ch", "ese", "i")):
            out.add(f + "s")
        if f.endswith("man"):
            out.add(f[:-3] + "men")
    elif lang == "fr":
        if not f.endswith(("s", "x")):
            out.add(f + "s")
    elif lang in ("es", "pt"):
        if f.endswith("o"):
            out |= {f[:-1] + "a", f + "s", f[:-1] + "as"}
        elif f.endswith("e") or f.endswith("a"):
            out.add(f + "s")
        elif f.endswith(("és", "ês")):
            stem = f[:-2] + "es"
            out |= {stem + "a", stem + "as", stem + "es"}
        elif f.endswith(("án", "ín", "ón")):
            stem = f[:-2] + unicodedata.normalize("NFD", f[-2])[0] + "n"
            out |= {stem + "a", stem + "as", stem + "es"}
        elif f.endswith(("í", "ú")):
            out |= {f + "es", f + "s"}
        else:
            out |= {f + "a", f + "as", f + "es"}
    elif lang == "de":
        if f[0].islower():
            out |= {f + s for s in ("e", "en", "er", "es", "em")}
        elif f.endswith("e"):
            out |= {f + "n", f + "r"}
        elif f.endswith("er"):
            out |= {f + "n", f + "in", f + "innen"}
    elif lang == "ar":
        base = f[2:] if f.startswith("ال") else f
        forms = {base, base + "ة", base + "ون", base + "ين"}
        out |= forms | {"ال" + x for x in forms}
    return out


def write(codes, display, given):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "entities.tsv"), "w", encoding="utf-8") as f:
        for kind, code, name, pop, flags in entities:
            f.write(f"{kind}\t{code}\t{name}\t{pop}\t{flags}\n")
    country_pop = {e[1]: e[3] for e in entities if e[0] == "C"}
    rank = {"C": 0, "D": 0, "R": 1, "O": 2, "P": 2, "Y": 3}

    def order(eid):
        kind, code, _, pop, _ = entities[eid]
        size = pop if kind == "Y" else country_pop.get(code, 0) if kind in "CD" else 0
        # A word that is both a country's demonym and a variant of its name ("English",
        # "Swiss") is the demonym.
        return (rank[kind], -size, kind != "D", eid)

    with open(os.path.join(OUT, "patterns.tsv"), "w", encoding="utf-8") as f:
        for key in sorted(patterns):
            slot = patterns[key]
            slot["ids"].sort(key=order)
            flags = "".join(sorted(slot["flags"] or [])) or "-"
            ids = ",".join(str(i) for i in slot["ids"])
            f.write(f"{key}\t{flags}\t{ids}\n")
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        for code in codes:
            parts = [code]
            for name, locs in display[code].items():
                parts += [name, ",".join(locs)]
            f.write("\t".join(parts) + "\n")
    with open(os.path.join(OUT, "given_names.txt"), "w", encoding="utf-8") as f:
        for name in sorted(given):
            f.write(name + "\n")


if __name__ == "__main__":
    main()
