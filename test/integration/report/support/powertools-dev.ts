/**
 * Import first in a test file: Powertools logger and metrics then write
 * through the global console (POWERTOOLS_DEV), which a test can capture, with
 * metrics still emitted.
 */
process.env.POWERTOOLS_DEV = 'true';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
