"""Stokman's exchange model (Equal Gain), matched to the ``decide-exchange-model`` package.

Stokman & Van Oosten (1994), Stokman & Van der Knoop; the Equal Gain variant, in which both
partners of a vote exchange gain the same utility. The reference is decide-exchange-model
2022.1.28 (``../shared/reference/exchange/``), written from its documented behaviour. Its outputs
depend on the order in which it realises exchanges and on its bookkeeping, so those rules are
kept here (marked *decide:*).

decide computes in ``Decimal`` (28 digits), and many exchanges have gains that are equal, or
differ only in the 28th digit; the order in which they are realised then decides the outcome.
To reproduce decide to the last digit, the arithmetic that feeds gains and votes is done in
``Decimal`` with decide's order of operations (``exact=True``, the default). ``exact=False``
runs the same algorithm on floats, faster, and differs from decide only where it would break
such ties differently.

One round:
1. NBS of each issue = salience x power weighted mean of the positions (0-100 scale).
2. For every pair of issues (p, q) actors are grouped by their side of each NBS; actors on
   opposite sides on both issues, or crossed sides, can exchange. The actor with the
   relatively higher salience on p demands p and supplies q.
3. Each exchange gets moves that give both partners the same gain; moves that would push an
   issue's NBS past the partner's position are cut back (``_check_nbs``).
4. Exchanges are realised highest gain first; each realisation updates the exchanges that
   share an actor-issue with it (supply position, remembered demand positions), which are
   recomputed or dropped.
5. Every actor that moved gets a new start position between its old position and its vote,
   weighted by salience (decide: 0.4 x (1 - salience) + 0.1 towards the vote).
"""
from __future__ import annotations

import random as _random
from dataclasses import dataclass
from decimal import Decimal, localcontext
from itertools import combinations
from operator import attrgetter

SALIENCE_WEIGHT = 0.4
FIXED_WEIGHT = 0.1


@dataclass
class ExchangeInput:
    """One exchange-model case: positions on each issue's own scale, salience and power 0-1."""
    actors: list[str]
    issues: list[str]
    bounds: dict[str, tuple[float, float]]                    # issue -> (lower, upper)
    cells: dict[tuple[str, str], tuple[float, float, float]]  # (actor, issue) -> (x, s, c)


class _Num:
    """The number system of a run: Decimal (decide's) or float, with the constants it needs."""

    def __init__(self, exact: bool):
        self.exact = exact
        if exact:
            self.of = lambda v: Decimal(repr(float(v))) if not isinstance(v, Decimal) else v
            self.zero, self.hundred = Decimal(0), Decimal(100)
            self.tiny = Decimal(1e-10)
            self.margin = Decimal("1e-12")
            self.salience_weight = Decimal(SALIENCE_WEIGHT)
            self.fixed_weight = Decimal(FIXED_WEIGHT)
        else:
            self.of = float
            self.zero, self.hundred, self.tiny = 0.0, 100.0, 1e-10
            self.margin = -1.0
            self.salience_weight, self.fixed_weight = SALIENCE_WEIGHT, FIXED_WEIGHT


class _Side:
    """One actor's half of an exchange: it supplies (moves on) one issue, demands the other."""
    __slots__ = ("actor", "supply", "demand", "x", "start", "xd", "s_sup", "c_sup", "w_sup",
                 "s_dem", "y", "move", "moves", "nbs0", "nbs1", "eu", "eu_max", "opp", "ex",
                 "k_sup")

    def __init__(self, m: "_Round", actor, supply, demand, ex):
        self.actor, self.supply, self.demand, self.ex = actor, supply, demand, ex
        self.k_sup, self.x, self.s_sup, self.c_sup, self.w_sup = m.cell[supply][actor]
        self.start = self.x
        _, self.xd, self.s_dem, _, _ = m.cell[demand][actor]
        self.moves: list = []
        # y, move, nbs0/nbs1, eu and eu_max are set by the calculation before they are read


class _Exchange:
    __slots__ = ("i", "j", "gain", "valid", "dp", "dq", "updates", "ratio_i", "ratio_j")

    def __init__(self):
        self.gain = 0
        self.valid = True
        self.dp = self.dq = 0
        self.updates: dict[str, dict[str, object]] = {}


