"""Faster stand-ins for two rule-based spaCy components, with the same output.

spaCy's small English pipeline spends about a third of its time outside its neural models, in
two rule-based components that loop over tokens in Python:

- ``attribute_ruler`` runs a ``Matcher`` of 179 token patterns over every token (coarse
  part-of-speech and morphology from the fine tag, with exceptions by word and dependency);
- ``lemmatizer`` looks each token up through a chain of Python calls, even when its cache
  already holds the answer.

A token's matches and its lemma depend only on a few of its attributes (tag, lower form,
dependency, whether it is space; form, part-of-speech, morphology), and news text repeats the
same combinations. ``FastAttributeRuler`` and ``FastLemmatizer`` subclass the spaCy
components, keep their patterns and tables, and remember the answer for each combination, so
most tokens cost one dictionary lookup. They apply the same rules in the same order
(``tests/components/test_spacy_fast.py`` compares them token by token with the originals; on
the PTC and PolNeAR articles every token's tag, part-of-speech, morphology, lemma and
dependency came out identical). A pattern this module cannot read (an operator, another
attribute) makes the ruler fall back to spaCy's own matcher for every document.

``speed_up(nlp)`` swaps them into a loaded pipeline in place of the originals.
"""


import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["FastAttributeRuler", "FastLemmatizer", "speed_up"]

#: The token attributes the compiled ruler reads, in the column order of ``Doc.to_array``.
_RULER_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_RULER_IDS = [TAG, LOWER, DEP, IS_SPACE]
#: Remembered combinations above which a cache starts afresh (a long-lived server).
_CACHE_LIMIT = 500_000

Predicate = Callable[[Any], bool]


def _predicate(value: Any) -> tuple[Predicate, frozenset[Any] | None] | None:
    """A test of one attribute value as the ``Matcher`` reads it, with the values it allows
    when it lists them (an exact value, ``IN``); None when the test is not understood."""
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        (op, items), = value.items()
        if op == "REGEX" and isinstance(items, str):
            pattern = re.compile(items)
            return (lambda v: isinstance(v, str) and pattern.search(v) is not None), None
        if op not in ("IN", "NOT_IN") or not isinstance(items, list):
            return None
        listed = frozenset(items)
        if op == "IN":
            return (lambda v: v in listed), listed
        return (lambda v: v not in listed), None
    if isinstance(value, bool | str):
        return (lambda v: v == value), frozenset([value])
    return None


Spec = tuple[list[tuple[int, Predicate]], tuple[int, frozenset[Any]] | None]
#: What a token's attributes say: the rules of the one-token patterns it matches, the specs it
#: meets, and the longer patterns it can start.
Facts = tuple[tuple[int, ...], frozenset[int], tuple[int, ...]]


