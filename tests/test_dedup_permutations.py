"""dedup draws datasketch's MinHash permutations itself (importing datasketch imports scipy): same values."""

import sys
import subprocess

import numpy as np
from datasketch import MinHash

from crawler import dedup


def test_permutations_are_datasketchs():
    for seed, num_perm in ((dedup.SEED, dedup.NUM_PERM), (1, 128), (7, 3), (dedup.SEED, 256)):
        a, b = dedup.affine32_permutations(seed, num_perm)
        expected_a, expected_b = MinHash(num_perm=num_perm, seed=seed).permutations
        assert a.dtype == expected_a.dtype == np.uint32 and b.dtype == expected_b.dtype == np.uint32
        assert np.array_equal(a, expected_a) and np.array_equal(b, expected_b)


def test_dedup_does_not_import_datasketch_or_scipy():
    code = "import sys, crawler.dedup; print(any(m.split('.')[0] in ('datasketch', 'scipy') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