class _Round:
    """The fixed state of one round: positions at its start, NBS terms, the number system."""

    def __init__(self, case: ExchangeInput, num: _Num, pos, sal, pw, order, randomized, rng):
        self.case, self.num = case, num
        self.pos, self.sal, self.pow = pos, sal, pw
        self.order = order                                   # issue -> actors in data order
        self.index = {i: {a: k for k, a in enumerate(order[i])} for i in order}
        # decide: sums run over the actors in data order, each term (x * s) * c
        self.w = {i: {a: sal[i][a] * pw[i][a] for a in order[i]} for i in order}
        self.terms = {i: [pos[i][a] * sal[i][a] * pw[i][a] for a in order[i]] for i in order}
        self.denom = {i: sum(sal[i][a] * pw[i][a] for a in order[i]) for i in order}
        self.cell = {i: {a: (k, pos[i][a], sal[i][a], pw[i][a], self.w[i][a]) for k, a in enumerate(order[i])}
                     for i in order}
        self.prefix = {}
        for i, ts in self.terms.items():
            acc, pre = 0, []
            for t in ts:
                pre.append(acc)
                acc = acc + t
            self.prefix[i] = pre           # prefix[k]: decide's running sum before term k
        self.nbs = {i: (sum(self.terms[i]) / self.denom[i] if self.denom[i] != 0 else num.zero)
                    for i in order}
        self.randomized = randomized
        self.rng = rng

    # -- NBS with some actors moved ------------------------------------------------------
    def nbs_with(self, side: _Side, position):
        """NBS of side's supply issue with the exchange's remembered updates, then side at position."""
        issue = side.supply
        d = self.denom[issue]
        if d == 0:
            return self.num.zero
        upd = side.ex.updates.get(issue)
        k = side.k_sup
        if not upd:
            if position == side.start:
                return self.nbs[issue]
            # decide sums the terms in data order; the partial sum before k is shared
            return sum(self.terms[issue][k + 1:], self.prefix[issue][k] + position * side.s_sup * side.c_sup) / d
        terms = self.terms[issue].copy()
        idx, sal, pw = self.index[issue], self.sal[issue], self.pow[issue]
        for a, u in upd.items():
            if a in idx:
                terms[idx[a]] = u * sal[a] * pw[a]
        terms[k] = position * side.s_sup * side.c_sup
        return sum(terms) / d

    def shift_to_nbs(self, side: _Side, x_pos, target):
        """Move of side that would put the NBS at target (decide applies updates after x_pos)."""
        issue = side.supply
        terms = self.terms[issue].copy()
        terms[side.k_sup] = x_pos * side.s_sup * side.c_sup
        upd = side.ex.updates.get(issue)
        if upd:
            idx, sal, pw = self.index[issue], self.sal[issue], self.pow[issue]
            for a, u in upd.items():
                terms[idx[a]] = u * sal[a] * pw[a]
        return ((target * self.denom[issue]) - sum(terms)) / side.w_sup

    # -- exchange arithmetic -------------------------------------------------------------
    def move_valid(self, side: _Side, move) -> bool:
        a = abs(move)
        if a > 100 or a <= self.num.tiny:
            return False
        y = side.x + move
        if y < 0 or y > 100:
            return False
        moves = side.moves
        if len(moves) == 1:
            m = moves[0]
            return m != 0 and not m > 100
        if sum(moves) > 100:
            return False
        lo, hi = min(moves), max(moves)
        # decide: every move of a side in one round must point the same way
        return (lo < 0 and hi < 0) or (lo > 0 and hi > 0)

    def _pair_valid(self, I: _Side, J: _Side) -> bool:
        """``move_valid`` for both sides, given that each side's moves already share one sign
        (``calculate`` ensures it before computing): what is left are the bounds."""
        tiny, zero, hundred = self.num.tiny, self.num.zero, self.num.hundred
        a, b = abs(I.move), abs(J.move)
        if a > hundred or a <= tiny or b > hundred or b <= tiny:
            return False
        if I.y < zero or I.y > hundred or J.y < zero or J.y > hundred:
            return False
        mi, mj = I.moves, J.moves
        return (len(mi) == 1 or not sum(mi) > hundred) and (len(mj) == 1 or not sum(mj) > hundred)

    def calculate(self, e: _Exchange) -> None:
        I, J = e.i, e.j          # J supplies p (I's demand issue), I supplies q
        ix, jx, ixd, jxd = I.x, J.x, I.xd, J.xd
        i_neg, j_neg = ix > jxd, jx > ixd
        mi, mj = I.moves, J.moves
        # decide: a side whose earlier moves this round went the other way cannot move
        # (its validity test); known before any arithmetic, so skip it
        zero, hundred = self.num.zero, self.num.hundred     # same-type compares are faster
        if (mi and (mi[0] < zero) != i_neg) or (mj and (mj[0] < zero) != j_neg):
            e.valid = False
            return
        denom = self.denom
        den_p, den_q = denom[J.supply], denom[I.supply]
        j_move = abs(ixd - jx)
        dp = (j_move * J.s_sup * J.c_sup) / den_p
        dq = e.ratio_j * dp
        i_move = (dq * den_q) / I.w_sup
        gap_i = abs(jxd - ix)
        if i_move > gap_i:
            # I would overshoot J's position: I moves all the way, J proportionally less
            dq = (gap_i * I.s_sup * I.c_sup) / den_q
            dp = e.ratio_i * dq
            i_move = gap_i
            j_move = (dp * den_p) / J.w_sup
        # both moves are >= 0 here; validity needs tiny < |move| <= 100
        tiny = self.num.tiny
        ok = tiny < i_move <= hundred and tiny < j_move <= hundred
        if i_neg:
            i_move = -i_move
        if j_neg:
            j_move = -j_move
        I.move, J.move = i_move, j_move
        mi.append(i_move)
        mj.append(j_move)
        iy = I.y = ix + i_move
        jy = J.y = jx + j_move
        e.dp, e.dq = dp, dq
        gain = abs(dq * I.s_sup - dp * I.s_dem)
        e.gain = gain
        if (not ok or gain < tiny or iy < zero or iy > hundred or jy < zero or jy > hundred
                or (len(mi) > 1 and sum(mi) > hundred) or (len(mj) > 1 and sum(mj) > hundred)):
            e.valid = False
            return
        cut = self._check_nbs(e, I)
        cut = self._check_nbs(e, J) or cut
        e.valid = self._pair_valid(I, J) if cut else True
        if self.randomized is not None and self.randomized > 0:
            I.eu = J.eu = e.gain
            self._randomize(e)

    def _check_nbs(self, e: _Exchange, S: _Side) -> bool:
        """Cut S's move back if it would push its supply issue's NBS past O's demanded position.
        Returns whether it did."""
        O = S.opp
        S.nbs0 = n0 = self.nbs_with(S, S.x)
        target = O.xd
        d = self.denom[S.supply]
        if self.randomized or d == 0:
            n1 = self.nbs_with(S, S.y)
        else:
            # the NBS with S at y is n0 shifted by S's weighted move; only when the target is
            # that close to it does the last digit of decide's sum decide, so then sum it as decide does
            n1 = n0 + ((S.y - S.x) * S.w_sup) / d
            if abs(target - n1) <= self.num.margin:
                n1 = self.nbs_with(S, S.y)
        S.nbs1 = n1
        a, b = target - n0, target - n1
        zero = self.num.zero
        if (a >= zero and b >= zero) or (a <= zero and b <= zero):
            return False
        delta = abs(self.shift_to_nbs(S, S.x, target))
        e.dp = (delta * S.s_sup * S.c_sup) / d
        # ((S's supply + O's demand salience) / (S's demand + O's supply salience)), cached
        e.dq = (e.ratio_i if S is e.i else e.ratio_j) * e.dp
        o_move = abs((e.dq * self.denom[O.supply]) / O.w_sup)
        s_move = delta
        if O.x > S.xd:
            o_move = -o_move
        if S.x > O.xd:
            s_move = -s_move
        O.move, S.move = o_move, s_move
        O.moves[-1] = o_move
        S.moves[-1] = s_move
        O.y = O.x + o_move
        S.y = S.x + s_move
        e.gain = abs(e.dq * O.s_sup - e.dp * O.s_dem)
        if self.randomized:
            S.nbs1 = self.nbs_with(S, S.y)
        return True

    # -- realising an exchange and updating the others ----------------------------------
    def update_after(self, e: _Exchange, r: _Exchange) -> bool:
        """Apply realised exchange r to e. Returns True when e had to be recomputed."""
        ri, rj = r.i, r.j
        ei, ej = e.i, e.j
        mi = mj = False
        if ei.actor == ri.actor and ei.supply == ri.supply:
            ei.x, mi = ri.y, True
        elif ei.actor == rj.actor and ei.supply == rj.supply:
            ei.x, mi = rj.y, True
        if ej.actor == ri.actor and ej.supply == ri.supply:
            ej.x, mj = ri.y, True
        elif ej.actor == rj.actor and ej.supply == rj.supply:
            ej.x, mj = rj.y, True
        recalc = mi or mj
        if recalc:
            # decide: the side that was not moved forgets its last move
            if not mi:
                ei.moves.pop()
            if not mj:
                ej.moves.pop()
        for mover, other in ((ri, rj), (rj, ri)):
            # e remembers mover's new vote on `other.demand` when one of its sides is the same
            # actor as `other` demanding the same issue
            if ((other.actor == ej.actor and other.demand == ej.demand)
                    or (other.actor == ei.actor and other.demand == ei.demand)):
                upd = e.updates.setdefault(other.demand, {})
                a = mover.actor
                if a in upd:
                    cur = upd[a]
                    if mover.start <= cur:
                        upd[a] = cur if cur < mover.y else mover.y
                    else:
                        upd[a] = cur if cur > mover.y else mover.y
                else:
                    upd[a] = mover.y
                if not recalc:
                    ei.moves.pop()
                    ej.moves.pop()
                    recalc = True
        if recalc:
            self.calculate(e)
        return recalc

    # -- randomised exchange rate (decide's EqualGainModel with randomized_value) --------
    def _randomize(self, e: _Exchange) -> None:
        u = self.rng.uniform(0, 1)
        v = self.rng.uniform(0, 1)
        z = self.num.of(self.rng.uniform(0, 1)) if not self.num.exact else Decimal(self.rng.uniform(0, 1))
        self._max_utility(e)
        self._randomized_gain(e, e.i if u < 0.5 else e.j, v, z)

    def _max_utility(self, e: _Exchange) -> None:
        """The most each partner could gain, the bound of the random split (decide's rule)."""
        I, J = e.i, e.j
        i_opt = I.xd == I.y
        j_opt = J.xd == J.y
        ni = self.nbs_with(I, I.y if i_opt else I.opp.xd)
        nj = self.nbs_with(J, J.y if j_opt else J.opp.xd)
        di, dj = abs(I.nbs0 - ni), abs(J.nbs0 - nj)
        loss_1, gain_2 = dj * J.s_sup, dj * I.s_dem
        loss_2, gain_1 = di * I.s_sup, di * J.s_dem
        overwrite = None
        if i_opt and gain_1 - loss_1 > 0:
            overwrite = gain_2 - (loss_1 / J.s_dem) * I.s_sup
        if j_opt and gain_2 - loss_2 > 0:
            overwrite = gain_1 - (loss_2 / I.s_dem) * J.s_sup
        if gain_2 > gain_1:
            actor, gain, loss = J, gain_1, loss_2
        else:
            actor, gain, loss = I, gain_2, loss_1
        s = actor.s_sup / (actor.s_sup + actor.opp.s_dem)
        d_u1 = loss / (s * actor.opp.s_dem)
        d_u2 = gain / (s * actor.s_sup)
        actor.opp.eu_max = overwrite if overwrite else s * actor.opp.s_dem * d_u2 - loss
        actor.eu_max = gain - (s * actor.s_sup * d_u1)

    def _randomized_gain(self, e: _Exchange, S: _Side, v, z) -> None:
        """Split the surplus at random (p = randomized value): S wins (v < .5) or loses a share."""
        p = self.num.of(self.randomized)
        O = S.opp
        eu = e.gain
        eui = eu + p * z * (S.eu_max - eu) if v < 0.5 else eu - p * z * eu
        den_s, den_o = self.denom[S.supply], self.denom[O.supply]
        move_i = abs(S.x - O.xd)
        ratio_q = (move_i * S.s_sup * S.c_sup) / den_s
        ratio_p = (eui + ratio_q * S.s_sup) / S.s_dem
        move_j = (ratio_p * den_o) / O.w_sup
        euj = abs(ratio_p * O.s_sup - ratio_q * O.s_dem)
        room_j = abs(O.x - S.xd)
        if abs(move_j) > room_j:
            ratio_p = (room_j * O.s_sup * O.c_sup) / den_o
            ratio_q = abs((eui - ratio_p * S.s_dem) / S.s_sup)
            move_j = room_j
            move_i = (ratio_q * den_s) / S.w_sup
            if abs(move_i) < abs(S.x - O.xd):
                euj = abs(ratio_p * O.s_sup - ratio_q * O.s_dem)
                signed_j = -move_j if O.x > S.xd else move_j
                adjusted = self.nbs_with(O, O.x + signed_j)
                O.nbs0 = adjusted
                if not ((S.xd >= O.nbs0 and S.xd >= adjusted) or (S.xd <= O.nbs0 and S.xd <= adjusted)):
                    delta = abs(self.shift_to_nbs(O, O.x, S.xd))
                    ratio_p = (delta * O.s_sup * O.c_sup) / den_o
                    ratio_q = abs((eui - ratio_p * S.s_dem) / S.s_sup)
                    # decide: this move applies ratio_p to S's own issue
                    move_i = (ratio_p * den_s) / S.w_sup
                    euj = abs(ratio_p * O.s_sup - ratio_q * O.s_dem)
                    move_j = signed_j
        else:
            signed_i = -move_i if S.x > O.xd else move_i
            adjusted = self.nbs_with(S, S.x + signed_i)
            if not ((O.xd >= S.nbs0 and O.xd >= adjusted) or (O.xd <= S.nbs0 and O.xd <= adjusted)):
                delta = abs(self.shift_to_nbs(S, S.x, O.xd))
                ratio_q = (delta * S.s_sup * S.c_sup) / den_s
                ratio_p = (eui + ratio_q * S.s_sup) / S.s_dem
                move_j = (ratio_p * den_o) / O.w_sup
                euj = abs(ratio_p * O.s_sup - ratio_q * O.s_dem)
                move_i = signed_i
        S.eu, O.eu = eui, euj
        S.move = -move_i if S.x > O.xd else move_i
        O.move = -move_j if O.x > S.xd else move_j
        S.moves[-1] = S.move
        O.moves[-1] = O.move
        S.y = S.x + S.move
        O.y = O.x + O.move
        e.valid = self.move_valid(S, S.move) and self.move_valid(O, O.move)
        S.nbs0, S.nbs1 = self.nbs_with(S, S.x), self.nbs_with(S, S.y)
        O.nbs0, O.nbs1 = self.nbs_with(O, O.x), self.nbs_with(O, O.y)


