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

interface ConvexArc {
  forwardArc: number;
  capacity: number;
  flow: number;
  marginal: (unit: number) => Cost3;
}

/** A flow network with three-part lexicographic costs. Arcs are kept in typed arrays (struct of arrays). */
export class FlowNetwork {
  // While building: plain arrays; `seal` turns them into typed arrays and a compressed adjacency list.
  private building = {
    from: [] as number[],
    to: [] as number[],
    cap: [] as number[],
    cost: [] as number[],
    convex: [] as number[],
  };
  private convexArcs: ConvexArc[] = [];
  private sealed = false;
  private head = new Int32Array(0);
  private to = new Int32Array(0);
  private cap = new Int32Array(0);
  private c0 = new Float64Array(0);
  private c1 = new Float64Array(0);
  private c2 = new Float64Array(0);
  /** For each residual arc: its convex arc's index, or -1. */
  private convexOf = new Int32Array(0);
  /** Arc ids grouped by tail node: adj[head[u] .. head[u + 1]). */
  private adj = new Int32Array(0);
  private p0: Float64Array;
  private p1: Float64Array;
  private p2: Float64Array;

  constructor(readonly nodes: number) {
    this.p0 = new Float64Array(nodes);
    this.p1 = new Float64Array(nodes);
    this.p2 = new Float64Array(nodes);
  }

  private add(from: number, to: number, capacity: number, cost: Cost3, convex: number): number {
    if (this.sealed) throw new Error('arcs must be added before solving');
    const b = this.building;
    const id = b.to.length;
    b.from.push(from, to);
    b.to.push(to, from);
    b.cap.push(capacity, 0);
    b.cost.push(cost[0], cost[1], cost[2], -cost[0], -cost[1], -cost[2]);
    b.convex.push(convex, convex);
    return id;
  }

  /** A plain arc; returns its id (flow on it is `flowOn(id)`). Costs must be ≥ 0 lexicographically. */
  addArc(from: number, to: number, capacity: number, cost: Cost3): number {
    return this.add(from, to, capacity, cost, -1);
  }

  /** A convex arc: its j-th unit (1-based) costs marginal(j), non-decreasing and ≥ 0. */
  addConvexArc(from: number, to: number, capacity: number, marginal: (unit: number) => Cost3): number {
    const k = this.convexArcs.length;
    const id = this.add(from, to, capacity, [0, 0, 0], k);
    this.convexArcs.push({ forwardArc: id, capacity, flow: 0, marginal });
    return id;
  }

  /** Units of flow on an arc returned by addArc/addConvexArc. */
  flowOn(id: number): number {
    if (!this.sealed) return 0;
    return this.cap[id + 1]!;
  }

