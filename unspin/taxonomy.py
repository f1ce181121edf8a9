"""The 14 propaganda techniques of the PTC (SemEval-2020 Task 11), with plain-language definitions."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TECHNIQUES", "TECHNIQUE_IDS", "Technique", "label_of", "technique"]


@dataclass(frozen=True, slots=True)
class Technique:
    """One technique: its PTC id, a human name, a one-sentence definition and an example."""

    id: str
    label: str
    definition: str
    example: str


TECHNIQUES: tuple[Technique, ...] = (
    Technique(
        "Loaded_Language",
        "Loaded language",
        "Words or phrases with strong emotional weight, used to sway the reader's feelings "
        "rather than inform.",
        "a disgusting, shameful betrayal",
    ),
    Technique(
        "Name_Calling,Labeling",
        "Name calling / labeling",
        "Attaching a label to a person or group that the reader is meant to fear, hate or "
        "find contemptible (or, for praise, to admire).",
        "the radical mob",
    ),
    Technique(
        "Repetition",
        "Repetition",
        "Saying the same message over and over so that the reader comes to accept it.",
        "Build the bridge. We must build the bridge.",
    ),
    Technique(
        "Doubt",
        "Doubt",
        "Questioning the credibility of someone or something without offering evidence.",
        "Can we really trust what the committee tells us?",
    ),
    Technique(
        "Exaggeration,Minimisation",
        "Exaggeration / minimisation",
        "Making something seem far larger, better or worse than it is, or downplaying it.",
        "the worst disaster in the history of the world",
    ),
    Technique(
        "Appeal_to_fear-prejudice",
        "Appeal to fear / prejudice",
        "Building support for an idea by stirring fear of an alternative or prejudice against "
        "a group.",
        "if we do nothing, our towns will be overrun",
    ),
    Technique(
        "Flag-Waving",
        "Flag-waving",
        "Playing on strong group identity (nation, party, faith) to justify or promote an idea.",
        "every true patriot knows what to do",
    ),
    Technique(
        "Causal_Oversimplification",
        "Causal oversimplification",
        "Assuming one cause or reason when an issue has many.",
        "prices rose only because of the new mayor",
    ),
    Technique(
        "Slogans",
        "Slogans",
        "A brief, striking phrase that may carry labels and stereotypes, meant to be repeated.",
        "Take back our streets!",
    ),
    Technique(
        "Appeal_to_Authority",
        "Appeal to authority",
        "Claiming a statement is true only because an authority or expert said so, without "
        "other evidence.",
        "as the famous professor has said, this is settled",
    ),
    Technique(
        "Black-and-White_Fallacy",
        "Black-and-white fallacy",
        "Presenting two options as the only possibilities when more exist.",
        "you are either with us or against us",
    ),
    Technique(
        "Thought-terminating_Cliches",
        "Thought-terminating cliché",
        "A stock phrase that discourages critical thought and ends a discussion.",
        "it is what it is",
    ),
    Technique(
        "Whataboutism,Straw_Men,Red_Herring",
        "Whataboutism / straw man / red herring",
        "Deflecting criticism by pointing at an opponent's faults, distorting their position, "
        "or bringing in an irrelevant topic.",
        "but what about the scandal last year?",
    ),
    Technique(
        "Bandwagon,Reductio_ad_hitlerum",
        "Bandwagon / reductio ad hitlerum",
        "Urging the reader to join because everyone else does, or rejecting an idea because a "
        "hated group holds it.",
        "everyone is already on board",
    ),
)

TECHNIQUE_IDS: tuple[str, ...] = tuple(t.id for t in TECHNIQUES)
_BY_ID = {t.id: t for t in TECHNIQUES}


def technique(technique_id: str) -> Technique:
    """Return the technique with this PTC id; raise ``ConfigError`` listing the valid ids."""
    try:
        return _BY_ID[technique_id]
    except KeyError:
        from unspin.errors import ConfigError

        raise ConfigError(
            f"unknown technique {technique_id!r}; valid ids are: {', '.join(TECHNIQUE_IDS)}"
        ) from None


def label_of(technique_id: str) -> str:
    """The human name of a technique id."""
    return technique(technique_id).label