def _make_exchange(m: _Round, i, j, p, q, ratio) -> _Exchange:
    e = _Exchange()
    if ratio[i] < ratio[j]:           # salience on p over salience on q
        i, j = j, i
    e.i = I = _Side(m, i, supply=q, demand=p, ex=e)
    e.j = J = _Side(m, j, supply=p, demand=q, ex=e)
    I.opp, J.opp = J, I
    # constant factors of decide's exchange ratios, ((a + b) / (c + d)), computed as it does
    e.ratio_j = (J.s_sup + I.s_dem) / (J.s_dem + I.s_sup)
    e.ratio_i = (I.s_sup + J.s_dem) / (I.s_dem + J.s_sup)
    m.calculate(e)
    return e


_by_gain = attrgetter("gain")


def _one_round(case, num, pos, sal, pw, order, randomized, rng) -> dict:
    m = _Round(case, num, pos, sal, pw, order, randomized, rng)
    # An actor with no salience or no power on an issue cannot trade on it (decide would divide
    # by zero); it stays out of the groups and, with zero weight, out of the NBS.
    left = {i: {a: pos[i][a] <= m.nbs[i] for a in pos[i] if m.w[i][a] != 0} for i in case.issues}
    exchanges: list[_Exchange] = []
    for p, q in combinations(case.issues, 2):
        groups = ([], [], [], [])
        lp, lq = left[p], left[q]
        for a in case.actors:
            if a in lp and a in lq:
                groups[lp[a] | lq[a] * 2].append(a)
        sp, sq = sal[p], sal[q]
        ratio = {a: sp[a] / sq[a] for g in groups for a in g}
        for ga, gb in ((0, 3), (1, 2)):
            for i in groups[ga]:
                for j in groups[gb]:
                    e = _make_exchange(m, i, j, p, q, ratio)
                    if e.valid:        # decide drops invalid ones before they can be chosen
                        exchanges.append(e)

    # index the exchanges by the actor-issues they touch, to update only the affected ones
    by_key: dict[tuple, list[_Exchange]] = {}
    for e in exchanges:
        for s in (e.i, e.j):
            by_key.setdefault((0, s.actor, s.supply), []).append(e)
            by_key.setdefault((1, s.actor, s.demand), []).append(e)

    realized: list[_Exchange] = []
    live = exchanges
    dead = 0          # invalid exchanges still in `live`; dropping them changes no relative order
    while live:
        if dead * 4 > len(live):
            live = [e for e in live if e.valid]
            dead = 0
            if not live:
                break
        # decide: a stable sort by gain, highest first, then the first is realised
        live.sort(key=_by_gain, reverse=True)
        r = live.pop(0)
        if not r.valid:
            dead -= 1
            continue
        realized.append(r)
        r.valid = False
        touched = set()
        for s in (r.i, r.j):
            for key in ((0, s.actor, s.supply), (1, s.actor, s.demand)):
                group = by_key.get(key)
                if group:
                    touched.update(group)
        touched = [e for e in touched if e.valid]
        if not touched:
            continue
        if randomized:
            # random draws are taken in list order, as decide does
            ids = {id(e) for e in touched}
            for e in live:
                if id(e) in ids:
                    m.update_after(e, r)
        else:
            # each update reads only its own exchange and r, so the order does not matter
            for e in touched:
                m.update_after(e, r)
        dead += sum(1 for e in touched if not e.valid)

    new = {i: dict(pos[i]) for i in case.issues}
    sw, fw = num.salience_weight, num.fixed_weight
    for r in realized:
        for s in (r.i, r.j):
            y, x, sv = s.y, s.start, s.s_sup
            new[s.supply][s.actor] = (1 - sv) * sw * y + fw * y + (1 - (1 - sv) * sw - fw) * x
    deals = [{"actor_i": r.i.actor, "supply_i": r.i.supply, "vote_i": r.i.y,
              "actor_j": r.j.actor, "supply_j": r.j.supply, "vote_j": r.j.y, "gain": r.gain}
             for r in realized]
    return {"positions": new, "realized": deals, "exchanges": len(exchanges)}


