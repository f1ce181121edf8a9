"""Terminal view: the article with coloured technique highlights, then compact summary tables.

Plain and readable when piped or with ``NO_COLOR``: highlights become ``«fragment»[n]`` marks.
Also holds the progress bar shown on stderr while several articles are analysed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TextIO

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from unspin.doc import Attribution, Document, Quantity, Span, TechniqueSpan
from unspin.taxonomy import TECHNIQUE_IDS, label_of

__all__ = ["TECHNIQUE_STYLES", "progress", "render_text", "sanitize"]

#: PTC id -> (short code, colour): the same codes and colours as the HTML report.
TECHNIQUE_STYLES: dict[str, tuple[str, str]] = {
    "Loaded_Language": ("LL", "#be0032"),
    "Name_Calling,Labeling": ("NC", "#7a4f9a"),
    "Repetition": ("RE", "#0067a5"),
    "Doubt": ("DO", "#c45f00"),
    "Exaggeration,Minimisation": ("EX", "#7b3014"),
    "Appeal_to_fear-prejudice": ("FE", "#d4478d"),
    "Flag-Waving": ("FW", "#007a4d"),
    "Causal_Oversimplification": ("CO", "#1f8fad"),
    "Slogans": ("SL", "#977e00"),
    "Appeal_to_Authority": ("AA", "#3b3f9e"),
    "Black-and-White_Fallacy": ("BW", "#5f6670"),
    "Thought-terminating_Cliches": ("TC", "#5d8a00"),
    "Whataboutism,Straw_Men,Red_Herring": ("WH", "#9c2f5c"),
    "Bandwagon,Reductio_ad_hitlerum": ("BA", "#9a6a34"),
}
_UNKNOWN = ("??", "#6b6b6b")

# Control characters (ESC starts terminal escape sequences) and bidirectional overrides in the
# untrusted article text; each is replaced by one character, so offsets stay valid.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """The text with terminal control characters replaced one for one by U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def _style(technique: str) -> tuple[str, str]:
    return TECHNIQUE_STYLES.get(technique, _UNKNOWN)


