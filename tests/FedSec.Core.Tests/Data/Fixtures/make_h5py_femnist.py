"""Writes h5py_femnist.h5: a small file in TFF's federated EMNIST layout, written by h5py (the library TFF and FedML
use), so that FemnistReaderTests read h5py's own structures (symbol-table groups split over several B-tree nodes,
chunked datasets with the shuffle and gzip filters) and not only PureHDF's. Run with /usr/bin/python3 (Debian's
python3-h5py); the values follow the formulas the test checks."""
import h5py
import numpy as np

WRITERS = 40
PER_WRITER = 2

with h5py.File("h5py_femnist.h5", "w") as f:
    examples = f.create_group("examples")
    for w in reversed(range(WRITERS)):
        g = examples.create_group(f"f{w:04d}_{w % 30:02d}")
        i, y, x = np.meshgrid(np.arange(PER_WRITER), np.arange(28), np.arange(28), indexing="ij")
        pixels = (((w * 7 + i * 3 + y + x) % 17) / 16.0).astype(np.float32)
        g.create_dataset("pixels", data=pixels, chunks=(1, 28, 28), compression="gzip", shuffle=True)
        g.create_dataset("label", data=np.array([(w * 5 + k) % 62 for k in range(PER_WRITER)], dtype=np.int32))
