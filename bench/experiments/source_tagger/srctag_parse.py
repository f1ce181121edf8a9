"""Parse and cache (DocBin) the PolNeAR splits for the srctag experiment."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # srctag_lib beside this file
from srctag_lib import parsed

from unspin.training.data import default_data_dir
from unspin.training.quotes import read_polnear

for split in sys.argv[1:]:
    t = time.time()
    docs = parsed(split, read_polnear(str(default_data_dir() / "polnear"), split))
    print(split, len(docs), f"{time.time() - t:.0f}s", flush=True)