def _named_lowers(patterns: list[list[dict[str, Any]]]) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The lower forms that token specs name (``LOWER`` as a value, ``IN`` or ``NOT_IN``), and
    the regular expressions they test lower forms with: a form that is neither named nor
    matched passes or fails every ``LOWER`` test as any other such form does."""
    named: set[str] = set()
    regexes = []
    for pattern in patterns:
        for spec in pattern:
            for attr, value in spec.items():
                if attr.upper() != "LOWER":
                    continue
                if isinstance(value, str):
                    named.add(value)
                elif isinstance(value, dict):
                    for op, items in value.items():
                        if op == "REGEX":
                            regexes.append(re.compile(items))
                        else:
                            named.update(items)
    return frozenset(named), tuple(regexes)


def _compile_spec(spec: dict[str, Any]) -> Spec | None:
    """The tests of one token spec (attribute column, test), and one attribute whose listed
    values a token must have (the spec's anchor), if it has one; None if not understood."""
    tests, anchor = [], None
    for attr, value in spec.items():
        if attr.upper() not in _RULER_ATTRS:
            return None
        compiled = _predicate(value)
        if compiled is None:
            return None
        column = _RULER_ATTRS.index(attr.upper())
        tests.append((column, compiled[0]))
        if compiled[1] is not None and (anchor is None or len(compiled[1]) < len(anchor[1])):
            anchor = (column, compiled[1])
    return (tests, anchor) if tests else None


class FastAttributeRuler:
    """spaCy's ``AttributeRuler`` (``ruler``), its matches remembered per (tag, lower, dep, is_space)."""

    def __init__(self, ruler: AttributeRuler | None = None) -> None:
        self.ruler = ruler
        self._compiled: Any = None
        self._memo: dict[tuple[int, ...], Facts] = {}
        #: The same facts per (tag, lower or 0, dep, is_space): 0 for a lower form that no
        #: pattern names (``_named_lowers``), whose facts are then those of every such form.
        self._by_class: dict[tuple[int, ...], Facts] = {}
        self._lower_class: dict[int, int] = {}
        #: The lower forms the patterns name, and their regular expressions on lower forms.
        self._named: tuple[frozenset[str], tuple[re.Pattern[str], ...]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # the compiled tests are closures: a copy (another process) compiles them again
        return {"ruler": self.ruler}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["ruler"])

    def _compile(self) -> Any:
        """The token specs of every pattern, indexed by their anchors; False when a pattern is
        not one this class reads."""
        specs: list[list[tuple[int, Predicate]]] = []
        anchored: dict[tuple[int, Any], list[int]] = {}
        unanchored: list[int] = []
        singles: dict[int, list[int]] = {}  # spec -> rules of its one-token patterns
        longer: list[tuple[int, list[int]]] = []  # (rule, specs) of longer patterns
        for rule in range(len(self.ruler.attrs)):
            for pattern in self.ruler.matcher.get(str(rule))[1]:
                ids = []
                for spec in pattern:
                    compiled = _compile_spec(spec)
                    if compiled is None:
                        return False
                    tests, anchor = compiled
                    ids.append(len(specs))
                    if anchor is None:
                        unanchored.append(len(specs))
                    else:
                        for value in anchor[1]:
                            anchored.setdefault((anchor[0], value), []).append(len(specs))
                    specs.append(tests)
                if not ids:
                    return False
                if len(ids) == 1:
                    singles.setdefault(ids[0], []).append(rule)
                else:
                    longer.append((rule, ids))
        self._named = _named_lowers([pattern for rule in range(len(self.ruler.attrs))
                                     for pattern in self.ruler.matcher.get(str(rule))[1]])
        return specs, anchored, unanchored, singles, longer

    def _class_facts(self, key: tuple[int, ...]) -> Facts:
        """``_token_facts`` of ``key``, computed once for all the lower forms no pattern names."""
        lower = self._lower_class.get(key[1])
        if lower is None:
            named, regexes = self._named or (frozenset(), ())
            form = self.ruler.vocab.strings[key[1]]
            named_here = form in named or any(r.search(form) for r in regexes)
            lower = self._lower_class[key[1]] = key[1] if named_here else 0
        group = (key[0], lower, key[2], key[3])
        facts = self._by_class.get(group)
        if facts is None:
            facts = self._by_class[group] = self._token_facts(key)
        return facts

    def _token_facts(self, key: tuple[int, ...]) -> Facts:
        """For a token of these attributes: the rules of the one-token patterns it matches, the
        specs it meets, and the longer patterns it can start."""
        strings = self.ruler.vocab.strings
        values = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        specs, anchored, unanchored, singles, longer = self._compiled
        candidates = set(unanchored)
        for column, value in enumerate(values):
            candidates.update(anchored.get((column, value), ()))
        met = frozenset(i for i in candidates if all(test(values[a]) for a, test in specs[i]))
        rules = tuple(sorted({rule for spec in met for rule in singles.get(spec, ())}))
        starts = tuple(k for k, (_, ids) in enumerate(longer) if ids[0] in met)
        return rules, met, starts

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(rule, start, end) of every match, in the order spaCy applies them."""
        longer = self._compiled[4]
        memo = self._memo
        if len(memo) > _CACHE_LIMIT:
            memo.clear()
            self._by_class.clear()
            self._lower_class.clear()
        hits: set[tuple[int, int, int]] = set()
        met: list[frozenset[int]] = []
        starts: list[tuple[int, int]] = []
        for i, key in enumerate(map(tuple, doc.to_array(_RULER_IDS).tolist())):
            facts = memo.get(key)
            if facts is None:
                facts = memo[key] = self._class_facts(key)
            for rule in facts[0]:
                hits.add((rule, i, i + 1))
            met.append(facts[1])
            for k in facts[2]:
                starts.append((k, i))
        for k, i in starts:
            rule, ids = longer[k]
            end = i + len(ids)
            if end <= len(met) and all(spec in met[i + j] for j, spec in enumerate(ids)):
                hits.add((rule, i, end))
        # as AttributeRuler.match sorts them: a later rule is applied later, so it wins
        return sorted(hits)

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None:
            raise RuntimeError("FastAttributeRuler has no ruler: set it up with speed_up(nlp)")
        if self._compiled is None:
            self._compiled = self._compile()
        if self._compiled is False or not len(doc):
            return self.ruler(doc)
        found = self.matches(doc)
        indices, attrs = self.ruler.indices, self.ruler.attrs
        targets = []
        for rule, start, end in found:
            index = indices[rule]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:
                return self.ruler(doc)  # spaCy raises its own error for that pattern
            targets.append((position, attrs[rule]))
        for position, values in targets:
            set_token_attrs(doc[position], values)
        return doc


class FastLemmatizer:
    """spaCy's rule lemmatizer (``lemmatizer``), each lemma remembered per (form, part of
    speech, morphology): what its rules read."""

    def __init__(self, lemmatizer: Lemmatizer | None = None) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        inner = self.lemmatizer
        if inner is None:
            raise RuntimeError("FastLemmatizer has no lemmatizer: set it up with speed_up(nlp)")
        if inner.mode != "rule" or not len(doc):
            return inner(doc)
        if len(self._lemmas) > _CACHE_LIMIT:
            self._lemmas.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = inner.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not inner.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self._lemmas[key] = strings.add(inner.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas[:, None])
        return doc


@Language.factory("unspin_fast_attribute_ruler")
def _make_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler()


@Language.factory("unspin_fast_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer()


def speed_up(nlp: Language) -> Language:
    """Put ``FastAttributeRuler`` and ``FastLemmatizer`` in the place of the pipeline's
    ``attribute_ruler`` and ``lemmatizer``, each wrapping the component it replaces (so the same
    patterns, tables and settings); anything else is left as it is."""
    old = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(old, AttributeRuler):
        nlp.replace_pipe("attribute_ruler", "unspin_fast_attribute_ruler").ruler = old
    old = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(old, Lemmatizer):
        # its rules test "form in index" for each candidate: sets, not lists of 57,528 words
        index = old.lookups.get_table("lemma_index", {})
        for pos, words in list(index.items()):
            if isinstance(words, list):
                index[pos] = frozenset(words)
        nlp.replace_pipe("lemmatizer", "unspin_fast_lemmatizer").lemmatizer = old
    return nlp
