"""Same specs, same bytes: across runs and across PYTHONHASHSEED values."""

from __future__ import annotations

from codegen_helpers import REAL_SPECS, copy_specs, run_codegen, tree


def test_same_bytes_across_hash_seeds(tmp_path):
    roots = []
    for seed in ("0", "1"):
        root = tmp_path / f"seed{seed}"
        spec_dir = copy_specs(REAL_SPECS, root)
        done = run_codegen("--root", str(root), "--specs", str(spec_dir), hash_seed=seed)
        assert done.returncode == 0, done.stderr
        roots.append(root)
    first, second = (tree(r) for r in roots)
    assert first.keys() == second.keys()
    assert len(first) >= 14
    for rel in first:
        assert first[rel] == second[rel], f"{rel} differs between PYTHONHASHSEED=0 and =1"


def test_generation_is_idempotent(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    assert run_codegen("--root", str(tmp_path), "--specs", str(spec_dir)).returncode == 0
    again = run_codegen("--root", str(tmp_path), "--specs", str(spec_dir), "--check")
    assert again.returncode == 0, again.stdout + again.stderr
