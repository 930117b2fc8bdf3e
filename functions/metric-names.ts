/**
 * The custom metrics, defined once: the functions emit them with Powertools
 * Metrics (EMF) in namespace `OcopPulse`, dimension `service` = the function
 * id (Powertools adds it from POWERTOOLS_SERVICE_NAME); the CDK app alarms on
 * and charts them by these names.
 */
export const METRICS_NAMESPACE = 'OcopPulse';

/** The dimension Powertools Metrics adds to every metric, valued with POWERTOOLS_SERVICE_NAME (the function id). */
export const SERVICE_DIMENSION = 'service';

export const metricNames = {
  /** project-event: one per event, by outcome. */
  eventsAccepted: 'EventsAccepted',
  eventsDuplicate: 'EventsDuplicate',
  eventsWaiting: 'EventsWaiting',
  eventsRejected: 'EventsRejected',
  eventsFailed: 'EventsFailed',
  /** project-event: a chunk of a long queue of waiting events settled (at most 250 an invocation). */
  waitingChunksSettled: 'WaitingChunksSettled',
  /** recompute-snapshot. */
  snapshotRecomputed: 'SnapshotRecomputed',
  snapshotWritten: 'SnapshotWritten',
  /** send-kpi-report. */
  reportRunsWithoutSnapshot: 'ReportRunsWithoutSnapshot',
  reportEmailsSent: 'ReportEmailsSent',
  reportEmailsAlreadySent: 'ReportEmailsAlreadySent',
  reportEmailsFailed: 'ReportEmailsFailed',
  /** announce-rejections: announced by this sweep, and still unannounced after it. */
  rejectionsAnnouncedBySweep: 'RejectionsAnnouncedBySweep',
  rejectionsUnannounced: 'RejectionsUnannounced',
} as const;

export type MetricName = (typeof metricNames)[keyof typeof metricNames];