def run(case: ExchangeInput, rounds: int = 10, randomized: float | None = None,
        seed: int | None = None, rng=None, exact: bool = True) -> list[dict]:
    """Rounds 0..rounds: per issue the NBS and each actor's position, on the issue's own scale.

    Round k is the state after k rounds: every actor's start position for the next round.
    ``randomized`` (0-1) turns on decide's randomised exchange rate: each exchange's surplus is
    split at random between the partners instead of equally. ``seed`` or ``rng`` (an object
    with ``uniform(a, b)``, e.g. ``random.Random``) makes it reproducible.
    """
    if rng is None:
        rng = _random.Random(seed)
    num = _Num(exact)
    with localcontext() as ctx:
        ctx.prec = 28                      # decide's (the default) context
        order = {i: [] for i in case.issues}
        pos = {i: {} for i in case.issues}
        sal = {i: {} for i in case.issues}
        pw = {i: {} for i in case.issues}
        step = {}
        for i in case.issues:
            lo, hi = (num.of(b) for b in case.bounds[i])
            step[i] = (num.hundred / (hi - lo)) if hi != lo else num.zero
        for (a, i), (x, s, c) in case.cells.items():
            lo = num.of(case.bounds[i][0])
            order[i].append(a)
            pos[i][a] = (num.of(x) - lo) * step[i]
            sal[i][a] = num.of(s)
            pw[i][a] = num.of(c)

        def snapshot(k, pos, extra=None):
            issues = {}
            for i in case.issues:
                w = [sal[i][a] * pw[i][a] for a in order[i]]
                den = sum(w)
                nbs = (sum(pos[i][a] * sal[i][a] * pw[i][a] for a in order[i]) / den) if den != 0 else 0
                issues[i] = {"nbs": _scale(nbs, step[i], case.bounds[i][0]),
                             "positions": {a: _scale(pos[i][a], step[i], case.bounds[i][0])
                                           for a in order[i]}}
            row = {"round": k, "issues": issues}
            if extra:
                row.update(extra)
            return row

        out = [snapshot(0, pos)]
        for k in range(1, rounds + 1):
            res = _one_round(case, num, pos, sal, pw, order, randomized, rng)
            pos = res["positions"]
            deals = [{**d, "vote_i": _scale(d["vote_i"], step[d["supply_i"]], case.bounds[d["supply_i"]][0]),
                      "vote_j": _scale(d["vote_j"], step[d["supply_j"]], case.bounds[d["supply_j"]][0]),
                      "gain": float(d["gain"])} for d in res["realized"]]
            out.append(snapshot(k, pos, {"exchanges": res["exchanges"], "realized": deals}))
    return out


def _scale(value, step, lower) -> float:
    """Back from 0-100 to the issue's own scale (decide: value / step + lower, in floats)."""
    step = float(step)
    return float(value) / step + float(lower) if step else float(lower)
