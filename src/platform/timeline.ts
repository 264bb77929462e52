/**
 * The IKM timeline's extension point: every feature that knows something dated about an IKM (events
 * attended, programmes and outcomes, legal documents; later nominations, scores, stars, certificates)
 * adds a source, and the timeline page merges them. Like the profile panels, sources are registered
 * in app.ts, so the page never imports the features that feed it and no feature imports the page.
 */
import type { Db } from '../db/client.ts';
import type { Actor } from './actor.ts';
import type { Lang } from './domain.ts';

/** What a source is given: the database, who is looking (for scope and links) and their language. */
export interface TimelineContext {
  db: Db;
  actor: Actor;
  lang: Lang;
}

/** The IKM a timeline is about (the registry's row; sources need no more than this). */
export interface TimelineSubject {
  id: string;
  name: string;
  kabkotaCode: string;
  provinceCode: string;
}

export type TimelineTone = 'grey' | 'blue' | 'green' | 'yellow' | 'red' | 'purple';

/** One dated thing in an IKM's history, already worded in the reader's language. */
export interface TimelineEntry {
  /** The calendar date it happened on, `YYYY-MM-DD` in the province's zone. */
  date: string;
  /** A stable code of what it is: `event`, `programme`, `outcome`, `legal_document`, `nomination`, `star`… */
  kind: string;
  /** The kind in the reader's words, shown as a tag. */
  kindLabel: string;
  tone?: TimelineTone;
  title: string;
  detail?: string | undefined;
  /** A page to open, only when the reader may open it. */
  href?: string | undefined;
  /** A state word beside the title (attended, obtained, expired…). */
  status?: { label: string; tone: TimelineTone } | undefined;
}

/** A source of timeline entries. */
export type TimelineSource = (ctx: TimelineContext, ikm: TimelineSubject) => Promise<TimelineEntry[]>;

/** One aspect's score in one round, on its own scale (`score` of `max`). */
export interface AspectScore {
  code: string;
  name: string;
  score: number;
  max: number;
}

/** One round of an IKM's assessment history: its star (null when none was given) and aspect scores. */
export interface TrajectoryPoint {
  /** The round's name, e.g. "OVOP 2024". */
  label: string;
  /** When the result was decided, `YYYY-MM-DD`; points are drawn in this order. */
  date: string;
  star: number | null;
  /** The round's star scale (5 before 2022, 3 since). */
  maxStar: number;
  aspects: AspectScore[];
}

/** A source of trajectory points (the assessment and awards features will add theirs). */
export type TrajectorySource = (ctx: TimelineContext, ikm: TimelineSubject) => Promise<TrajectoryPoint[]>;

/** The registered sources, in registration order. */
export class TimelineRegistry {
  private readonly sources = new Set<TimelineSource>();
  private readonly trajectories = new Set<TrajectorySource>();

  /** Adds a source of entries (adding the same function again changes nothing). */
  addSource(source: TimelineSource): void {
    this.sources.add(source);
  }

  /** Adds a source of trajectory points. */
  addTrajectory(source: TrajectorySource): void {
    this.trajectories.add(source);
  }

  /** Every entry of every source, newest first (same day: in source order). */
  async entries(ctx: TimelineContext, ikm: TimelineSubject): Promise<TimelineEntry[]> {
    const all: TimelineEntry[] = [];
    for (const source of this.sources) all.push(...(await source(ctx, ikm)));
    return all
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : a.i - b.i))
      .map(({ e }) => e);
  }

  /** Every trajectory point, oldest first. */
  async trajectory(ctx: TimelineContext, ikm: TimelineSubject): Promise<TrajectoryPoint[]> {
    const all: TrajectoryPoint[] = [];
    for (const source of this.trajectories) all.push(...(await source(ctx, ikm)));
    return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}

/** The IKM timeline's sources; app.ts registers them. */
export const ikmTimeline = new TimelineRegistry();
