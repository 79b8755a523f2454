import { defineCollection } from 'astro:content';
import { documentFrontmatterSchema } from './schemas/document.ts';
import { metricDefinitionSchema } from './schemas/metric.ts';
import { regionSchema } from './schemas/region.ts';
import { topicSchema } from './schemas/topic.ts';
import { withdrawnDocumentSchema } from './schemas/withdrawn.ts';
import { definitionsLoader, documentsLoader, regionsLoader, withdrawnLoader } from './lib/content-loaders.ts';

export const collections = {
  documents: defineCollection({ loader: documentsLoader(), schema: documentFrontmatterSchema }),
  metrics: defineCollection({ loader: definitionsLoader('metrics'), schema: metricDefinitionSchema }),
  topics: defineCollection({ loader: definitionsLoader('topics'), schema: topicSchema }),
  regions: defineCollection({ loader: regionsLoader(), schema: regionSchema }),
  withdrawn: defineCollection({ loader: withdrawnLoader(), schema: withdrawnDocumentSchema }),
};
