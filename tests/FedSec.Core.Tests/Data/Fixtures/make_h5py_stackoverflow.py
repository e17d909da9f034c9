"""Writes h5py_stackoverflow.h5: a small file in TFF's StackOverflow layout (examples/USER/{tokens,title,tags,...}),
written by h5py (the library TFF and FedML use), so that StackOverflowLrReaderTests read h5py's own string datasets
and not only PureHDF's: variable-length ASCII and UTF-8 strings, variable-length bytes, and fixed-length byte strings,
with TFF's other fields (creation_date, score, type) beside them. Run with /usr/bin/python3 (Debian's python3-h5py)."""
import h5py
import numpy as np

ascii_vlen = h5py.string_dtype(encoding="ascii")
utf8_vlen = h5py.string_dtype(encoding="utf-8")
bytes_vlen = h5py.special_dtype(vlen=bytes)

with h5py.File("h5py_stackoverflow.h5", "w") as f:
    examples = f.create_group("examples")
    # Users in reverse order: the reader must list them in name order.
    b = examples.create_group("00000002")
    b.create_dataset("tokens", data=np.array([b"java java", b"the"], dtype=object), dtype=bytes_vlen)
    b.create_dataset("title", data=np.array([b"a", b"c#"], dtype=object), dtype=bytes_vlen)
    b.create_dataset("tags", data=np.array([b"java", b"c#|sql"], dtype=object), dtype=bytes_vlen)
    b.create_dataset("score", data=np.array([3, -1], dtype=np.int64))
    a = examples.create_group("00000001")
    a.create_dataset("tokens", data=["the c# a", "unknown"], dtype=ascii_vlen)
    a.create_dataset("title", data=["c# question", "the"], dtype=utf8_vlen)
    a.create_dataset("tags", data=np.array([b"c#|java", b".net"], dtype="S7"))  # fixed-length, null-padded
    a.create_dataset("type", data=["question", "answer"], dtype=ascii_vlen)
    a.create_dataset("creation_date", data=["2010-01-08 09:34:05 UTC", "2008-08-10 08:28:52.1 UTC"], dtype=ascii_vlen)
