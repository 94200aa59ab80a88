#!/usr/bin/env python3
"""Lays out the two emoji designs of bench/install_data.sh as image folders, and cuts the sample
that data/emoji ships. Python 3 standard library only.

  emoji_split.py install GOOGLE_PKG TWITTER_PKG OUT
      GOOGLE_PKG and TWITTER_PKG are the unpacked npm packages emoji-datasource-google and
      emoji-datasource-twitter (their package/ folders). Writes OUT/google and OUT/twitter.
  emoji_split.py sample SRC OUT
      SRC is an installed emoji folder (DIR/emoji, as written by `install`). Writes OUT/google,
      OUT/twitter and OUT/README.md.

Each design folder holds train/<category>/<image>.png, test/<category>/<image>.png, emoji.csv
(one row per image), the emoji-data project's MIT LICENSE and an ATTRIBUTION.md for the images.

Images: every emoji and skin-tone variant that emoji.json marks as drawn in both designs and
whose 64x64 PNG exists in both img/google/64 and img/twitter/64, except the 5 emoji of the
"Component" category (the bare skin-tone swatches). A variant goes into its base emoji's
category.

Split, by base emoji: a base emoji and all its skin-tone variants are in test when the first 8
hex digits of sha256 of its code point (the "unified" field of emoji.json, e.g. "1F385" or
"1F3C3-200D-2642-FE0F", upper case, as UTF-8) read as a number are divisible by 10 (about 10% of
base emoji), else in train. Base emoji that share a byte-identical image in either design (flags
drawn alike, e.g. Ceuta & Melilla and Spain, and some family emoji) are one group and all take
the split of the group's smallest code point (string order), so no test image has an identical
copy in train. The split depends only on the code points and the images, so the two designs
(same file names) get the same split, and adding emoji in a later version moves none.

Sample: within each category and split, base emoji are taken in the order of sha256 of
"sample:" + code point, each with all its variants, as long as its whole family fits into the
budget left (people: 80 train and 20 test images, every other category: 40 and 10); families
that do not fit are skipped and the walk goes on.
"""
import csv
import hashlib
import json
import os
import shutil
import sys
import textwrap

CATEGORIES = {
    "Smileys & Emotion": "smileys",
    "People & Body": "people",
    "Animals & Nature": "animals",
    "Food & Drink": "food",
    "Travel & Places": "travel",
    "Activities": "activities",
    "Objects": "objects",
    "Symbols": "symbols",
    "Flags": "flags",
}
SKIPPED_CATEGORIES = {"Component"}
DESIGNS = ("google", "twitter")
PACKAGES = {"google": "emoji-datasource-google", "twitter": "emoji-datasource-twitter"}
VERSION = "16.0.0"
TONES = {"1F3FB": "1", "1F3FC": "2", "1F3FD": "3", "1F3FE": "4", "1F3FF": "5"}
COLUMNS = ["file", "split", "category", "subcategory", "name", "short_name", "unified", "base",
           "skin_tone", "tone"]
SAMPLE_BUDGET = {"people": {"train": 80, "test": 20}}
DEFAULT_BUDGET = {"train": 40, "test": 10}
APACHE = "/usr/share/common-licenses/Apache-2.0"

