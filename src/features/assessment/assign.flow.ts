/**
 * Min-cost max-flow by successive shortest paths with potentials (primal–dual: one Dijkstra, then a
 * blocking flow over the arcs of reduced cost zero), for the automatic assignment (ADR 0401).
 *
 * Two things beyond the textbook version:
 * - Costs are vectors of three integers compared lexicographically, so priorities never trade
 *   against each other (no big-M weights that could overflow): the assignment uses
 *   [coverage, load, expertise].
 * - Convex arcs: an arc whose j-th unit costs marginal(j), non-decreasing in j. It behaves as
 *   parallel unit arcs of increasing cost (the residual forward cost is the next unit's, the reverse
 *   cost minus the last unit's) without materialising them.
 *
 * Potentials keep every residual arc's reduced cost ≥ 0 (in the lexicographic order, an ordered
 * group, so Dijkstra stays correct): after each Dijkstra, π(v) += min(d(v), d(t)).
 */

export type Cost3 = readonly [number, number, number];

interface Arc {
  to: number;
  /** Residual capacity. */
  cap: number;
  c0: number;
  c1: number;
  c2: number;
  /** Index of the convex arc this residual arc belongs to, or -1 for a plain arc. */
  convex: number;
  forward: boolean;
}

interface ConvexArc {
  forwardArc: number;
  capacity: number;
  flow: number;
  marginal: (unit: number) => Cost3;
}

/** A flow network with three-part lexicographic costs. */
export class FlowNetwork {
  private arcs: Arc[] = [];
  private adj: number[][];
  private convexArcs: ConvexArc[] = [];
  private p0: Float64Array;
  private p1: Float64Array;
  private p2: Float64Array;

  constructor(readonly nodes: number) {
    this.adj = Array.from({ length: nodes }, () => []);
    this.p0 = new Float64Array(nodes);
    this.p1 = new Float64Array(nodes);
    this.p2 = new Float64Array(nodes);
  }

  /** A plain arc; returns its id (flow on it is `flowOn(id)`). Costs must be ≥ 0 lexicographically. */
  addArc(from: number, to: number, capacity: number, cost: Cost3): number {
    const id = this.arcs.length;
    this.arcs.push({ to, cap: capacity, c0: cost[0], c1: cost[1], c2: cost[2], convex: -1, forward: true });
    this.arcs.push({
      to: from,
      cap: 0,
      c0: -cost[0],
      c1: -cost[1],
      c2: -cost[2],
      convex: -1,
      forward: false,
    });
    this.adj[from]!.push(id);
    this.adj[to]!.push(id + 1);
    return id;
  }

  /** A convex arc: its j-th unit (1-based) costs marginal(j), non-decreasing and ≥ 0. */
  addConvexArc(from: number, to: number, capacity: number, marginal: (unit: number) => Cost3): number {
    const id = this.arcs.length;
    const k = this.convexArcs.length;
    this.convexArcs.push({ forwardArc: id, capacity, flow: 0, marginal });
    this.arcs.push({ to, cap: capacity, c0: 0, c1: 0, c2: 0, convex: k, forward: true });
    this.arcs.push({ to: from, cap: 0, c0: 0, c1: 0, c2: 0, convex: k, forward: false });
    this.adj[from]!.push(id);
    this.adj[to]!.push(id + 1);
    this.refreshConvex(k);
    return id;
  }

  /** Units of flow on an arc returned by addArc/addConvexArc. */
  flowOn(id: number): number {
    return this.arcs[id + 1]!.cap;
  }

  private refreshConvex(k: number): void {
    const c = this.convexArcs[k]!;
    const fwd = this.arcs[c.forwardArc]!;
    const rev = this.arcs[c.forwardArc + 1]!;
    fwd.cap = c.capacity - c.flow;
    rev.cap = c.flow;
    if (c.flow < c.capacity) [fwd.c0, fwd.c1, fwd.c2] = c.marginal(c.flow + 1);
    if (c.flow > 0) {
      const m = c.marginal(c.flow);
      rev.c0 = -m[0];
      rev.c1 = -m[1];
      rev.c2 = -m[2];
    }
  }

  private push(e: number): void {
    const a = this.arcs[e]!;
    if (a.convex >= 0) {
      this.convexArcs[a.convex]!.flow += a.forward ? 1 : -1;
      this.refreshConvex(a.convex);
    } else {
      a.cap -= 1;
      this.arcs[e ^ 1]!.cap += 1;
    }
  }

  /** Whether the residual arc e out of u has reduced cost exactly zero. */
  private tight(u: number, e: number): boolean {
    const a = this.arcs[e]!;
    const v = a.to;
    return (
      a.c0 + this.p0[u]! - this.p0[v]! === 0 &&
      a.c1 + this.p1[u]! - this.p1[v]! === 0 &&
      a.c2 + this.p2[u]! - this.p2[v]! === 0
    );
  }

  /** Sends as much flow as possible from s to t at the least cost; returns the flow value. */
  minCostMaxFlow(s: number, t: number, limit = Number.POSITIVE_INFINITY): number {
    let flow = 0;
    const n = this.nodes;
    const d0 = new Float64Array(n);
    const d1 = new Float64Array(n);
    const d2 = new Float64Array(n);
    const done = new Uint8Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    while (flow < limit) {
      if (!this.dijkstra(s, t, d0, d1, d2, done)) break;
      // π(v) += min(d(v), d(t)): arcs on shortest paths become tight, none turns negative.
      for (let v = 0; v < n; v++) {
        if (done[v]) {
          this.p0[v]! += d0[v]!;
          this.p1[v]! += d1[v]!;
          this.p2[v]! += d2[v]!;
        } else {
          this.p0[v]! += d0[t]!;
          this.p1[v]! += d1[t]!;
          this.p2[v]! += d2[t]!;
        }
      }
      // Blocking flows (Dinic) over tight arcs, one unit per path.
      for (;;) {
        if (!this.levels(s, t, level)) break;
        iter.fill(0);
        let pushed = 0;
        while (flow < limit && this.augment(s, t, level, iter)) {
          flow++;
          pushed++;
        }
        if (pushed === 0 || flow >= limit) break;
      }
    }
    return flow;
  }

