"""Nash bargaining solution, checked against negmas' nash_points (test-only dependency, AGPL)."""
import numpy as np
import pytest

from accord.model.nash import nash_objective, nash_point, utilities


def _negmas_nash(positions, outcomes, lower, upper):
    negmas = pytest.importorskip("negmas")
    from negmas.outcomes import make_issue
    from negmas.preferences import MappingUtilityFunction
    from negmas.preferences.ops import nash_points, pareto_frontier

    issue = make_issue(values=[float(v) for v in outcomes], name="z")
    ufuns = [MappingUtilityFunction(lambda o, x=x: 1.0 - abs(o[0] - x) / (upper - lower), issues=[issue])
             for x in positions]
    outs = [(float(v),) for v in outcomes]
    frontier, idx = pareto_frontier(ufuns, outcomes=outs, sort_by_welfare=True)
    pts = nash_points(ufuns, frontier, outcomes=outs)
    return [outs[idx[k]][0] for _, k in pts]


@pytest.mark.parametrize("positions", [[10.0, 70.0], [0.0, 35.0, 90.0], [20.0, 25.0, 60.0, 100.0]])
def test_symmetric_nash_point_equals_negmas_on_a_discrete_issue(positions):
    outcomes = np.arange(0, 101, 5.0)
    ours = nash_point(positions, weights=None, lower=0, upper=100, candidates=outcomes)
    assert ours in _negmas_nash(positions, outcomes, 0, 100)


def test_continuous_nash_point_matches_a_brute_force_grid():
    x, w = np.array([10.0, 35.0, 90.0]), np.array([0.5, 0.9, 0.3])
    grid = np.linspace(0, 100, 100_001)
    brute = grid[np.argmax(nash_objective(grid, x, w, 0, 100))]
    assert nash_point(x, w, 0, 100) == pytest.approx(brute, abs=1e-3)


def test_two_equal_actors_split_the_difference_and_weight_pulls_towards_the_stronger():
    # symmetric utilities and disagreement at each one's worst end: the midpoint
    assert nash_point([20, 80], [1, 1], 0, 100) == pytest.approx(50, abs=1e-6)
    assert nash_point([20, 80], [3, 1], 0, 100) < 50


def test_utilities_fall_linearly_with_distance():
    u = utilities([0, 100], [0, 50, 100], 0, 100)
    assert u.tolist() == [[1.0, 0.5, 0.0], [0.0, 0.5, 1.0]]