ATTRIBUTION = {
    "google": """# Noto Emoji images: attribution and licence

The images in this folder are the 64x64 PNG renderings of Google's Noto Emoji
(https://github.com/googlefonts/noto-emoji, v2.048 per the package README) as shipped,
unchanged, by the npm package emoji-datasource-google {version} of the emoji-data project
(https://github.com/iamcal/emoji-data). Regen copies them without modification; only the folder
layout (train/test, category sub-folders) is Regen's.

Image licence: Apache License, Version 2.0 (Copyright Google Inc. and the Noto Emoji
contributors):
{apache}.
The noto-emoji project states that its flag images (from third_party/region-flags) are in the
public domain or otherwise exempt from copyright.

The emoji metadata (emoji.json, from which emoji.csv is derived) and packaging are the
emoji-data project's, MIT licence, Copyright (c) 2013 Cal Henderson: see
LICENSE-emoji-data.txt.
""",
    "twitter": """# Twemoji images: attribution and licence

The images in this folder are the 64x64 PNG renderings of Twemoji
(https://github.com/jdecked/twemoji, the community fork of https://github.com/twitter/twemoji,
v16.0.1 per the package README) as shipped, unchanged, by the npm package
emoji-datasource-twitter {version} of the emoji-data project
(https://github.com/iamcal/emoji-data). Regen copies them without modification; only the folder
layout (train/test, category sub-folders) is Regen's.

Twemoji graphics: Copyright Twitter, Inc and other contributors. Licensed under the Creative
Commons Attribution 4.0 International licence (CC-BY 4.0):
https://creativecommons.org/licenses/by/4.0/ (full legal code:
https://creativecommons.org/licenses/by/4.0/legalcode). The graphics are provided as-is, without
warranties of any kind (see sections 5 and 6 of the licence).

The emoji metadata (emoji.json, from which emoji.csv is derived) and packaging are the
emoji-data project's, MIT licence, Copyright (c) 2013 Cal Henderson: see
LICENSE-emoji-data.txt.
""",
}


def digest(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)


def is_test(unified):
    return digest(unified) % 10 == 0


def image_dir(package, design):
    return os.path.join(package, "img", design, "64")


def fresh_dir(path):
    """Removes path if present and creates it empty, so that reruns give the same tree."""
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)


