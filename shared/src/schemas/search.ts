import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_SUGGESTIONS } from '../limits';
import { CatalogFreshnessSchema, ItemSummarySchema, PackageSummarySchema, pageQueryInt } from './catalog';

/**
 * Search over items and 一件事 packages the way citizens ask: everyday words,
 * verbs in front, pinyin, one wrong character, traditional characters,
 * English. Items of one family (主项) come as one result with their matching
 * 情形 variants under it.
 */

const TOO_LONG = `搜索内容请不超过 ${MAX_QUERY_LENGTH} 个字`;
const ASK_FOR_WORDS = '请输入要找的事项，例如“护照”或“新生儿落户”';

export const SearchQuerySchema = z
  .object({
    q: z.string({ error: ASK_FOR_WORDS }).trim().min(1, ASK_FOR_WORDS).max(MAX_QUERY_LENGTH, TOO_LONG),
    page: pageQueryInt(1, 1000, '页码应为 1 到 1000 的整数'),
    pageSize: pageQueryInt(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, `每页条数应为 1 到 ${MAX_PAGE_SIZE} 的整数`),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchFamilySchema = z
  .object({
    name: z.string().describe('The family (主项), e.g. 普通护照'),
    situationCount: z.number().int().describe('How many 情形 variants the family has online'),
    matched: z
      .array(ItemSummarySchema)
      .describe('The other variants of the family that match the query, best first (the result item is not repeated)'),
  })
  .meta({ id: 'SearchFamily' });
export type SearchFamily = z.infer<typeof SearchFamilySchema>;

export const SearchItemHitSchema = z
  .object({
    kind: z.literal('item'),
    item: ItemSummarySchema.describe('The best variant of its family for this query'),
    family: SearchFamilySchema.optional().describe('Present when the family has more than one 情形 variant'),
  })
  .meta({ id: 'SearchItemHit' });
export type SearchItemHit = z.infer<typeof SearchItemHitSchema>;

export const SearchPackageHitSchema = z
  .object({ kind: z.literal('package'), package: PackageSummarySchema })
  .meta({ id: 'SearchPackageHit' });
export type SearchPackageHit = z.infer<typeof SearchPackageHitSchema>;

export const SearchHitSchema = z.discriminatedUnion('kind', [SearchItemHitSchema, SearchPackageHitSchema]);
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const HelpPhoneSchema = z
  .object({
    name: z.string().describe('e.g. 12345 政务服务便民热线, 出入境咨询电话'),
    number: z.string(),
  })
  .meta({ id: 'HelpPhone' });
export type HelpPhone = z.infer<typeof HelpPhoneSchema>;

/** What a search that found nothing offers instead: never an empty page. */
export const SearchHelpSchema = z
  .object({
    didYouMean: z.array(ItemSummarySchema).describe('您是不是要找: the items nearest to the words'),
    hot: z.array(ItemSummarySchema).describe('The most requested items'),
    phones: z.array(HelpPhoneSchema).describe('12345 and the halls’ enquiry numbers'),
  })
  .meta({ id: 'SearchHelp' });
export type SearchHelp = z.infer<typeof SearchHelpSchema>;

export const SearchResponseSchema = z
  .object({
    query: z.object({
      text: z.string().describe('The query as received'),
      terms: z.array(z.string()).describe('The words the search understood, after dropping 办/怎么/我要 …'),
    }),
    results: z.array(SearchHitSchema).describe('Items (grouped by family) and packages, best first'),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe('Results over all pages'),
    hasMore: z.boolean(),
    help: SearchHelpSchema.optional().describe('Present when nothing matched'),
    catalog: CatalogFreshnessSchema,
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const SuggestQuerySchema = z
  .object({ q: z.string({ error: TOO_LONG }).trim().max(MAX_QUERY_LENGTH, TOO_LONG).default('') })
  .strict();
export type SuggestQuery = z.infer<typeof SuggestQuerySchema>;

export const SuggestionSchema = z
  .object({
    kind: z.enum(['item', 'package']),
    code: z.string().describe('Item or package code: opens its guide or package page'),
    text: z.string().describe('What to show, e.g. 普通护照首次申领'),
    family: z.string().optional().describe('For an item: its family, e.g. 普通护照'),
  })
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestResponseSchema = z
  .object({
    suggestions: z.array(SuggestionSchema).max(MAX_SUGGESTIONS),
    catalog: CatalogFreshnessSchema,
  })
  .meta({ id: 'SuggestResponse' });
export type SuggestResponse = z.infer<typeof SuggestResponseSchema>;
