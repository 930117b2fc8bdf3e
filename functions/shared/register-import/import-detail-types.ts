import type { InboundDetailType } from '../../../events/catalog';

/** The kinds of event a register import publishes (row-events.ts): the http-api function may put these, as the province, and no other. */
export const IMPORT_DETAIL_TYPES = ['ProductRegistered', 'ProductRated', 'ProductListedOnMarketplace', 'ProductTraceabilityEnrolled'] as const satisfies readonly InboundDetailType[];
