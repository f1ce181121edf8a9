"""Cross-fitted speaker model on the int8 tagger: train's word probabilities come from the fold
models that never saw each article (``srctag_train.py --hold K/N``), dev's and test's from the final
tagger. Retrains only the speaker model (shipped cue and quote models) and scores dev and test.
Usage: python exp/srctag_crossfit.py PREFIX N FINAL_DIR OUTDIR [--judge] [--sweep] [--no-test]
  fold taggers in the folders PREFIX0 .. PREFIX{N-1} (``srctag_train.py ... --hold K/N``).
  --judge: retrain the cue and quote models too (as ``train_quote_models`` does), for quote
  features that read the tagger (set UNSPIN_JUDGE_TAG=1 to turn them on)."""

import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # srctag_lib beside this file
import numpy as np
from sklearn.metrics import average_precision_score
from srctag_lib import parsed, word_labels

from unspin.components._quotes_tagger import PROBE_KEY, AttributionTagger, word_probabilities
from unspin.components.quotes import QuoteFinder, load_speaker_model
from unspin.training.data import default_data_dir
from unspin.training.quotes import (
    read_polnear,
    save_cue_model,
    score_quotes,
    speaker_groups,
    train_listwise_model,
)
from unspin.training.quotes_tagger import fold_of

POL = str(default_data_dir() / "polnear")
SHIPPED = Path(__file__).resolve().parents[3] / "unspin" / "models" / "quotes"


def retrain_judge(docs, articles, out):
    """The cue and quote models as ``train_quote_models`` trains them, on the attached probabilities."""
    from unspin.components.quotes import load_cue_model, load_quote_model
    from unspin.training.quotes import _crossfit_quote_examples, cue_examples, train_cue_model

    cue_sets = [cue_examples([d], [a]) for d, a in zip(docs, articles, strict=True)]
    features = [f for fs, _ in cue_sets for f in fs]
    cues = train_cue_model(features, [y for _, ys in cue_sets for y in ys], c=0.3)
    cues["threshold"] = 0.2
    save_cue_model(cues, out / "cues.json.gz")
    qf, ql = _crossfit_quote_examples(docs, articles, cue_sets, cue_c=0.3, cue_threshold=0.2, folds=4)
    judge = train_cue_model(qf, ql, c=0.3)
    judge["threshold"] = 0.6
    save_cue_model(judge, out / "quotes.json.gz")
    load_cue_model.cache_clear()
    load_quote_model.cache_clear()
    print(f"judge: {len(ql)} quotes", flush=True)
    return {"model": str(out / "cues.json.gz"), "quote_model": str(out / "quotes.json.gz")}


def main():
    prefix, n, final, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    for f in ("cues.json.gz", "quotes.json.gz"):
        shutil.copy(SHIPPED / f, out / f)
    t = time.time()
    arts = {s: read_polnear(POL, s) for s in ("train", "dev", "test")}
    docs = {s: parsed(s, a) for s, a in arts.items()}
    fold = fold_of(len(arts["train"]), n)
    taggers = [AttributionTagger(f"{prefix}{k}") for k in range(n)]
    final_tagger = AttributionTagger(final)
    for s in ("train", "dev", "test"):
        cache = out / f"probs_{s}.npz"
        if cache.exists():
            with np.load(cache) as z:
                for i, d in enumerate(docs[s]):
                    d.user_data[PROBE_KEY] = z[f"arr_{i}"]
            continue
        for i, (d, a) in enumerate(zip(docs[s], arts[s], strict=True)):
            tagger = taggers[fold[i]] if s == "train" else final_tagger
            d.user_data[PROBE_KEY] = word_probabilities(d, *tagger.token_probabilities(a.text))
        np.savez(cache, *[d.user_data[PROBE_KEY] for d in docs[s]])
        print(f"{s} probabilities {time.time() - t:.0f}s", flush=True)
    for s in ("train", "dev"):
        keep = [np.array([not tk.is_space for tk in d]) for d in docs[s]]
        y = np.concatenate([word_labels(d, a)[k] for d, a, k in zip(docs[s], arts[s], keep, strict=True)])
        p = np.concatenate([d.user_data[PROBE_KEY][k] for d, k in zip(docs[s], keep, strict=True)])
        ap = [round(average_precision_score(y[:, j], p[:, j]), 3) for j in range(3)]
        print(f"{s} AP source/cue/content {ap}", flush=True)
    judge = {}
    if "--judge" in sys.argv:
        judge = retrain_judge(docs["train"], arts["train"], out)
    groups = speaker_groups(docs["train"], arts["train"], QuoteFinder(speaker_model=False, **judge))
    model = train_listwise_model(groups, l2=1.0)
    model["threshold"] = 0.3
    path = str(out / "speakers.json.gz")
    save_cue_model(model, path)
    load_speaker_model.cache_clear()
    finder = QuoteFinder(speaker_model=path, **judge)
    if judge and "--sweep" in sys.argv:  # quote-model thresholds on dev, the speaker model as trained
        import gzip
        import json

        from unspin.components.quotes import load_quote_model

        with gzip.open(judge["quote_model"], "rt") as f:
            saved = json.load(f)
        for threshold in (0.45, 0.5, 0.55, 0.6, 0.65):
            saved["threshold"] = threshold
            where = out / f"quotes-{threshold}.json.gz"
            with gzip.open(where, "wt") as f:
                json.dump(saved, f)
            load_quote_model.cache_clear()
            f_ = QuoteFinder(speaker_model=path, model=judge["model"], quote_model=str(where))
            r = score_quotes([f_.predict(d) for d in docs["dev"]], arts["dev"])
            sp = r["speaker"]
            print(f"judge {threshold}: dev content {r['content']['f1']:.4f} speaker "
                  f"P {sp['precision']:.4f} R {sp['recall']:.4f} F1 {sp['f1']:.4f}", flush=True)
    for s in ("dev", "test") if "--no-test" not in sys.argv else ("dev",):
        r = score_quotes([finder.predict(d) for d in docs[s]], arts[s])
        sp, c = r["speaker"], r["content"]
        print(
            f"{s}: content F1 {c['f1']:.4f}  speaker P {sp['precision']:.4f} R {sp['recall']:.4f} "
            f"F1 {sp['f1']:.4f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
