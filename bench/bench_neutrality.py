"""Does the technique model work the same whichever side an article takes? Mirror test on PTC dev.

Each PTC dev article is mirrored by swapping paired words for the two sides of US politics and
of a few other conflicts (Democrats/Republicans, liberal/conservative, left/right,
Clinton/Trump, Obama/Bush, Russia/America, ...; case kept, whole words only). The techniques
stage runs on the original and on the mirror; a mirrored fragment is mapped back by swapping
its offsets back through the swaps. Printed: the agreement between the fragments on the
originals and on the mirrors (F1 of one against the other; a fragment agrees when one of the
same technique overlaps it), fragment counts per technique on each side, and the articles whose
count moved most. The same is measured for a placebo that swaps words naming no side (days,
months, numbers, directions): the int8 model's fragments move with any change of wording, and
the placebo's agreement is the floor the mirror's is read against. The placebo changes fewer
words than the mirror, and no names, so a second control replaces the mirror's words at the same
places by words of the same side (Clinton -> Sanders, Russia -> China; ``SAME_SIDE``), read
against the mirror without "left"/"right" (which it leaves alone). A mirror agreement well below
that control's would mean that which side is named, not how it is spoken of, changes what the
model finds; both well below the placebo's mean that any change of names moves it.
With ``--claims`` (the default) the claims stage's check-worthy sentences are compared the
same way. With ``--roles`` (the default) the same is done for the roles of the actors stage: an actor
named by a swapped word ("Trump") is matched to its twin on the mirror ("Clinton") and their
main roles compared, against the placebo's actors.

    .venv/bin/python bench/bench_neutrality.py [--limit 75] [--no-claims] [--no-roles]
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from _stage import dev_folder, stage_arguments

PAIRS = [
    ("Democrats", "Republicans"), ("Democrat", "Republican"), ("Democratic", "Republican"),
    ("liberals", "conservatives"), ("liberal", "conservative"), ("left-wing", "right-wing"),
    ("leftist", "rightist"), ("progressive", "traditionalist"), ("Clinton", "Trump"),
    ("Hillary", "Donald"), ("Obama", "Bush"), ("Biden", "Pence"), ("Pelosi", "McConnell"),
    ("Sanders", "Cruz"), ("CNN", "Fox"), ("Russia", "America"), ("Russian", "American"),
    ("Moscow", "Washington"), ("Putin", "Bush"), ("Iran", "Israel"), ("Iranian", "Israeli"),
    ("Muslims", "Christians"), ("Muslim", "Christian"), ("Islam", "Christianity"),
    ("Palestinians", "Israelis"), ("left", "right"),
]


#: The control for the mirror: each word of ``PAIRS`` replaced by a word of the same side
#: (Clinton -> Sanders, Republicans -> Conservatives, Russia -> China), at the same places. It
#: changes as many words as the mirror, and names other people, but moves no one to the other
#: side. "left" and "right" stay as they are (mostly directions, with no same-side twin), so it is
#: read against the mirror without them (``SIDED``).
SAME_SIDE = [
    ("Democrats", "Progressives"), ("Republicans", "Conservatives"), ("Democrat", "Progressive"),
    ("Republican", "Conservative"), ("Democratic", "Progressive"), ("liberals", "progressives"),
    ("conservatives", "traditionalists"), ("liberal", "progressive"), ("conservative", "traditionalist"),
    ("left-wing", "leftist"), ("right-wing", "rightist"), ("leftist", "left-wing"),
    ("rightist", "right-wing"), ("progressive", "liberal"), ("traditionalist", "conservative"),
    ("Clinton", "Sanders"), ("Trump", "Cruz"), ("Hillary", "Bernie"), ("Donald", "Ted"),
    ("Obama", "Carter"), ("Bush", "Reagan"), ("Biden", "Kerry"), ("Pence", "Romney"),
    ("Pelosi", "Schumer"), ("McConnell", "Ryan"), ("Sanders", "Warren"), ("Cruz", "Rubio"),
    ("CNN", "MSNBC"), ("Fox", "Breitbart"), ("Russia", "China"), ("Russian", "Chinese"),
    ("America", "Britain"), ("American", "British"), ("Moscow", "Beijing"), ("Washington", "London"),
    ("Putin", "Xi"), ("Iran", "Syria"), ("Iranian", "Syrian"), ("Israel", "Britain"),
    ("Israeli", "British"), ("Muslims", "Sunnis"), ("Muslim", "Sunni"), ("Islam", "Sunnism"),
    ("Christians", "Catholics"), ("Christian", "Catholic"), ("Christianity", "Catholicism"),
    ("Palestinians", "Gazans"), ("Israelis", "Britons"),
]

#: The mirror without "left"/"right": the same places as ``SAME_SIDE`` changes.
SIDED = [pair for pair in PAIRS if pair != ("left", "right")]


#: A placebo: pairs of words that name no side. Swapping them measures how much any small
#: change of wording moves the fragments, the floor against which the mirror is read.
PLACEBO = [
    ("Monday", "Tuesday"), ("Wednesday", "Thursday"), ("January", "February"), ("March", "April"),
    ("morning", "evening"), ("two", "three"), ("four", "five"), ("city", "town"), ("car", "truck"),
    ("north", "south"), ("east", "west"), ("week", "month"), ("first", "second"), ("blue", "green"),
]


class Swapper:
    """Swaps the words of ``pairs`` for each other (whole words, case kept), keeping an offset map."""

    def __init__(self, pairs: list[tuple[str, str]], *, both_ways: bool = True) -> None:
        self.swap: dict[str, str] = {}
        for a, b in pairs:
            self.swap.setdefault(a.lower(), b)
            if both_ways:
                self.swap.setdefault(b.lower(), a)
        words = sorted((re.escape(w) for w in self.swap), key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)

    def _other(self, word: str) -> str:
        other = self.swap[word.lower()]
        if word.isupper() and len(word) > 1:
            return other.upper()
        if word[0].isupper():
            return other[0].upper() + other[1:]
        return other.lower()

    def __call__(self, text: str) -> tuple[str, list[int]]:
        """The swapped text and, for each of its characters (and its end), the original offset."""
        out: list[str] = []
        back: list[int] = []
        at = 0
        for m in self.pattern.finditer(text):
            out.append(text[at:m.start()])
            back.extend(range(at, m.start()))
            other = self._other(m.group(0))
            out.append(other)
            width = m.end() - m.start()
            back.extend(m.start() + min(width - 1, k * width // len(other)) for k in range(len(other)))
            at = m.end()
        out.append(text[at:])
        back.extend(range(at, len(text) + 1))
        return "".join(out), back


def _agreement(matched_o: int, n_o: int, matched_t: int, n_t: int) -> float:
    """F1 of the twins' findings against the originals' (each side's share matched on the other)."""
    recall = matched_o / n_o if n_o else 1.0
    precision = matched_t / n_t if n_t else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def compare(stage: Any, texts: list[str], swapper: Swapper) -> dict[str, Any]:
    """Fragments on the texts and on their swapped twins, matched by overlap and technique."""
    swapped = [swapper(t) for t in texts]
    original = stage.predict(texts)
    twins = stage.predict([s for s, _ in swapped])
    matched_o = matched_t = n_o = n_t = 0
    counts: dict[str, list[int]] = {}
    moved = []
    for i, (spans_o, spans_t, (_, back)) in enumerate(zip(original, twins, swapped, strict=True)):
        mapped = [(back[s.start], back[s.end], s.technique) for s in spans_t]
        plain = [(s.start, s.end, s.technique) for s in spans_o]
        matched_o += sum(any(t == k and a < e and s < b for s, e, k in mapped) for a, b, t in plain)
        matched_t += sum(any(t == k and a < e and s < b for s, e, k in plain) for a, b, t in mapped)
        n_o += len(plain)
        n_t += len(mapped)
        for _, _, t in plain:
            counts.setdefault(t, [0, 0])[0] += 1
        for _, _, t in mapped:
            counts.setdefault(t, [0, 0])[1] += 1
        moved.append((abs(len(plain) - len(mapped)), i, len(plain), len(mapped)))
    swaps = sum(len(swapper.pattern.findall(t)) for t in texts)
    return {"swaps": swaps, "changed": sum(s != t for (s, _), t in zip(swapped, texts, strict=True)),
            "original": n_o, "twin": n_t, "agreement_f1": _agreement(matched_o, n_o, matched_t, n_t),
            "counts": counts, "moved": sorted(moved, reverse=True)[:5]}


def compare_claims(nlp: Any, texts: list[str], swapper: Swapper) -> dict[str, Any]:
    """Claims found on the texts and on their swapped twins, matched back by overlap.

    Also counts how many claims name a swapped word, and how many of those the twin keeps: a
    claim about one side that is check-worthy only under that side's name would show there.
    """
    from unspin.doc import Article

    swapped = [swapper(t) for t in texts]
    originals = nlp.pipe(Article(id=str(i), text=t) for i, t in enumerate(texts))
    twins = nlp.pipe(Article(id=str(i), text=s) for i, (s, _) in enumerate(swapped))
    matched_o = matched_t = n_o = n_t = sided = sided_kept = 0
    for text, doc, twin, (_, back) in zip(texts, originals, twins, swapped, strict=True):
        plain = [(c.start, c.end) for c in doc.claims]
        mapped = [(back[c.start], back[c.end]) for c in twin.claims]
        for a, b in plain:
            kept = any(a < e and s < b for s, e in mapped)
            matched_o += kept
            if swapper.pattern.search(text[a:b]):
                sided += 1
                sided_kept += kept
        matched_t += sum(any(a < e and s < b for s, e in plain) for a, b in mapped)
        n_o += len(plain)
        n_t += len(mapped)
    return {"original": n_o, "twin": n_t, "agreement_f1": _agreement(matched_o, n_o, matched_t, n_t),
            "sided": sided, "sided_kept": sided_kept}


def compare_roles(nlp: Any, texts: list[str], swapper: Swapper) -> dict[str, Any]:
    """Roles of each actor on the texts and of its twin (its name swapped) on the swapped texts.

    ``sided`` counts the actors whose name the swap changes (the mirror's "Trump" is the
    original's "Clinton"), ``other`` the rest; for each, how many had a role on both sides and
    how many kept the same main role.
    """
    from unspin.doc import Article

    swapped = [swapper(t)[0] for t in texts]
    tally = {"sided": [0, 0, 0], "other": [0, 0, 0]}  # actors with a role, twins with a role, same role
    antagonist = {"original": 0, "twin": 0}
    originals = nlp.pipe(Article(id=str(i), text=t) for i, t in enumerate(texts))
    twins = nlp.pipe(Article(id=str(i), text=t) for i, t in enumerate(swapped))
    for doc, twin in zip(originals, twins, strict=True):
        roles = {a.name: a.role for a in twin.actors}
        for actor in doc.actors:
            if actor.role is None:
                continue
            name = swapper(actor.name)[0]
            kind = "sided" if name != actor.name else "other"
            tally[kind][0] += 1
            other = roles.get(name)
            if other is not None:
                tally[kind][1] += 1
                tally[kind][2] += other == actor.role
                if kind == "sided":
                    antagonist["original"] += actor.role == "antagonist"
                    antagonist["twin"] += other == "antagonist"
    return {"tally": tally, "antagonist": antagonist}


def _role_line(name: str, r: dict[str, Any]) -> str:
    parts = []
    for kind in ("sided", "other"):
        n, both, same = r["tally"][kind]
        share = f"{same / both:.3f}" if both else "n/a"
        parts.append(f"{kind} actors {n} with a role, {both} with a role on both sides, "
                     f"same main role {share}")
    return f"{name}: " + "; ".join(parts)


def main() -> int:
    parser = stage_arguments(__doc__.splitlines()[0], repeat=1)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--model", default=None,
                        help="a technique model folder made by `unspin train` (default: the shipped one)")
    parser.add_argument("--claims", action=argparse.BooleanOptionalAction, default=True,
                        help="also compare the claims the claims stage finds on each side (default: on)")
    parser.add_argument("--roles", action=argparse.BooleanOptionalAction, default=True,
                        help="also compare the roles the actors stage gives each side (default: on)")
    args = parser.parse_args()
    folder = dev_folder(args.data)
    if folder is None:
        return 0
    from unspin.components.techniques import make_techniques

    texts = [f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.txt"))[: args.limit or None]]
    stage = make_techniques(model=args.model)
    mirror = compare(stage, texts, Swapper(PAIRS))
    placebo = compare(stage, texts, Swapper(PLACEBO))
    sided = compare(stage, texts, Swapper(SIDED))
    same_side = compare(stage, texts, Swapper(SAME_SIDE, both_ways=False))
    for name, r in (("mirror (sides swapped)", mirror), ("placebo (neutral words swapped)", placebo),
                    ("mirror without left/right", sided),
                    ("control: same words replaced within their side", same_side)):
        print(f"{name}: {r['changed']} of {len(texts)} articles changed, {r['swaps']} words swapped; "
              f"fragments {r['original']} -> {r['twin']}; agreement F1 (overlap, same technique) "
              f"{r['agreement_f1']:.3f}")
    print("technique                                   original  mirror")
    for technique, (o, m) in sorted(mirror["counts"].items(), key=lambda kv: -kv[1][0]):
        print(f"{technique:42s} {o:9d} {m:7d}")
    print("articles whose fragment count the mirror moved most: " + ", ".join(
        f"#{i} {o}->{m}" for _, i, o, m in mirror["moved"]))
    if args.claims:
        from unspin.pipeline import load

        nlp = load(components=["parse", "claims"])
        print("claims (the claims stage), matched back by overlap:")
        for name, pairs, both in (("mirror", PAIRS, True), ("placebo", PLACEBO, True),
                                  ("mirror without left/right", SIDED, True),
                                  ("same-side control", SAME_SIDE, False)):
            r = compare_claims(nlp, texts, Swapper(pairs, both_ways=both))
            print(f"  {name}: claims {r['original']} -> {r['twin']}, agreement F1 {r['agreement_f1']:.3f}; "
                  f"{r['sided']} claims name a changed word, {r['sided_kept']} kept")
    if args.roles:
        from unspin.pipeline import load

        nlp = load(components=["parse", "techniques", "actors"])
        roles_mirror = compare_roles(nlp, texts, Swapper(PAIRS))
        roles_placebo = compare_roles(nlp, texts, Swapper(PLACEBO))
        roles_same = compare_roles(nlp, texts, Swapper(SAME_SIDE, both_ways=False))
        print("roles (the actors stage), an actor matched to its twin by its swapped name:")
        print(_role_line("  mirror", roles_mirror))
        print(_role_line("  placebo", roles_placebo))
        print(_role_line("  same-side control", roles_same))
        a = roles_mirror["antagonist"]
        print(f"  sided actors called antagonist: {a['original']} on the originals, {a['twin']} for their "
              "twins on the mirrors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
