/** The environment the functions see in integration tests. */
process.env.OCOP_PROVINCE ??= 'tra-vinh';
process.env.POWERTOOLS_SERVICE_NAME ??= 'ocop-pulse-test';
