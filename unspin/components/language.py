"""Language check: flag text that is not English (writing system plus common function words)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from unspin.doc import Document

__all__ = ["LanguageCheck", "LanguageGuess", "detect_language", "make_language_check"]

# The most frequent function words of each language (no model, no download). Words shared by
# several languages count for each of them; the comparison between languages settles it.
_STOP_WORDS: dict[str, str] = {
    "en": "the of and to in a is that for it as was with be by on not he i this are or his from at "
          "which but have an they you were their has been had we would will its there who more "
          "when she said about after than what can could also should",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
          "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
          "einen so zum war haben nur oder aber vor zur bis mehr durch",
    "fr": "le la les de des et en un une du est que qui dans pour pas au sur par plus avec ne se "
          "ce il elle sont aux mais ont cette comme ou été être leur nous vous ils était aussi "
          "fait même tout sans",
    "es": "el la de que y en los las del se por un una con no para es al lo como más pero sus le "
          "ha me si sin sobre este ya entre cuando todo esta ser son dos también fue había muy "
          "hasta desde están",
    "it": "il di che e la per un in è una non del della si le con da dei sono al alla gli anche "
          "più nel come ma ha lo ci delle questo suo dal nella sua essere stato hanno tra",
    "pt": "de que e o a do da em um para com não uma os no se na por mais as dos como mas ao ele "
          "das à seu sua ou quando muito nos já está também só pelo pela até isso ela entre "
          "são foi",
    "nl": "de het een van en in is dat op te zijn met voor niet aan er die ook als maar om bij "
          "door nog wel naar dan uit of heeft hij ze wordt werd was zo kan wat zijn over",
    "sv": "och i att det som en på är av för med till den har de inte om ett han men var jag sig "
          "från vi så kan man när år säger hon under också efter eller nu sedan",
    "da": "og i at det er en til på som de med for af ikke der var han den har jeg et sig men om "
          "vi fra så kan efter også når skal blev over eller",
    "no": "og i det er som en på til av at for med ikke de har den var jeg et om men seg fra så "
          "kan etter også når skal ble over eller hun vi",
    "pl": "i w na z nie się do to że jest o jak po co tak za od ale przez są dla jego już może "
          "oraz tylko by czy było jej ich który która które tym też",
    "tr": "ve bir bu da de için ile çok ne daha gibi olarak kadar sonra ama en olan değil ya her "
          "göre o ise ki şey mi var yok olduğunu",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada adalah oleh "
          "karena saya kami mereka bisa telah sudah atau seperti",
    "ro": "și de la în a cu că nu o pe din un este care mai pentru se au ca fost sau lui ei dar "
          "fi după sunt această acest",
    "ru": "и в не на что с по как это он а к из за то но от же все она так о его был было для "
          "уже ты вы мы они или бы ее если только при",
    "uk": "і в не на що з та як це він а до за у але від же все вона так про його був було для "
          "вже ви ми вони або б якщо тільки при й є",
}
_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}

_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "pl": "Polish", "tr": "Turkish", "id": "Indonesian", "ro": "Romanian", "ru": "Russian",
    "uk": "Ukrainian", "el": "Greek", "he": "Hebrew", "ar": "Arabic", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "hi": "Hindi", "th": "Thai", "ka": "Georgian",
    "hy": "Armenian", "bn": "Bengali", "ta": "Tamil", "und": "an unknown language",
}

# Writing systems named by the first word of a character's Unicode name -> language code.
_SCRIPTS = {
    "GREEK": "el", "HEBREW": "he", "ARABIC": "ar", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja",
    "HANGUL": "ko", "DEVANAGARI": "hi", "THAI": "th", "GEORGIAN": "ka", "ARMENIAN": "hy",
    "BENGALI": "bn", "TAMIL": "ta",
}
_SCRIPT_NAMES = {"CJK": "Chinese (Han)", "HANGUL": "Korean (Hangul)"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A sample of this many characters from the start, middle and end of the text is enough.
_SAMPLE = 30_000


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The guessed language (ISO 639-1 code, "und" when undetermined) and how it was decided."""

    code: str
    english: bool
    reason: str

    @property
    def name(self) -> str:
        return _NAMES.get(self.code, self.code)


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE:
        return text
    third = _SAMPLE // 3
    middle = len(text) // 2 - third // 2
    return text[:third] + " " + text[middle : middle + third] + " " + text[-third:]


def _script_counts(text: str) -> tuple[Counter[str], int]:
    """Letters per script (the first word of their Unicode names), and all letters."""
    scripts: Counter[str] = Counter()
    letters = 0
    for ch, count in Counter(text).items():  # each distinct character named once
        if not ch.isalpha():
            continue
        letters += count
        name = unicodedata.name(ch, "")
        scripts[name.split(" ", 1)[0] if name else "UNKNOWN"] += count
    return scripts, letters


def detect_language(text: str, *, min_words: int = 8) -> LanguageGuess:
    """Guess whether ``text`` is English, cheaply and deterministically (no model).

    Texts written mostly in a non-Latin script are named by their script; Latin-script (and
    Cyrillic) texts by the share of each language's commonest function words among their words.
    Texts with fewer than ``min_words`` words are too short to judge and count as English.
    """
    sample = _sample(text)
    scripts, letters = _script_counts(sample)
    if letters == 0:
        return LanguageGuess("und", True, "no letters to judge")
    script, count = scripts.most_common(1)[0]
    if script in _SCRIPTS and count / letters > 0.5:
        if script == "CJK" and scripts["HIRAGANA"] + scripts["KATAKANA"] > 0.05 * letters:
            return LanguageGuess("ja", False, "written in Japanese (Han and kana) script")
        return LanguageGuess(_SCRIPTS[script], False,
                             f"written mostly in {_SCRIPT_NAMES.get(script, script.title())} script")
    if script not in ("LATIN", "CYRILLIC") or count / letters <= 0.5:
        return LanguageGuess("und", False, "not written mostly in Latin script")
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < min_words:
        return LanguageGuess("und", True, f"too short to judge ({len(words)} words)")
    shares = {lang: sum(w in stop for w in words) / len(words) for lang, stop in _WORDS.items()}
    best = max(shares, key=lambda lang: (shares[lang], lang == "en"))
    english = shares["en"]
    if english >= 0.25 or (english >= 0.1 and (best == "en" or shares[best] < 1.5 * english)):
        return LanguageGuess("en", True, f"English function words are {english:.0%} of the words")
    if shares[best] >= 0.1:
        return LanguageGuess(best, False, f"{_NAMES[best]} function words are {shares[best]:.0%} "
                                          f"of the words, English ones {english:.0%}")
    if english < 0.05 and len(words) >= 3 * min_words:
        return LanguageGuess("und", False, f"English function words are only {english:.0%} of "
                                           "the words")
    return LanguageGuess("und", True, "too few function words of any language to judge")


class LanguageCheck:
    """Sets ``article.source["language"]`` and warns when the text does not look like English."""

    name = "language"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("language",)

    def __init__(self, min_words: int = 8) -> None:
        self.min_words = min_words

    def __call__(self, doc: Document) -> Document:
        guess = detect_language(doc.text, min_words=self.min_words)
        doc.article.source["language"] = guess.code
        if not guess.english:
            what = (f"looks like {guess.name}, not English" if guess.code != "und"
                    else "does not look like English")
            doc.warnings.append(
                f"the text {what} ({guess.reason}); unspin's models are trained on English news, "
                "so results are unreliable: translate it to English first"
            )
        return doc


def make_language_check(min_words: int = 8) -> LanguageCheck:
    return LanguageCheck(min_words=min_words)
