#!/usr/bin/env python3
"""Writes N generated news articles (French and English, ~2.4 KB, country names inside) as JSON
Lines, or as one JSON array with --array, for the scale benchmark. Deterministic for a given N and
--seed, so runs compare like with like. Usage: gen_articles.py N [--array] [--seed S] > out"""
import argparse
import json
import random
import sys

COUNTRIES_EN = ["France", "Germany", "Kenya", "Brazil", "Japan", "India", "Canada", "Nigeria",
                "Mexico", "Egypt", "Australia", "Argentina", "Vietnam", "Poland", "Ghana", "Peru"]
COUNTRIES_FR = ["France", "Allemagne", "Kenya", "Brésil", "Japon", "Inde", "Canada", "Nigeria",
                "Mexique", "Égypte", "Australie", "Argentine", "Viêt Nam", "Pologne", "Ghana", "Pérou"]
WORDS_EN = ("government minister said talks trade growth election market rain harvest port "
            "energy prices budget council reform border court workers union bank report region "
            "officials announced week plan water schools hospital export record season").split()
WORDS_FR = ("gouvernement ministre a déclaré négociations commerce croissance élection marché "
            "pluie récolte port énergie prix budget conseil réforme frontière tribunal ouvriers "
            "syndicat banque rapport région responsables annoncé semaine plan eau écoles hôpital "
            "exportations record saison").split()
SOURCES = ["Daily Wire Service", "Agence Nouvelles", "Coastal Herald", "Le Courrier du Matin"]


def sentence(rng, words, countries):
    picked = [rng.choice(words) for _ in range(rng.randint(8, 16))]
    picked.insert(rng.randrange(len(picked)), rng.choice(countries))
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def article(rng, index):
    french = index % 2 == 1
    words, countries = (WORDS_FR, COUNTRIES_FR) if french else (WORDS_EN, COUNTRIES_EN)
    paragraphs = []
    size = 0
    while size < 2300:
        paragraph = " ".join(sentence(rng, words, countries) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    title = sentence(rng, words, countries)[:90].rstrip(".")
    day = 1 + index % 28
    return {
        "id": f"gen-{index}",
        "title": f"{title} ({index})",
        "body": "\n\n".join(paragraphs),
        "url": f"https://news.example/{index}",
        "published": f"2024-{1 + index % 12:02d}-{day:02d}T{index % 24:02d}:00:00Z",
        "source": rng.choice(SOURCES),
        "lang": "fr" if french else "en",
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--array", action="store_true")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    if args.array:
        out.write("[\n")
    for index in range(args.count):
        line = json.dumps(article(rng, index), ensure_ascii=False)
        if args.array:
            out.write(("," if index else "") + line + "\n")
        else:
            out.write(line + "\n")
    if args.array:
        out.write("]\n")


if __name__ == "__main__":
    main()
