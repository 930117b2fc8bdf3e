/**
 * Import first in a test file whose handlers run many times: Powertools
 * writes only errors and no metrics, so the test output stays readable.
 * (Errors still show: a 500 of the API or a failed projection is logged.)
 */
process.env.POWERTOOLS_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
