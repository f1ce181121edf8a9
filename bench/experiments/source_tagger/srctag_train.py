"""Train one attribution tagger with the package's trainer (``unspin.training.quotes_tagger``) and
write it as the shipped tagger is written (int8 ONNX and tokenizer) into a folder.
Experiment only. Usage: python exp/srctag_train.py OUT_DIR [epochs] [--hold K/N]
  --hold K/N: leave out fold K of N (articles dealt to folds by ``fold_of``), for cross-fitting."""

import sys

from unspin.training.data import default_data_dir
from unspin.training.quotes import read_polnear
from unspin.training.quotes_tagger import TaggerConfig, export_tagger, fold_of


def main():
    hold = None
    if "--hold" in sys.argv:
        k = sys.argv.index("--hold")
        hold = tuple(int(x) for x in sys.argv[k + 1].split("/"))
        del sys.argv[k : k + 2]
    out = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    arts = read_polnear(str(default_data_dir() / "polnear"), "train")
    if hold:
        fold = fold_of(len(arts), hold[1])
        arts = [a for a, f in zip(arts, fold, strict=True) if f != hold[0]]
    export_tagger(arts, out, TaggerConfig(epochs=epochs), lambda m: print(m, flush=True))


if __name__ == "__main__":
    main()
