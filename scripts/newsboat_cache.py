#!/usr/bin/env python3
"""Fills a newsboat cache.db with the articles of a JSON Lines file (one feed per source), for the
scale benchmark's side-by-side first screen. The cache must exist with newsboat's own schema
(`newsboat -u urls -c cache.db -x print-unread` creates it); writes the `urls` file naming the
feeds. Usage: newsboat_cache.py ARTICLES.jsonl CACHE.db URLS"""
import calendar
import json
import sqlite3
import sys
import time


def epoch(published):
    try:
        return calendar.timegm(time.strptime(published, "%Y-%m-%dT%H:%M:%SZ"))
    except (TypeError, ValueError):
        return 0


def main():
    articles, cache, urls = sys.argv[1:4]
    db = sqlite3.connect(cache)
    feeds = {}
    rows = []
    with open(articles, encoding="utf-8") as lines:
        for line in lines:
            a = json.loads(line)
            source = a.get("source") or "unknown"
            feed = feeds.setdefault(source, f"http://127.0.0.1:9/{len(feeds)}.xml")
            rows.append((a.get("id") or a.get("url") or str(len(rows)), a.get("title") or "", "",
                         a.get("url") or "", feed, epoch(a.get("published")), a.get("body") or "", 1))
            if len(rows) >= 10000:
                db.executemany("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, "
                               "content, unread) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
                rows.clear()
    db.executemany("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, "
                   "unread) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT OR REPLACE INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
                   [(url, url, source) for source, url in feeds.items()])
    db.commit()
    with open(urls, "w", encoding="utf-8") as out:
        out.writelines(f"{url}\n" for url in feeds.values())


if __name__ == "__main__":
    main()
