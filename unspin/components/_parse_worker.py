"""A parse process: ``python -m unspin.components._parse_worker MODEL``.

Reads texts from standard input and writes their parses to standard output, in order, each
as a frame (an 8-byte big-endian length, then that many bytes): a text in UTF-8 in, the
``Doc.to_bytes()`` of its parse out. An empty frame out says the model is loaded; the end of
the input ends the process. Started by ``unspin.components.parse`` as a plain subprocess, so
that it never imports the caller's ``__main__`` (as ``multiprocessing``'s spawn would).
"""

from __future__ import annotations

import sys

from unspin._worker import read_frame, write_frame

__all__ = ["main"]


def main(argv: list[str]) -> int:
    from threadpoolctl import threadpool_limits

    from unspin.components.parse import load_spacy

    threadpool_limits(1)  # one of several processes on few cores: numpy's BLAS on one thread
    nlp = load_spacy(argv[0])
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    write_frame(sink, b"")
    while (data := read_frame(source)) is not None:
        write_frame(sink, nlp(data.decode("utf-8")).to_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
