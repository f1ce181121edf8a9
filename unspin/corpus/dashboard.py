"""The corpus dashboard: one self-contained HTML page comparing sources or months of a results store.

The page has inline CSS and SVG only (no script, no external request); every piece of text that
comes from an article (titles, ids, sources, fragments, actor names) is HTML-escaped.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from unspin.corpus.store import Store, StoredArticle
from unspin.errors import ConfigError
from unspin.taxonomy import TECHNIQUE_IDS, label_of

__all__ = ["GROUPINGS", "Group", "aggregate", "build_report", "write_report"]

GROUPINGS = ("source", "month")
UNKNOWN = "(unknown)"
OTHER = "(other sources)"

_PALETTE = ("#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#f39c12",
            "#2c3e50", "#e84393", "#7f8c8d", "#6c5ce7", "#00a8a8", "#b8860b", "#a0522d")
_FRAGMENTS_SHOWN = 25
_EXCERPT = 280


@dataclass(slots=True)
class ArticleEntry:
    """What the dashboard shows of one article (only the most persuasive few per group)."""

    pk: int
    id: str
    title: str | None
    source: str | None
    published: str | None
    words: int
    rate: float
    techniques: Counter[str]
    fragments: list[tuple[str, str]]  # (technique, text)
    claims: int
    claims_sourced: int
    url: str | None


@dataclass(slots=True)
class Group:
    """The totals of one source or month."""

    name: str
    articles: int = 0
    failed: int = 0
    words: int = 0
    techniques: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    claims_sourced: int = 0
    targets: Counter[str] = field(default_factory=Counter)
    roles: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    top: list[tuple[float, int, ArticleEntry]] = field(default_factory=list)  # min-heap

    @property
    def technique_count(self) -> int:
        return sum(self.techniques.values())

    def rate(self, technique: str | None = None) -> float:
        """Technique spans per 1,000 words (of one technique, or all)."""
        count = self.technique_count if technique is None else self.techniques[technique]
        return 1000 * count / self.words if self.words else 0.0

    def add(self, entry: ArticleEntry, keep: int) -> None:
        item = (entry.rate, -entry.pk, entry)
        if len(self.top) < keep:
            heapq.heappush(self.top, item)
        elif keep and item[:2] > self.top[0][:2]:
            heapq.heapreplace(self.top, item)

    def articles_shown(self) -> list[ArticleEntry]:
        return [e for _, _, e in sorted(self.top, key=lambda t: (-t[0], -t[1]))]


def _group_key(row: StoredArticle, by: str) -> str:
    value = row.source if by == "source" else row.month
    return value if value else UNKNOWN


def _targets(result: dict[str, Any]) -> tuple[Counter[str], dict[str, str]]:
    """How often each actor is the target of a technique in one article, and its role there."""
    counts: Counter[str] = Counter()
    roles: dict[str, str] = {}
    for actor in result.get("actors") or []:
        n = len(actor.get("techniques") or [])
        if n and actor.get("name"):
            counts[actor["name"]] += n
            roles[actor["name"]] = actor.get("role") or "no role"
    if not counts:
        for span in result.get("techniques") or []:
            if span.get("target"):
                counts[span["target"]] += 1
                roles.setdefault(span["target"], "no role")
    return counts, roles


def _entry(row: StoredArticle, result: dict[str, Any]) -> ArticleEntry:
    spans = result.get("techniques") or []
    claims = result.get("claims") or []
    words = row.words or 0
    source_meta = (result.get("article") or {}).get("source") or {}
    url = source_meta.get("url") if isinstance(source_meta, dict) else None
    return ArticleEntry(
        pk=row.pk, id=row.id, title=row.title, source=row.source, published=row.published,
        words=words, rate=1000 * len(spans) / words if words else 0.0,
        techniques=Counter(s.get("technique", "") for s in spans),
        fragments=[(s.get("technique", ""), s.get("text") or "") for s in spans[:_FRAGMENTS_SHOWN]],
        claims=len(claims), claims_sourced=sum(1 for c in claims if c.get("source")),
        url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
    )


def aggregate(rows: Iterable[StoredArticle], by: str = "source", *, keep: int = 25
              ) -> dict[str, Group]:
    """Totals per group, streaming over the stored rows; ``keep`` articles listed per group."""
    if by not in GROUPINGS:
        raise ConfigError(f"unknown --by {by!r}; choose source or month")
    groups: dict[str, Group] = {}
    for row in rows:
        name = _group_key(row, by)
        group = groups.get(name) or groups.setdefault(name, Group(name))
        result = row.result
        if row.status != "ok" or result is None:
            group.failed += 1
            continue
        group.articles += 1
        group.words += row.words or 0
        entry = _entry(row, result)
        group.techniques.update(entry.techniques)
        group.claims += entry.claims
        group.claims_sourced += entry.claims_sourced
        counts, roles = _targets(result)
        group.targets.update(counts)
        for name_, role in roles.items():
            group.roles[name_][role] += 1
        group.add(entry, keep)
    return groups


def _ordered(groups: dict[str, Group], by: str, max_groups: int) -> list[Group]:
    if by == "month":
        return sorted(groups.values(), key=lambda g: (g.name == UNKNOWN, g.name))
    ranked = sorted(groups.values(), key=lambda g: (-(g.articles + g.failed), g.name))
    if len(ranked) <= max_groups:
        return ranked
    other = Group(OTHER)
    for g in ranked[max_groups - 1:]:
        other.articles += g.articles
        other.failed += g.failed
        other.words += g.words
        other.techniques.update(g.techniques)
        other.claims += g.claims
        other.claims_sourced += g.claims_sourced
        other.targets.update(g.targets)
        for actor, roles in g.roles.items():
            other.roles[actor].update(roles)
    return [*ranked[:max_groups - 1], other]


# --- drawing -----------------------------------------------------------------------------------

def _colour(technique: str) -> str:
    # A technique outside the taxonomy gets a colour that is stable from run to run.
    index = (TECHNIQUE_IDS.index(technique) if technique in TECHNIQUE_IDS
             else sum(technique.encode("utf-8")))
    return _PALETTE[index % len(_PALETTE)]


def _fmt(value: float) -> str:
    if value < 1:
        return f"{value:.2f}"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def _bar_chart(bars: list[tuple[str, float, str | None, str]], *, caption: str) -> str:
    """Horizontal bars: (label, value, link or None, colour)."""
    if not bars:
        return "<p class='muted'>Nothing to chart.</p>"
    row, left, span = 24, 230, 400
    top = max(v for _, v, _, _ in bars) or 1.0
    parts = [f"<svg class='chart' role='img' viewBox='0 0 {left + span + 80} {row * len(bars) + 8}' "
             f"width='{left + span + 80}' height='{row * len(bars) + 8}'>"
             f"<title>{escape(caption)}</title>"]
    for i, (label, value, link, colour) in enumerate(bars):
        y = 4 + i * row
        width = max(1.0, span * value / top) if value > 0 else 0.0
        short = label if len(label) <= 34 else label[:33] + "…"
        text = (f"<text x='{left - 8}' y='{y + 15}' text-anchor='end'>{escape(short)}"
                f"<title>{escape(label)}</title></text>")
        if link:
            text = f"<a href='{escape(link)}'>{text}</a>"
        parts.append(f"{text}<rect x='{left}' y='{y + 2}' width='{width:.1f}' height='17' "
                     f"fill='{colour}' rx='2'/><text x='{left + width + 6:.1f}' y='{y + 15}'>"
                     f"{_fmt(value)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _claims_chart(groups: list[Group], anchors: dict[str, str]) -> str:
    shown = [g for g in groups if g.claims]
    if not shown:
        return "<p class='muted'>No claims were found (or the claims stage was disabled).</p>"
    row, left, span = 24, 230, 400
    parts = [f"<svg class='chart' role='img' viewBox='0 0 {left + span + 170} {row * len(shown) + 8}' "
             f"width='{left + span + 170}' height='{row * len(shown) + 8}'>"
             "<title>Claims with and without a cited source</title>"]
    for i, g in enumerate(shown):
        y = 4 + i * row
        with_source = span * g.claims_sourced / g.claims
        short = g.name if len(g.name) <= 34 else g.name[:33] + "…"
        parts.append(
            f"<a href='{anchors[g.name]}'><text x='{left - 8}' y='{y + 15}' text-anchor='end'>"
            f"{escape(short)}</text></a>"
            f"<rect x='{left}' y='{y + 2}' width='{with_source:.1f}' height='17' fill='#27ae60'/>"
            f"<rect x='{left + with_source:.1f}' y='{y + 2}' width='{span - with_source:.1f}' "
            f"height='17' fill='#e67e22'/>"
            f"<text x='{left + span + 6}' y='{y + 15}'>{g.claims_sourced:,} of {g.claims:,} sourced"
            "</text>")
    parts.append("</svg>")
    return "".join(parts)


def _heatmap(groups: list[Group], techniques: list[str], anchors: dict[str, str]) -> str:
    top = max((g.rate(t) for g in groups for t in techniques), default=0.0) or 1.0
    head = "".join(f"<th class='rot'><span>{escape(label_of(t))}</span></th>" for t in techniques)
    body = []
    for g in groups:
        cells = []
        for t in techniques:
            value = g.rate(t)
            alpha = 0.08 + 0.85 * value / top if value else 0.0
            cells.append(f"<td style='background:rgba(192,57,43,{alpha:.2f})' "
                         f"title='{escape(label_of(t))}: {value:.2f} per 1,000 words'>"
                         f"{_fmt(value)}</td>" if value else "<td class='zero'>0</td>")
        body.append(f"<tr><th><a href='{anchors[g.name]}'>{escape(g.name)}</a></th>{''.join(cells)}</tr>")
    return (f"<table class='heat'><thead><tr><th></th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _roles(counter: Counter[str]) -> str:
    return ", ".join(f"{escape(role)} ({n})" for role, n in counter.most_common())


def _group_section(g: Group, anchor: str, kind: str) -> str:
    top_techniques = [(label_of(t), 1000 * n / g.words if g.words else 0.0, None, _colour(t))
                      for t, n in g.techniques.most_common(8)]
    actors = "".join(
        f"<tr><td>{escape(name)}</td><td class='num'>{n:,}</td><td>{_roles(g.roles[name])}</td></tr>"
        for name, n in g.targets.most_common(10))
    actors_table = (f"<table><thead><tr><th>Actor</th><th>Times targeted</th><th>Roles given "
                    f"(articles)</th></tr></thead><tbody>{actors}</tbody></table>"
                    if actors else "<p class='muted'>No actor is the target of a technique.</p>")
    shown = g.articles_shown()
    rows = "".join(
        f"<tr><td><a href='#a{e.pk}'>{escape(e.title or e.id)}</a></td><td>{escape(e.published or '')}"
        f"</td><td class='num'>{e.words:,}</td><td class='num'>{e.rate:.1f}</td>"
        f"<td>{escape(label_of(e.techniques.most_common(1)[0][0])) if e.techniques else ''}</td></tr>"
        for e in shown)
    listing = (f"<table><thead><tr><th>Article</th><th>Published</th><th>Words</th>"
               f"<th>Techniques / 1,000 words</th><th>Most used</th></tr></thead><tbody>{rows}"
               f"</tbody></table>" if shown else "")
    more = (f"<p class='muted'>The {len(shown)} most persuasive of {g.articles:,} articles are listed."
            "</p>" if g.articles > len(shown) else "")
    failed = f", {g.failed:,} failed" if g.failed else ""
    return (
        f"<section id='{anchor}' class='group'><h2>{escape(kind)}: {escape(g.name)}</h2>"
        f"<p class='facts'><b>{g.articles:,}</b> articles{failed} · <b>{g.words:,}</b> words · "
        f"<b>{g.technique_count:,}</b> technique fragments · <b>{_fmt(g.rate())}</b> per 1,000 words "
        f"· <b>{g.claims_sourced:,}</b> of <b>{g.claims:,}</b> claims cite a source</p>"
        f"<h3>Most used techniques (per 1,000 words)</h3>"
        f"{_bar_chart(top_techniques, caption=f'Most used techniques in {g.name}')}"
        f"<h3>Most targeted actors</h3>{actors_table}"
        f"<h3>Articles</h3>{more}{listing}</section>"
    )


def _article_section(e: ArticleEntry) -> str:
    fragments = "".join(
        f"<li><span class='tag' style='background:{_colour(t)}'>{escape(label_of(t))}</span> "
        f"{escape(text if len(text) <= _EXCERPT else text[:_EXCERPT] + '…')}</li>"
        for t, text in e.fragments)
    total = sum(e.techniques.values())
    cut = (f"<p class='muted'>First {len(e.fragments)} of {total} fragments.</p>"
           if total > len(e.fragments) else "")
    link = (f" · <a href='{escape(e.url)}' rel='noopener noreferrer nofollow'>original</a>"
            if e.url else "")
    counts = ", ".join(f"{escape(label_of(t))} {n}" for t, n in e.techniques.most_common())
    return (
        f"<section id='a{e.pk}' class='article'><h3>{escape(e.title or e.id)}</h3>"
        f"<p class='facts'>id {escape(e.id)} · {escape(e.source or UNKNOWN)} · "
        f"{escape(e.published or 'no date')} · {e.words:,} words · {e.rate:.1f} techniques per "
        f"1,000 words · {e.claims_sourced} of {e.claims} claims cite a source{link}</p>"
        f"<p>{counts or 'No technique found.'}</p>{cut}<ul class='frags'>{fragments}</ul>"
        "<p><a href='#top'>back to the top</a></p></section>"
    )


_CSS = """
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
h3{margin:1.2rem 0 .4rem}.muted{color:#777}.facts{color:#444}
table{border-collapse:collapse;margin:.4rem 0;background:#fff}
th,td{border:1px solid #e2e2e2;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.heat td{text-align:right;font-variant-numeric:tabular-nums;min-width:2.6rem}.heat td.zero{color:#bbb}
.heat th.rot{height:9rem;white-space:nowrap;vertical-align:bottom;padding:0}
.heat th.rot span{display:inline-block;transform:rotate(-60deg);transform-origin:0 100%;width:2.2rem;
font-weight:normal;font-size:.8rem;margin-left:1.2rem}
svg.chart{max-width:100%;height:auto;font-size:12px;background:#fff}
svg.chart a text{fill:#1f5f9f;text-decoration:underline}
.tag{color:#fff;border-radius:3px;padding:0 .35rem;font-size:.8rem;white-space:nowrap}
ul.frags li{margin:.25rem 0}section.article{border-top:1px solid #ddd;padding-top:.3rem}
nav a{margin-right:.8rem}a{color:#1f5f9f}
"""


def build_report(store: Store, by: str = "source", *, keep: int = 25, max_groups: int = 40,
                 title: str | None = None) -> str:
    """The dashboard page for everything in ``store``, grouped ``by`` source or month."""
    if by not in GROUPINGS:
        raise ConfigError(f"unknown --by {by!r}; choose source or month")
    groups = _ordered(aggregate(store.rows(), by, keep=keep), by, max_groups)
    kind = "Source" if by == "source" else "Month"
    anchors = {g.name: f"g{i}" for i, g in enumerate(groups)}
    links = {name: f"#{anchor}" for name, anchor in anchors.items()}
    analysed = sum(g.articles for g in groups)
    failed = sum(g.failed for g in groups)
    words = sum(g.words for g in groups)
    heading = escape(title or f"unspin corpus report by {by}")
    if not analysed:
        body = ("<p>The store holds no analysed article yet"
                f"{f' ({failed:,} failed)' if failed else ''}: run <code>unspin batch</code> first.</p>")
    else:
        used = Counter[str]()
        for g in groups:
            used.update(g.techniques)
        techniques = [t for t in TECHNIQUE_IDS if used[t]] + sorted(
            t for t in used if t not in TECHNIQUE_IDS)
        shown = [g for g in groups if g.articles]
        rate_bars = [(g.name, g.rate(), links[g.name], "#2f6fb0") for g in shown]
        overall = [(label_of(t), 1000 * used[t] / words if words else 0.0, None, _colour(t))
                   for t, _ in used.most_common()]
        nav = "".join(f"<a href='#{anchors[g.name]}'>{escape(g.name)}</a>" for g in groups)
        body = (
            f"<p class='facts'><b>{analysed:,}</b> articles analysed"
            f"{f', <b>{failed:,}</b> failed' if failed else ''} · <b>{words:,}</b> words · "
            f"<b>{len(groups)}</b> {'sources' if by == 'source' else 'months'} · generated "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC</p><nav>{nav}</nav>"
            f"<h2>Technique fragments per 1,000 words</h2>"
            f"{_bar_chart(rate_bars, caption='Technique fragments per 1,000 words')}"
            f"<h2>Most used techniques, all {'sources' if by == 'source' else 'months'}</h2>"
            f"{_bar_chart(overall, caption='Most used techniques (per 1,000 words)')}"
            f"<h2>Each technique per 1,000 words</h2>{_heatmap(shown, techniques, links)}"
            f"<h2>Claims with and without a cited source</h2>"
            f"<p class='muted'>Green: the text names a source for the claim; orange: it does not.</p>"
            f"{_claims_chart(shown, links)}"
            + "".join(_group_section(g, anchors[g.name], kind) for g in groups)
            + "<h2>Articles</h2>"
            + "".join(_article_section(e) for g in groups for e in g.articles_shown())
        )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{heading}</title><style>{_CSS}</style></head><body><main id='top'>"
        f"<h1>{heading}</h1>{body}</main></body></html>\n"
    )


def write_report(store: Store, output: Path | None, by: str = "source", **kwargs: Any) -> str:
    """Build the dashboard and write it to ``output`` (or return it for stdout)."""
    page = build_report(store, by, **kwargs)
    if output is not None:
        if output.is_dir():
            raise ConfigError(f"{output} is a folder; give a file name such as report.html")
        try:
            output.write_text(page, encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write {output} ({exc.strerror}); choose another --output"
                              ) from None
    return page