def _label(technique: str) -> str:
    return label_of(technique) if technique in TECHNIQUE_IDS else technique


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _short(text: str, width: int) -> str:
    text = " ".join(sanitize(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


#: A claim, quote or fragment is shown whole (the table wraps it) up to this many characters.
_LONGEST = 400


def _whole(doc: Document, span: Span) -> str:
    return _short(doc.span_text(span), _LONGEST)


def _highlighted(doc: Document, spans: list[TechniqueSpan], *, plain: bool) -> Text:
    """The article text with each span highlighted and followed by its number, ``[n]``."""
    text = sanitize(doc.text)
    valid = [(n, s) for n, s in enumerate(spans, 1) if 0 <= s.start < s.end <= len(text)]
    starts: dict[int, list[tuple[int, TechniqueSpan]]] = {}
    ends: dict[int, list[tuple[int, TechniqueSpan]]] = {}
    for n, s in valid:
        starts.setdefault(s.start, []).append((n, s))
        ends.setdefault(s.end, []).append((n, s))
    cuts = sorted({0, len(text), *starts, *ends})
    out = Text()
    active: list[tuple[int, TechniqueSpan]] = []
    for a, b in itertools.pairwise(cuts):
        for n, s in ends.get(a, []):
            active.remove((n, s))
            if plain:
                out.append(f"»[{n}]")
            else:
                out.append(f"[{n}]", style=f"bold {_style(s.technique)[1]}")
        for n, s in starts.get(a, []):
            active.append((n, s))
            if plain:
                out.append("«")
        if active and not plain:
            colour = _style(active[-1][1].technique)[1]
            style = f"white on {colour}" + (" underline" if len(active) > 1 else "")
            out.append(text[a:b], style=style)
        else:
            out.append(text[a:b])
    for n, s in ends.get(len(text), []):
        out.append(f"»[{n}]" if plain else f"[{n}]", style="" if plain else f"bold {_style(s.technique)[1]}")
    return out


# Side columns stay narrow so that the text column keeps most of the width.
_NARROW = {"numbers": 24, "source": 22, "speaker": 22, "cue": 14, "role": 20, "type": 12, "quotes": 6,
           "targeted by": 24}


def _table(title: str, *columns: str, plain: bool) -> Table:
    table = Table(title=title, title_justify="left", box=box.ASCII2 if plain else box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False, expand=False, title_style="bold")
    for name in columns:
        table.add_column(name, overflow="fold", max_width=_NARROW.get(name))
    return table


def _print_table(console: Console, table: Table, text: str) -> None:
    """Print ``table``; when it is wider than the terminal, the columns beside its ``text`` column
    (a claim, a quote) shrink first, so that the text keeps most of the room."""
    if Measurement.get(console, console.options.update(width=10_000), table).maximum > console.width:
        side = max(10, (console.width - 30) // 4)
        for column in table.columns:
            if column.header != text:
                column.max_width = min(column.max_width or side, side)
    console.print(table)


def _console(stream: TextIO, color: bool | None, width: int | None) -> Console:
    console = Console(file=stream, width=width, force_terminal=color,
                      no_color=None if color is None else not color,
                      highlight=False, markup=False, emoji=False, soft_wrap=False)
    if width is None and not console.is_terminal:
        console.width = 100
    return console


def _code(technique: str, plain: bool) -> Text:
    code, colour = _style(technique)
    return Text(code, style="" if plain else f"bold white on {colour}")


def _technique_tables(doc: Document, spans: list[TechniqueSpan], console: Console, plain: bool) -> None:
    counts = Counter(s.technique for s in spans)
    most = max(counts.values())
    table = _table("Techniques", "code", "technique", "count", "", plain=plain)
    for tid, count in sorted(counts.items(), key=lambda kv: (-kv[1], _label(kv[0]))):
        bar = ("#" if plain else "█") * max(1, round(12 * count / most))
        table.add_row(_code(tid, plain), _label(tid), str(count),
                      Text(bar, style="" if plain else _style(tid)[1]))
    console.print(table)
    console.print()
    frags = _table("Fragments", "#", "technique", "score", "text", plain=plain)
    narrow = console.width < 90  # the code alone then: the table above gives its name
    for n, s in enumerate(spans, 1):
        name = _code(s.technique, plain) if narrow else Text.assemble(_code(s.technique, plain),
                                                                      f" {_label(s.technique)}")
        frags.add_row(str(n), name, f"{s.score:.2f}", _whole(doc, s))
    _print_table(console, frags, "text")
    console.print()


def _other_tables(doc: Document, console: Console, plain: bool) -> None:
    if doc.claims:
        claims = _table(f"Claims ({len(doc.claims)})", "#", "claim", "score", "numbers", "source",
                        plain=plain)
        for n, c in enumerate(doc.claims, 1):
            numbers = "\n".join(_short(_normalised(q, doc.text[q.start : q.end]), 40) for q in c.quantities)
            source = sanitize(c.source.actor or c.source.name) if c.source else "-"
            claims.add_row(str(n), _whole(doc, c), f"{c.score:.2f}", numbers or "-", source)
        _print_table(console, claims, "claim")
        console.print()
    if doc.quotes:
        quotes = _table(f"Quotes ({len(doc.quotes)})", "#", "speaker", "cue", "quote", "kind", "score",
                        plain=plain)
        # in article order, as they are read; the HTML report groups them by speaker instead
        for n, q in enumerate(sorted(doc.quotes, key=lambda q: (q.start, q.end)), 1):
            cue = _short(doc.span_text(q.cue), 20) if q.cue and q.cue.start < q.cue.end else "-"
            quotes.add_row(str(n), _speaker(doc, q.speaker), cue, _whole(doc, q), q.kind, f"{q.score:.2f}")
        _print_table(console, quotes, "quote")
        console.print()
    if doc.actors:
        actors = _table(f"Actors ({len(doc.actors)})", "actor", "type", "role", "mentions (+ refs)", "quotes",
                        "targeted by", plain=plain)
        numbers = _fragment_numbers(doc)
        for a in doc.actors:
            aimed: dict[str, list[int]] = {}
            for i in sorted((i for i in a.techniques if 0 <= i < len(doc.techniques)), key=numbers.get):
                aimed.setdefault(_style(doc.techniques[i].technique)[0], []).append(numbers[i])
            role = a.role or "-"
            if a.role is not None:
                # the score is the main role's; the fine role is the likeliest within it
                role += "" if a.role_score is None else f" ({a.role_score:.2f})"
                role += f"\n{a.fine_role}?" if a.fine_role else ""
            codes = ", ".join(f"{code} [{', '.join(map(str, ns))}]" for code, ns in aimed.items())
            # by name, then "+ N" referred to as "she", "the mayor"
            seen = str(len(a.mentions)) + (f" + {len(a.references)}" if a.references else "")
            name = Text(sanitize(a.name))
            others = [alias for alias in dict.fromkeys(a.aliases) if alias.casefold() != a.name.casefold()]
            if others:
                name.append("\nalso " + ", ".join(sanitize(alias) for alias in others),
                            style="" if plain else "dim")
            actors.add_row(name, a.type, role, seen, str(len(a.quotes)) if a.quotes else "-", codes or "-")
        console.print(actors)
        console.print()
    stages = {"claims": doc.claims, "quotes": doc.quotes, "actors": doc.actors}
    empty = [stage for stage, found in stages.items() if not found and _ran(doc, stage)]
    if empty:
        console.print(Text(f"No {_listed(empty)} found.", style="dim"))
    skipped = [stage for stage in stages if not _ran(doc, stage)]
    if skipped:
        console.print(Text(f"{_listed(skipped).capitalize()}: not run.", style="dim"))


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}".rstrip("0").rstrip(".")


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_YEARLESS = re.compile(r"--(?:(\d\d)(?:-(\d\d))?|(Q[1-4]|H[12]))")


_AGO = re.compile(r"-P(?:(\d+(?:\.\d+)?)([YMWD])|T(\d+(?:\.\d+)?)([HMS]))")
_AGO_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}


def _date(value: str) -> str:
    """A date as the claims stage wrote it, for a reader: ISO dates as they are ("2025-06-18");
    one whose year the text leaves out in words, not as ISO's "--10" ("October", "--06-18":
    "18 June", "--Q3": "Q3", "--H1": "H1"); one counted back from the article's date in words
    ("-P4Y": "4 years ago", "-PT20M": "20 minutes ago")."""
    ago = _AGO.fullmatch(value)
    if ago is not None:
        amount, unit = (ago.group(1), ago.group(2)) if ago.group(1) else (ago.group(3), ago.group(4))
        word = "minute" if unit == "M" and ago.group(3) else _AGO_UNITS[unit]
        return f"{amount} {word}{'' if amount == '1' else 's'} ago"
    m = _YEARLESS.fullmatch(value)
    if m is None:
        return value
    if m.group(3):
        return m.group(3)
    month = int(m.group(1))
    if not 1 <= month <= 12:
        return value
    day = f"{int(m.group(2))} " if m.group(2) else ""
    return f"{day}{_MONTH_NAMES[month - 1]}"


def _normalised(q: Quantity, written: str = "") -> str:
    """A number as the claims stage read it: ``count 180``, ``EUR 2,000,000``, ``2025-06-18``,
    ``under 5%``, ``early 2023``; what is ``written`` when it has no value."""
    if q.value is None:
        return sanitize(written)
    if isinstance(q.value, int | float) and not isinstance(q.value, bool):
        core = _number(q.value)
        if q.kind == "percent":
            core += "%"
        elif q.kind == "money":  # "USD 80", and a rate's per-unit after it: "USD 80 per barrel", "GBP 3 each"
            currency, each, _ = (q.unit or "").partition(" each")
            currency, per, rest = currency.partition(" per ")
            core = (f"{currency} {core}" if currency else core) + (f" per {rest}" if per else "") + each
        elif q.unit:
            core += f" {q.unit}"
    elif q.kind == "date":
        core = _date(str(q.value))
    else:
        core = str(q.value) + (f" {q.unit}" if q.unit else "")
    core = f"{q.part} {core}" if q.part else core  # "early 2023", a part of a date
    core = f"{q.qualifier} {core}" if q.qualifier else core
    return sanitize(f"count {core}" if q.kind == "count" else core)


def _fragment_numbers(doc: Document) -> dict[int, int]:
    """The number ``[n]`` the view gives each technique span, by its index in ``doc.techniques``."""
    order = sorted(range(len(doc.techniques)),
                   key=lambda i: (doc.techniques[i].start, -doc.techniques[i].end))
    return {i: n for n, i in enumerate(order, 1)}


# Words that make a speaker someone who speaks for another: "A spokesman for Dreyer", "Keller's aide".
# The HTML report (assets/report.js, speaksFor) uses the same rule.
_AGENT = re.compile(r"\b(?:for|spokes\w*|aides?|representatives?|lawyers?|attorneys?|advis[eo]rs?|office|"
                    r"campaign|staff|assistants?|deput(?:y|ies)|secretary|press)\b|['’]s\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _bare(name: str) -> str:
    return _ARTICLE.sub("", " ".join(name.split())).casefold()


def _speaks_for(doc: Document, speaker: Attribution) -> str | None:
    """The actor ``speaker`` speaks for ("A spokesman for Dreyer" for Paul Dreyer), or None when
    it is that actor itself: by a name or reference the actor has ("Dreyer", "he", "the governor"),
    or by words that are not those of someone speaking for another ("Governor Dreyer")."""
    actor = speaker.actor
    if not actor or actor.casefold() in speaker.name.casefold():
        return None
    known = {_bare(actor)}
    for a in doc.actors:
        if a.name == actor:
            known.update(_bare(alias) for alias in a.aliases)
            known.update(_bare(doc.span_text(m)) for m in [*a.mentions, *a.references])
    name = _bare(speaker.name)
    return actor if name not in known and _AGENT.search(name) else None


def _speaker(doc: Document, speaker: Attribution | None) -> str:
    """Who spoke: the actor; someone who speaks for it as ``A spokesman for Dreyer, for Paul Dreyer``."""
    if speaker is None:
        return "(unattributed)"
    principal = _speaks_for(doc, speaker)
    if principal is not None:
        return f"{sanitize(speaker.name)}, for {sanitize(principal)}"
    return sanitize(speaker.actor or speaker.name) or "(unattributed)"


def _ran(doc: Document, stage: str) -> bool:
    """Whether the pipeline stage ran on ``doc``; a document that does not say is taken to have
    been through them all."""
    return not doc.ran or stage in doc.ran


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def render_text(doc: Document, stream: TextIO, *, color: bool | None = None,
                width: int | None = None) -> None:
    """Write the terminal view of one document to ``stream``.

    Colours are used when ``stream`` is a terminal and ``NO_COLOR`` is not set (``color``
    forces them on or off); ``width`` defaults to the terminal's, or 100 when piped.
    """
    console = _console(stream, color, width)
    plain = console.no_color or console.color_system is None
    if plain:  # plain text has no use for the spaces rich pads lines with
        with console.capture() as captured:
            _render(doc, console, plain)
        stream.write("\n".join(line.rstrip() for line in captured.get().split("\n")))
    else:
        _render(doc, console, plain)


def _names(entries: object, count: str) -> str:
    """``Paul Dreyer (3), Ann Cole (2)`` from the summary's list of ``{"name": ..., count: n}``."""
    shown = [f"{sanitize(str(e['name']))} ({e[count]})" for e in entries if isinstance(e, dict)
             and "name" in e and count in e] if isinstance(entries, list) else []
    return ", ".join(shown)


def _sourcing(doc: Document) -> list[list[str]]:
    """How the article sources what it says: the summary's figures, in words, in up to two lines."""
    parts, people = [], []
    if doc.claims:
        sourced = sum(1 for c in doc.claims if c.source is not None)
        verb = "cites" if len(doc.claims) == 1 else "cite"
        parts.append(f"{sourced} of {_plural(len(doc.claims), 'claim')} {verb} a source")
    if doc.quotes:
        spoken = sum(1 for q in doc.quotes if q.speaker is not None)
        verb = "names" if len(doc.quotes) == 1 else "name"
        parts.append(f"{spoken} of {_plural(len(doc.quotes), 'quote')} {verb} a speaker")
    rate = doc.summary.get("techniques_per_1000_words")
    if isinstance(rate, int | float) and doc.techniques:
        parts.append(f"{rate:.1f} techniques per 1,000 words")
    speakers = _names(doc.summary.get("top_speakers"), "quotes")
    if speakers:
        people.append(f"most quoted: {speakers}")
    targeted = _names(doc.summary.get("most_targeted_actors"), "techniques")
    if targeted:
        people.append(f"most targeted by techniques: {targeted}")
    return [line for line in (parts, people) if line]


def _render(doc: Document, console: Console, plain: bool) -> None:
    spans = sorted(doc.techniques, key=lambda s: (s.start, -s.end))
    console.rule(Text(sanitize(doc.article.title or doc.id), style="bold"), characters="=" if plain else "─")
    origin = doc.article.source.get("origin")
    share = doc.summary.get("technique_share")
    meta = [f"id {sanitize(doc.id)}"] + ([sanitize(str(origin))] if origin else [])
    if _ran(doc, "techniques"):
        meta.append(_plural(len(spans), "technique fragment")
                    + (f" ({share:.1%} of the text)" if isinstance(share, int | float) else ""))
    else:
        meta.append("techniques: not run")
    meta.append(", ".join(_plural(len(found), stage[:-1]) if _ran(doc, stage) else f"{stage}: not run"
                          for stage, found in (("claims", doc.claims), ("quotes", doc.quotes),
                                               ("actors", doc.actors))))
    console.print(Text(" · ".join(meta), style="dim"))
    for line in _sourcing(doc):
        console.print(Text(" · ".join(line), style="dim"))
    console.print()
    console.print(_highlighted(doc, spans, plain=plain))
    console.print()
    if spans:
        _technique_tables(doc, spans, console, plain)
    elif _ran(doc, "techniques"):
        console.print("No technique fragments found.")
    else:
        console.print("Techniques: not run.")
    _other_tables(doc, console, plain)
    for warning in doc.warnings:
        console.print(Text(f"warning: {sanitize(warning)}", style="" if plain else "yellow"))
    console.print()


def progress(docs: Iterable[Document], *, console: Console | None = None) -> Iterator[Document]:
    """Yield ``docs`` unchanged while a progress line on stderr counts them (total unknown)."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("articles analysed: {task.completed}"), BarColumn(),
                   TimeElapsedColumn(), TextColumn("{task.description}"),
                   console=console or Console(stderr=True), transient=True, redirect_stdout=False)
    task = bar.add_task("", total=None)
    with bar:
        for doc in docs:
            bar.update(task, advance=1, description=_short(doc.id, 40))
            yield doc