def read_rows(csv_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_rows(csv_path, rows):
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def family_rows(packages):
    """Returns {base code point: [rows, base first]} for every image present in both designs."""
    with open(os.path.join(packages["google"], "emoji.json"), encoding="utf-8") as f:
        emoji = json.load(f)
    with open(os.path.join(packages["twitter"], "emoji.json"), encoding="utf-8") as f:
        if json.load(f) != emoji:
            sys.exit("emoji_split.py: emoji.json differs between the two packages")
    present = {d: set(os.listdir(image_dir(packages[d], d))) for d in DESIGNS}
    families = {}
    for e in sorted(emoji, key=lambda e: e["sort_order"]):
        if e["category"] in SKIPPED_CATEGORIES:
            continue
        if e["category"] not in CATEGORIES:
            sys.exit(f"emoji_split.py: unknown category {e['category']!r} of {e['unified']}")
        members = [(e, "")]
        members += [(v, key) for key, v in sorted((e.get("skin_variations") or {}).items())]
        rows = []
        for item, key in members:
            if not (item["has_img_google"] and item["has_img_twitter"]):
                continue
            if not all(item["image"] in present[d] for d in DESIGNS):
                continue
            rows.append({
                "file": item["image"],
                "split": "",
                "category": CATEGORIES[e["category"]],
                "subcategory": e["subcategory"],
                "name": e["name"],
                "short_name": e["short_name"],
                "unified": item["unified"],
                "base": e["unified"],
                "skin_tone": key,
                "tone": "-".join(TONES[t] for t in key.split("-")) if key else "",
            })
        if rows:
            families[e["unified"]] = rows
    return families


def assign_splits(packages, families):
    """Sets each row's split by base emoji, joining bases that share an identical image."""
    parent = {base: base for base in families}

    def root(b):
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        return b

    for design in DESIGNS:
        seen = {}
        for base, rows in families.items():
            for row in rows:
                path = os.path.join(image_dir(packages[design], design), row["file"])
                with open(path, "rb") as f:
                    h = hashlib.sha256(f.read()).digest()
                other = seen.setdefault(h, base)
                a, b = root(other), root(base)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups = {}
    for base in families:
        groups.setdefault(root(base), []).append(base)
    for members in groups.values():
        split = "test" if is_test(min(members)) else "train"
        for base in members:
            for row in families[base]:
                row["split"] = split
    return sum(1 for m in groups.values() if len(m) > 1)


def install(google_pkg, twitter_pkg, out):
    packages = {"google": google_pkg, "twitter": twitter_pkg}
    families = family_rows(packages)
    joined = assign_splits(packages, families)
    rows = [row for family in families.values() for row in family]
    files = [row["file"] for row in rows]
    if len(set(files)) != len(files):
        sys.exit("emoji_split.py: an image file appears twice in emoji.json")
    for design in DESIGNS:
        target = os.path.join(out, design)
        fresh_dir(target)
        for row in rows:
            folder = os.path.join(target, row["split"], row["category"])
            os.makedirs(folder, exist_ok=True)
            shutil.copyfile(os.path.join(image_dir(packages[design], design), row["file"]),
                            os.path.join(folder, row["file"]))
        write_rows(os.path.join(target, "emoji.csv"), rows)
        write_licences(packages[design], design, target)
    test_bases = sum(1 for f in families.values() if f[0]["split"] == "test")
    test_images = sum(1 for r in rows if r["split"] == "test")
    print(f"emoji: {len(rows)} images per design ({len(rows) - test_images} train, "
          f"{test_images} test) of {len(families)} base emoji ({test_bases} test); "
          f"{joined} groups of base emoji joined over identical images")


def write_licences(package, design, target):
    shutil.copyfile(os.path.join(package, "LICENSE"),
                    os.path.join(target, "LICENSE-emoji-data.txt"))
    apache = "https://www.apache.org/licenses/LICENSE-2.0"
    if design == "google" and os.path.isfile(APACHE):
        shutil.copyfile(APACHE, os.path.join(target, "LICENSE-Apache-2.0.txt"))
        apache = "full text in LICENSE-Apache-2.0.txt, also at\n" + apache
    with open(os.path.join(target, "ATTRIBUTION.md"), "w", encoding="utf-8") as f:
        f.write(ATTRIBUTION[design].format(version=VERSION, apache=apache))


def sample(src, out):
    rows = {d: read_rows(os.path.join(src, d, "emoji.csv")) for d in DESIGNS}
    if [r["file"] for r in rows["google"]] != [r["file"] for r in rows["twitter"]]:
        sys.exit(f"emoji_split.py: {src}/google and {src}/twitter list different images")
    families = {}
    for row in rows["google"]:
        families.setdefault((row["category"], row["split"], row["base"]), []).append(row)
    chosen = set()
    counts = {}
    for category in CATEGORIES.values():
        for split in ("train", "test"):
            budget = SAMPLE_BUDGET.get(category, DEFAULT_BUDGET)[split]
            bases = sorted((b for (c, s, b) in families if c == category and s == split),
                           key=lambda b: (digest("sample:" + b), b))
            for base in bases:
                family = families[(category, split, base)]
                if len(family) <= budget:
                    chosen.add(base)
                    budget -= len(family)
    for design in DESIGNS:
        target = os.path.join(out, design)
        fresh_dir(target)
        kept = [r for r in rows[design] if r["base"] in chosen]
        for row in kept:
            folder = os.path.join(target, row["split"], row["category"])
            os.makedirs(folder, exist_ok=True)
            shutil.copyfile(os.path.join(src, design, row["split"], row["category"], row["file"]),
                            os.path.join(folder, row["file"]))
        write_rows(os.path.join(target, "emoji.csv"), kept)
        for name in os.listdir(os.path.join(src, design)):
            if name.startswith(("LICENSE", "ATTRIBUTION")):
                shutil.copyfile(os.path.join(src, design, name), os.path.join(target, name))
        counts[design] = kept
    write_sample_readme(out, counts["google"], len(rows["google"]))


def write_sample_readme(out, kept, total):
    table = []
    for category in CATEGORIES.values():
        cell = {}
        for split in ("train", "test"):
            part = [r for r in kept if r["category"] == category and r["split"] == split]
            cell[split] = (len(part), len({r["base"] for r in part}))
        table.append(f"| {category} | {cell['train'][0]} ({cell['train'][1]}) "
                     f"| {cell['test'][0]} ({cell['test'][1]}) |")
    train = [r for r in kept if r["split"] == "train"]
    test = [r for r in kept if r["split"] == "test"]
    families = {}
    for r in kept:
        families.setdefault((r["split"], r["base"]), []).append(r)
    toned = {s: sorted(f[0]["short_name"] for (sp, _), f in families.items()
                       if sp == s and len(f) > 1)
             for s in ("train", "test")}
    def names(split):
        return ", ".join(f"`{n}`" for n in toned[split]) or "none"

    prose = [
        f"""A sample of {len(kept)} colour emoji (of the {total} that `bench/install_data.sh DIR`
        installs into `DIR/emoji`) in two designs, Google's Noto Emoji (`google/`) and Twitter's
        Twemoji (`twitter/`): the same file names, that is the same emoji, in both. 64x64 RGBA PNG,
        as shipped by the npm packages `emoji-datasource-google` and `emoji-datasource-twitter`,
        version {VERSION}, of the emoji-data project (https://github.com/iamcal/emoji-data). Laid
        out like the installed data, as image folders whose sub-folders are the class labels:
        `<design>/train/<category>/<image>.png` and `<design>/test/<category>/<image>.png`, the
        image named by its code point(s). The categories are emoji.json's, in short form:
        {", ".join(CATEGORIES.values())}; the "Component" category (the 5 bare skin-tone
        swatches) is left out, and a skin-tone variant is in its base emoji's category.""",
        """`<design>/emoji.csv` has one row per image: `file`, `split`, `category`, `subcategory`,
        `name` and `short_name` (of the base emoji), `unified` (the image's code points), `base`
        (the base emoji's code points), `skin_tone` (the skin-tone modifier code point, U+1F3FB to
        U+1F3FF, or two joined by `-` for the multi-person emoji; empty for the base emoji) and
        `tone` (the same as 1 to 5, light to dark). Rows that share `base` are one emoji in its
        different skin tones.""",
        """Licences: the Noto Emoji images are under the Apache License 2.0
        (`google/LICENSE-Apache-2.0.txt`); the Twemoji graphics are Copyright Twitter, Inc and
        other contributors, under CC-BY 4.0 (https://creativecommons.org/licenses/by/4.0/). See
        `<design>/ATTRIBUTION.md`. The metadata and packaging are the emoji-data project's, under
        the MIT licence (`<design>/LICENSE-emoji-data.txt`).""",
        """Split, the same as the installed data's: by base emoji, so all skin tones of an emoji are
        on the same side. A base emoji is in test when the first 8 hex digits of sha256 of its
        code point (emoji.json's `unified`, e.g. `1F385`, as UTF-8), read as a number, are
        divisible by 10: about 10% of them. Base emoji that share a byte-identical image in either
        design (some flags, some family emoji) take the split of the smallest code point among
        them, so no test image has a copy in train.""",
        """Sample: within each category and split, base emoji in the order of sha256 of `sample:` +
        code point, each with all its skin tones, as long as the whole family fits into the budget
        left: 80 train and 20 test images for people, 40 and 10 for the other categories (a
        category with fewer test images has fewer).""",
        "Images per category and split, the same in both designs (base emoji in brackets):",
    ]
    after = [
        f"""Complete skin-tone families (a base emoji with all its skin tones) in train:
        {names("train")}; in test: {names("test")}.""",
        """Regenerate (needs npm and python3; the first line fetches the full data into
        `datasets/`):""",
    ]

    def wrap(paragraphs):
        return "\n\n".join(textwrap.fill(" ".join(p.split()), 100, break_on_hyphens=False)
                           for p in paragraphs)

    text = (f"# Emoji sample: two designs\n\n{wrap(prose)}\n\n"
            "| category | train | test |\n| --- | --- | --- |\n" + "\n".join(table) + "\n"
            f"| all | {len(train)} ({len({r['base'] for r in train})}) "
            f"| {len(test)} ({len({r['base'] for r in test})}) |\n\n{wrap(after)}\n\n"
            "    bench/install_data.sh datasets\n"
            "    bench/install_data.sh --sample data/emoji datasets\n")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) == 4 and argv[0] == "install":
        install(*argv[1:])
    elif len(argv) == 3 and argv[0] == "sample":
        sample(*argv[1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