  /** Dijkstra on reduced costs, stopping when t is settled; false when t cannot be reached. */
  private dijkstra(
    s: number,
    t: number,
    d0: Float64Array,
    d1: Float64Array,
    d2: Float64Array,
    done: Uint8Array,
  ): boolean {
    d0.fill(Number.POSITIVE_INFINITY);
    d1.fill(Number.POSITIVE_INFINITY);
    d2.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    d0[s] = 0;
    d1[s] = 0;
    d2[s] = 0;
    const heap = new Heap3();
    heap.push(s, 0, 0, 0);
    while (heap.size > 0) {
      const u = heap.pop(d0, d1, d2, done);
      if (u < 0) break;
      done[u] = 1;
      if (u === t) return true;
      const pu0 = this.p0[u]! + d0[u]!;
      const pu1 = this.p1[u]! + d1[u]!;
      const pu2 = this.p2[u]! + d2[u]!;
      for (const e of this.adj[u]!) {
        const a = this.arcs[e]!;
        if (a.cap <= 0) continue;
        const v = a.to;
        if (done[v]) continue;
        const n0 = a.c0 + pu0 - this.p0[v]!;
        const n1 = a.c1 + pu1 - this.p1[v]!;
        const n2 = a.c2 + pu2 - this.p2[v]!;
        if (n0 < d0[v]! || (n0 === d0[v]! && (n1 < d1[v]! || (n1 === d1[v]! && n2 < d2[v]!)))) {
          d0[v] = n0;
          d1[v] = n1;
          d2[v] = n2;
          heap.push(v, n0, n1, n2);
        }
      }
    }
    return false;
  }

  private levels(s: number, t: number, level: Int32Array): boolean {
    level.fill(-1);
    level[s] = 0;
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      for (const e of this.adj[u]!) {
        const a = this.arcs[e]!;
        if (a.cap > 0 && level[a.to] === -1 && this.tight(u, e)) {
          level[a.to] = level[u]! + 1;
          queue.push(a.to);
        }
      }
    }
    return level[t] !== -1;
  }

  /** One unit along a tight, level-increasing path (iterative DFS with current-arc pointers). */
  private augment(s: number, t: number, level: Int32Array, iter: Int32Array): boolean {
    const path: number[] = [];
    let u = s;
    for (;;) {
      if (u === t) {
        for (const e of path) this.push(e);
        return true;
      }
      const list = this.adj[u]!;
      let advanced = false;
      while (iter[u]! < list.length) {
        const e = list[iter[u]!]!;
        const a = this.arcs[e]!;
        if (a.cap > 0 && level[a.to] === level[u]! + 1 && this.tight(u, e)) {
          path.push(e);
          u = a.to;
          advanced = true;
          break;
        }
        iter[u]!++;
      }
      if (advanced) continue;
      // Dead end: retreat and skip the arc that led here.
      if (u === s) return false;
      level[u] = -1;
      const back = path.pop()!;
      u = this.arcs[back ^ 1]!.to;
      iter[u]!++;
    }
  }
}

/** A binary min-heap of (node, three-part key), lazily deleting stale entries. */
class Heap3 {
  private nodes: number[] = [];
  private k0: number[] = [];
  private k1: number[] = [];
  private k2: number[] = [];
  get size(): number {
    return this.nodes.length;
  }
  private less(i: number, j: number): boolean {
    const a0 = this.k0[i]!;
    const b0 = this.k0[j]!;
    if (a0 !== b0) return a0 < b0;
    const a1 = this.k1[i]!;
    const b1 = this.k1[j]!;
    if (a1 !== b1) return a1 < b1;
    return this.k2[i]! < this.k2[j]!;
  }
  private swap(i: number, j: number): void {
    [this.nodes[i], this.nodes[j]] = [this.nodes[j]!, this.nodes[i]!];
    [this.k0[i], this.k0[j]] = [this.k0[j]!, this.k0[i]!];
    [this.k1[i], this.k1[j]] = [this.k1[j]!, this.k1[i]!];
    [this.k2[i], this.k2[j]] = [this.k2[j]!, this.k2[i]!];
  }
  push(node: number, a: number, b: number, c: number): void {
    this.nodes.push(node);
    this.k0.push(a);
    this.k1.push(b);
    this.k2.push(c);
    let i = this.nodes.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  /** The nearest node not yet settled whose entry is current; -1 when none is left. */
  pop(d0: Float64Array, d1: Float64Array, d2: Float64Array, done: Uint8Array): number {
    while (this.nodes.length > 0) {
      const node = this.nodes[0]!;
      const a = this.k0[0]!;
      const b = this.k1[0]!;
      const c = this.k2[0]!;
      const last = this.nodes.length - 1;
      this.swap(0, last);
      this.nodes.pop();
      this.k0.pop();
      this.k1.pop();
      this.k2.pop();
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.nodes.length && this.less(l, m)) m = l;
        if (r < this.nodes.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
      if (!done[node] && a === d0[node] && b === d1[node] && c === d2[node]) return node;
    }
    return -1;
  }
}
