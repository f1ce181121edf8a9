"""A pipeline helper process: ``python -m unspin._pipe_worker``.

Started by ``Pipeline.pipe`` (``unspin.pipeline``) to analyse some of its articles beside the
main process. Frames in and out as ``unspin._worker`` describes: first the pickled
``PipelineSpec`` to build, then one pickled list of ``Article`` per request (a batch, which the
stages batch their work over, one after the other); out, an empty frame once the pipeline is
loaded, then for each batch the pickled list of its ``Document`` (results only, without the
stages' shared cache), or a pickled error message where the analysis failed (the main process
then analyses that batch itself, and sees the failure as it would without helpers).
"""

from __future__ import annotations

import os
import pickle
import sys

__all__ = ["main"]


def main() -> int:
    from threadpoolctl import threadpool_limits

    from unspin._worker import HELPER_ENV, read_frame, write_frame

    os.environ[HELPER_ENV] = "1"  # its pipes start no processes of their own (no helpers, no parse worker)
    threadpool_limits(1)  # one of several processes on few cores: numpy's BLAS on one thread
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    data = read_frame(source)
    if data is None:
        return 1
    pipeline = pickle.loads(data).load(processes=0, threaded=False)
    write_frame(sink, b"")
    while (data := read_frame(source)) is not None:
        try:
            docs = list(pipeline.pipe(pickle.loads(data)))
            for doc in docs:
                doc.cache.clear()
            answer = pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # reported to the main process, which tries the article itself
            answer = pickle.dumps(f"{type(exc).__name__}: {exc}")
        write_frame(sink, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
