import itertools

from hypothesis import given
from hypothesis import strategies as st

from summarizer.eval.matching import assign


def _best(weights):
    n, m = len(weights), len(weights[0])
    best = 0.0
    for perm in itertools.permutations(range(m), min(n, m)) if n <= m else []:
        best = max(best, sum(max(weights[i][j], 0) for i, j in enumerate(perm)))
    if n > m:
        for perm in itertools.permutations(range(n), m):
            best = max(best, sum(max(weights[i][j], 0) for j, i in enumerate(perm)))
    return best


def test_greedy_trap_is_avoided():
    # Greedy takes (0, 0) = 0.9 and leaves row 1 unmatched; the optimum pairs both rows.
    weights = [[0.9, 0.8], [0.85, 0.0]]
    assert assign(weights) == [(0, 1), (1, 0)]


def test_zero_weights_are_not_matches():
    assert assign([[0.0, 0.0], [0.0, 0.7]]) == [(1, 1)]
    assert assign([]) == [] and assign([[]]) == []


@given(
    st.integers(1, 5).flatmap(
        lambda n: st.integers(1, 5).flatmap(
            lambda m: st.lists(
                st.lists(st.sampled_from([0.0, 0.2, 0.5, 0.55, 0.9, 1.0]), min_size=m, max_size=m),
                min_size=n,
                max_size=n,
            )
        )
    )
)
def test_assignment_is_optimal_and_one_to_one(weights):
    pairs = assign(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] > 0 for i, j in pairs)
    assert abs(sum(weights[i][j] for i, j in pairs) - _best(weights)) < 1e-9
