/**
 * Shared shapes of the ingestion pipeline: raw text copied from a government site → one draft content file
 * per document, with every decision recorded. Plain data, no behaviour.
 */
import type { DocumentFrontmatterInput } from '../../schemas/document.ts';
import type { MetricDefinition } from '../../schemas/metric.ts';
import type { Topic } from '../../schemas/topic.ts';
import type { RegionIndex } from '../regions.ts';

/** One line of the input, 1-based line number, without its line break. */
export interface SourceLine {
  no: number;
  text: string;
}

/** An input line that is not in any body, and why. Together with the bodies it accounts for every line. */
export interface DroppedLine {
  /** Why the line is not in the body, e.g. `run of bare dates (site navigation)` or `duplicate of line 36`. */
  reason: string;
  /** The line as it was in the input. */
  text: string;
  /** Its line number in the input. */
  line: number;
}

/** Something the draft's front matter says and where it was read from: the report's main content. */
export interface Inference {
  /** Front-matter field, e.g. `region` or `period.half`. */
  field: string;
  /** The value as written into the draft. */
  value: unknown;
  /** Where it comes from, in words a maintainer can check, e.g. `metadata 公开主体 (line 5)`. */
  from: string;
}

/** A field the draft leaves out because the text does not say it. */
export interface Missing {
  field: string;
  why: string;
}

export interface DraftReport {
  inferred: Inference[];
  missing: Missing[];
  /** Decisions worth a maintainer's eye: duplicates removed, documents split, conflicting clues. */
  notes: string[];
  /** Civil-affairs figures the body states that no metric holds (照料护理标准, 月人均补差), for review. */
  notInModel?: NotInModel[];
}

/** A figure the body states that no metric of the model holds, e.g. 照料护理标准 or 月人均补差 (a metric's `excludes`). */
export interface NotInModel {
  /** The phrase that names it, as read (simplified), e.g. `人均补助`. */
  subject: string;
  /** The exact fragment of the body that states it, e.g. `人均补助113元`. */
  quote: string;
}

/**
 * Front matter of a draft: the content model's fields, each present only when the text states it. Key order
 * is the schema's; `title` may be editorial (`title_editorial: true`).
 */
export type DraftFrontmatter = Partial<DocumentFrontmatterInput> & Record<string, unknown>;

export interface Draft {
  /** The input file's name, e.g. `002_985ea9ae95b164a0.txt`. */
  input: string;
  /** 1-based position of this document in its input file. */
  index: number;
  /** First and last input line of the document's span. */
  lines: [number, number];
  frontmatter: DraftFrontmatter;
  /** Markdown body. */
  body: string;
  dropped: DroppedLine[];
  report: DraftReport;
  /**
   * Why the draft waits for a maintainer's decision outside content/documents/ although its region, period and
   * kind are known, e.g. `a news report (…), not a bureau's own document`.
   */
  held?: string;
}

/** The definitions ingestion works against: the same metrics, topics and regions the build validates with. */
export interface IngestContext {
  regions: RegionIndex;
  metrics: Map<string, MetricDefinition>;
  topics: Map<string, Topic>;
}

/** Result of reading one input file: either its drafts or the reason it was refused. */
export type IngestResult =
  | { ok: true; file: string; encoding: string; drafts: Draft[] }
  | { ok: false; file: string; reason: string };