  private seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    const b = this.building;
    const m = b.to.length;
    this.to = Int32Array.from(b.to);
    this.cap = Int32Array.from(b.cap);
    this.c0 = new Float64Array(m);
    this.c1 = new Float64Array(m);
    this.c2 = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      this.c0[e] = b.cost[3 * e]!;
      this.c1[e] = b.cost[3 * e + 1]!;
      this.c2[e] = b.cost[3 * e + 2]!;
    }
    this.convexOf = Int32Array.from(b.convex);
    this.head = new Int32Array(this.nodes + 1);
    for (const u of b.from) this.head[u + 1]!++;
    for (let u = 0; u < this.nodes; u++) this.head[u + 1]! += this.head[u]!;
    const fill = this.head.slice(0, this.nodes);
    this.adj = new Int32Array(m);
    for (let e = 0; e < m; e++) this.adj[fill[b.from[e]!]!++] = e;
    for (let k = 0; k < this.convexArcs.length; k++) this.refreshConvex(k);
    this.building = { from: [], to: [], cap: [], cost: [], convex: [] };
  }

  private refreshConvex(k: number): void {
    const c = this.convexArcs[k]!;
    const fwd = c.forwardArc;
    const rev = fwd + 1;
    this.cap[fwd] = c.capacity - c.flow;
    this.cap[rev] = c.flow;
    if (c.flow < c.capacity) {
      const m = c.marginal(c.flow + 1);
      this.c0[fwd] = m[0];
      this.c1[fwd] = m[1];
      this.c2[fwd] = m[2];
    }
    if (c.flow > 0) {
      const m = c.marginal(c.flow);
      this.c0[rev] = -m[0];
      this.c1[rev] = -m[1];
      this.c2[rev] = -m[2];
    }
  }

  private push(e: number): void {
    const k = this.convexOf[e]!;
    if (k >= 0) {
      this.convexArcs[k]!.flow += (e & 1) === 0 ? 1 : -1;
      this.refreshConvex(k);
    } else {
      this.cap[e]! -= 1;
      this.cap[e ^ 1]! += 1;
    }
  }

  /** Whether the residual arc e out of u has reduced cost exactly zero. */
  private tight(u: number, e: number): boolean {
    const v = this.to[e]!;
    return (
      this.c0[e]! + this.p0[u]! - this.p0[v]! === 0 &&
      this.c1[e]! + this.p1[u]! - this.p1[v]! === 0 &&
      this.c2[e]! + this.p2[u]! - this.p2[v]! === 0
    );
  }

  /** Sends as much flow as possible from s to t at the least cost; returns the flow value. */
  minCostMaxFlow(s: number, t: number, limit = Number.POSITIVE_INFINITY): number {
    this.seal();
    let flow = 0;
    const n = this.nodes;
    const d0 = new Float64Array(n);
    const d1 = new Float64Array(n);
    const d2 = new Float64Array(n);
    const done = new Uint8Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const path = new Int32Array(n);
    while (flow < limit) {
      if (!this.dijkstra(s, t, d0, d1, d2, done)) break;
      // π(v) += min(d(v), d(t)): arcs on shortest paths become tight, none turns negative.
      for (let v = 0; v < n; v++) {
        const w = done[v] ? v : t;
        this.p0[v]! += d0[w]!;
        this.p1[v]! += d1[w]!;
        this.p2[v]! += d2[w]!;
      }
      // Blocking flows (Dinic) over tight arcs, one unit per path.
      for (;;) {
        if (!this.levels(s, t, level, queue)) break;
        iter.set(this.head.subarray(0, n));
        let pushed = 0;
        while (flow < limit && this.augment(s, t, level, iter, path)) {
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
    const { to, cap, c0, c1, c2, p0, p1, p2, head, adj } = this;
    while (heap.size > 0) {
      const u = heap.pop(d0, d1, d2, done);
      if (u < 0) break;
      done[u] = 1;
      if (u === t) return true;
      const pu0 = p0[u]! + d0[u]!;
      const pu1 = p1[u]! + d1[u]!;
      const pu2 = p2[u]! + d2[u]!;
      for (let i = head[u]!, end = head[u + 1]!; i < end; i++) {
        const e = adj[i]!;
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        if (done[v]) continue;
        const n0 = c0[e]! + pu0 - p0[v]!;
        const n1 = c1[e]! + pu1 - p1[v]!;
        const n2 = c2[e]! + pu2 - p2[v]!;
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

  private levels(s: number, t: number, level: Int32Array, queue: Int32Array): boolean {
    level.fill(-1);
    level[s] = 0;
    queue[0] = s;
    let tail = 1;
    const { to, cap, head, adj } = this;
    for (let qi = 0; qi < tail; qi++) {
      const u = queue[qi]!;
      for (let i = head[u]!, end = head[u + 1]!; i < end; i++) {
        const e = adj[i]!;
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === -1 && this.tight(u, e)) {
          level[v] = level[u]! + 1;
          queue[tail++] = v;
        }
      }
    }
    return level[t] !== -1;
  }

  /** One unit along a tight, level-increasing path (iterative DFS with current-arc pointers into adj). */
  private augment(s: number, t: number, level: Int32Array, iter: Int32Array, path: Int32Array): boolean {
    let depth = 0;
    let u = s;
    const { to, cap, head, adj } = this;
    for (;;) {
      if (u === t) {
        for (let i = 0; i < depth; i++) this.push(path[i]!);
        return true;
      }
      let advanced = false;
      const end = head[u + 1]!;
      while (iter[u]! < end) {
        const e = adj[iter[u]!]!;
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === level[u]! + 1 && this.tight(u, e)) {
          path[depth++] = e;
          u = v;
          advanced = true;
          break;
        }
        iter[u]!++;
      }
      if (advanced) continue;
      // Dead end: retreat and skip the arc that led here.
      if (u === s) return false;
      level[u] = -1;
      const back = path[--depth]!;
      u = to[back ^ 1]!;
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
