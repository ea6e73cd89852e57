"""The compromise model and the weighted median.

Compromise model (Achen 2006, in *The European Union Decides*; Van den Bos 1991): the outcome is
the mean of the actors' positions weighted by capability x salience. It is the benchmark the
more elaborate models rarely beat on EU legislative data. The weighted median is the position
of the actor at which half of the total weight is reached (Black's median voter with weights).

All functions take arrays whose last axis runs over actors, so a stack of Monte Carlo draws
(draws x actors) is computed in one call.
"""
from __future__ import annotations

import numpy as np


def weighted_mean(x, w) -> np.ndarray | float:
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    total = w.sum(axis=-1)
    out = (w * x).sum(axis=-1) / np.where(total > 0, total, np.nan)
    return float(out) if np.ndim(out) == 0 else out


def weighted_median(x, w) -> np.ndarray | float:
    """The lowest position at which the cumulative weight reaches half of the total.

    With weights that split exactly in half between two positions this is the lower one
    (the position that a majority cannot move without the actor holding it).
    """
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    x2, w2 = np.atleast_2d(x), np.broadcast_to(np.atleast_2d(w), np.atleast_2d(x).shape)
    order = np.argsort(x2, axis=-1, kind="stable")
    xs = np.take_along_axis(x2, order, axis=-1)
    cum = np.cumsum(np.take_along_axis(w2, order, axis=-1), axis=-1)
    half = cum[:, -1:] / 2.0
    # a relative tolerance so that weights summing to exactly half are recognised as such
    idx = np.argmax(cum >= half * (1 - 1e-12), axis=-1)
    out = xs[np.arange(xs.shape[0]), idx]
    if cum[:, -1].min() <= 0:
        out = np.where(cum[:, -1] > 0, out, np.nan)
    return float(out[0]) if x.ndim == 1 else out


def compromise(position, salience, capability) -> np.ndarray | float:
    """Capability x salience weighted mean of the positions."""
    return weighted_mean(position, np.asarray(salience, dtype=float) * np.asarray(capability, dtype=float))


def median(position, salience, capability) -> np.ndarray | float:
    """Capability x salience weighted median of the positions."""
    return weighted_median(position, np.asarray(salience, dtype=float) * np.asarray(capability, dtype=float))
