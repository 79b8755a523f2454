import { z } from 'zod';

/** A topic of civil-affairs work (养老服务, 社会救助 …), one YAML file per topic in `content/topics/<id>.yaml`. */
export const topicSchema = z.object({
  /** Chinese name shown on pages, e.g. `养老服务`. */
  name: z.string().min(1),
  /** English name, e.g. `Elderly care`. */
  name_en: z.string().min(1),
  /** One sentence on what the topic covers, in Chinese. */
  description: z.string().min(1),
  /** Words whose presence in a document suggests the topic; used by ingestion to propose topics. */
  keywords: z.array(z.string().min(1)).default([]),
}).strict();

export type TopicInput = z.input<typeof topicSchema>;
export type Topic = z.output<typeof topicSchema>;
